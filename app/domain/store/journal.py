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
from contextvars import ContextVar
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


def _zone_offset(moment: dt.datetime) -> str:
    """This machine's UTC offset at ``moment`` as ``+08:00``."""
    minutes = int((moment.astimezone().utcoffset() or dt.timedelta()).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# How the code behind the events being written reached the station, when it was not read off
# the item: "typed" by hand. Set around one writer action (``app.domain.workflows.base.typed``);
# every event that action appends carries it as ``entry`` (``yima:entry`` in EPCIS).
ENTRY: ContextVar[str | None] = ContextVar("yima_entry", default=None)


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
    now = dt.datetime.now(dt.UTC)
    occurred_at = now.isoformat(timespec="milliseconds")
    # The time stays UTC (sync and the server compare it); the station's zone at that moment
    # travels beside it, as EPCIS's eventTimeZoneOffset, for the EPCIS export.
    payload = {"eventTimeZoneOffset": _zone_offset(now), **payload}
    entry = ENTRY.get()
    if entry is not None:
        payload["entry"] = entry
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


# Every column read as bytes: a row damaged on disk (text that is not UTF-8) is reported as
# ``Damaged`` instead of making SQLite's decoder raise for the whole query.
_COLUMNS = (
    "seq, CAST(event_id AS BLOB), CAST(type AS BLOB), CAST(payload AS BLOB),"
    " CAST(occurred_at AS BLOB), mono_ns, CAST(operator AS BLOB), CAST(station AS BLOB),"
    " sync_state, reason, CAST(prev_hash AS BLOB), CAST(hash AS BLOB)"
)
_NOT_QUARANTINED = "seq NOT IN (SELECT seq FROM journal_quarantine)"


@dataclass(frozen=True, slots=True)
class Damaged:
    """A journal row that cannot be read back (its text is not UTF-8, or its payload not JSON)."""

    seq: int
    event_id: str
    detail: str
    prev_hash: str
    hash: str


def _text(value: bytes | str | None) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else (value or "")


def _lenient(value: bytes | str | None) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else (value or "")


def _decode(row: tuple) -> Event | Damaged:
    seq, event_id, type_, payload, occurred_at, mono_ns, operator, station = row[:8]
    sync_state, reason, prev_hash, digest = row[8:]
    try:
        return Event(
            seq=seq,
            event_id=_text(event_id),
            type=_text(type_),
            payload=json.loads(_text(payload)),
            occurred_at=_text(occurred_at),
            mono_ns=mono_ns,
            operator=_text(operator),
            station=_text(station),
            sync_state=sync_state,
            reason=reason,
            prev_hash=_text(prev_hash),
            hash=_text(digest),
        )
    except (UnicodeDecodeError, ValueError) as exc:
        detail = f"{type(exc).__name__}: {exc}"[:300]
        return Damaged(seq, _lenient(event_id), detail, _lenient(prev_hash), _lenient(digest))


def _event(row: tuple) -> Event:
    decoded = _decode(row)
    if isinstance(decoded, Damaged):
        raise ValueError(f"journal row {decoded.seq} is damaged: {decoded.detail}")
    return decoded


def read_pending(
    conn: sqlite3.Connection, limit: int, *, after_seq: int = 0
) -> list[Event | Damaged]:
    """The oldest rows not yet answered by the server and not quarantined, in journal order."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM journal WHERE sync_state = 'pending' AND seq > ?"
        f" AND {_NOT_QUARANTINED} ORDER BY seq LIMIT ?",
        (after_seq, limit),
    )
    return [_decode(r) for r in rows]


def pending(conn: sqlite3.Connection, limit: int, *, after_seq: int = 0) -> list[Event]:
    """The oldest readable events not yet answered by the server, in journal order."""
    return [e for e in read_pending(conn, limit, after_seq=after_seq) if isinstance(e, Event)]


def count_pending(conn: sqlite3.Connection) -> int:
    """Events still to send (a quarantined row is not: it waits for IT, see ``quarantine``)."""
    return conn.execute(
        f"SELECT count(*) FROM journal WHERE sync_state = 'pending' AND {_NOT_QUARANTINED}"
    ).fetchone()[0]


def get(conn: sqlite3.Connection, event_id: str) -> Event | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM journal WHERE event_id = ?", (event_id,)).fetchone()
    return _event(row) if row else None


def events(conn: sqlite3.Connection, *, after_seq: int = 0, batch: int = 1000) -> Iterator[Event]:
    """Every event after ``after_seq`` in order, read in batches so memory stays bounded."""
    while True:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM journal WHERE seq > ? ORDER BY seq LIMIT ?",
            (after_seq, batch),
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield _event(row)
        after_seq = rows[-1][0]


def mark(conn: sqlite3.Connection, event_id: str, state: str, reason: str | None = None) -> None:
    """Record the server's answer for one event (the only change an event ever gets)."""
    if state not in SYNC_STATES:
        raise ValueError(f"unknown sync state {state!r}")
    conn.execute(
        "UPDATE journal SET sync_state = ?, reason = ? WHERE event_id = ?",
        (state, reason, event_id),
    )


def quarantine(conn: sqlite3.Connection, damaged: Damaged, now: str) -> None:
    """Set a damaged row aside (a writer action): kept as it is, never pushed, counted apart.

    The row stays in the journal for IT to inspect; the rest of the outbox goes on.
    """
    conn.execute(
        "INSERT OR IGNORE INTO journal_quarantine (seq, event_id, detail, quarantined_at)"
        " VALUES (?, ?, ?, ?)",
        (damaged.seq, damaged.event_id, damaged.detail, now),
    )


def quarantined(conn: sqlite3.Connection) -> set[int]:
    return {r[0] for r in conn.execute("SELECT seq FROM journal_quarantine")}


# --- the hash chain ------------------------------------------------------------------------------

VERIFIED_KEY = "journal.verified"  # settings: [seq, hash] of the last event whose chain verified


@dataclass(frozen=True, slots=True)
class ChainPoint:
    seq: int
    hash: str


START = ChainPoint(0, GENESIS_HASH)


def verified_point(conn: sqlite3.Connection) -> ChainPoint:
    """Where the chain was last verified up to (the start of the journal if never)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (VERIFIED_KEY,)).fetchone()
    if row is None:
        return START
    seq, digest = json.loads(row[0])
    return ChainPoint(int(seq), str(digest))


def set_verified_point(conn: sqlite3.Connection, point: ChainPoint) -> None:
    """Remember a verified point (a writer action); it never moves backwards."""
    if point.seq <= verified_point(conn).seq:
        return
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (VERIFIED_KEY, json.dumps([point.seq, point.hash])),
    )


def last_point(conn: sqlite3.Connection) -> ChainPoint:
    """The newest event's sequence number and hash: where the next event will chain on."""
    row = conn.execute(
        "SELECT seq, CAST(hash AS BLOB) FROM journal ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return ChainPoint(row[0], _lenient(row[1])) if row else START


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """``first_bad_seq`` names where history was altered; ``damaged`` rows that are unreadable
    but still linked (their neighbours carry their hash), which are quarantined, not a break."""

    ok: bool
    count: int
    first_bad_seq: int | None = None
    last: ChainPoint = START
    damaged: tuple[int, ...] = ()


def _row_hash(row: tuple) -> str:
    """The hash over the bytes as stored: equal to ``_event_hash`` for every readable row."""
    seq, event_id, type_, payload, occurred_at, mono_ns, operator, station, prev_hash = row[:9]
    parts = (prev_hash, str(seq).encode(), event_id, type_, payload, occurred_at,
             str(mono_ns).encode(), operator, station)  # fmt: skip
    return hashlib.sha256(b"\x1f".join(parts)).hexdigest()


def _readable(row: tuple) -> bool:
    try:
        for value in row[1:9]:
            if isinstance(value, bytes):
                value.decode("utf-8")
        json.loads(row[3])
    except (UnicodeDecodeError, ValueError):
        return False
    return True


def verify_chain(
    conn: sqlite3.Connection, *, start: ChainPoint = START, upto_seq: int | None = None
) -> ChainCheck:
    """Recompute every hash after ``start`` (up to ``upto_seq``); the first mismatch names
    where history was altered. A row whose text is no longer readable but whose neighbours
    still link to it is reported in ``damaged`` (disk damage, set aside), not as a break."""
    prev, expected_seq, count = start.hash, start.seq + 1, 0
    damaged: list[int] = []
    last = start
    cursor = conn.execute(
        "SELECT seq, CAST(event_id AS BLOB), CAST(type AS BLOB), CAST(payload AS BLOB),"
        " CAST(occurred_at AS BLOB), mono_ns, CAST(operator AS BLOB), CAST(station AS BLOB),"
        " CAST(prev_hash AS BLOB), CAST(hash AS BLOB) FROM journal WHERE seq > ? AND seq <= ?"
        " ORDER BY seq",
        (start.seq, upto_seq if upto_seq is not None else 2**62),
    )
    for row in cursor:
        seq, stored_prev, stored = row[0], _lenient(row[8]), _lenient(row[9])
        if seq != expected_seq or stored_prev != prev:
            return ChainCheck(False, count, seq, last, tuple(damaged))
        if _row_hash(row) != stored:
            if _readable(row):
                return ChainCheck(False, count, seq, last, tuple(damaged))
            damaged.append(seq)
        prev, expected_seq, count = stored, seq + 1, count + 1
        last = ChainPoint(seq, stored)
    return ChainCheck(True, count, None, last, tuple(damaged))
