"""The station's sync tables (migration set ``yima.sync``) and its ``sync.*`` settings.

What the sync client keeps beside the core tables:

- ``sync_cursors``: per change stream, the server cursor of the last page applied. It is
  written in the same transaction as the page, so an interrupted pull resumes exactly.
- ``sync_issues``: events the server rejected, with reason and detail, until an operator
  resolves them (the journal keeps the event's state and reason too).
- ``sync_redemptions``, ``sync_claims``, ``sync_cases``: what the server says about vouchers
  redeemed at counters this station may see, its rebate claims and its diversion cases.
- ``sync_evidence``: what became of each inspector evidence photo (``sync.client.evidence``).
- ``sync_snapshot``: the inspector's code -> dealer/region/date/order table, replaced whole
  by a snapshot import and kept current by the ``shipments`` stream.

Settings (JSON values in the core ``settings`` table): ``sync.server_url``, ``sync.server_id``,
``sync.station_id``, ``sync.whoami``, ``sync.ca_bundle``, ``sync.keyset``, ``sync.deny``,
``sync.snapshot``, ``sync.last_success_at``, ``sync.last_attempt_at``, ``sync.last_error``,
``sync.needs_enrollment``, ``sync.registry`` (the registry snapshot a first pull loaded, with
its ``as_of``: ``sync.client.registry``). The credential itself is never here: it is in the OS
keyring.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from app.domain.store import settings as stored_settings

SYNC = Migrations("yima.sync")

SNAPSHOT_COLUMNS = (
    "key TEXT PRIMARY KEY, dealer_id TEXT, region_id TEXT, ship_date TEXT, order_id TEXT"
)


@SYNC()
def m001_sync(db: Database) -> None:
    db.execute(
        "CREATE TABLE sync_cursors (stream TEXT PRIMARY KEY, cursor INTEGER NOT NULL, updated_at TEXT NOT NULL)"
    )
    db.execute(
        """
        CREATE TABLE sync_issues (
            event_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            type TEXT NOT NULL,
            biz_step TEXT,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}',
            codes TEXT NOT NULL DEFAULT '[]',
            operator TEXT NOT NULL DEFAULT '',
            occurred_at TEXT NOT NULL,
            reported_at TEXT NOT NULL,
            resolved_at TEXT,
            resolved_by TEXT,
            resolution TEXT
        )
        """
    )
    db.execute("CREATE INDEX sync_issues_open ON sync_issues (seq) WHERE resolved_at IS NULL")
    db.execute(
        """
        CREATE TABLE sync_redemptions (
            voucher_id TEXT PRIMARY KEY,
            station_id TEXT NOT NULL,
            dealer_id TEXT,
            redeemed_at TEXT NOT NULL,
            event_id TEXT,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE sync_claims (
            claim_id TEXT PRIMARY KEY,
            card_id TEXT,
            month TEXT,
            status TEXT NOT NULL,
            units INTEGER NOT NULL DEFAULT 0,
            base_cents INTEGER NOT NULL DEFAULT 0,
            data TEXT NOT NULL DEFAULT '{}',
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE sync_cases (
            case_id TEXT PRIMARY KEY,
            code_key TEXT,
            verdict TEXT,
            status TEXT NOT NULL,
            dealer_id TEXT,
            opened_at TEXT,
            data TEXT NOT NULL DEFAULT '{}',
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(f"CREATE TABLE sync_snapshot ({SNAPSHOT_COLUMNS}) WITHOUT ROWID")


@SYNC()
def m002_evidence(db: Database) -> None:
    """What became of each evidence photo: uploaded, missing on disk, or refused."""
    db.execute(
        "CREATE TABLE sync_evidence (sha256 TEXT PRIMARY KEY, outcome TEXT NOT NULL,"
        " detail TEXT NOT NULL DEFAULT '', at TEXT NOT NULL)"
    )


get = stored_settings.read  # the station database's settings, read and written one way
put = stored_settings.write


def cursor(conn: sqlite3.Connection, stream: str) -> int | None:
    row = conn.execute("SELECT cursor FROM sync_cursors WHERE stream = ?", (stream,)).fetchone()
    return None if row is None else int(row[0])


def set_cursor(conn: sqlite3.Connection, stream: str, value: int, now: str) -> None:
    conn.execute(
        "INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at",
        (stream, value, now),
    )
