"""``main.py self-test``: real parts checked, every failure named with its reason, non-zero exit."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from app.commands import self_test
from app.paths import database_path, resources_dir
from app.ui import self_check
from tests.support import ROOT


def _run(*args, env=None):
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def test_passes_on_a_working_machine_as_a_real_process():
    done = _run("self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:3] == ["check", "result", "seconds"]
    for name in ("database", "decoders", "qt", "sounds", "translations"):
        assert any(line.startswith(name) and " ok " in line for line in lines), name
    assert lines[-1] == "all checks passed"


def test_json_output_and_the_station_database(tmp_path):
    done = _run("--data-dir", str(tmp_path), "self-test", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(done.stdout)
    names = [r["name"] for r in results]
    assert names == [
        "database",
        "station database",
        "decoders",
        "sample photos",
        "serial",
        "qt",
        "sounds",
        "translations",
    ]
    assert all(r["ok"] for r in results)
    assert "not created yet" in results[1]["detail"]


def test_a_damaged_station_database_fails_with_the_reason(tmp_path):
    database_path(tmp_path).write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    done = _run("--data-dir", str(tmp_path), "self-test", "--json")
    assert done.returncode == 1
    results = {r["name"]: r for r in json.loads(done.stdout)}
    assert not results["station database"]["ok"]
    assert "DatabaseDamaged" in results["station database"]["detail"]
    assert results["database"]["ok"] and results["qt"]["ok"]  # the other checks still ran
    assert "Traceback" not in done.stdout + done.stderr


def test_missing_translations_fail_by_name(qapp, tmp_path, monkeypatch):
    fake = tmp_path / "resources"
    (fake / "i18n").mkdir(parents=True)
    shutil.copy(resources_dir() / "i18n" / "shell_zh_CN.ts", fake / "i18n")
    shutil.copy(resources_dir() / "i18n" / "codes_zh_CN.qm", fake / "i18n")
    monkeypatch.setattr(self_check, "resources_dir", lambda: fake)
    with pytest.raises(RuntimeError, match=r"not compiled: shell_zh_CN\.ts"):
        self_check.check_translations()


def test_a_translation_that_lost_the_known_string_fails(qapp, tmp_path, monkeypatch):
    fake = tmp_path / "resources"
    (fake / "i18n").mkdir(parents=True)
    shutil.copy(resources_dir() / "i18n" / "codes_zh_CN.qm", fake / "i18n")
    monkeypatch.setattr(self_check, "resources_dir", lambda: fake)
    with pytest.raises(RuntimeError, match="'Warehouse' came out as 'Warehouse'"):
        self_check.check_translations()


def test_each_failure_is_reported_and_the_table_says_which(monkeypatch, capsys):
    def broken():
        raise OSError("disk full")

    monkeypatch.setattr(self_test, "check_database", broken)
    monkeypatch.setattr(
        self_test, "check_decoders", lambda: (_ for _ in ()).throw(ImportError("pyzbar"))
    )
    monkeypatch.setattr(self_check, "check_translations", lambda: "stubbed")  # tested above
    code = self_test.run(type("Args", (), {"json": False, "data_dir": None})())
    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED  " in out and "OSError: disk full" in out
    assert "missing library: pyzbar" in out
    assert out.strip().endswith("FAILED: database, decoders")


def test_a_sample_photo_that_does_not_decode_fails_by_name(tmp_path, monkeypatch):
    fake = tmp_path / "resources"
    shutil.copytree(resources_dir() / "samples", fake / "samples")
    shutil.copy(fake / "samples" / "brand-qr.png", fake / "samples" / "ean13.png")
    monkeypatch.setattr("app.paths.resources_dir", lambda: fake)
    with pytest.raises(RuntimeError, match=r"read ean13\.png as 'brand:SAMPLE0002'"):
        self_test.check_samples()
    (fake / "samples" / "ean13.png").write_bytes(b"not a png")
    with pytest.raises(RuntimeError, match="OpenCV could not read"):
        self_test.check_samples()
    (fake / "samples" / "ean13.png").unlink()
    with pytest.raises(RuntimeError, match=r"ean13\.png is missing"):
        self_test.check_samples()


def test_the_serial_check_round_trips_through_loop():
    assert "loop:// echoed" in self_test.check_serial_loop()
