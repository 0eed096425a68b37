"""The installer's rollout.json reaches the station's settings once per distinct file."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from app import rollout
from app.settings import Settings
from tests.support import ROOT


def nsis_file(path: Path, **values: str) -> Path:
    """Bytes as the installer writes them: FileWriteWord 0xFEFF, then FileWriteUTF16LE with CRLF."""
    body = json.dumps({"server_url": "", "enroll_code": "", "language": "", **values})
    path.write_bytes(b"\xff\xfe" + (body + "\r\n").encode("utf-16-le"))
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.in_data_dir(tmp_path / "data")


def test_first_start_takes_over_server_language_and_enrollment_code(
    settings: Settings, tmp_path: Path
) -> None:
    path = nsis_file(
        tmp_path / "rollout.json",
        server_url="https://yima.example.cn/api/",
        enroll_code="K7-4431",
        language="zh_CN",
    )
    applied = rollout.apply(settings, path)
    assert applied == rollout.Rollout("https://yima.example.cn/api/", "K7-4431", "zh_CN")
    reread = Settings.in_data_dir(tmp_path / "data")  # saved to the data folder, not just in memory
    assert reread.server_url == "https://yima.example.cn/api"
    assert reread.language == "zh_CN"
    assert reread.get(rollout.ENROLL_CODE_KEY) == "K7-4431"


def test_applied_once_so_a_later_operator_change_stands(settings: Settings, tmp_path: Path) -> None:
    path = nsis_file(tmp_path / "rollout.json", server_url="https://a.example.cn")
    assert rollout.apply(settings, path) is not None
    settings.server_url = "https://changed-by-it-on-site.example.cn"
    assert rollout.apply(settings, path) is None
    assert settings.server_url == "https://changed-by-it-on-site.example.cn"
    # IT re-runs the installer with a new /SERVER=: a new file is applied
    nsis_file(path, server_url="https://b.example.cn")
    assert rollout.apply(settings, path) is not None
    assert settings.server_url == "https://b.example.cn"


def test_empty_values_leave_settings_alone(settings: Settings, tmp_path: Path) -> None:
    settings.language = "en"
    settings.server_url = "https://kept.example.cn"
    rollout.apply(settings, nsis_file(tmp_path / "rollout.json", enroll_code="X1"))
    assert settings.language == "en" and settings.server_url == "https://kept.example.cn"
    assert settings.get(rollout.ENROLL_CODE_KEY) == "X1"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff\xfe" + "{not json".encode("utf-16-le"), "not a JSON file"),
        (b"[1, 2]", "JSON object"),
        (b'{"server_url": "ftp://x"}', "must start with https://"),
        (b'{"language": "fr"}', "language 'fr'"),
        (b'{"enroll_code": 42}', "enroll_code must be text"),
    ],
)
def test_bad_file_is_logged_and_ignored(
    settings: Settings,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    content: bytes,
    reason: str,
) -> None:
    path = tmp_path / "rollout.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="app.rollout"):
        assert rollout.apply(settings, path) is None
    assert reason in caplog.text
    assert settings.get(rollout.APPLIED_KEY) is None  # a corrected file is still applied later


def test_default_path_is_beside_the_frozen_executable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(rollout.ENV_FILE, raising=False)
    assert rollout.default_path() is None  # from source
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Yima Scan" / "YimaScan.exe"))
    assert rollout.default_path() == (tmp_path / "Yima Scan" / "rollout.json").resolve()
    monkeypatch.setenv(rollout.ENV_FILE, str(tmp_path / "other.json"))
    assert rollout.default_path() == tmp_path / "other.json"


def test_missing_file_is_not_an_error(settings: Settings, tmp_path: Path) -> None:
    assert rollout.apply(settings, tmp_path / "absent.json") is None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_silent_install_settings_enroll_the_station_at_its_first_sync(tmp_path: Path) -> None:
    """The whole rollout path with real processes: installer file -> settings -> enrollment -> sync."""
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="sync.client.credentials.MemoryKeyring",
    )
    env.pop("QT_QPA_PLATFORM", None)

    def main(*args: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args],
            capture_output=True,
            text=True,
            env={**env, **(extra or {})},
            timeout=120,
        )

    db = str(tmp_path / "server.sqlite3")
    assert main("admin", "--db", db, "seed-demo").returncode == 0
    code = main("admin", "--db", db, "enroll-code", "--site", "W01").stdout.strip()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "server", "--db", db, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(url + "/health", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "the reference server did not start"
                time.sleep(0.1)
        (tmp_path / "Yima Scan").mkdir()
        installed = nsis_file(
            tmp_path / "Yima Scan" / "rollout.json", server_url=url, enroll_code=code
        )
        data = tmp_path / "station"
        done = main("--data-dir", str(data), "sync", extra={rollout.ENV_FILE: str(installed)})
    finally:
        server.terminate()
        server.wait(10)
    assert done.returncode == 0, done.stderr
    settings = Settings.in_data_dir(data)
    assert settings.server_url == url
    assert settings.get(rollout.ENROLL_CODE_KEY) == ""  # used up by the enrollment
    assert settings.get(rollout.APPLIED_KEY)
