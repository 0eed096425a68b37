"""The Qt binding must not leak references to None/True: on Python 3.11 that aborts a station mid-shift.

PySide6 6.12.0 drops a reference to ``None`` on every void call (setText, QTimer.start, ...) and
to ``True`` on every ``Signal.emit``; Python < 3.12 then deallocates None after some thousands of
scans ("Fatal Python error: none_dealloc"). The project pins PySide6 below 6.12 and emits with
plain ``signal.emit(...)``; these tests fail if a leaking binding is ever installed. On 3.12+
both objects are immortal and the counts do not move.
"""

import sys
import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

CALLS = 500


class _Sender(QObject):
    fired = Signal(object)
    bare = Signal()


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


def test_plain_emits_keep_true_alive(qtbot):
    sender = _Sender()
    received = []
    sender.fired.connect(received.append)
    sender.bare.connect(lambda: received.append(None))
    assert _lost(True, lambda: sender.fired.emit(1)) < CALLS // 10
    assert _lost(True, sender.bare.emit) < CALLS // 10
    assert len(received) == 2 * CALLS


def test_queued_emits_from_a_thread_keep_true_alive(qtbot):
    """The scan bridge's path: a reader thread emits, the GUI thread receives."""
    sender = _Sender()
    received = []
    sender.fired.connect(received.append, Qt.ConnectionType.QueuedConnection)
    before = sys.getrefcount(True)
    thread = threading.Thread(target=lambda: [sender.fired.emit(n) for n in range(CALLS)])
    thread.start()
    thread.join(10)
    qtbot.waitUntil(lambda: len(received) == CALLS)
    assert before - sys.getrefcount(True) < CALLS // 10
