"""``emit(signal, *args)``: emit a Qt signal without PySide6 6.12's leak of ``True`` (Python < 3.12).

Kept for the callers that adopted it; the fix itself is process-wide now
(``app.ui.pyside_emit_fix`` wraps ``SignalInstance.emit`` once on import), so
``signal.emit(...)`` is just as safe anywhere once this or the scan bridge is imported.
"""

from __future__ import annotations

from PySide6.QtCore import SignalInstance

import app.ui.pyside_emit_fix  # noqa: F401 - installs the process-wide fix


def emit(signal: SignalInstance, *args: object) -> None:
    signal.emit(*args)
