"""The benchmarks still run: ``python -m tests.bench --quick`` on tiny data prints a row for every area."""

import os
import subprocess
import sys

import pytest

from tests.support import ROOT

AREAS = {
    "codes",
    "console",
    "counter",
    "dashboard",
    "inspector",
    "scanners",
    "server",
    "shell",
    "snapshot",
    "store",
    "sync",
    "warehouse",
}


@pytest.mark.slow
def test_every_benchmark_runs_on_tiny_data(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "YIMA_BENCH_CACHE": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    table = done.stdout.splitlines()
    assert table[0].split()[:3] == ["area", "metric", "value"]
    assert {line.split()[0] for line in table[2:] if line.strip()} == AREAS
