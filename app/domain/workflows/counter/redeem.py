"""Redeeming a voucher (核销) and undoing it, as writer actions.

A redemption is one transaction: the row here and a ``RedemptionEvent`` in the journal, which
sync pushes. Offline it is provisional, within the caps the brand publishes (unanswered
redemptions, their value, hours since the last sync, counted on the server's time carried by
the monotonic clock: ``app/domain/clock.py``); the server then confirms it or refuses
it (another counter was first), and the journal's sync state says which. Undo is allowed at
the same counter, within a window, with a supervisor's PIN; the supervisor's approval is
recorded in the override audit and travels with the DELETE event.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from app.domain import clock
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store import journal
from app.domain.store.database import station_id
from app.domain.workflows import knowledge
from app.domain.workflows.base import Actor
from app.domain.workflows.counter.model import Alert, RedemptionRow, VoucherFacts, money
from app.domain.workflows.counter.tokens import Refusal, check_voucher

UNDO_WINDOW_PASSED = QT_TRANSLATE_NOOP(
    "Decisions",
    "Nothing to undo: only this counter's last redemption can be undone, within {minutes} "
    "minutes of redeeming it.",
)
UNDO_WINDOW_PASSED_ONE = QT_TRANSLATE_NOOP(  # English says "1 minute", not "1 minutes"
    "Decisions",
    "Nothing to undo: only this counter's last redemption can be undone, within 1 minute of "
    "redeeming it.",
)


def local_day(moment: dt.datetime) -> str:
    """The counter's calendar day for a UTC moment (the day's close groups by it)."""
    return moment.astimezone().date().isoformat()


def _standing_here(conn: sqlite3.Connection, voucher_id: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT r.*, j.sync_state FROM counter_redemptions r JOIN journal j ON j.event_id = r.event_id"
        " WHERE r.voucher_id = ? AND r.status = 'redeemed' AND j.sync_state <> 'rejected'",
        (voucher_id,),
    ).fetchone()


def _unanswered(conn: sqlite3.Connection) -> tuple[int, int]:
    """Redemptions the server has not answered yet: how many, and their value."""
    row = conn.execute(
        "SELECT count(*), coalesce(sum(r.value_cents), 0) FROM counter_redemptions r"
        " JOIN journal j ON j.event_id = r.event_id"
        " WHERE r.status = 'redeemed' AND j.sync_state = 'pending'"
    ).fetchone()
    return int(row[0]), int(row[1])


def _short_time(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


def trusted_time(conn: sqlite3.Connection, machine: clock.Machine) -> clock.TrustedTime:
    """The time the counter's checks use: the server's, which moving the PC's clock cannot move."""
    return clock.read(conn, machine, last_sync=knowledge.last_sync(conn))


def assess(
    conn: sqlite3.Connection,
    text: str,
    now: dt.datetime,
    *,
    online: bool,
    since_sync: dt.timedelta | None = None,
) -> VoucherFacts | Refusal:
    """Every check the counter can make on its own: token, this counter, what sync told us,
    and (offline) the brand's caps on provisional redemptions."""
    facts = check_voucher(conn, text, now.astimezone().date())
    if isinstance(facts, Refusal):
        return facts
    args = {"voucher": facts.voucher_id}
    here = _standing_here(conn, facts.voucher_id)
    if here is not None:
        return Refusal(
            Alert.REDEEMED_HERE,
            {**args, "at": _short_time(here["redeemed_at"]), "operator": here["operator_name"]},
        )
    elsewhere = knowledge.redeemed_elsewhere(conn, facts.voucher_id)
    if elsewhere is not None and elsewhere.station_id != station_id(conn):
        return Refusal(
            Alert.REDEEMED_ELSEWHERE,
            {**args, "station": elsewhere.station_id, "at": _short_time(elsewhere.redeemed_at)},
        )
    if not online:
        refusal = _over_caps(conn, facts, since_sync)
        if refusal is not None:
            return refusal
    return facts


def _over_caps(
    conn: sqlite3.Connection, facts: VoucherFacts, since_sync: dt.timedelta | None
) -> Refusal | None:
    """``since_sync`` None: never synced, or the time since cannot be known - the cap is used up."""
    caps = knowledge.offline_caps(conn)
    hours = since_sync.total_seconds() / 3600 if since_sync is not None else None
    if hours is None or hours > caps.hours:
        shown = "∞" if hours is None else f"{hours:.0f}"
        return Refusal(Alert.OFFLINE_HOURS, {"hours": shown, "limit": f"{caps.hours:g}"})
    count, value = _unanswered(conn)
    if count + 1 > caps.vouchers:
        return Refusal(Alert.OFFLINE_COUNT, {"count": str(count), "limit": str(caps.vouchers)})
    if value + facts.value_cents > caps.value_cents:
        return Refusal(
            Alert.OFFLINE_VALUE,
            {"value": money(value + facts.value_cents), "limit": money(caps.value_cents)},
        )
    return None


@dataclass(frozen=True, slots=True)
class Redeemed:
    facts: VoucherFacts
    event: journal.Event
    provisional: bool


def redeem(
    conn: sqlite3.Connection,
    text: str,
    actor: Actor,
    now: dt.datetime,
    *,
    online: bool,
    since_sync: dt.timedelta | None = None,
) -> Redeemed | Refusal:
    """Check again inside the transaction (another scan may have redeemed it meanwhile), then
    write the redemption and its event together."""
    facts = assess(conn, text, now, online=online, since_sync=since_sync)
    if isinstance(facts, Refusal):
        return facts
    event = journal.append(
        conn,
        "RedemptionEvent",
        {
            "action": "ADD",
            "bizStep": "redeeming",
            "voucher": facts.token,
            "voucher_id": facts.voucher_id,
            "value_cents": facts.value_cents,
            "provisional": not online,
        },
        operator=actor.operator_id,
        station=station_id(conn),
    )
    conn.execute(
        "INSERT INTO counter_redemptions (voucher_id, event_id, token, kid, prize, value_cents,"
        " campaign, voucher_dealer, expires, redeemed_at, day, operator_id, operator_name, provisional)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            facts.voucher_id,
            event.event_id,
            facts.token,
            facts.kid,
            facts.prize,
            facts.value_cents,
            facts.campaign,
            facts.dealer_id,
            facts.expires.isoformat() if facts.expires else None,
            now.astimezone(dt.UTC).isoformat(timespec="seconds"),
            local_day(now),
            actor.operator_id,
            actor.operator_name,
            0 if online else 1,
        ),
    )
    return Redeemed(facts, event, provisional=not online)


@dataclass(frozen=True, slots=True)
class UndoTarget:
    voucher_id: str
    prize: str
    value_cents: int
    redeemed_at: str
    operator_name: str
    minutes_left: int


class UndoRefused(Exception):
    """No redemption may be undone; ``reason`` and ``message`` say why (an English template)."""

    def __init__(self, reason: str, message: str, args: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message
        self.args_ = args or {}


def undo_window(conn: sqlite3.Connection) -> dt.timedelta:
    minutes = knowledge.number_setting(
        conn, knowledge.SETTING_UNDO_MINUTES, knowledge.DEFAULT_UNDO_MINUTES
    )
    return dt.timedelta(minutes=minutes)


def last_undoable(conn: sqlite3.Connection, now: dt.datetime) -> UndoTarget | None:
    """This counter's latest standing redemption, if it is still inside the undo window."""
    row = conn.execute(
        "SELECT r.* FROM counter_redemptions r JOIN journal j ON j.event_id = r.event_id"
        " WHERE r.status = 'redeemed' AND j.sync_state <> 'rejected' ORDER BY r.id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    at = dt.datetime.fromisoformat(row["redeemed_at"])
    left = at + undo_window(conn) - now
    if left <= dt.timedelta(0):
        return None
    return UndoTarget(
        row["voucher_id"],
        row["prize"],
        row["value_cents"],
        row["redeemed_at"],
        row["operator_name"],
        max(1, int(left.total_seconds() // 60)),
    )


def undo(
    conn: sqlite3.Connection,
    voucher_id: str,
    actor: Actor,
    supervisor: Actor,
    reason: str,
    now: dt.datetime,
) -> journal.Event:
    """Undo a redemption made here, inside the window; the caller has checked the supervisor's PIN."""
    target = last_undoable(conn, now)
    if target is None or target.voucher_id != voucher_id:
        minutes = int(undo_window(conn).total_seconds() // 60)
        raise UndoRefused(
            "counter.undo_window_passed",
            UNDO_WINDOW_PASSED_ONE if minutes == 1 else UNDO_WINDOW_PASSED,
            {"minutes": str(minutes)},
        )
    row = _standing_here(conn, voucher_id)
    assert row is not None
    event = journal.append(
        conn,
        "RedemptionEvent",
        {
            "action": "DELETE",
            "bizStep": "redeeming",
            "voucher": row["token"],
            "voucher_id": voucher_id,
            "undoes": row["event_id"],
            "override": {
                "supervisor": supervisor.operator_id,
                "supervisor_name": supervisor.operator_name,
                "reason": reason,
            },
        },
        operator=actor.operator_id,
        station=station_id(conn),
    )
    stamp = now.astimezone(dt.UTC).isoformat(timespec="seconds")
    conn.execute(
        "UPDATE counter_redemptions SET status = 'undone', undo_event_id = ?, undone_at = ?"
        " WHERE id = ?",
        (event.event_id, stamp, row["id"]),
    )
    conn.execute(
        "INSERT INTO counter_overrides (at, kind, subject, operator_id, supervisor_id,"
        " supervisor_name, reason, event_id) VALUES (?, 'undo_redemption', ?, ?, ?, ?, ?, ?)",
        (
            stamp,
            voucher_id,
            actor.operator_id,
            supervisor.operator_id,
            supervisor.operator_name,
            reason,
            event.event_id,
        ),
    )
    return event


def redemptions(
    conn: sqlite3.Connection, day: str | None = None, *, event_id: str | None = None
) -> list[RedemptionRow]:
    sql = (
        "SELECT r.*, j.sync_state, j.reason FROM counter_redemptions r"
        " JOIN journal j ON j.event_id = r.event_id WHERE 1"
    )
    params: list[str] = []
    if day is not None:
        sql += " AND r.day = ?"
        params.append(day)
    if event_id is not None:
        sql += " AND r.event_id = ?"
        params.append(event_id)
    out = []
    for r in conn.execute(sql + " ORDER BY r.id", params).fetchall():
        detail = (
            knowledge.issue_detail(conn, r["event_id"]) if r["sync_state"] == "rejected" else {}
        )
        out.append(
            RedemptionRow(
                voucher_id=r["voucher_id"],
                event_id=r["event_id"],
                prize=r["prize"],
                value_cents=r["value_cents"],
                redeemed_at=r["redeemed_at"],
                operator_name=r["operator_name"],
                provisional=bool(r["provisional"]),
                status=r["status"],
                sync_state=r["sync_state"],
                reason=r["reason"],
                undone_at=r["undone_at"],
                first_station=detail.get("station"),
                first_at=detail.get("at"),
                detail=detail,
            )
        )
    return out


def redemption_by_event(conn: sqlite3.Connection, event_id: str) -> RedemptionRow | None:
    found = redemptions(conn, event_id=event_id)
    return found[0] if found else None
