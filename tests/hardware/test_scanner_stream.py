"""One scan stream: source specs, the dispatcher, and the Qt bridge that brings scans to the GUI thread."""

from __future__ import annotations

import threading

import pytest

from hardware.dispatch import Dispatcher
from hardware.scan import Scan
from hardware.spec import SpecError, parse


@pytest.mark.parametrize(
    ("text", "kind", "target", "options"),
    [
        ("wedge", "wedge", "", {}),
        ("sim?rate=5", "sim", "", {"rate": "5"}),
        (
            "serial:COM3?baud=9600&bytesize=8&parity=N&stopbits=1&terminator=CR&encoding=gbk",
            "serial",
            "COM3",
            {
                "baud": "9600",
                "bytesize": "8",
                "parity": "N",
                "stopbits": "1",
                "terminator": "CR",
                "encoding": "gbk",
            },
        ),
        ("serial:/dev/ttyUSB0", "serial", "/dev/ttyUSB0", {}),
        ("serial:usb:483:5740", "serial", "usb:0483:5740", {}),
        ("serial:usb:0483:5740:A1B2", "serial", "usb:0483:5740:A1B2", {}),
        ("tcp:10.0.0.5:2001", "tcp", "10.0.0.5:2001", {}),
        ("camera:0", "camera", "0", {}),
        ("camera:rtsp://cam/live?token=x", "camera", "rtsp://cam/live?token=x", {}),
        ("camera:rtsp://cam/live?dedup_s=3", "camera", "rtsp://cam/live", {"dedup_s": "3"}),
        ("file:C:\\videos\\carton.avi?pace=0", "file", "C:\\videos\\carton.avi", {"pace": "0"}),
        ("image:label.png", "image", "label.png", {}),
    ],
)
def test_specs_parse_and_print_back(text, kind, target, options):
    spec = parse(text)
    assert (spec.kind, spec.target, spec.options) == (kind, target, options)
    assert parse(str(spec)) == spec


def test_usb_spec_names_the_device_not_the_com_number():
    usb = parse("serial:usb:0483:5740:A1B2").usb
    assert (usb.vid, usb.pid, usb.serial_number) == (0x0483, 0x5740, "A1B2")
    assert parse("serial:COM3").usb is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("printer:1", "Unknown scanner type"),
        ("serial:", "needs a port"),
        ("serial:COM3?baud=fast", "baud=fast is not valid"),
        ("serial:COM3?parity=X", "parity=X is not valid"),
        ("serial:COM3?encoding=klingon", "encoding=klingon is not valid"),
        ("serial:COM3?terminator=EOT", "terminator=EOT is not valid"),
        ("serial:COM3?speed=9600", "Unknown setting speed"),
        ("tcp:10.0.0.5", "tcp:HOST:PORT"),
        ("tcp:10.0.0.5:99999", "tcp:HOST:PORT"),
        ("camera:front", "device number"),
        ("serial:usb:xyz:1", "hexadecimal"),
        ("wedge:COM1", "takes no port"),
    ],
)
def test_bad_specs_say_what_is_wrong(text, words):
    with pytest.raises(SpecError) as caught:
        parse(text)
    assert words in str(caught.value)


def test_with_options_changes_and_removes_settings():
    spec = parse("serial:COM3?encoding=utf-8&terminator=CR")
    changed = spec.with_options(encoding="gbk", terminator=None)
    assert changed.options == {"encoding": "gbk"}
    assert changed.name == "serial:COM3"


def test_dispatcher_sends_each_scan_to_listeners_then_the_active_handler():
    dispatcher = Dispatcher()
    seen: list[tuple[str, str]] = []
    dispatcher.add_listener(lambda s: seen.append(("log", s.text)))
    dispatcher.on_unhandled(lambda s: seen.append(("nobody", s.text)))
    dispatcher.dispatch(Scan("A", "sim"))
    previous = dispatcher.set_handler(lambda s: seen.append(("receive", s.text)))
    assert previous is None
    dispatcher.dispatch(Scan("B", "sim"))
    assert seen == [("log", "A"), ("nobody", "A"), ("log", "B"), ("receive", "B")]
    assert dispatcher.count == 2 and dispatcher.last_scan.text == "B"


def test_a_scan_arriving_inside_a_handler_waits_its_turn():
    dispatcher = Dispatcher()
    order: list[str] = []

    def handler(scan: Scan) -> None:
        order.append(f"start {scan.text}")
        if scan.text == "1":  # a modal dialog spinning the event loop lets the next scan in
            dispatcher.dispatch(Scan("2", "sim"))
        order.append(f"end {scan.text}")

    dispatcher.set_handler(handler)
    dispatcher.dispatch(Scan("1", "sim"))
    assert order == ["start 1", "end 1", "start 2", "end 2"]


def test_a_failing_handler_is_reported_and_the_next_scan_still_goes_through():
    dispatcher = Dispatcher()
    errors: list[str] = []
    handled: list[str] = []
    dispatcher.on_error(lambda scan, exc: errors.append(f"{scan.text}: {exc}"))

    def handler(scan: Scan) -> None:
        if scan.text == "bad":
            raise ValueError("boom")
        handled.append(scan.text)

    dispatcher.set_handler(handler)
    dispatcher.dispatch(Scan("bad", "sim"))
    dispatcher.dispatch(Scan("good", "sim"))
    assert errors == ["bad: boom"] and handled == ["good"]


def test_bridge_delivers_scans_from_a_source_thread_on_the_gui_thread_in_order(qtbot):
    from app.ui.scan_bridge import ScanBridge

    dispatcher = Dispatcher()
    threads: list[str] = []
    texts: list[str] = []

    def handler(scan: Scan) -> None:
        threads.append(threading.current_thread().name)
        texts.append(scan.text)

    dispatcher.set_handler(handler)
    bridge = ScanBridge(dispatcher)
    states: list[tuple[str, str]] = []
    bridge.stateChanged.connect(lambda name, state: states.append((name, state)))
    info = bridge.add("sim?rate=500&count=200")
    try:
        qtbot.waitUntil(lambda: len(texts) == 200, timeout=5000)
        assert set(threads) == {threading.main_thread().name}
        assert texts == (info.source.texts * 2)[:200]
        assert info.count == 200 and info.last_scan.text == texts[-1]
        assert ("sim", "connected") in states
    finally:
        bridge.shutdown()
    assert info.source.state.value == "stopped" and not info.source.running


def test_bridge_apply_starts_and_stops_sources_to_match_the_settings(qtbot):
    from app.ui.scan_bridge import ScanBridge

    bridge = ScanBridge(Dispatcher())
    try:
        bridge.apply(["sim", "wedge"])
        assert sorted(i.name for i in bridge.sources) == ["sim", "wedge"]
        bridge.apply(["wedge"])
        assert [i.name for i in bridge.sources] == ["wedge"]
    finally:
        bridge.shutdown()
    assert bridge.sources == []
