"""The application-wide wedge filter: a gun burst is one scan wherever focus is; people type normally.

Keys go through ``QTest.keyClick(window, ...)``, i.e. through Qt's system key
path (QWindow → focus widget, shortcut override), as a real keyboard's do; the
filter's clock is advanced by exactly the gap under test (tests/support/keyboard.py).
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QInputMethodEvent,
    QInputMethodQueryEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.scan_bridge import ScanBridge
from app.ui.wedge_filter import ALLOW_IME_PROPERTY, WedgeFilter
from hardware.dispatch import Dispatcher
from hardware.wedge import WedgeConfig, WedgeSource
from tests.bench.bench_wedge import mixed_codes, type_codes
from tests.support.keyboard import KeyClock, pause, type_keys


class Station(QWidget):
    """A window with every kind of focusable widget a workflow page has."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.line = QLineEdit()
        self.text = QPlainTextEdit()
        self.spin = QSpinBox()
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.button = QPushButton("OK")
        self.clicks = 0
        self.button.clicked.connect(self._clicked)
        for widget in (self.line, self.text, self.spin, self.combo, self.button):
            layout.addWidget(widget)
        self.shortcut_hits = 0
        shortcut = QShortcut(QKeySequence("R"), self)
        shortcut.activated.connect(self._shortcut)

    def _clicked(self) -> None:
        self.clicks += 1

    def _shortcut(self) -> None:
        self.shortcut_hits += 1


@pytest.fixture
def station(qtbot):
    window = Station()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def clock():
    return KeyClock()


@pytest.fixture
def wedge(qtbot, clock):
    dispatcher = Dispatcher()
    scans = []
    dispatcher.set_handler(scans.append)
    bridge = ScanBridge(dispatcher)
    bridge.set_wedge_config(WedgeConfig(max_gap_ms=35, min_length=4))
    bridge.add("wedge")
    clock.attach(bridge.wedge_filter)
    yield bridge, scans
    bridge.shutdown()


CODE = "0109501101020917\x1d10AbC-12"


@pytest.mark.parametrize("target", ["line", "text", "spin", "combo", "button", None])
@pytest.mark.parametrize("gap_ms", [1, 3, 5])
def test_a_burst_is_exactly_one_scan_wherever_focus_is_and_nothing_leaks(
    qtbot, station, wedge, clock, target, gap_ms
):
    _, scans = wedge
    if target is None:
        station.setFocus()
    else:
        getattr(station, target).setFocus()
    qtbot.wait(10)
    type_keys(station, CODE, gap_ms, clock)
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=2000)
    pause(clock, qtbot.wait)
    assert [s.text for s in scans] == [CODE]
    assert scans[0].terminator == "\r"
    assert station.line.text() == ""
    assert station.text.toPlainText() == ""
    assert station.spin.value() == 0
    assert station.combo.currentText() == ""
    assert station.clicks == 0
    assert station.shortcut_hits == 0


def test_a_person_typing_at_80_ms_types_normally_and_no_scan_is_emitted(
    qtbot, station, wedge, clock
):
    _, scans = wedge
    station.line.setFocus()
    type_keys(station, "Hello R2", 80, clock, enter=False, wait=qtbot.wait)
    pause(clock, qtbot.wait)
    assert station.line.text() == "Hello R2"
    assert scans == []


def test_a_key_held_down_repeats_into_the_field_and_is_no_scan(qtbot, station, wedge, clock):
    _, scans = wedge
    station.line.setFocus()
    clock.advance(80)
    QTest.keyClick(station.windowHandle(), "x")
    for _ in range(8):  # auto-repeat, 30 ms apart: as fast as a slow gun
        clock.advance(30)
        event = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x", True
        )
        QApplication.sendEvent(station.line, event)
    pause(clock, qtbot.wait)
    assert station.line.text() == "x" * 9
    assert scans == []


def test_a_person_pressing_space_and_enter_on_a_button_still_clicks_it(
    qtbot, station, wedge, clock
):
    station.button.setFocus()
    qtbot.wait(10)
    clock.advance(80)
    QTest.keyClick(station.windowHandle(), Qt.Key.Key_Space)
    pause(clock, qtbot.wait)
    assert station.clicks == 1


def test_scans_back_to_back_and_typing_in_between(qtbot, station, wedge, clock):
    _, scans = wedge
    station.line.setFocus()
    type_keys(station, "FIRST-001", 2, clock)
    pause(clock, qtbot.wait)
    type_keys(station, "ab", 80, clock, enter=False, wait=qtbot.wait)
    pause(clock, qtbot.wait)
    type_keys(station, "SECOND-002", 2, clock)
    type_keys(station, "THIRD-003", 2, clock)  # a second scan right after the first's Enter
    qtbot.waitUntil(lambda: len(scans) == 3, timeout=2000)
    assert [s.text for s in scans] == ["FIRST-001", "SECOND-002", "THIRD-003"]
    assert station.line.text() == "ab"


def test_a_gun_without_suffix_ends_by_the_pause(qtbot, station, wedge, clock):
    bridge, scans = wedge
    bridge.set_wedge_config(WedgeConfig(terminators="none"))
    station.line.setFocus()
    type_keys(station, "NOSUFFIX42", 2, clock, enter=False)
    pause(clock, qtbot.wait, 200)  # past the window in which the gun could still go on
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=2000)
    assert (scans[0].text, scans[0].terminator) == ("NOSUFFIX42", None)
    assert station.line.text() == ""


def _post(widget, char: str, stamp_ms: int) -> None:
    """A key typed at ``stamp_ms`` by the window system's clock, queued for the widget."""
    if char == "\r":
        key, text = Qt.Key.Key_Return, "\r"
    else:
        key, text = Qt.Key(ord(char.upper())), char
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(stamp_ms)
        QApplication.postEvent(widget, event)


def test_a_gui_thread_busy_for_300_ms_mid_code_does_not_split_it(qtbot, station, wedge, clock):
    """Keys typed 5 ms apart are handled in one batch after a 300 ms stall, the timer first."""
    bridge, scans = wedge
    bridge.wedge_filter.stamp = QKeyEvent.timestamp  # the window system's typing times
    refused = []
    bridge.rejected.connect(refused.append)
    station.line.setFocus()
    code = "YIMA:CMD:SWITCH:ship:SO-240117"
    stamp = 500_000
    for char in code[:11]:
        stamp += 5
        clock.advance(5)
        _post(station.line, char, stamp)
        QApplication.sendPostedEvents()
    for char in code[11:] + "\r":  # typed while the GUI thread is busy: they wait in the queue
        stamp += 5
        _post(station.line, char, stamp)
    clock.advance(300)
    bridge.wedge_filter.poll()  # the timer, overdue, fires before the queued keys
    QApplication.sendPostedEvents()
    bridge.wedge_filter.poll()
    pause(clock, qtbot.wait, 300)
    assert [s.text for s in scans] == [code]
    assert refused == [] and station.line.text() == ""


def test_a_first_key_delivered_late_waits_for_the_rest_of_its_code(qtbot, station, wedge, clock):
    """On a busy machine the thread reading the window system runs late: the gun's first key
    arrives 100 ms after it was typed and the next ones later still. The first key must wait
    for them, not go into the field as typing."""
    bridge, scans = wedge
    bridge.wedge_filter.stamp = QKeyEvent.timestamp
    station.line.setFocus()
    stamp = 900_000
    for char in "WARMUP-1\r":  # on time: the filter learns how fast keys normally arrive
        stamp += 5
        clock.advance(5)
        _post(station.line, char, stamp)
        QApplication.sendPostedEvents()
    stamp += 400
    clock.advance(400 + 100)  # typed at `stamp`, handled 100 ms later
    _post(station.line, "h", stamp)
    QApplication.sendPostedEvents()
    clock.advance(40)
    bridge.wedge_filter.poll()  # 140 ms after "h" was typed, nothing else arrived yet
    assert station.line.text() == ""
    for char in "ttps://t.brand.cn/q/GOOD0001\r":
        stamp += 5
        _post(station.line, char, stamp)
    QApplication.sendPostedEvents()
    pause(clock, qtbot.wait, 300)
    assert [s.text for s in scans] == ["WARMUP-1", "https://t.brand.cn/q/GOOD0001"]
    assert station.line.text() == ""


def test_a_gun_that_really_pauses_mid_code_is_refused_and_told_not_typed(
    qtbot, station, wedge, clock
):
    bridge, scans = wedge
    refused = []
    bridge.rejected.connect(refused.append)
    station.line.setFocus()
    stamp = 800_000
    for n, char in enumerate("0106950123001016210ABC42\r"):
        stamp += 60 if n == 19 else 5  # the gun stops for 60 ms after "...210"
        clock.advance(60 if n == 19 else 5)
        _post(station.line, char, stamp)
        QApplication.sendPostedEvents()
    pause(clock, qtbot.wait, 300)
    qtbot.waitUntil(lambda: len(refused) == 1, timeout=2000)
    assert scans == [] and station.line.text() == ""
    assert (refused[0].reason, refused[0].params["text"]) == ("split", "0106950123001016210ABC42")


def test_the_benchmark_check_passes_on_key_timestamps_and_fails_on_handling_time(qtbot):
    """The benchmark's stalls split codes when keys are timed as handled (the old timing)."""
    codes = mixed_codes(80, random.Random(3))
    new = type_codes(codes, random.Random(4))
    old = type_codes(codes, random.Random(4), timestamps=False)
    assert (new.splits, new.lost, new.strays) == (0, 0, 0) and new.stalls > 20
    assert old.splits > 0 and old.lost > 0 and not old.clean


def test_caps_lock_from_native_modifiers_is_corrected(qtbot, station, clock):
    """With Caps Lock on (X11 LockMask in the native modifiers), Shift+a types "a": the scan says "A"."""
    scans = []
    source = WedgeSource(WedgeConfig())
    source.start(scans.append)
    flt = WedgeFilter(source, caps_lock_mask=0x2)
    clock.attach(flt)
    flt.install()
    try:
        station.line.setFocus()
        for text, key, shift in [
            ("a", Qt.Key.Key_A, True),
            ("B", Qt.Key.Key_B, False),
            ("c", Qt.Key.Key_C, True),
        ]:
            modifiers = (
                Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
            )
            clock.advance(2)
            QApplication.sendEvent(
                station.line, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, 0, 0, 0x2, text)
            )
        type_keys(station, "1", 2, clock)
        assert [s.text for s in scans] == ["AbC1"]
        assert station.line.text() == ""
    finally:
        flt.uninstall()


def test_input_method_is_off_in_plain_fields_and_on_where_a_field_asks(qtbot, station, wedge):
    station.line.setFocus()
    query = QInputMethodQueryEvent(
        Qt.InputMethodQuery.ImEnabled | Qt.InputMethodQuery.ImCursorPosition
    )
    QApplication.sendEvent(station.line, query)
    assert query.value(Qt.InputMethodQuery.ImEnabled) is False
    assert (
        query.value(Qt.InputMethodQuery.ImCursorPosition) == 0
    )  # the widget still answers the rest
    station.text.setProperty(ALLOW_IME_PROPERTY, True)
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
    QApplication.sendEvent(station.text, query)
    assert query.value(Qt.InputMethodQuery.ImEnabled) is True


def test_input_method_query_is_left_alone_without_the_filter(qtbot, station):
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
    QApplication.sendEvent(station.line, query)
    assert query.value(Qt.InputMethodQuery.ImEnabled) is True


def _ime(commit: str, preedit: str = "") -> QInputMethodEvent:
    event = QInputMethodEvent(preedit, [])
    event.setCommitString(commit)
    return event


def test_a_gun_burst_through_a_chinese_ime_is_swallowed_and_reported(qtbot, station, wedge, clock):
    bridge, _ = wedge
    station.line.setProperty(ALLOW_IME_PROPERTY, True)
    station.line.setFocus()
    reports = []
    bridge.imeInterference.connect(lambda: reports.append(True))
    for preedit in ["a", "ab", "abc", "abc1", "abc12"]:
        clock.advance(2)
        QApplication.sendEvent(station.line, _ime("", preedit))
    clock.advance(2)
    QApplication.sendEvent(station.line, _ime("阿布"))
    pause(clock, qtbot.wait)
    qtbot.waitUntil(lambda: reports == [True], timeout=2000)
    assert station.line.text() == ""


def test_a_person_composing_chinese_in_an_ime_field_is_not_disturbed(qtbot, station, wedge, clock):
    station.line.setProperty(ALLOW_IME_PROPERTY, True)
    station.line.setFocus()
    for event in [_ime("", "ni"), _ime("", "nihao"), _ime("你好")]:
        QApplication.sendEvent(station.line, event)
        pause(clock, qtbot.wait)
    assert station.line.text() == "你好"


def test_removing_the_wedge_gives_the_keyboard_back(qtbot, station, wedge, clock):
    bridge, scans = wedge
    bridge.remove("wedge")
    station.line.setFocus()
    type_keys(station, "ABCD1234", 2, clock)
    assert station.line.text() == "ABCD1234"
    assert scans == []
