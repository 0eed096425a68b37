"""Opening the station's SQLite file: pragmas, the damage check and migrations.

The file is the station's memory of every acknowledged scan, so a damaged file
is never "repaired" by recreating it: opening refuses with ``DatabaseDamaged``
and leaves the file where it is for IT to inspect or restore from backup.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from app.domain.i18n import QT_TRANSLATE_NOOP

BUSY_TIMEOUT_MS = 10_000


class DatabaseDamaged(Exception):
    """The station database failed its integrity check; the file was left untouched."""

    message = QT_TRANSLATE_NOOP(
        "Store",
        "The station database {path} is damaged ({detail}). It has been left as it is. "
        "Close Yima Scan and ask IT to restore the latest backup; do not delete the file.",
    )

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


def connect(
    path: str | Path, *, readonly: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> sqlite3.Connection:
    """A connection in autocommit mode: callers (the writer) open transactions explicitly.

    ``synchronous=FULL`` makes a commit durable before it returns, which is what
    lets an operator's beep mean "saved" even if the power goes a moment later.
    ``busy_timeout_ms`` is how long to wait for another program's lock on the file.
    """
    if readonly:
        conn = sqlite3.connect(
            f"file:{Path(path).as_posix()}?mode=ro",
            uri=True,
            timeout=busy_timeout_ms / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.execute("PRAGMA query_only = ON")
    else:
        conn = sqlite3.connect(
            path, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.row_factory = sqlite3.Row
    return conn


def check_integrity(path: Path, *, full: bool = False) -> None:
    """Raise ``DatabaseDamaged`` unless SQLite's own check passes.

    ``quick_check`` at every start is O(size) but skips index cross-checks, which
    keeps start-up fast on a station holding millions of codes.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, isolation_level=None)
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, str(exc)) from exc
    if rows != ["ok"]:
        raise DatabaseDamaged(path, "; ".join(rows[:3]))


def open_database(path: str | Path) -> None:
    """Create the file if it is missing, refuse a damaged one, and bring its schema up to date."""
    from app.domain.store.migrations import apply_all

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > 0:
        check_integrity(path)
    conn = connect(path)
    try:
        apply_all(conn)
        _ensure_station_id(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(path, str(exc)) from exc
    finally:
        conn.close()


def _ensure_station_id(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO settings (key, value) VALUES ('station.id', ?)",
        (f'"ST-{uuid.uuid4().hex[:8].upper()}"',),
    )


def station_id(conn: sqlite3.Connection) -> str:
    """The one id this station signs its events with: the id the server enrolled it under
    (``sync.whoami``, else ``sync.station_id``), or before enrollment the id its database was
    given when it was created. Every workflow and the sync client ask this, so warehouse,
    counter and inspector events of one station always carry the same id."""
    row = conn.execute(
        "SELECT coalesce("
        " (SELECT nullif(json_extract(value, '$.station_id'), '') FROM settings"
        "  WHERE key = 'sync.whoami' AND json_valid(value) AND json_type(value) = 'object'),"
        " (SELECT nullif(json_extract(value, '$'), '') FROM settings"
        "  WHERE key = 'sync.station_id' AND json_valid(value)),"
        " (SELECT json_extract(value, '$') FROM settings WHERE key = 'station.id'))"
    ).fetchone()
    return row[0]
