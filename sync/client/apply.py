"""What sync writes into the station database; each function runs as one writer action.

``record_results`` stores the server's answers to a pushed batch (journal state, and a sync
issue for every rejection). ``apply_page`` applies one page of pulled changes and moves the
stream's cursor in the same transaction, so a pull cut anywhere resumes exactly.

The server is the reference for master data. For codes the station's own recent work wins:
a change the station itself caused is not applied back over its richer local state (an
"allocated" code stays allocated), and codes named by events still waiting to be pushed are
left alone until the server has judged those events.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from typing import Any

from app.domain.store import journal
from sync.client import state
from sync.protocol import REGISTRY_FIELDS, Change, EventResult, Status

log = logging.getLogger(__name__)


class StaleCursor(Exception):
    """Another pull moved the cursor since this page was fetched; fetch again from the new one."""


def event_codes(payload: dict[str, Any]) -> list[str]:
    """The code keys an event names (for protection while pending, and for the issues list)."""
    keys: list[str] = []
    for name in ("epcList", "childEPCs", "codes"):
        value = payload.get(name)
        if isinstance(value, list):
            keys.extend(k for k in value if isinstance(k, str))
    for name in ("parentID", "code", "replaces", "yima:replaces"):
        value = payload.get(name)
        if isinstance(value, str):
            keys.append(value)
    return keys


# --- push results -------------------------------------------------------------------------------


def record_results(
    conn: sqlite3.Connection, events: list[journal.Event], results: list[EventResult], now: str
) -> dict[str, int]:
    by_id = {e.event_id: e for e in events}
    counts = {"accepted": 0, "duplicate": 0, "rejected": 0}
    marks: list[tuple[str, str | None, str]] = []
    issues: list[tuple] = []
    for result in results:
        event = by_id.get(result.event_id)
        if event is None:
            continue
        status = result.status
        if status is Status.DUPLICATE and result.original_status is Status.REJECTED:
            status = Status.REJECTED  # the first delivery was rejected: that is the answer
        reason = (result.reason or "server.error") if status is Status.REJECTED else None
        marks.append((status.value, reason, event.event_id))
        if status is Status.REJECTED:
            issues.append(
                (
                    event.event_id,
                    event.seq,
                    event.type,
                    str(event.payload.get("bizStep") or "") or None,
                    reason,
                    json.dumps(result.detail, ensure_ascii=False),
                    json.dumps(event_codes(event.payload)[:50], ensure_ascii=False),
                    event.operator,
                    event.occurred_at,
                    now,
                )
            )
        counts[status.value] += 1
    # journal.mark, for a whole batch in one statement (the only change an event ever gets)
    conn.executemany("UPDATE journal SET sync_state = ?, reason = ? WHERE event_id = ?", marks)
    conn.executemany(
        "INSERT INTO sync_issues (event_id, seq, type, biz_step, reason, detail, codes, operator,"
        " occurred_at, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
        issues,
    )
    return counts


# --- pulled changes ------------------------------------------------------------------------------


def _pending_codes(conn: sqlite3.Connection) -> set[str]:
    """Codes named by events not yet judged by the server, with everything packed inside them."""
    keys: set[str] = set()
    after = 0
    while batch := journal.pending(conn, 1000, after_seq=after):
        for event in batch:
            keys.update(event_codes(event.payload))
        after = batch[-1].seq
    if not keys:
        return keys
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_pending_roots (key TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.sync_pending_roots")
    conn.executemany(
        "INSERT OR IGNORE INTO temp.sync_pending_roots VALUES (?)", [(k,) for k in keys]
    )
    rows = conn.execute(
        "WITH RECURSIVE t(key, depth) AS (SELECT key, 0 FROM temp.sync_pending_roots"
        " UNION SELECT c.key, t.depth + 1 FROM codes c JOIN t ON c.parent_key = t.key WHERE t.depth < 4)"
        " SELECT key FROM t"
    ).fetchall()
    conn.execute("DELETE FROM temp.sync_pending_roots")
    return {r[0] for r in rows}


CODE_COLUMNS = (
    "key, level, product_id, parent_key, status, dealer_id, order_id, verified, updated_at"
)


def code_insert(table: str, me: str, now: str) -> str:
    """The INSERT of code rows into ``table`` from the registry's state of each code as
    parameters ``(key, *REGISTRY_FIELDS)`` (None or empty text: none), from a pulled change or a
    registry snapshot's line alike. The station's own status of a code is worked out here, in
    the one place: shipped; void: replaced; in stock, received or returned and held by this
    station: in_stock; anything else: known."""
    return (
        f"INSERT INTO {table} ({CODE_COLUMNS}) VALUES (?1, coalesce(nullif(?2, ''), 'item'),"
        " nullif(?3, ''), nullif(?4, ''), CASE WHEN ?5 = 'shipped' THEN 'shipped'"
        " WHEN ?5 = 'void' THEN 'replaced' WHEN ?5 IN ('in_stock', 'received', 'returned')"
        f" AND ?8 = {_literal(me)} THEN 'in_stock' ELSE 'known' END, nullif(?6, ''),"
        f" nullif(?7, ''), 1, {_literal(now)})"
    )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_UPSERT = " ON CONFLICT (key) DO UPDATE SET "
# our own change coming back, or a re-issue: keep the local state, trust the registry
_TRUST = _UPSERT + "verified = 1, product_id = coalesce(excluded.product_id, product_id)"
_REPLACE = _UPSERT + (
    "level = excluded.level, product_id = excluded.product_id, parent_key = excluded.parent_key,"
    " status = excluded.status, dealer_id = excluded.dealer_id, order_id = excluded.order_id,"
    " verified = 1, updated_at = excluded.updated_at"
)


def _apply_codes(
    conn: sqlite3.Connection, changes: dict[str, Change], me: str, now: str, protected: set[str]
) -> None:
    """A page's code changes (the last one per code), written set-wise: a code the station does
    not hold is inserted, one it holds is updated as its change says, in one upsert each (one
    look into the table per code: on a first sync the table is large and the look is the cost)."""
    trusts: list[tuple[Any, ...]] = []
    replaces: list[tuple[Any, ...]] = []
    for key, change in changes.items():
        if key in protected:
            continue
        data = change.data
        row = (key, *(data.get(field) for field in REGISTRY_FIELDS))
        (trusts if data.get("by") == me or data.get("status") == "issued" else replaces).append(row)
    insert = code_insert("codes", me, now)
    conn.executemany(insert + _TRUST, trusts)
    conn.executemany(insert + _REPLACE, replaces)


def _apply_order(conn: sqlite3.Connection, change: Change) -> None:
    data = change.data
    server_status = data.get("status") or "open"
    exists = conn.execute("SELECT status FROM orders WHERE id = ?", (change.key,)).fetchone()
    if exists is None:
        conn.execute(
            "INSERT INTO orders (id, dealer_id, status, created_at) VALUES (?, ?, ?, ?)",
            (change.key, data.get("dealer_id"), server_status, data.get("created_at") or ""),
        )
    else:
        # "open" from the server does not undo the station's own progress (partial, shipped)
        status = exists[0] if server_status == "open" else server_status
        conn.execute(
            "UPDATE orders SET dealer_id = ?, status = ? WHERE id = ?",
            (data.get("dealer_id"), status, change.key),
        )
    conn.execute("DELETE FROM order_lines WHERE order_id = ?", (change.key,))
    conn.executemany(
        "INSERT INTO order_lines (order_id, product_id, qty) VALUES (?, ?, ?)",
        [(change.key, line["product_id"], line["qty"]) for line in data.get("lines") or ()],
    )


_MASTER = {
    "product": (
        "products",
        ("id", "gtin", "name", "name_en", "level", "items_per_case", "cases_per_pallet"),
    ),
    "region": ("regions", ("id", "name", "name_en", "parent_id")),
    "dealer": ("dealers", ("id", "name", "name_en", "regions")),
    "store": ("stores", ("id", "name", "region_id", "dealer_id")),
}


def _apply_master(conn: sqlite3.Connection, change: Change) -> None:
    table, columns = _MASTER[change.kind]
    if change.op == "delete":
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (change.key,))
        return
    data = dict(change.data, id=change.key)
    if change.kind == "dealer":
        data["regions"] = json.dumps(data.get("regions") or [], ensure_ascii=False)
    values = []
    for column in columns:
        value = data.get(column)
        if column in ("name_en",) and value is None:
            value = ""
        if column == "level" and value is None:
            value = "item"
        values.append(value)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    conn.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        f" ON CONFLICT (id) DO UPDATE SET {updates}",
        values,
    )


def _apply_deny(deny: dict[str, list[str]], change: Change) -> None:
    kind, _, value = change.key.partition(":")
    values = set(deny.get(kind, []))
    if change.op == "delete":
        values.discard(value)
    else:
        values.add(value)
    deny[kind] = sorted(values)


def _apply_one(conn: sqlite3.Connection, change: Change, ctx: dict[str, Any]) -> None:
    kind, data, now = change.kind, change.data, ctx["now"]
    if kind in _MASTER:
        _apply_master(conn, change)
    elif kind == "order":
        _apply_order(conn, change)
    elif kind == "code":
        ctx["codes"][change.key] = change  # applied together at the end of the page
    elif kind == "setting":
        if not change.key.startswith("sync."):
            state.put(conn, change.key, data.get("value"))
    elif kind == "keyset":
        state.put(conn, "sync.keyset", data)
    elif kind == "deny":
        if ctx["deny"] is None:
            ctx["deny"] = state.get(conn, "sync.deny") or {}
        _apply_deny(ctx["deny"], change)
    elif kind == "redemption":
        if change.op == "delete":
            conn.execute("DELETE FROM sync_redemptions WHERE voucher_id = ?", (change.key,))
        else:
            conn.execute(
                "INSERT INTO sync_redemptions (voucher_id, station_id, dealer_id, redeemed_at, event_id, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (voucher_id) DO UPDATE SET station_id = excluded.station_id,"
                " dealer_id = excluded.dealer_id, redeemed_at = excluded.redeemed_at, event_id = excluded.event_id,"
                " updated_at = excluded.updated_at",
                (change.key, data.get("station_id"), data.get("dealer_id"), data.get("redeemed_at"),
                 data.get("event_id"), now),
            )  # fmt: skip
    elif kind == "claim":
        conn.execute(
            "INSERT INTO sync_claims (claim_id, card_id, month, status, units, base_cents, data, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET status = excluded.status,"
            " units = excluded.units, base_cents = excluded.base_cents, data = excluded.data,"
            " updated_at = excluded.updated_at",
            (change.key, data.get("card_id"), data.get("month"), data.get("status") or "accepted",
             data.get("units") or 0, data.get("base_cents") or 0, json.dumps(data, ensure_ascii=False), now),
        )  # fmt: skip
    elif kind == "case":
        conn.execute(
            "INSERT INTO sync_cases (case_id, code_key, verdict, status, dealer_id, opened_at, data, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO UPDATE SET status = excluded.status,"
            " verdict = excluded.verdict, data = excluded.data, updated_at = excluded.updated_at",
            (change.key, data.get("code_key"), data.get("verdict"), data.get("status") or "open",
             data.get("dealer_id"), data.get("opened_at"), json.dumps(data, ensure_ascii=False), now),
        )  # fmt: skip
    elif kind == "ship":
        if data.get("void"):
            conn.execute("DELETE FROM sync_snapshot WHERE key = ?", (change.key,))
        else:
            conn.execute(
                "INSERT INTO sync_snapshot (key, dealer_id, region_id, ship_date, order_id) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET dealer_id = excluded.dealer_id, region_id = excluded.region_id,"
                " ship_date = excluded.ship_date, order_id = excluded.order_id",
                (change.key, data.get("dealer_id"), data.get("region_id"), data.get("ship_date"),
                 data.get("order_id")),
            )  # fmt: skip
    else:
        log.debug("ignoring change of unknown kind %s", kind)


def apply_page(
    conn: sqlite3.Connection,
    stream: str,
    expected_cursor: int,
    changes: Iterable[Change],
    next_cursor: int,
    *,
    me: str,
    now: str,
) -> int:
    """Apply a page and store its cursor, all in this one transaction; returns changes applied."""
    if (state.cursor(conn, stream) or 0) != expected_cursor:
        raise StaleCursor(stream)
    ctx: dict[str, Any] = {"me": me, "now": now, "deny": None, "codes": {}}
    applied = 0
    for change in changes:
        try:
            _apply_one(conn, change, ctx)
            applied += 1
        except sqlite3.IntegrityError as exc:
            # e.g. an order for a dealer this station never received: skip, never block the stream
            log.warning("change %s %s skipped: %s", change.kind, change.key, exc)
    if ctx["codes"]:
        protected = _pending_codes(conn) if journal.count_pending(conn) else set()
        _apply_codes(conn, ctx["codes"], me, now, protected)
    if ctx["deny"] is not None:
        state.put(conn, "sync.deny", ctx["deny"])
    state.set_cursor(conn, stream, next_cursor, now)
    return applied
