"""The wedge filter keeps no key behind (issue 12, item 10).

It holds a copy of each key while it decides whether the key belongs to a gun's burst,
to give it back if a person typed it. ``QEvent.clone()`` made those copies as C++
events that Python never deleted: every key a gun typed leaked one (about 6 MB per
1,000 scans through the window). The copies are now made, and freed, by Python.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from app.ui.scan_bridge import ScanBridge
from app.ui.wedge_filter import owned_copy, owned_ime_copy
from hardware.dispatch import Dispatcher
from hardware.wedge import WedgeConfig
from tests.support.keyboard import KeyClock


def test_the_keys_held_during_a_burst_are_copies_python_owns(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitExposed(field)
    bridge = ScanBridge(Dispatcher())
    bridge.set_wedge_config(WedgeConfig(max_gap_ms=35, min_length=4))
    bridge.add("wedge")
    clock = KeyClock()
    clock.attach(bridge.wedge_filter)
    try:
        for char in "0109":  # gun-fast, no Enter yet: the filter holds them
            clock.advance(2)
            QTest.keyClick(field.windowHandle(), char)
        held = list(bridge.wedge_filter.assembler.held_tokens)
        assert held
        assert all(shiboken6.createdByPython(t) and shiboken6.ownedByPython(t) for t in held)
    finally:
        bridge.shutdown()


def test_owned_copies_say_what_the_original_said():
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier,
                      30, 65, 1, "A", False, 1)  # fmt: skip
    event.setTimestamp(123456)
    copy = owned_copy(event)
    assert (copy.type(), copy.key(), copy.modifiers(), copy.text(), copy.timestamp()) == (
        event.type(), event.key(), event.modifiers(), event.text(), 123456
    )  # fmt: skip
    assert (copy.nativeScanCode(), copy.nativeVirtualKey(), copy.nativeModifiers()) == (30, 65, 1)
    ime = QInputMethodEvent("pre", [])
    ime.setCommitString("扫码", 0, 0)
    assert (owned_ime_copy(ime).commitString(), owned_ime_copy(ime).preeditString()) == (
        "扫码", "pre"
    )  # fmt: skip
