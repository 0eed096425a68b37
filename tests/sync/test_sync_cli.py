"""``main.py server`` and ``main.py sync`` as real processes, the way IT runs them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest
import requests

from tests.support import ROOT

MAIN = str(ROOT / "main.py")


def _env() -> dict[str, str]:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="sync.client.credentials.MemoryKeyring",
    )
    env.pop("QT_QPA_PLATFORM", None)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, MAIN, *args], capture_output=True, text=True, env=_env(), timeout=120
    )


@pytest.fixture
def server_process(tmp_path):
    port = _free_port()
    db = str(tmp_path / "server.sqlite3")
    seeded = _run("admin", "--db", db, "seed-demo")
    assert seeded.returncode == 0, seeded.stderr
    process = subprocess.Popen(
        [sys.executable, MAIN, "server", "--db", db, "--port", str(port), "--log-level", "warning"],
        env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/health", timeout=1).status_code == 200:
                break
        except requests.ConnectionError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(f"the server did not start: {process.stdout.read() if process.stdout else ''}")
    yield db, url
    process.terminate()
    process.wait(10)


def test_enroll_and_sync_headless_then_exit_codes_say_what_to_do(server_process, tmp_path):
    db, url = server_process
    code = _run("admin", "--db", db, "enroll-code", "--site", "W01").stdout.strip()
    data = str(tmp_path / "station")
    done = _run("--data-dir", data, "sync", "--enroll", code, "--server", url, "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout[done.stdout.index("{") :])
    assert answer["ok"] and answer["pulled_changes"] > 100 and answer["pending"] == 0
    assert "pull:" in done.stderr  # visible progress

    reused = _run("--data-dir", str(tmp_path / "other"), "sync", "--enroll", code, "--server", url)
    assert reused.returncode == 4 and "enroll" in reused.stderr.lower()
    # a new process has no credential in this test's in-memory keyring: it must ask for enrollment
    assert _run("--data-dir", data, "sync", "--once").returncode == 4
    status = _run("--data-dir", data, "sync", "--status", "--json")
    assert json.loads(status.stdout)["server_url"] == url

    dead = f"http://127.0.0.1:{_free_port()}"
    offline = _run(
        "--data-dir", str(tmp_path / "third"), "sync", "--enroll", "AAAA-BBBB", "--server", dead
    )
    assert offline.returncode == 3 and "cannot be reached" in offline.stderr
