"""The Qt-free packages stay type-clean: mypy, configured in pyproject.toml ([tool.mypy]: which
packages, how strict, which untyped libraries are let through), runs here on every suite run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT


def mypy(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_mypy_finds_no_errors_in_the_qt_free_packages(tmp_path):
    result = mypy(tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_configuration_checks_untyped_bodies_and_half_typed_signatures(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def untyped():\n    return 1 + 'a'\n\n\ndef half(x: int, y):\n    return x\n",
        encoding="utf-8",
    )
    result = mypy(tmp_path / "cache", str(sample))
    assert result.returncode == 1
    assert "[operator]" in result.stdout  # check_untyped_defs
    assert "[no-untyped-def]" in result.stdout  # disallow_incomplete_defs
