"""The inspector's own tables: each check on site, its evidence photos, and the cases filed.

The snapshot (code -> dealer/region/ship date/order) belongs to the sync client; a check copies
the facts it was judged on, so the verdict can be shown and argued later even after the
snapshot has moved on. A case's status on the server arrives by pull; its local row keeps
what the inspector filed.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

INSPECTOR = Migrations("yima.inspector")


@INSPECTOR()
def m001_inspector(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE inspector_checks (
            check_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            code_key TEXT NOT NULL,
            raw TEXT NOT NULL,
            verdict TEXT NOT NULL,
            region_id TEXT,
            store_id TEXT,
            dealer_id TEXT,
            dealer_regions TEXT NOT NULL DEFAULT '[]',
            ship_date TEXT,
            order_id TEXT,
            data_synced_at TEXT,
            checked_at TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX inspector_checks_at ON inspector_checks (checked_at)")
    db.execute(
        """
        CREATE TABLE inspector_photos (
            id INTEGER PRIMARY KEY,
            check_id TEXT NOT NULL REFERENCES inspector_checks (check_id),
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            source TEXT NOT NULL,
            taken_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX inspector_photos_check ON inspector_photos (check_id)")
    db.execute(
        """
        CREATE TABLE inspector_cases (
            case_id TEXT PRIMARY KEY,
            check_id TEXT NOT NULL UNIQUE REFERENCES inspector_checks (check_id),
            event_id TEXT NOT NULL UNIQUE,
            code_key TEXT NOT NULL,
            verdict TEXT NOT NULL,
            dealer_id TEXT,
            region_id TEXT,
            store_id TEXT,
            note TEXT NOT NULL DEFAULT '',
            photos TEXT NOT NULL DEFAULT '[]',
            opened_at TEXT NOT NULL,
            operator_id TEXT NOT NULL
        )
        """
    )


@INSPECTOR()
def m002_inspector_session(db: Database) -> None:
    """The inspector's state between scans (where they stand, the check a CONFIRM would file a
    case for) lives in this one row, not in memory, so a restart resumes it."""
    db.execute(
        """
        CREATE TABLE inspector_session (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            place TEXT,
            last_check_id TEXT
        )
        """
    )
