"""The append-only event journal, which is also the sync outbox.

Every operator action appends one event here in the same transaction as its
state change. Each event carries the hash of the one before it, so a history
edited behind the application's back (rows changed, removed or reordered) no
longer verifies. Sync only ever records an event's outcome (``sync_state`` and
``reason``), which the hash does not cover.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64
SYNC_STATES = ("pending", "accepted", "duplicate", "rejected")

EVENT_TYPES = (
    "ObjectEvent",
    "AggregationEvent",
    "RedemptionEvent",
    "RebateClaimEvent",
    "DiversionCaseEvent",
)


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    event_id: str
    type: str
    payload: dict[str, Any]
    occurred_at: str
    mono_ns: int
    operator: str
    station: str
    sync_state: str
    reason: str | None
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class ChainCheck:
    ok: bool
    count: int
    first_bad_seq: int | None = None


def _canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _event_hash(
    prev_hash: str,
    seq: int,
    event_id: str,
    type_: str,
    payload_json: str,
    occurred_at: str,
    mono_ns: int,
    operator: str,
    station: str,
) -> str:
    body = "\x1f".join(
        (
            prev_hash,
            str(seq),
            event_id,
            type_,
            payload_json,
            occurred_at,
            str(mono_ns),
            operator,
            station,
        )
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(
    conn: sqlite3.Connection,
    type: str,
    payload: dict[str, Any],
    *,
    operator: str,
    station: str,
    event_id: str | None = None,
) -> Event:
    """Append one event inside the caller's transaction (a writer action) and return it."""
    if type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {type!r}")
    last = conn.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    event_id = event_id or str(uuid.uuid4())
    occurred_at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    mono_ns = time.monotonic_ns()
    payload_json = _canonical(payload)
    digest = _event_hash(
        prev_hash, seq, event_id, type, payload_json, occurred_at, mono_ns, operator, station
    )
    conn.execute(
        "INSERT INTO journal (seq, event_id, type, payload, occurred_at, mono_ns, operator, station,"
        " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            seq,
            event_id,
            type,
            payload_json,
            occurred_at,
            mono_ns,
            operator,
            station,
            prev_hash,
            digest,
        ),
    )
    return Event(
        seq,
        event_id,
        type,
        payload,
        occurred_at,
        mono_ns,
        operator,
        station,
        "pending",
        None,
        prev_hash,
        digest,
    )


def _from_row(row: sqlite3.Row) -> Event:
    return Event(
        seq=row["seq"],
        event_id=row["event_id"],
        type=row["type"],
        payload=json.loads(row["payload"]),
        occurred_at=row["occurred_at"],
        mono_ns=row["mono_ns"],
        operator=row["operator"],
        station=row["station"],
        sync_state=row["sync_state"],
        reason=row["reason"],
        prev_hash=row["prev_hash"],
        hash=row["hash"],
    )


def pending(conn: sqlite3.Connection, limit: int, *, after_seq: int = 0) -> list[Event]:
    """The oldest events not yet answered by the server, in journal order."""
    rows = conn.execute(
        "SELECT * FROM journal WHERE sync_state = 'pending' AND seq > ? ORDER BY seq LIMIT ?",
        (after_seq, limit),
    )
    return [_from_row(r) for r in rows]


def count_pending(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM journal WHERE sync_state = 'pending'").fetchone()[0]


def get(conn: sqlite3.Connection, event_id: str) -> Event | None:
    row = conn.execute("SELECT * FROM journal WHERE event_id = ?", (event_id,)).fetchone()
    return _from_row(row) if row else None


def events(conn: sqlite3.Connection, *, after_seq: int = 0, batch: int = 1000) -> Iterator[Event]:
    """Every event after ``after_seq`` in order, read in batches so memory stays bounded."""
    while True:
        rows = conn.execute(
            "SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT ?", (after_seq, batch)
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield _from_row(row)
        after_seq = rows[-1]["seq"]


def mark(conn: sqlite3.Connection, event_id: str, state: str, reason: str | None = None) -> None:
    """Record the server's answer for one event (the only change an event ever gets)."""
    if state not in SYNC_STATES:
        raise ValueError(f"unknown sync state {state!r}")
    conn.execute(
        "UPDATE journal SET sync_state = ?, reason = ? WHERE event_id = ?",
        (state, reason, event_id),
    )


def verify_chain(conn: sqlite3.Connection) -> ChainCheck:
    """Recompute every hash from the start; the first mismatch names where history was altered."""
    prev_hash, expected_seq, count = GENESIS_HASH, 1, 0
    cursor = conn.execute(
        "SELECT seq, event_id, type, payload, occurred_at, mono_ns, operator, station, prev_hash, hash"
        " FROM journal ORDER BY seq"
    )
    for (
        seq,
        event_id,
        type_,
        payload,
        occurred_at,
        mono_ns,
        operator,
        station,
        stored_prev,
        stored,
    ) in cursor:
        digest = _event_hash(
            prev_hash, seq, event_id, type_, payload, occurred_at, mono_ns, operator, station
        )
        if seq != expected_seq or stored_prev != prev_hash or stored != digest:
            return ChainCheck(False, count, seq)
        prev_hash, expected_seq, count = stored, seq + 1, count + 1
    return ChainCheck(True, count)
