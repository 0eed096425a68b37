"""Why a write did not happen, in words an operator can act on.

SQLite reports a locked file, a full disk and a failing disk as the same
``OperationalError`` class with different result codes. The writer turns those
into the typed errors below, so every page can say what happened and what to do
("another program has the file open", "the disk is full, 12 MB free") instead of a
generic "could not be saved". Each carries an English template in the "Decisions"
context (the UI translates it, then fills in ``message_args``) and a stable ``reason``.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from app.domain.i18n import QT_TRANSLATE_NOOP

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL = 5, 6, 10, 13


class StoreError(Exception):
    """An action was not saved: nothing of it reached the station database."""

    reason = "store.failed"
    message = QT_TRANSLATE_NOOP(
        "Decisions",
        "This scan could not be saved, so nothing was recorded. Scan it again; "
        "if this keeps happening, tell IT.",
    )

    @property
    def message_args(self) -> dict[str, str | int]:
        return {}


class StoreBusy(StoreError):
    """Another program held the station file's write lock past the busy timeout."""

    reason = "store.busy"
    message = QT_TRANSLATE_NOOP(
        "Decisions",
        "The station database is busy: another program has it open, so nothing was recorded. "
        "Close that program (a database viewer, a copy or backup tool) and scan again.",
    )


class DiskFull(StoreError):
    """The disk holding the station file has no room left for the next commit."""

    reason = "store.disk_full"
    message = QT_TRANSLATE_NOOP(
        "Decisions",
        "The disk is full ({free} free), so nothing was recorded. Delete files you do not need "
        "or empty the recycle bin on the drive of {folder}, then scan again.",
    )

    def __init__(self, folder: Path, free_bytes: int) -> None:
        super().__init__(f"disk full: {format_bytes(free_bytes)} free in {folder}")
        self.folder = folder
        self.free_bytes = free_bytes

    @property
    def message_args(self) -> dict[str, str | int]:
        return {"free": format_bytes(self.free_bytes), "folder": str(self.folder)}


class DiskFailing(StoreError):
    """The operating system could not read or write the station file (I/O error)."""

    reason = "store.io_error"
    message = QT_TRANSLATE_NOOP(
        "Decisions",
        "The disk could not write the station database, so nothing was recorded. "
        "Scan again; if this keeps happening, stop scanning and call IT.",
    )


def free_bytes(folder: Path) -> int:
    """Free space for this user on the drive holding ``folder`` (0 if it cannot be read)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 0


def format_bytes(count: int) -> str:
    """A size a person reads at a glance: "0 bytes", "812 KB", "12.4 MB", "3.1 GB"."""
    if count < 1000:
        return f"{count} bytes"
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if count >= size:
            value = count / size
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{count} bytes"  # unreachable: count >= 1000 always matches KB


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def typed(exc: BaseException, db_path: Path) -> BaseException:
    """The typed error for a SQLite failure the operator can act on; anything else unchanged."""
    if isinstance(exc, StoreError) or not isinstance(exc, sqlite3.Error):
        return exc
    code = primary_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        error: StoreError = StoreBusy(str(exc))
    elif code == SQLITE_FULL:
        error = DiskFull(db_path.parent, free_bytes(db_path.parent))
    elif code == SQLITE_IOERR:
        error = DiskFailing(str(exc))
    else:
        return exc
    error.__cause__ = exc
    return error
