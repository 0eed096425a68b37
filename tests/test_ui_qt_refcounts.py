"""The Qt binding must not leak references to None/True: on Python 3.11 that aborts a station mid-shift.

PySide6 6.12.0 drops a reference to ``None`` on every void call (setText, QTimer.start, ...) and
to ``True`` on every ``Signal.emit``; Python < 3.12 then deallocates None after some thousands of
scans ("Fatal Python error: none_dealloc"). On 3.12+ both are immortal and the counts do not move.
"""

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from app.ui.qt_emit import emit

CALLS = 500


class _Sender(QObject):
    fired = Signal(object)


def _lost(obj: object, action) -> int:
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        action()
    return before - sys.getrefcount(obj)


def test_void_calls_keep_none_alive(qtbot):
    label, timer = QLabel(), QTimer()
    qtbot.addWidget(label)
    assert _lost(None, lambda: label.setText("OK")) < CALLS // 10
    assert _lost(None, lambda: timer.start(1000)) < CALLS // 10
    timer.stop()


def test_emits_through_the_shared_helper_keep_true_alive(qtbot):
    sender = _Sender()
    received = []
    sender.fired.connect(received.append)
    assert _lost(True, lambda: emit(sender.fired, 1)) < CALLS // 10
    assert len(received) == CALLS
