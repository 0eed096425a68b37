"""Serial and network guns through real pseudo-terminals and a real loopback socket."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from hardware.scan import Scan
from hardware.serial_gun import LineFramer, SerialGun, decode_read, find_usb_port
from hardware.simulators import TcpGunServer, VirtualSerialGun, demo_codes
from hardware.source import Rejection, Source, SourceState
from hardware.spec import UsbId, parse


class Recorder:
    """A sink and the source callbacks, recording everything (called on the reader thread)."""

    def __init__(self) -> None:
        self.scans: list[Scan] = []
        self.rejections: list[Rejection] = []
        self.states: list[SourceState] = []
        self._changed = threading.Condition()

    def attach(self, source: Source) -> Source:
        source.on_state = self._state
        source.on_reject = self._reject
        source.start(self._scan)
        return source

    def _scan(self, scan: Scan) -> None:
        with self._changed:
            self.scans.append(scan)
            self._changed.notify_all()

    def _reject(self, rejection: Rejection) -> None:
        with self._changed:
            self.rejections.append(rejection)
            self._changed.notify_all()

    def _state(self, source: Source, state: SourceState) -> None:
        with self._changed:
            self.states.append(state)
            self._changed.notify_all()

    def wait(self, predicate, timeout: float = 10.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: predicate(self), timeout)


@pytest.fixture
def gun(tmp_path):
    with VirtualSerialGun(tmp_path) as virtual:
        yield virtual


@pytest.fixture
def reader():
    started: list[Source] = []

    def start(spec: str, **kwargs) -> tuple[SerialGun, Recorder]:
        recorder = Recorder()
        source = SerialGun(parse(spec), **kwargs)
        started.append(recorder.attach(source))
        return source, recorder

    yield start
    for source in started:
        assert source.stop(timeout=2.0), "the reader thread must stop within its timeout"


def test_thousands_of_scans_at_full_speed_arrive_complete_and_in_order(gun, reader):
    _source, rec = reader(f"serial:{gun.path}?baud=115200&terminator=CR")
    assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
    codes = demo_codes(5000)
    writer = threading.Thread(target=gun.scan_many, args=(codes,))
    writer.start()
    assert rec.wait(lambda r: len(r.scans) >= 5000, timeout=30)
    writer.join()
    assert [s.text for s in rec.scans] == codes
    assert rec.rejections == []
    first = rec.scans[0]
    assert (first.source, first.raw, first.terminator) == (
        f"serial:{gun.path}",
        codes[0].encode(),
        "\r",
    )


def test_unplug_and_replug_resume_without_a_restart(gun, reader):
    _, rec = reader(f"serial:{gun.path}")
    assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
    gun.scan("BEFORE-0001")
    assert rec.wait(lambda r: len(r.scans) == 1)
    gun.unplug()
    assert rec.wait(lambda r: SourceState.DISCONNECTED in r.states)
    assert rec.wait(lambda r: SourceState.RECONNECTING in r.states)
    gun.plug()
    assert rec.wait(lambda r: r.states[-1] is SourceState.CONNECTED and len(r.states) >= 4)
    gun.scan("AFTER-0002")
    assert rec.wait(lambda r: len(r.scans) == 2)
    assert [s.text for s in rec.scans] == ["BEFORE-0001", "AFTER-0002"]
    assert rec.states[:2] == [SourceState.CONNECTING, SourceState.CONNECTED]
    assert SourceState.DISCONNECTED in rec.states[2:] and rec.states[-1] is SourceState.CONNECTED


def test_garbage_a_100_kb_line_and_invalid_utf8_are_rejected_with_reasons_and_reading_goes_on(
    gun, reader
):
    _, rec = reader(f"serial:{gun.path}?terminator=CR&encoding=utf-8")
    assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
    gun.scan("GOOD-1")
    gun.write(b"\x00\xff\x13\x07\xfe\x01\r")  # line noise at a wrong baud rate
    gun.write(b"X" * 100_000)  # no terminator at all
    gun.write(b"\r")
    gun.scan("GOOD-2")
    gun.write("一码扫".encode("gbk") + b"\r")  # GBK bytes on a UTF-8 port
    gun.scan("GOOD-3")
    assert rec.wait(lambda r: len(r.scans) == 3 and len(r.rejections) == 3)
    assert [s.text for s in rec.scans] == ["GOOD-1", "GOOD-2", "GOOD-3"]
    reasons = [r.reason for r in rec.rejections]
    assert reasons == ["encoding", "too_long", "encoding"]
    assert "4096 bytes" in rec.rejections[1].text()
    assert rec.rejections[2].params["encoding"] == "utf-8"
    assert rec.rejections[2].raw == "一码扫".encode("gbk")


@pytest.mark.parametrize("terminator", ["AUTO", "CR"])
def test_an_over_long_read_without_terminator_is_reported_and_the_next_code_is_scanned(
    gun, reader, terminator
):
    _, rec = reader(f"serial:{gun.path}?terminator={terminator}&idle_ms=60")
    assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
    gun.write(b"A" * 5000)  # no terminator, then the gun goes quiet
    assert rec.wait(lambda r: len(r.rejections) == 1)
    time.sleep(0.2)
    gun.scan("https://t.brand.cn/q/GOOD0001")
    assert rec.wait(lambda r: len(r.scans) == 1)
    assert rec.scans[0].text == "https://t.brand.cn/q/GOOD0001"
    assert [r.reason for r in rec.rejections] == ["too_long"]
    assert rec.rejections[0].raw == b"A" * 48


def test_a_code_cut_short_is_reported_and_the_next_one_arrives_whole(gun, reader):
    _, rec = reader(f"serial:{gun.path}?terminator=CR&idle_ms=60")
    assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
    gun.write(b"YIMA:CMD:SW")  # the gun stopped mid-code
    assert rec.wait(lambda r: len(r.rejections) == 1)
    gun.scan("YIMA:CMD:SWITCH:ship")
    assert rec.wait(lambda r: len(r.scans) == 1)
    assert [s.text for s in rec.scans] == ["YIMA:CMD:SWITCH:ship"]
    assert (rec.rejections[0].reason, rec.rejections[0].raw) == ("no_terminator", b"YIMA:CMD:SW")
    assert "Scan it again" in rec.rejections[0].text()


def test_control_characters_are_rejected_but_gs_and_rs_pass(gun, reader):
    _, rec = reader(f"serial:{gun.path}?terminator=CR")
    assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
    gun.write(b"AB\x07CD\r")
    gun.scan("0109501101020917\x1d10AB\x1e")
    assert rec.wait(lambda r: len(r.scans) == 1 and len(r.rejections) == 1)
    assert rec.rejections[0].reason == "control_chars" and "07" in rec.rejections[0].text()
    assert rec.scans[0].text == "0109501101020917\x1d10AB\x1e"


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_chinese_content_in_utf8_and_gbk(gun, reader, encoding):
    _, rec = reader(f"serial:{gun.path}?encoding={encoding}")
    assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
    gun.scan("https://t.brand.cn/q/AbC123?n=一码扫", encoding=encoding)
    assert rec.wait(lambda r: len(r.scans) == 1)
    assert rec.scans[0].text == "https://t.brand.cn/q/AbC123?n=一码扫"
    assert rec.scans[0].raw == "https://t.brand.cn/q/AbC123?n=一码扫".encode(encoding)


def test_a_gun_with_no_suffix_is_read_at_the_pause(gun, reader):
    _, rec = reader(f"serial:{gun.path}?terminator=NONE&idle_ms=60")
    assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
    gun.write(b"NOSUFFIX-1")
    assert rec.wait(lambda r: len(r.scans) == 1)
    time.sleep(0.1)
    gun.write(b"NOSUFFIX-2")
    assert rec.wait(lambda r: len(r.scans) == 2)
    assert [(s.text, s.terminator) for s in rec.scans] == [
        ("NOSUFFIX-1", None),
        ("NOSUFFIX-2", None),
    ]


def test_crlf_and_lf_guns_under_auto(gun, reader):
    _, rec = reader(f"serial:{gun.path}")
    assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
    gun.write(b"ONE\r\nTWO\nTHREE\r")
    assert rec.wait(lambda r: len(r.scans) == 3)
    assert [(s.text, s.terminator) for s in rec.scans] == [
        ("ONE", "\r\n"),
        ("TWO", "\n"),
        ("THREE", "\r"),
    ]


def test_a_usb_gun_is_found_again_on_another_port_after_replugging(tmp_path, reader):
    """The port list is what the OS reports; the ports themselves are real ptys."""
    first = VirtualSerialGun(tmp_path, "ttyACM0")
    second = None
    listed = [SimpleNamespace(device=str(first.path), vid=0x0483, pid=0x5740, serial_number="A1B2")]
    other = SimpleNamespace(device="/dev/nonexistent", vid=0x1234, pid=0x0001, serial_number=None)
    try:
        source, rec = reader("serial:usb:0483:5740:A1B2", port_finder=lambda: [other, *listed])
        assert rec.wait(lambda r: SourceState.CONNECTED in r.states)
        assert source.device == str(first.path)
        first.scan("ON-ACM0")
        assert rec.wait(lambda r: len(r.scans) == 1)
        first.close()
        listed.clear()
        assert rec.wait(lambda r: SourceState.RECONNECTING in r.states)
        assert "0483:5740" in source.detail
        second = VirtualSerialGun(tmp_path, "ttyACM1")
        listed.append(
            SimpleNamespace(device=str(second.path), vid=0x0483, pid=0x5740, serial_number="A1B2")
        )
        assert rec.wait(
            lambda r: (
                r.states[-1] is SourceState.CONNECTED and r.states.count(SourceState.CONNECTED) == 2
            )
        )
        assert source.device == str(second.path)
        second.scan("ON-ACM1")
        assert rec.wait(lambda r: len(r.scans) == 2)
        assert [s.text for s in rec.scans] == ["ON-ACM0", "ON-ACM1"]
    finally:
        first.close()
        if second is not None:
            second.close()


def test_find_usb_port_matches_vid_pid_and_serial():
    ports = [
        SimpleNamespace(device="COM7", vid=0x0483, pid=0x5740, serial_number="B"),
        SimpleNamespace(device="COM5", vid=0x0483, pid=0x5740, serial_number="A"),
        SimpleNamespace(device="COM3", vid=None, pid=None, serial_number=None),
    ]
    assert find_usb_port(UsbId(0x0483, 0x5740, "B"), ports) == "COM7"
    assert find_usb_port(UsbId(0x0483, 0x5740), ports) == "COM5"
    assert find_usb_port(UsbId(0x0483, 0x9999), ports) is None


def test_a_missing_port_is_reported_and_retried(tmp_path, reader):
    source, rec = reader(f"serial:{tmp_path / 'ttyNOPE'}")
    assert rec.wait(lambda r: SourceState.RECONNECTING in r.states)
    assert rec.states[:2] == [SourceState.CONNECTING, SourceState.DISCONNECTED]
    assert "ttyNOPE" in source.detail


def test_tcp_gun_round_trip_drop_and_reconnect(reader):
    with TcpGunServer() as server:
        _, rec = reader(f"{server.spec}?terminator=CR")
        assert server.wait_connected()
        server.scan("TCP-0001")
        server.scan("网口扫码枪")
        assert rec.wait(lambda r: len(r.scans) == 2)
        server.drop_connection()
        assert rec.wait(lambda r: SourceState.DISCONNECTED in r.states)
        assert server.wait_connected()
        assert rec.wait(lambda r: r.states[-1] is SourceState.CONNECTED)
        server.scan("TCP-0002")
        assert rec.wait(lambda r: len(r.scans) == 3)
        assert [s.text for s in rec.scans] == ["TCP-0001", "网口扫码枪", "TCP-0002"]
        assert rec.scans[0].source == server.spec


def test_framer_keeps_partial_reads_across_chunks_and_bounds_its_buffer():
    framer = LineFramer("CR", max_line=16)
    assert framer.feed(b"ABC") == []
    assert framer.feed(b"DEF\rGH") == [(b"ABCDEF", b"\r")]
    assert framer.feed(b"I" * 40) == [] and framer.rejected == [("too_long", b"GH" + b"I" * 40)]
    assert framer.feed(b"JJ\rKL\r") == [(b"KL", b"\r")]  # the rest of the long line is dropped too


@pytest.mark.parametrize("mode", ["AUTO", "NONE", "CR"])
def test_a_pause_ends_an_over_long_read_so_the_next_code_is_read(mode):
    """Fails on the old framer: take_idle() returned early on the emptied buffer and left it
    dropping bytes until the next terminator, which was the good code's."""
    framer = LineFramer(mode)
    assert framer.feed(b"A" * 5000) == []
    assert [reason for reason, _ in framer.rejected] == ["too_long"]
    assert framer.pending  # the over-long read is still being dropped ...
    assert framer.take_idle() is None  # ... until the gun goes quiet
    assert not framer.pending
    if mode == "NONE":
        assert framer.feed(b"https://t.brand.cn/q/GOOD0001") == []
        assert framer.take_idle() == b"https://t.brand.cn/q/GOOD0001"
    else:
        assert framer.feed(b"https://t.brand.cn/q/GOOD0001\r") == [
            (b"https://t.brand.cn/q/GOOD0001", b"\r")
        ]
    assert len(framer.rejected) == 1


def test_an_unterminated_read_is_reported_at_the_pause_not_glued_to_the_next_code():
    framer = LineFramer("CR")
    assert framer.feed(b"0106950123001016") == []
    assert framer.take_idle() is None
    assert framer.rejected == [("no_terminator", b"0106950123001016")]
    assert framer.feed(b"GOOD-2\r") == [(b"GOOD-2", b"\r")]


def test_framer_crlf_mode_does_not_split_on_a_lone_cr():
    framer = LineFramer("CRLF")
    assert framer.feed(b"A\rB\r\nC\r") == [(b"A\rB", b"\r\n")]
    assert framer.feed(b"\n") == [(b"C", b"\r\n")]


def test_decode_read_reasons():
    assert decode_read(b"ABC", "utf-8", "s") == ("ABC", None)
    assert decode_read("码".encode("gbk"), "gbk", "s")[0] == "码"
    assert decode_read(b"\xff\xfe", "utf-8", "s")[1].reason == "encoding"
    assert decode_read(b"A\x00B", "utf-8", "s")[1].reason == "control_chars"
