"""Scans go where the operator is looking: the first filter in the dispatcher's chain.

- Nobody logged in: the login screen answers the scan (a badge logs in; anything else says
  "log in first"), so a scan before login is never silent and never reaches a page.
- A dialog is open over the window: a dialog that takes scans gets it (the scanner self-test
  while it listens, a dialog with ``handle_scan``); any other dialog (day close, settings,
  self-test results, sync issues, a confirmation) holds it: amber "close the dialog first" with
  the error sound, and nothing happens on the page behind it.
- Otherwise the scan goes on to the page in front.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Decision, Outcome
from hardware.scan import Scan

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.scan_page import Feedback

log = logging.getLogger(__name__)

HELD = QT_TRANSLATE_NOOP(
    "Decisions",
    "Nothing was recorded: a dialog is open. Close the dialog first, then scan again.",
)


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth += isinstance(parent, QDialog)
        parent = parent.parentWidget()
    return depth


class ScanGate:
    """Called by the dispatcher for every scan; True when the scan went no further."""

    def __init__(self, window: MainWindow, feedback: Feedback) -> None:
        self.window = window
        self.feedback = feedback
        self.held = 0  # scans held behind a dialog (for the status and tests)

    def open_dialog(self) -> QDialog | None:
        """The dialog in front: the most deeply nested visible dialog of this window."""
        dialogs = [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QDialog) and widget.isVisible() and self._ours(widget)
        ]
        return max(dialogs, key=_depth) if dialogs else None

    def _ours(self, dialog: QDialog) -> bool:
        parent = dialog.parentWidget()
        while parent is not None:
            if parent is self.window:
                return True
            parent = parent.parentWidget()
        return False

    def __call__(self, scan: Scan) -> bool:
        if self.window.operator is None:
            badge = self.window.login.handle_scan(scan)
            self.window.context.sounds.play(Outcome.OK if badge else Outcome.ERROR)
            return True
        dialog = self.open_dialog()
        if dialog is None:
            return False
        handler = self.window.context.dispatcher.handler
        if getattr(handler, "__self__", None) is dialog:
            return False  # the dialog listens through the dispatcher (the scanner self-test)
        take = getattr(dialog, "handle_scan", None)
        if callable(take):  # a dialog that takes scans answers on its own face
            if take(scan) is False:
                self.window.context.sounds.play(Outcome.ERROR)  # not one it takes: scan again
            return True
        self.held += 1
        log.info("scan held: %s is open", type(dialog).__name__)
        self.feedback.show(
            Decision(Outcome.WARNING, HELD, reason="shell.dialog_open"),
            code=scan.text,
            sound=Outcome.ERROR,
        )
        return True
