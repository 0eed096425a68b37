"""The core schema: the journal (append-only, also the sync outbox) and the local state.

State tables hold what the station believes now; the journal holds how it got
there. Both change in one transaction per operator action, so they never
disagree after a crash.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

CORE = Migrations("yima.core")


@CORE()
def m001_journal(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE journal (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            mono_ns INTEGER NOT NULL,
            operator TEXT NOT NULL,
            station TEXT NOT NULL,
            sync_state TEXT NOT NULL DEFAULT 'pending'
                CHECK (sync_state IN ('pending', 'accepted', 'duplicate', 'rejected')),
            reason TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX journal_pending ON journal (seq) WHERE sync_state = 'pending'")
    # Append-only: history can be added to and its sync outcome recorded, never rewritten.
    db.execute(
        """
        CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER journal_no_rewrite
        BEFORE UPDATE OF seq, event_id, type, payload, occurred_at, mono_ns, operator, station,
                         prev_hash, hash ON journal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END
        """
    )


@CORE()
def m002_reference_data(db: Database) -> None:
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """
        CREATE TABLE operators (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            pin_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1
        )
        """
    )
    db.execute(
        """
        CREATE TABLE products (
            id TEXT PRIMARY KEY,
            gtin TEXT UNIQUE,
            name TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '',
            level TEXT NOT NULL DEFAULT 'item',
            items_per_case INTEGER,
            cases_per_pallet INTEGER
        )
        """
    )
    db.execute(
        """
        CREATE TABLE regions (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '',
            parent_id TEXT REFERENCES regions (id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE dealers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT '',
            regions TEXT NOT NULL DEFAULT '[]'
        )
        """
    )
    db.execute(
        """
        CREATE TABLE stores (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            region_id TEXT REFERENCES regions (id),
            dealer_id TEXT REFERENCES dealers (id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE orders (
            id TEXT PRIMARY KEY,
            dealer_id TEXT NOT NULL REFERENCES dealers (id),
            status TEXT NOT NULL DEFAULT 'open',
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE order_lines (
            order_id TEXT NOT NULL REFERENCES orders (id),
            product_id TEXT NOT NULL REFERENCES products (id),
            qty INTEGER NOT NULL CHECK (qty > 0),
            PRIMARY KEY (order_id, product_id)
        )
        """
    )


@CORE()
def m003_codes(db: Database) -> None:
    # WITHOUT ROWID keeps the per-scan lookup to one B-tree descent at 10 M codes.
    db.execute(
        """
        CREATE TABLE codes (
            key TEXT PRIMARY KEY,
            level TEXT NOT NULL,
            product_id TEXT,
            parent_key TEXT,
            status TEXT NOT NULL DEFAULT 'known',
            dealer_id TEXT,
            order_id TEXT,
            verified INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX codes_parent ON codes (parent_key) WHERE parent_key IS NOT NULL")


@CORE()
def m004_journal_quarantine(db: Database) -> None:
    # Rows that can no longer be read back (damaged on disk) are set aside here, never
    # deleted: the outbox goes on without them and IT can still inspect the bytes.
    db.execute(
        """
        CREATE TABLE journal_quarantine (
            seq INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL,
            detail TEXT NOT NULL,
            quarantined_at TEXT NOT NULL
        )
        """
    )
