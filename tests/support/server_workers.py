"""The reference server as a deployment runs it: ``main.py server --workers N`` in a child
process on loopback, for the scale-out test and the server benchmark."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import requests

from tests.support import ROOT
from tests.support.pg_cluster import free_port


@contextlib.contextmanager
def start_workers(db_url: str, snapshots: Path, workers: int) -> Iterator[str]:
    """Start the server with ``workers`` processes; yields its URL, stops it after."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "main.py", "server", "--db", db_url, "--port", str(port),
         "--workers", str(workers), "--snapshot-dir", str(snapshots), "--log-level", "warning"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(url + "/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert process.poll() is None, process.stdout.read().decode()
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
