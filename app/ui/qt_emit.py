"""Emit Qt signals without PySide6 6.12's reference leak on ``True`` (Python < 3.12).

PySide6 6.12's ``SignalInstance.emit`` returns ``True`` without taking a
reference to it. On Python 3.12+ ``True`` is immortal and nothing happens; on
3.11 every emit drops one reference, and after some thousands of emits (a
shift of scans) the interpreter deallocates ``True`` and aborts. ``emit`` here
measures the leak once and gives the reference back, so code on the scan path
can emit as often as scans arrive.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    probe = Signal()


def _measure_leak() -> int:
    if sys.version_info >= (3, 12):
        return 0
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.probe.emit()
    lost = max(0, before - sys.getrefcount(True))
    for _ in range(lost):
        _incref(True)  # give back what the probe itself leaked
    probe.deleteLater()
    return round(lost / 8)


_LEAK = _measure_leak()


def emit(signal: SignalInstance, *args: object) -> None:
    signal.emit(*args)
    for _ in range(_LEAK):
        _incref(True)
