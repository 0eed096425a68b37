"""The inspector on site, driven by the gun: pick the place once, then scan shelf after shelf.

A product scan gives its verdict at once (from the downloaded snapshot, offline); CONFIRM
files a diversion case for the last check with the photos and note attached to it so far;
CANCEL lets the last check go without a case. Runs inside writer actions, like the counter.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.codes import CodeParser, Scheme
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Actor, Decision, Outcome
from app.domain.workflows.inspector import checks
from app.domain.workflows.inspector.checks import CaseRefused, Check, Place

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True, slots=True)
class InspectorReply:
    decision: Decision
    check: Check | None = None
    case_id: str | None = None
    wants_sync: bool = False


class InspectorSession:
    def __init__(self, parser: CodeParser | None = None, clock: Clock | None = None) -> None:
        self.parser = parser or CodeParser()
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.place: Place | None = None
        self.last: Check | None = None

    def handle(self, conn: sqlite3.Connection, text: str, actor: Actor) -> InspectorReply:
        code = self.parser.parse(text)
        if code.scheme is Scheme.COMMAND:
            return self._command(conn, code.key.removeprefix("cmd:"), actor)
        if not code.valid:
            return InspectorReply(Decision(Outcome.ERROR, code.message or "", {}, code.reason))
        if self.place is None:
            return InspectorReply(
                Decision(
                    Outcome.WARNING,
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "Pick the store or region you are in first; then scan the products.",
                    ),
                    {},
                    "inspect.no_place",
                )
            )
        if not code.serialized:
            return InspectorReply(
                Decision(
                    Outcome.WARNING,
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} names a product, not one item. Scan the item's own QR or "
                        "DataMatrix code.",
                    ),
                    {"code": code.key or code.raw},
                    "inspect.not_serialized",
                )
            )
        self.last = checks.check(conn, code, self.place, actor, self.clock())
        return InspectorReply(self.last.decision, self.last)

    def file_case(self, conn: sqlite3.Connection, check_id: str, actor: Actor) -> InspectorReply:
        try:
            case_id, event = checks.file_case(conn, check_id, actor, self.clock())
        except CaseRefused as exc:
            return InspectorReply(Decision(Outcome.WARNING, exc.message, {}, exc.reason))
        return InspectorReply(
            checks.case_decision(case_id, event.seq), case_id=case_id, wants_sync=True
        )

    def _command(self, conn: sqlite3.Connection, name: str, actor: Actor) -> InspectorReply:
        if name in ("confirm", "finish"):
            if self.last is None:
                return InspectorReply(
                    Decision(
                        Outcome.WARNING,
                        QT_TRANSLATE_NOOP(
                            "Decisions", "Scan the product first, then file the case."
                        ),
                        {},
                        "inspect.no_check",
                    )
                )
            return self.file_case(conn, self.last.check_id, actor)
        if name in ("cancel", "undo"):
            self.last = None
            return InspectorReply(
                Decision(
                    Outcome.OK,
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "No case for the last product; its check stays on record. Scan the next one.",
                    ),
                    {},
                    "inspect.cleared",
                )
            )
        if name == "sync":
            return InspectorReply(
                Decision(
                    Outcome.OK,
                    QT_TRANSLATE_NOOP("Decisions", "Syncing with the brand's server now."),
                    {},
                    "inspect.sync",
                ),
                wants_sync=True,
            )
        return InspectorReply(
            Decision(
                Outcome.WARNING,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Inspection does not use this command. CONFIRM files a case; CANCEL skips it.",
                ),
                {},
                "inspect.command_unused",
            )
        )
