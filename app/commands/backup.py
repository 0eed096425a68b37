"""``python main.py backup``: copy the station database while the station keeps scanning.

A plain file copy of a live WAL database can miss committed scans (they may
still be in the -wal file) or catch a page mid-write. SQLite's online backup
API copies a consistent snapshot through SQLite itself, inside one read
transaction, so the running station's writer is never blocked and every scan
acknowledged before the backup started is in the copy. The copy is written
beside its final name, checked, flushed to disk and only then renamed, so a
backup file that exists is always a whole, readable database. The copy gets SQLite's full
integrity check (``quick_check`` misses damaged index entries), so a station database that
is quietly damaged is found at the next backup, not at the next restore; the running
station also re-checks its file when it sees a new backup (``app/ui/store_watch.py``).

The restore side (``restore.py``) shares the helpers here.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from app.domain.store.backups import BACKUP_FOLDER, BACKUP_SUFFIX

NAME = "backup"
HELP = "copy this station's database to a file, safely while Yima Scan is running"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    station: str
    events: int
    pending: int
    size: int


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message tells IT what to do."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--to",
        metavar="PATH",
        help="backup file, or a folder to put a dated file in (default: the data folder's backups/); "
        "use a network share or USB drive so a dead disk does not take the backup with it",
    )
    parser.add_argument(
        "--keep",
        type=int,
        metavar="N",
        help="afterwards delete all but the newest N backups of this station in that folder",
    )


def run(args: argparse.Namespace) -> int:
    from app.paths import database_path, resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    source = database_path(data_dir)
    try:
        if args.keep is not None and args.keep < 1:
            raise BackupError("--keep must be 1 or more")
        info = backup_database(source, Path(args.to) if args.to else data_dir / BACKUP_FOLDER)
        print(
            f"Backed up station {info.station}: {info.events} events "
            f"({info.pending} not yet synced), {info.size / 1e6:.1f} MB -> {info.path}"
        )
        if args.keep:
            for old in prune_backups(info.path.parent, info.station, args.keep):
                print(f"Deleted old backup {old}")
    except BackupError as exc:
        print(f"backup: {exc}", file=sys.stderr)
        return 2
    return 0


def station_of(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute(
            "SELECT json_extract(value, '$') FROM settings WHERE key = 'station.id'"
        ).fetchone()
    except sqlite3.DatabaseError:
        return "unknown"
    return str(row[0]) if row and row[0] else "unknown"


def describe(conn: sqlite3.Connection, path: Path) -> BackupInfo:
    """Station id and journal counts: what IT needs to pick the right file."""
    try:
        events, pending = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE sync_state = 'pending') FROM journal"
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a Yima Scan station database ({exc})") from exc
    return BackupInfo(path, station_of(conn), int(events), int(pending), path.stat().st_size)


def check_file(path: Path, *, full: bool) -> None:
    """Raise BackupError unless SQLite's own integrity check passes on ``path``."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True, isolation_level=None)
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite database ({exc})") from exc
    if rows != ["ok"]:
        raise BackupError(f"{path} failed SQLite's integrity check: {'; '.join(rows[:3])}")


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to flush."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy ``source`` into a new single-file database at ``target`` (rollback journal, no -wal)."""
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest)  # all pages in one step: one read transaction, one snapshot
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def backup_database(source: Path, destination: Path) -> BackupInfo:
    """Back up the live database ``source`` to ``destination`` (a file, or a folder for a dated file)."""
    from app.domain.store.database import connect

    if not source.exists():
        raise BackupError(f"there is no station database at {source} (check --data-dir)")
    conn = connect(source, readonly=True)
    try:
        station = station_of(conn)
        if destination.suffix != BACKUP_SUFFIX or destination.is_dir():
            stamp = time.strftime("%Y%m%d-%H%M%S")
            destination = destination / f"station-{station}-{stamp}{BACKUP_SUFFIX}"
        if destination.resolve() == source.resolve():
            raise BackupError("the backup cannot replace the live database")
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(destination.name + ".partial")
        partial.unlink(missing_ok=True)
        try:
            copy_database(conn, partial)
            check_file(partial, full=True)  # the copy is the live file's pages: damage shows here
            fsync_file(partial)
            os.replace(partial, destination)
            fsync_dir(destination.parent)
        except (OSError, sqlite3.Error) as exc:
            raise BackupError(f"could not write {destination}: {exc}") from exc
        finally:
            partial.unlink(missing_ok=True)
    finally:
        conn.close()
    copy = sqlite3.connect(f"file:{destination.as_posix()}?mode=ro", uri=True)
    try:
        return describe(copy, destination)
    finally:
        copy.close()


def prune_backups(folder: Path, station: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` dated backups of ``station``; returns what was deleted."""
    mine = sorted(folder.glob(f"station-{station}-*{BACKUP_SUFFIX}"), key=lambda p: p.name)
    old = mine[:-keep] if keep else mine
    for path in old:
        path.unlink()
    return old
