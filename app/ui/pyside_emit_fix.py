"""Work around PySide6 6.12's reference leak on ``True`` in ``Signal.emit`` (Python < 3.12).

PySide6 6.12's ``SignalInstance.emit`` returns ``True`` without taking a
reference to it. On Python 3.12+ ``True`` is immortal and nothing happens; on
3.11 every emit anywhere in the process drops one reference, and after some
thousands of emits (one shift of scans) the interpreter deallocates ``True``
and aborts. Importing this module measures the leak once and, if there is one,
wraps ``SignalInstance.emit`` so that it gives the reference back. The scan
bridge imports it, so the whole station is covered from the first scanner on;
``install()`` is idempotent for callers that start emitting earlier.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
_PROBES = 8


class _Probe(QObject):
    probe = Signal()


def leaked_per_emit() -> int:
    """References to ``True`` lost by one ``emit`` right now (0 once fixed, or on Python 3.12+)."""
    if sys.version_info >= (3, 12):
        return 0
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.probe.emit()
    lost = max(0, before - sys.getrefcount(True))
    for _ in range(lost):
        _incref(True)  # give back what the probe itself leaked
    return round(lost / _PROBES)


def install() -> bool:
    """Patch ``SignalInstance.emit`` if it leaks; True if a patch is (now) in place."""
    if getattr(SignalInstance.emit, "_gives_back_true", False):
        return True
    leak = leaked_per_emit()
    if not leak:
        return False
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        if result is True:
            for _ in range(leak):
                _incref(True)
        return result

    emit._gives_back_true = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True


install()
