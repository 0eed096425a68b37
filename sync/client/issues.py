"""The sync issues list: events the server rejected, for an operator to resolve.

Nothing is silently dropped: every rejection stays here, with the reason, who recorded the
event and when, the codes it named and what to do, until someone marks it resolved (with a
note). Qt-free; the widget (``app/ui/sync_issues.py``) reads through these functions.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from app.domain.codes.display import readable
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.rules.tokens import CARD, VOUCHER, TokenError, peek
from sync.protocol import REASONS

# Problems the station finds in its own journal, listed with the server's rejections so a
# supervisor sees them in the same place (reason codes under "station.").
UNREADABLE_EVENT = "station.unreadable_event"
CHAIN_BROKEN = "station.chain_broken"
ROLLED_BACK = "station.rolled_back"
STATION_REASONS: dict[str, tuple[str, str]] = {
    UNREADABLE_EVENT: (
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "Event {seq} in the station database is damaged and cannot be read, so it was set "
            "aside and not sent. The other events are sent as usual.",
        ),
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "Call IT with the event number. Do not delete the database: IT restores the event "
            "from the latest backup or records the work again.",
        ),
    ),
    CHAIN_BROKEN: (
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "The station's history was changed outside Yima Scan at event {seq}, so nothing from "
            "there on is sent to the server.",
        ),
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "Call IT now and do not delete or copy over the database: head office must check "
            "the changed events before sending resumes.",
        ),
    ),
    ROLLED_BACK: (
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "The station database was rolled back: the server already holds events up to number "
            "{server_seq}, but this station only has events up to {seq}. Work recorded after "
            "that is missing here.",
        ),
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "Stop scanning and call IT: restore the latest backup; do not record work again "
            "until IT says so.",
        ),
    ),
}
UNKNOWN_REASON = (
    QT_TRANSLATE_NOOP("SyncReasons", "The server refused this event ({reason})."),
    QT_TRANSLATE_NOOP("SyncReasons", "Call IT and give them the event number."),
)
EVENT_NAMES = {
    "shipping": QT_TRANSLATE_NOOP("SyncIssues", "Shipment"),
    "receiving": QT_TRANSLATE_NOOP("SyncIssues", "Receipt"),
    "returning": QT_TRANSLATE_NOOP("SyncIssues", "Return"),
    "packing": QT_TRANSLATE_NOOP("SyncIssues", "Packing"),
    "unpacking": QT_TRANSLATE_NOOP("SyncIssues", "Unpacking"),
    "relabelling": QT_TRANSLATE_NOOP("SyncIssues", "Relabel"),
    "cycle_counting": QT_TRANSLATE_NOOP("SyncIssues", "Stocktake"),
    "inspecting": QT_TRANSLATE_NOOP("SyncIssues", "Check"),
    "redeeming": QT_TRANSLATE_NOOP("SyncIssues", "Voucher redemption"),
    "rebate_claiming": QT_TRANSLATE_NOOP("SyncIssues", "Installer rebate claim"),
    "RedemptionEvent": QT_TRANSLATE_NOOP("SyncIssues", "Voucher redemption"),
    "RebateClaimEvent": QT_TRANSLATE_NOOP("SyncIssues", "Installer rebate claim"),
    "DiversionCaseEvent": QT_TRANSLATE_NOOP("SyncIssues", "Diversion case"),
    "AggregationEvent": QT_TRANSLATE_NOOP("SyncIssues", "Packing"),
    "ObjectEvent": QT_TRANSLATE_NOOP("SyncIssues", "Scan"),
}

# What a problem of the station's own journal is about (it names no kind of work).
STATION_RECORDS = QT_TRANSLATE_NOOP("SyncIssues", "Station records")
OTHER_WORK = QT_TRANSLATE_NOOP("SyncIssues", "Other work")  # a kind of event not named above


@dataclass(frozen=True)
class Issue:
    event_id: str
    seq: int
    type: str
    biz_step: str | None
    reason: str
    detail: dict[str, Any]
    codes: list[str]
    operator: str
    operator_name: str
    occurred_at: str
    reported_at: str
    resolved_at: str | None = None
    resolved_by: str | None = None
    resolution: str | None = None
    args: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The English template of what happened (translate in the "SyncReasons" context)."""
        return _reason(self.reason)[0]

    @property
    def advice(self) -> str:
        """The English template of what to do."""
        return _reason(self.reason)[1]

    @property
    def shown_codes(self) -> list[str]:
        """The codes the event named, as printed under their barcodes."""
        return [readable(code) for code in self.codes]

    @property
    def what(self) -> str:
        """The English name of the kind of work (translate in the "SyncIssues" context)."""
        if self.reason in STATION_REASONS:
            return STATION_RECORDS
        step = (self.biz_step or "").rsplit(":", 1)[-1].removeprefix("void_")
        return EVENT_NAMES.get(step) or EVENT_NAMES.get(self.type, OTHER_WORK)


def _reason(reason: str) -> tuple[str, str]:
    return REASONS.get(reason) or STATION_REASONS.get(reason, UNKNOWN_REASON)


def _args(reason: str, detail: dict[str, Any], codes: list[str]) -> dict[str, str]:
    """Placeholder values for the reason's templates; a missing one reads "?" rather than failing.
    Codes read as the text under their barcode and a voucher or card as its number, never as
    the store's keys or the signed token."""
    args = {k: _shown(v) for k, v in detail.items() if isinstance(v, str | int | float)}
    if "code" not in args and codes:
        args["code"] = readable(codes[0])
    args.setdefault("reason", reason)
    for name in ("code", "dealer", "station", "at", "order", "region", "parent", "other", "voucher", "expires",
                 "card", "claim", "error", "seq", "server_seq"):  # fmt: skip
        args.setdefault(name, "?")
    if args["at"] != "?":
        args["at"] = _local_time(args["at"])
    return args


def _shown(value: str | int | float) -> str:
    text = str(value)
    if text.startswith((f"{VOUCHER}.", f"{CARD}.")):
        try:
            return peek(text).id
        except TokenError:
            return text[:12] + "…"
    return readable(text)


def _local_time(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


def _issue(row: sqlite3.Row | tuple) -> Issue:
    (event_id, seq, type_, step, reason, detail, codes, operator, name, occurred, reported, resolved_at,
     resolved_by, resolution) = tuple(row)  # fmt: skip
    detail_value = json.loads(detail or "{}")
    code_list = json.loads(codes or "[]")
    return Issue(event_id, seq, type_, step, reason, detail_value, code_list, operator, name or operator,
                 occurred, reported, resolved_at, resolved_by, resolution,
                 _args(reason, detail_value, code_list))  # fmt: skip


_SELECT = (
    "SELECT i.event_id, i.seq, i.type, i.biz_step, i.reason, i.detail, i.codes, i.operator, o.name,"
    " i.occurred_at, i.reported_at, i.resolved_at, i.resolved_by, i.resolution"
    " FROM sync_issues i LEFT JOIN operators o ON o.id = i.operator"
)


def list_issues(
    conn: sqlite3.Connection,
    *,
    include_resolved: bool = False,
    limit: int = 1000,
    language: str = "zh_CN",
) -> list[Issue]:
    """Newest first; open ones only unless asked. A dealer the station knows is named (in
    ``language``), not given by the server's id."""
    where = "" if include_resolved else " WHERE i.resolved_at IS NULL"
    rows = conn.execute(f"{_SELECT}{where} ORDER BY i.seq DESC LIMIT ?", (limit,)).fetchall()
    return [_named_dealer(conn, _issue(r), language) for r in rows]


def _named_dealer(conn: sqlite3.Connection, issue: Issue, language: str) -> Issue:
    dealer = issue.args.get("dealer", "?")
    if dealer == "?":
        return issue
    row = conn.execute("SELECT name, name_en FROM dealers WHERE id = ?", (dealer,)).fetchone()
    if row is None:
        return issue
    name = row[1] if row[1] and not language.startswith("zh") else row[0]
    return replace(issue, args={**issue.args, "dealer": name or dealer})


def count_open(conn: sqlite3.Connection, operator: str | None = None) -> int:
    """Open issues: all of them, or those of one operator's events."""
    if operator is None:
        sql = "SELECT count(*) FROM sync_issues WHERE resolved_at IS NULL"
        args: tuple[str, ...] = ()
    else:
        sql = "SELECT count(*) FROM sync_issues WHERE resolved_at IS NULL AND operator = ?"
        args = (operator,)
    return conn.execute(sql, args).fetchone()[0]


def resolve(conn: sqlite3.Connection, event_id: str, operator: str, note: str = "") -> bool:
    """Mark an issue handled (a writer action). The journal keeps the rejection either way."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    cur = conn.execute(
        "UPDATE sync_issues SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE event_id = ? AND resolved_at IS NULL",
        (now, operator, note, event_id),
    )
    return cur.rowcount > 0


def report_station_issue(
    conn: sqlite3.Connection,
    *,
    event_id: str,
    seq: int,
    reason: str,
    detail: dict[str, Any],
    type_: str = "",
    now: str | None = None,
) -> None:
    """List a problem the station found in its own journal (a writer action); once per event."""
    reported = now or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    conn.execute(
        "INSERT INTO sync_issues (event_id, seq, type, reason, detail, occurred_at, reported_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE SET"
        " reason = excluded.reason, detail = excluded.detail, resolved_at = NULL",
        (event_id, seq, type_, reason, json.dumps(detail, ensure_ascii=False), reported, reported),
    )
