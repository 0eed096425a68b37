"""The inspector on site, driven by the gun: pick the place once, then scan shelf after shelf.

A product scan gives its verdict at once (from the downloaded snapshot, offline); CONFIRM
files a diversion case for the last check with the photos and note attached to it so far;
CANCEL lets the last check go without a case. Runs inside writer actions, like the counter;
where the inspector stands and the check a CONFIRM files are one row, ``inspector_session``,
so a restart resumes them and the GUI never shares state with the writer thread.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.domain.codes import CodeParser, Scheme
from app.domain.codes.display import readable
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows import knowledge
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


def place(conn: sqlite3.Connection) -> Place | None:
    """Where the inspector said they stand (None: not chosen yet)."""
    row = conn.execute("SELECT place FROM inspector_session").fetchone()
    return Place(**json.loads(row[0])) if row is not None and row[0] else None


def choose_place(conn: sqlite3.Connection, chosen: Place | None) -> None:
    """Remember where the inspector stands (a writer action)."""
    text = json.dumps(dataclasses.asdict(chosen), ensure_ascii=False) if chosen else None
    conn.execute(
        "INSERT INTO inspector_session (id, place) VALUES (1, ?)"
        " ON CONFLICT (id) DO UPDATE SET place = excluded.place",
        (text,),
    )


def _last_check(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT last_check_id FROM inspector_session").fetchone()
    return row[0] if row is not None else None


def _remember_check(conn: sqlite3.Connection, check_id: str | None) -> None:
    conn.execute(
        "INSERT INTO inspector_session (id, last_check_id) VALUES (1, ?)"
        " ON CONFLICT (id) DO UPDATE SET last_check_id = excluded.last_check_id",
        (check_id,),
    )


class InspectorSession:
    """The inspector's rules between scans; the state they act on is the session row."""

    def __init__(self, parser: CodeParser | None = None, clock: Clock | None = None) -> None:
        self.parser = parser or CodeParser()
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))

    def handle(self, conn: sqlite3.Connection, text: str, actor: Actor) -> InspectorReply:
        code = self.parser.parse(text)
        if code.scheme is Scheme.COMMAND:
            return self._command(conn, code.key.removeprefix("cmd:"), actor)
        if not code.valid:
            return InspectorReply(Decision(Outcome.ERROR, code.message or "", {}, code.reason))
        here = place(conn)
        if here is None:
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
                    {"code": readable(code.key) if code.key else code.raw},
                    "inspect.not_serialized",
                )
            )
        done = checks.check(conn, code, here, actor, self.clock())
        _remember_check(conn, done.check_id)
        return InspectorReply(done.decision, done)

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
            last = _last_check(conn)
            if last is None:
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
            return self.file_case(conn, last, actor)
        if name in ("cancel", "undo"):
            _remember_check(conn, None)
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


def page_state(conn: sqlite3.Connection, operator_id: str, language: str) -> dict[str, Any]:
    """Everything the inspector page shows, read in one go on a reader thread: the regions
    (id, name, parent) and the chosen ones, the places in them and the one chosen, the
    station's own region ("near me"), how fresh the data is, and ``operator_id``'s own last 50
    checks (id, time, verdict, code, dealer, made without data, product) and cases: the next person to log in
    does not see the previous one's work."""
    chosen = checks.chosen_regions(conn)
    regions = conn.execute("SELECT id, name, parent_id FROM regions ORDER BY id").fetchall()
    recent = conn.execute(
        "SELECT c.check_id, c.checked_at, c.verdict, c.code_key, d.name,"
        " c.data_synced_at IS NULL FROM inspector_checks c"
        " LEFT JOIN dealers d ON d.id = c.dealer_id WHERE c.operator_id = ?"
        " ORDER BY c.checked_at DESC, c.rowid DESC LIMIT 50",
        (operator_id,),
    ).fetchall()
    return {
        "chosen": chosen,
        "regions": [tuple(r) for r in regions],
        "places": checks.places(conn, chosen),
        "place": place(conn),
        "home": knowledge.identity(conn).region_id,
        "snapshot": knowledge.snapshot_state(conn),
        "recent": [(*r, checks.product_name(conn, r["code_key"], language)) for r in recent],
        "cases": checks.cases(conn, operator_id, language),
    }


def forget_last_check(conn: sqlite3.Connection) -> None:
    """A new operator starts clean: CONFIRM must not file a case for someone else's check."""
    _remember_check(conn, None)
