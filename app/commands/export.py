"""``python main.py export epcis --out FILE``: this station's events as an EPCIS 2.0 document.

So a dealer can hand its own records to a partner or a regulator without the brand's server:
every event in the station's journal, in order, as the same EPCIS 2.0 JSON-LD document the
server exports (``app.domain.epcis``). The database is opened read-only, so the station can
keep scanning; the file is written beside its final name and renamed when complete, so a file
that exists is a whole document.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.domain.codes import Profile

NAME = "export"
HELP = "export this station's events as an EPCIS 2.0 JSON-LD document"
FORMATS = ("epcis",)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=FORMATS, help="what to export: epcis (EPCIS 2.0)")
    parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    parser.add_argument(
        "--since", type=_day, metavar="YYYY-MM-DD", help="only events from this local day on"
    )
    parser.add_argument(
        "--until", type=_day, metavar="YYYY-MM-DD", help="only events up to this local day"
    )
    parser.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,  # also accepted before the command name
        help="the station's data folder (default: this user's)",
    )


def run(args: argparse.Namespace) -> int:
    from app.paths import database_path, resolve_data_dir

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    source = database_path(data_dir)
    if not source.exists():
        print(
            f"export: there is no station database at {source} (check --data-dir)", file=sys.stderr
        )
        return 2
    try:
        count = export_epcis(source, Path(args.out), since=args.since, until=args.until)
    except (OSError, sqlite3.Error, ValueError) as exc:
        print(f"export: could not export {source}: {exc}", file=sys.stderr)
        return 2
    print(f"Exported {count} events as EPCIS 2.0 -> {args.out}")
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-12-06") from exc


def export_epcis(
    database: Path, out: Path, *, since: dt.date | None = None, until: dt.date | None = None
) -> int:
    """Write the journal events of the station database at ``database`` to ``out``: all, or
    those of the local days ``since``..``until`` (both included)."""
    from app.domain.epcis import Identifiers, Record, write_document
    from app.domain.store import journal

    conn = sqlite3.connect(f"file:{database.as_posix()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        identifiers = Identifiers(_profiles(conn))
        records = (
            Record(
                event_id=e.event_id,
                type=e.type,
                payload=e.payload,
                occurred_at=e.occurred_at,
                station=e.station,
                operator=e.operator,
            )
            for e in journal.events(conn)
            if _within(e.occurred_at, since, until)
        )
        partial = out.with_name(out.name + ".partial")
        with partial.open("w", encoding="utf-8") as handle:
            count = write_document(
                records, handle, created=dt.datetime.now(dt.UTC), identifiers=identifiers
            )
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, out)
    finally:
        conn.close()
    return count


def _within(occurred_at: str, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether an event falls on the local days asked for (the journal writes UTC)."""
    if since is None and until is None:
        return True
    when = dt.datetime.fromisoformat(occurred_at.replace("Z", "+00:00"))
    day = (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).astimezone().date()
    return (since is None or day >= since) and (until is None or day <= until)


def _profiles(conn: sqlite3.Connection) -> list[Profile] | None:
    """The code profiles the station pulled (brand codes' web addresses), else the built-in ones."""
    from app.domain.codes import profiles_from_settings

    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'code_profiles'").fetchone()
        return profiles_from_settings(json.loads(row[0])) if row and row[0] else None
    except (sqlite3.Error, ValueError):
        return None
