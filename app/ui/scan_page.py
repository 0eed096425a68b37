"""One shape for every work page that takes scans: submit, apply, fail.

A scan (or a command from a key or a button) becomes one writer action through the
``StoreGateway``. The action reads and writes its workflow's session row and returns an
immutable reply; the Writer runs actions in the order they were submitted and the gateway
hands their replies back to the GUI thread in that order, so a page needs no queue of its own
and never shares state with the writer thread. ``apply`` shows a reply; ``fail`` tells the
operator that nothing was recorded (in the store's words when it knows why).

A page is handed its parts (``PageParts``) by the station's composition root
(``app/ui/station.py``): it never reaches into the window for them.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtWidgets import QWidget

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.operators import Operator
from app.domain.workflows.base import Actor, Decision, Outcome
from app.domain.workflows.base import typed as mark_typed
from app.ui.manual_entry import is_typed
from app.ui.store_failure import failure_decision
from hardware.scan import Scan

if TYPE_CHECKING:
    from app.ui.context import ShellContext
    from app.ui.store_gateway import StoreGateway

log = logging.getLogger(__name__)

FAILED = QT_TRANSLATE_NOOP(
    "Decisions",
    "This scan could not be saved, so nothing was recorded. Scan it again; if this keeps "
    "happening, tell IT.",
)

Action = Callable[[sqlite3.Connection], Any]


class Feedback(Protocol):
    """How a page tells the operator: a decision in the big panel (colour, sound, scan log),
    or a short note in the status line (a file written, a download finished)."""

    def show(
        self,
        decision: Decision,
        *,
        code: str = "",
        headline: str | None = None,
        sound: Outcome | None = None,
        result: str | None = None,
    ) -> None: ...

    def note(self, text: str, timeout_ms: int = 10_000) -> None: ...


class Parser(Protocol):
    def parse(self, raw: str | bytes, symbology: str | None = None) -> Any: ...


@dataclass
class PageParts:
    """Everything a work page is handed when it is built (see ``app/ui/station.py``)."""

    context: ShellContext  # data folder, settings, language, sounds
    gateway: StoreGateway  # reads off the GUI thread, writes through the one Writer
    parser: Parser  # the station's one code grammar
    sync: Any  # the station's one line to the server (online state, sync now, lookups)
    feedback: Feedback
    operator: Callable[[], Operator | None]  # who is logged in now
    operator_changed: Any = None  # a signal: Operator, or None after logout

    def actor(self) -> Actor:
        """The person acting now, as the journal records them."""
        person = self.operator()
        if person is None:
            return Actor("unknown", "", language=self.context.language)
        return Actor(
            person.id,
            person.name,
            language=self.context.language,
            strict=self.context.settings.strict_mode,
        )


class ScanPage(QWidget):
    """The base of every work page: ``handle_scan`` makes it the dispatcher's handler.

    Subclasses say what a scan does (``scan_action``) and how a reply shows (``apply``);
    ``FAILED_REASON`` names their failures in logs and tests.
    """

    FAILED_REASON = "page.failed"

    def __init__(self, parts: PageParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.context = parts.context
        self.gateway = parts.gateway
        self.feedback = parts.feedback
        self._acts = 0  # writer actions asked for so far (see ``read_state``)
        self._unread: Callable[[], None] | None = None  # a state read an action overtook

    # --- what a subclass says ---------------------------------------------------------------

    def scan_action(self, text: str) -> Action:
        """The writer action for one scanned (or typed) code."""
        raise NotImplementedError

    def apply(self, reply: Any, text: str = "") -> None:
        """Show a reply on the page and in the feedback panel."""
        raise NotImplementedError

    # --- the one path -----------------------------------------------------------------------

    def handle_scan(self, scan: Scan) -> None:
        self.submit(scan.text, typed=is_typed(scan))

    def submit(self, text: str, *, typed: bool = False) -> None:
        """A scan or command barcode: one writer action, answered in arrival order; a code
        ``typed`` by hand is marked so in every event it writes."""
        action = self.scan_action(text)
        self.act(mark_typed(action) if typed else action, text)

    def read_state(
        self, read: Callable[[sqlite3.Connection], Any], show: Callable[[Any], None]
    ) -> None:
        """Read where the page stands (start-up, login, coming back to the page) and ``show``
        it, unless an action went to the writer since it was asked for. The read runs beside
        the writer, so on a busy PC it can come back after the reply to a later scan, holding
        the state from before that scan: shown then, the page went back under the scan's
        answer. The newer reply carries the state anyway; if its action fails, the read is
        asked for again."""
        asked = self._acts
        self._unread = lambda: self.read_state(read, show)
        self.gateway.read(read, lambda state: self._state_read(state, asked, show))

    def _state_read(self, state: Any, asked: int, show: Callable[[Any], None]) -> None:
        if asked == self._acts and shiboken6.isValid(self):
            self._unread = None
            show(state)

    def act(self, action: Action, text: str = "") -> None:
        """Run ``action`` as one writer transaction and show its reply (or why it failed)."""
        self._acts += 1  # a state read asked for before now is older than this reply
        self.gateway.write(
            action, lambda reply: self._applied(reply, text), lambda exc: self.fail(text, exc)
        )

    def _applied(self, reply: Any, text: str) -> None:
        if shiboken6.isValid(self):  # the page may have been replaced while the store worked
            self._unread = None  # the reply brought the state
            self.apply(reply, text)

    def fail(self, text: str, exc: BaseException) -> None:
        log.error("%s: a scan failed", type(self).__name__, exc_info=exc)
        if shiboken6.isValid(self):
            self.feedback.show(failure_decision(exc, FAILED, self.FAILED_REASON), code=text)
            if self._unread is not None:  # the failed action brought no state: read it
                self._unread()

    def actor(self) -> Actor:
        return self.parts.actor()
