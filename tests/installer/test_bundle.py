"""Build the Linux one-folder bundle and run what IT runs on a freshly installed station.

Marked ``bundle``: it runs PyInstaller (a minute or two of CPU) and is deselected
by the everyday test run; ``.ci/run`` runs it when it has time. The module-scoped
fixture builds once into dist/YimaScan (as ``python installer/build.py`` does).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support import ROOT

sys.path.insert(0, str(ROOT / "installer"))

import bundle_layout as layout

import build

pytestmark = pytest.mark.bundle

# A cold machine pays for this; the 300 s default timeout does not fit a PyInstaller run.
BUILD_TIMEOUT_S = 1800


def frozen(*args: str, data_dir: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree or the venv
    return subprocess.run(
        [str(layout.executable()), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=data_dir,
    )


@pytest.fixture(scope="module")
def bundle() -> Path:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--no-installer"],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    return layout.bundle_dir()


@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_bundle_carries_zbar_resources_and_no_unused_qt(bundle: Path) -> None:
    assert build.check_bundle(bundle) == []
    manifest = (layout.DIST_DIR / f"{layout.BUNDLE_NAME}.sha256").read_text().splitlines()
    assert any(line.endswith("  YimaScan") for line in manifest)
    assert not list((bundle / "_internal").glob("psycopg*")), "PostgreSQL driver bundled"


@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_self_test_passes(bundle: Path, tmp_path: Path) -> None:
    done = frozen("--self-test", "--json", data_dir=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    results = {r["name"]: r for r in json.loads(done.stdout)}
    for name in ("database", "decoders", "sample photos", "serial", "qt", "translations"):
        assert results[name]["ok"], results[name]
    assert "platform offscreen" in results["qt"]["detail"]
    assert "Traceback" not in done.stderr


@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_self_test_subcommand_fails_on_a_damaged_station(
    bundle: Path, tmp_path: Path
) -> None:
    (tmp_path / "station.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    done = frozen("self-test", data_dir=tmp_path)
    assert done.returncode == 1
    assert "FAILED: station database" in done.stdout


@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_backup_and_restore(bundle: Path, tmp_path: Path) -> None:
    from app.domain.store.database import open_database

    open_database(tmp_path / "station.sqlite3")
    made = frozen("backup", "--to", str(tmp_path / "copy.sqlite3"), data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    restored = frozen("restore", str(tmp_path / "copy.sqlite3"), data_dir=tmp_path)
    assert restored.returncode == 0, restored.stderr


@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_installer_script_packs_the_real_bundle(bundle: Path, tmp_path: Path) -> None:
    """makensis compiles the Windows script around this bundle's 2000-odd files (uncompressed, fast).

    The payload is the Linux bundle, so the result only proves the script and the
    file list; the Windows bundle is packed by the CI workflow.
    """
    assert build.find_makensis(), "makensis missing: apt-get install nsis"
    setup = build.build_installer(bundle, version=None, outfile=tmp_path / "setup.exe", fast=True)
    assert setup is not None
    with setup.open("rb") as handle:
        assert handle.read(2) == b"MZ"
    real_files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    assert setup.stat().st_size > sum(p.stat().st_size for p in real_files) * 0.9


@pytest.mark.timeout(BUILD_TIMEOUT_S)
def test_frozen_demo_server_answers(bundle: Path, tmp_path: Path) -> None:
    """uvicorn picks its loop and protocol modules by name: the bundle must have collected them."""
    import socket

    import requests

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [
            str(layout.executable()),
            "server",
            "--db",
            str(tmp_path / "s.sqlite3"),
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "server.err").open("wb"),
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = requests.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except requests.ConnectionError:
                said = (tmp_path / "server.err").read_text(errors="replace")[-3000:]
                assert server.poll() is None, f"the frozen server exited: {said}"
                assert time.monotonic() < deadline, "the frozen server did not answer"
                time.sleep(0.2)
        # head office's console and the API docs, with the assets the server serves itself
        pages = {
            path: requests.get(f"http://127.0.0.1:{port}{path}", timeout=10).status_code
            for path in ("/console/login", "/console/static/console.css", "/docs",
                         "/static-offline-docs/swagger-ui-bundle.js")
        }  # fmt: skip
    finally:
        server.terminate()
        server.wait(10)
    assert answer.status_code == 200 and answer.json()["status"] == "ok"
    assert pages == dict.fromkeys(pages, 200)
