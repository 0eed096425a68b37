"""What each kind of sync issue offers to do, and doing it in one writer action.

An issue is settled when the station agrees with the server again. For a
shipment the server refused because another station shipped a code first, the
station can take that code out (the rest is sent again) or take the whole
shipment back and reopen the order; the warehouse does either in the same
transaction that marks the issue handled. Every issue can also just be marked
handled, with a note, once someone dealt with the goods.
"""

from __future__ import annotations

import sqlite3

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Actor, Decision, Outcome
from app.domain.workflows.warehouse import Warehouse
from sync.client.issues import Issue, resolve
from sync.protocol import Reason

TAKE_OUT, REOPEN, HANDLED = "take_out", "reopen", "handled"
ACTION_TITLES = {
    TAKE_OUT: QT_TRANSLATE_NOOP("SyncIssues", "Take the code out of the shipment"),
    REOPEN: QT_TRANSLATE_NOOP("SyncIssues", "Take the shipment back and reopen the order"),
    HANDLED: QT_TRANSLATE_NOOP("SyncIssues", "Mark handled"),
}
HANDLED_MESSAGE = QT_TRANSLATE_NOOP("Decisions", "The issue is marked handled.")


def actions(issue: Issue) -> tuple[str, ...]:
    """The actions that work on ``issue``, the one that fixes most first."""
    if issue.resolved_at:
        return ()
    if (issue.biz_step or "").rsplit(":", 1)[-1] == "shipping":
        if issue.reason == Reason.CODE_ALREADY_SHIPPED and disputed(issue):
            return (TAKE_OUT, REOPEN, HANDLED)
        return (REOPEN, HANDLED)
    return (HANDLED,)


def disputed(issue: Issue) -> list[str]:
    """The codes the server named as the cause (another station shipped them first)."""
    code = issue.detail.get("code")
    return [code] if isinstance(code, str) and code else []


def settle(
    conn: sqlite3.Connection, issue: Issue, action: str, actor: Actor, note: str = ""
) -> Decision:
    """Do ``action`` for ``issue`` and mark it handled, or change nothing if it is refused."""
    if action not in actions(issue):
        raise ValueError(f"{action!r} does not settle issue {issue.event_id}")
    if action == HANDLED:
        decision = Decision(Outcome.OK, HANDLED_MESSAGE, reason="sync.handled")
    else:
        warehouse = Warehouse(actor)
        result = (
            warehouse.take_out_of_shipment(conn, issue.event_id, disputed(issue))
            if action == TAKE_OUT
            else warehouse.reopen_refused_shipment(conn, issue.event_id)
        )
        decision = result.decision
    if decision.outcome is not Outcome.ERROR:
        resolve(conn, issue.event_id, actor.operator_id, note)
    return decision
