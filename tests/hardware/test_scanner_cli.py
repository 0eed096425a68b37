"""``python main.py scan-test`` as IT runs it: a real process on real ptys, sockets, videos and pictures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from hardware.simulators import (
    TcpGunServer,
    VirtualSerialGun,
    frame_with_codes,
    sample_code,
    write_video,
)
from tests.support import ROOT

SAMPLES = ROOT / "resources" / "samples"


def scan_test(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "scan-test", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


class Running:
    """scan-test in the background, waiting until its scanner is connected."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "main.py", "scan-test", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        self.stderr: list[str] = []
        self.connected = threading.Event()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stderr(self) -> None:
        for line in self.process.stderr:
            self.stderr.append(line)
            if line.rstrip().endswith(" connected"):
                self.connected.set()

    def finish(self, timeout: float = 30) -> tuple[int, list[dict]]:
        out, _ = self.process.communicate(timeout=timeout)
        return self.process.returncode, [
            json.loads(line) for line in out.splitlines() if line.strip()
        ]


def test_a_picture_of_labels_prints_each_code_parsed():
    result = scan_test("--source", f"image:{SAMPLES / 'labels.jpg'}", "--json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_symbology = {r["symbology"]: r for r in records}
    assert set(by_symbology) == {"]Q1", "]d2", "]C1", "]E0"}
    assert by_symbology["]d2"]["code"]["key"] == "sgtin:06901234567892.Sn000001"
    assert by_symbology["]d2"]["text"] == "010690123456789221Sn000001\x1d10L01A"
    assert "finished" in result.stderr


def test_text_output_shows_gs_and_the_key():
    result = scan_test("--source", f"image:{SAMPLES / 'labels.jpg'}")
    assert "010690123456789221Sn000001<GS>10L01A  (AIM ]d2)" in result.stdout
    assert "gs1  key sgtin:06901234567892.Sn000001  level item" in result.stdout


def test_a_video_file_stops_at_count(tmp_path):
    codes = [sample_code("datamatrix", 5), sample_code("qr", 6)]
    video = write_video(
        tmp_path / "clip.avi", [frame_with_codes(codes, "clean", seed=n) for n in range(8)]
    )
    result = scan_test("--source", f"file:{video}?pace=0", "--json", "--count", "2")
    assert result.returncode == 0, result.stderr
    assert sorted(json.loads(line)["text"] for line in result.stdout.splitlines()) == sorted(
        c.text for c in codes
    )


def test_a_serial_gun_through_a_pty_with_a_rejected_read(tmp_path):
    with VirtualSerialGun(tmp_path) as gun:
        running = Running(
            "--source",
            f"serial:{gun.path}?encoding=gbk",
            "--json",
            "--count",
            "2",
            "--timeout",
            "30",
        )
        assert running.connected.wait(20), running.stderr
        gun.scan("010690123456789221SERIAL01", terminator=b"\r\n")
        gun.write(b"AB\x07\r")
        gun.scan("一码扫", encoding="gbk")
        code, records = running.finish()
    assert code == 0
    assert [r.get("text") or r.get("rejected") for r in records] == [
        "010690123456789221SERIAL01",
        "control_chars",
        "一码扫",
    ]
    assert records[0]["code"]["key"] == "sgtin:06901234567892.SERIAL01"
    assert (
        records[0]["terminator"] == "\r\n" and records[2]["raw_hex"] == "一码扫".encode("gbk").hex()
    )


def test_a_network_scanner():
    with TcpGunServer() as server:
        running = Running("--source", server.spec, "--json", "--count", "1", "--timeout", "30")
        assert server.wait_connected(20)
        assert running.connected.wait(20), running.stderr
        server.scan("TCP-GUN-0001")
        code, records = running.finish()
    assert code == 0 and [r["text"] for r in records] == ["TCP-GUN-0001"]


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("serial:COM3?baud=fast", "baud=fast is not valid"),
        ("wedge", "keyboard-wedge"),
        ("printer:1", "Unknown scanner type"),
    ],
)
def test_specs_it_cannot_use_exit_2_with_the_reason(spec, words):
    result = scan_test("--source", spec)
    assert result.returncode == 2 and words in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_picture_is_reported_and_exits_1(tmp_path):
    result = scan_test("--source", f"image:{tmp_path / 'none.png'}")
    assert result.returncode == 1
    assert "REJECTED unreadable" in result.stdout and "Traceback" not in result.stderr


def test_nothing_scanned_before_the_timeout_exits_1(tmp_path):
    with VirtualSerialGun(tmp_path) as gun:
        result = scan_test("--source", f"serial:{gun.path}", "--timeout", "1.5")
    assert result.returncode == 1 and "connected" in result.stderr
