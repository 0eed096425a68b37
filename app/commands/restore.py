"""``python main.py restore FILE``: put a backup back as this station's database.

Restoring is done through SQLite (the backup API writing into the live file
under an exclusive lock), never by copying files over a database that might be
open: the lock proves no Yima Scan is using the folder, and the -wal file can
never be left behind to be replayed onto the restored pages. The database that
was there is first saved under ``backups/before-restore-*.sqlite3``, so a
restore can itself be undone. The restored file is then migrated, so a backup
from an older version opens in this one.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from app.commands.backup import (
    BACKUP_SUFFIX,
    BackupError,
    BackupInfo,
    check_file,
    copy_database,
    describe,
    fsync_file,
    station_of,
)

NAME = "restore"
HELP = "replace this station's database with a backup file (Yima Scan must be closed)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a backup made by 'backup'")


def run(args: argparse.Namespace) -> int:
    from app.paths import database_path, resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    try:
        result = restore_database(Path(args.file), database_path(data_dir))
    except BackupError as exc:
        print(f"restore: {exc}", file=sys.stderr)
        return 2
    if result.saved_previous:
        print(f"Kept the database that was there as {result.saved_previous}")
    info = result.info
    print(
        f"Restored station {info.station} from {result.source}: {info.events} events "
        f"({info.pending} not yet synced). Start Yima Scan and let it sync."
    )
    return 0


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    info: BackupInfo
    saved_previous: Path | None


class _NotADatabase(Exception):
    pass


def lock_exclusively(path: Path) -> sqlite3.Connection:
    """A connection holding the database's exclusive lock, or BackupError if anyone has it open.

    In WAL mode every open connection holds a shared lock, so this fails
    exactly when a Yima Scan (or any other program) is using the database.
    """
    conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("COMMIT")  # the lock stays: locking_mode EXCLUSIVE keeps it until close
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupError(
                f"the station database {path} is in use. Quit Yima Scan on this PC "
                "(and any sync or self-test run), then restore again."
            ) from exc
        raise BackupError(f"cannot open {path}: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _NotADatabase(str(exc)) from exc
    return conn


def _is_sound(conn: sqlite3.Connection) -> bool:
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
    except sqlite3.DatabaseError:
        return False


def _open_target(target: Path) -> tuple[sqlite3.Connection, Path | None]:
    """The live database locked for us; a damaged one is first moved aside (never deleted)."""
    try:
        live = lock_exclusively(target)
        if _is_sound(live):
            return live, None
        live.close()
    except _NotADatabase:
        pass
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.name}.damaged-{stamp}")
    try:
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{target}{suffix}")
            if part.exists():
                os.replace(part, f"{aside}{suffix}")
    except OSError as exc:
        raise BackupError(f"could not move the damaged {target} aside: {exc}") from exc
    return lock_exclusively(target), aside


def restore_database(backup: Path, target: Path) -> RestoreResult:
    from app.domain.store.database import DatabaseDamaged, open_database

    if not backup.is_file():
        raise BackupError(f"there is no backup file at {backup}")
    check_file(backup, full=True)
    source = sqlite3.connect(f"file:{backup.resolve().as_posix()}?mode=ro", uri=True)
    try:
        describe(source, backup)  # refuses a file that is not a station database
        target.parent.mkdir(parents=True, exist_ok=True)
        live, saved = _open_target(target)
        try:
            if saved is None and station_of(live) != "unknown":
                saved = _save_previous(live, target.parent / "backups")
            source.backup(live)  # every page of the backup into the live file, under the lock
            if not _is_sound(live):
                raise BackupError(f"the restored database {target} failed its check")
        except sqlite3.Error as exc:
            raise BackupError(f"could not restore into {target}: {exc}") from exc
        finally:
            live.close()
    finally:
        source.close()
    try:
        open_database(target)  # bring an older backup's schema up to date
    except DatabaseDamaged as exc:
        raise BackupError(f"the restored database does not open: {exc.detail}") from exc
    conn = sqlite3.connect(f"file:{target.as_posix()}?mode=ro", uri=True)
    try:
        info = describe(conn, target)
    finally:
        conn.close()
    return RestoreResult(backup, info, saved)


def _save_previous(live: sqlite3.Connection, folder: Path) -> Path:
    """Keep what is about to be overwritten, so a restore of the wrong file can be undone."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = folder / f"before-restore-{station_of(live)}-{stamp}{BACKUP_SUFFIX}"
    copy_database(live, path)
    fsync_file(path)
    return path
