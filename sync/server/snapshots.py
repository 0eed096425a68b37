"""Snapshots: the whole code -> dealer/region/date/order table as one file for inspectors.

A snapshot is a gzip'd TSV read from one consistent view of the database, together with the
cursor of the ``shipments`` stream at that moment (``as_of``): the station imports the file and
then pulls that stream from ``as_of`` to catch up. The file's SHA-256 is published so a
resumed (HTTP ``Range``) download can be verified before it is imported.

Format: a header ``#yima-snapshot<TAB>1<TAB>as_of<TAB>scope``, one line per code
``key<TAB>dealer<TAB>region<TAB>ship_date<TAB>order`` (empty when not shipped; a registry
scope's: ``key`` and ``REGISTRY_FIELDS``), sorted by key, and a trailer ``#end<TAB>rows`` so a
truncated file can never pass as complete.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import logging
import os
import secrets
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sync.protocol import API_PREFIX, REGISTRY_SCOPE, SnapshotInfo
from sync.server import permissions
from sync.server.changes import ChangeLog, set_setting
from sync.server.db import Database
from sync.server.util import compact, iso, loads

log = logging.getLogger(__name__)

FORMAT_VERSION = "1"
KEEP = 3


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _info(row: dict) -> SnapshotInfo:
    return SnapshotInfo(
        snapshot_id=row["id"],
        scope=row["scope"],
        as_of=row["as_of"],
        rows=row["rows"],
        size=row["size"],
        sha256=row["sha256"],
        created_at=row["created_at"],
        url=f"{API_PREFIX}/snapshots/{row['id']}",
    )


def write_file(path: Path, rows: Iterable[Sequence[Any]], as_of: int, scope: str = "all") -> int:
    """Write rows (text or None fields: ``(key, dealer, region, date, order)``, or a registry
    scope's ``(key, *REGISTRY_FIELDS)``) in the snapshot format; return the count."""
    count = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1, newline="\n") as out:
        out.write(f"#yima-snapshot\t{FORMAT_VERSION}\t{as_of}\t{scope}\n")
        lines = []
        for row in rows:
            line = "\t".join("" if value is None else str(value) for value in row)
            if line.count("\t") != len(row) - 1 or "\n" in line:
                log.warning("snapshot row %r left out: a field holds a tab or a newline", row[0])
                continue
            lines.append(line + "\n")
            count += 1
            if len(lines) >= 10000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))
        out.write(f"#end\t{count}\n")
    return count


ALL = "all"
REGION = "region:"  # a region's scope: the codes shipped into it
BUILD_LEASE = dt.timedelta(minutes=30)  # a build not finished by then is taken to have died


def scopes_for(station: dict) -> set[str]:
    """The scopes a station may ask for (``sync.server.permissions``): everything if its kind
    may see everything, and what was shipped into its own region (or a neighbour head office
    granted it). Known scopes only: each new one would cost a build."""
    everything = {ALL} if permissions.rule(station, "snapshot.all") else set()
    if permissions.rule(station, "snapshot.region") is None:
        return everything
    regions = permissions.regions_of(station)
    together = {region_scope(regions)} if len(regions) > 1 else set()
    return everything | together | {region_scope({region}) for region in regions}


def region_scope(regions: set[str]) -> str:
    """One scope for one region or several (``region:JS,SH,ZJ``: an inspector's own region
    and the neighbours head office granted it, in one snapshot it judges by)."""
    return REGION + ",".join(sorted(regions))


def scope_regions(scope: str) -> set[str]:
    return set(scope.removeprefix(REGION).split(","))


def default_scope(station: dict) -> str:
    """The scope a station gets when it names none: its regions if it may not see all."""
    regions = permissions.regions_of(station)
    if permissions.rule(station, "snapshot.all") or not regions:
        return ALL
    return region_scope(regions)


def build(db: Database, directory: Path, now: dt.datetime, scope: str = ALL) -> SnapshotInfo:
    """Write a new snapshot from one consistent read and record it."""
    columns, params = "dealer_id, region_id, shipped_at, order_id", []
    if scope.startswith(REGION):
        # every code, so the inspector's verdicts are the full map's: a code shipped elsewhere
        # is "shipped, not here" (ELSEWHERE), without its dealer, region, date or order
        regions = sorted(scope_regions(scope))
        here = f"(dealer_id IS NULL OR region_id IN ({', '.join('?' * len(regions))}))"
        columns = (f"CASE WHEN {here} THEN dealer_id ELSE ? END, CASE WHEN {here} THEN region_id"
                   f" END, CASE WHEN {here} THEN shipped_at END, CASE WHEN {here} THEN order_id END")  # fmt: skip
        params = [*regions, permissions.ELSEWHERE, *regions, *regions, *regions]
    elif scope != ALL:
        raise ValueError(f"unknown snapshot scope {scope!r}")
    with db.read() as tx:
        as_of = int(
            tx.scalar("SELECT COALESCE(MAX(seq), 0) FROM changes WHERE stream = 'shipments'")
        )
        rows = tx.stream(
            f"SELECT key, {columns} FROM codes WHERE status <> 'void' ORDER BY key", params
        )
        return publish(db, directory, rows, as_of, now, scope)


REGISTRY = REGISTRY_SCOPE  # what a station asks for: the code registry as its own pull sees it
REGISTRY_PREFIX = REGISTRY + ":"  # ... and the scope it is built and kept under: one per view


def registry_scope(audiences: Iterable[str], dealer: str | None) -> str:
    """The code registry as one view of it sees it: the latest code change of every code in
    ``audiences`` (a station's own ``station:`` audience stays in its change stream, so stations
    of one site and kind share one file), shown in full, or as the stations of ``dealer`` may
    read it. A station's first pull loads it instead of replaying every code change."""
    shared = sorted({a for a in audiences if not a.startswith("station:")})
    return REGISTRY_PREFIX + compact({"audiences": shared, "dealer": dealer})


def registry_view(scope: str) -> tuple[list[str], str | None]:
    """The audiences and the dealer (None: the full view) of a registry scope."""
    view = loads(scope.removeprefix(REGISTRY_PREFIX))
    return list(view["audiences"]), view["dealer"]


def build_registry(
    db: Database, directory: Path, now: dt.datetime, scope: str, fields: str, params: Sequence[Any]
) -> SnapshotInfo:
    """Write a registry snapshot: per code of the scope's audiences its latest change, as the
    SQL ``fields`` (with ``params``: the ``REGISTRY_FIELDS`` of a change's ``data`` as the view
    reads it) give it, read in one consistent read with ``as_of``, the newest change sequence
    number in that read: the station pulls from there, leaving out the code changes it holds."""
    audiences, _dealer = registry_view(scope)
    where = (
        f"stream = 'ref' AND kind = 'code' AND audience IN ({', '.join('?' * len(audiences))})"
        " AND seq <= ?"
    )
    if db.dialect == "sqlite":  # bare columns beside max() are read from the row of the max
        sql = f"SELECT key, {fields}, max(seq) FROM changes WHERE {where} GROUP BY key ORDER BY key"
    else:
        sql = (
            f"SELECT DISTINCT ON (key) key, {fields}, seq FROM changes WHERE {where}"
            " ORDER BY key, seq DESC"
        )
    with db.read() as tx:
        as_of = int(tx.scalar("SELECT COALESCE(MAX(seq), 0) FROM changes"))
        latest = tx.stream(sql, [*params, *audiences, as_of])
        return publish(db, directory, (row[:-1] for row in latest), as_of, now, scope)


def share_folder(db: Database, folder: str) -> None:
    """Remember the folder every worker and host keeps snapshots in (``--snapshot-dir``): each
    server and admin command on this database then writes and serves snapshots there."""
    with db.transaction() as tx:
        set_setting(tx, ChangeLog(""), "server.snapshot.dir", folder)  # server-only: no change


def claim_build(db: Database, scope: str, now: dt.datetime) -> bool:
    """Whether this caller may build ``scope`` now: one build per scope at a time across every
    worker and host (a lease row; a lease older than ``BUILD_LEASE`` is taken over)."""
    with db.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO snapshot_builds (scope, started_at) VALUES (?, ?) ON CONFLICT (scope)"
            " DO UPDATE SET started_at = excluded.started_at WHERE snapshot_builds.started_at < ?",
            (scope, iso(now), iso(now - BUILD_LEASE)),
        )
        return cur.rowcount == 1


def release_build(db: Database, scope: str) -> None:
    with db.transaction() as tx:
        tx.execute("DELETE FROM snapshot_builds WHERE scope = ?", (scope,))


def publish(
    db: Database,
    directory: Path,
    rows: Iterable[Sequence[Any]],
    as_of: int,
    now: dt.datetime,
    scope: str = "all",
) -> SnapshotInfo:
    """Write ``rows`` (sorted by key) as a snapshot file in ``directory`` and make it the latest."""
    directory.mkdir(parents=True, exist_ok=True)
    # the random part keeps two builds of one second (two workers, two scopes) apart
    snapshot_id = f"snap-{now:%Y%m%d%H%M%S}-{as_of}-{secrets.token_hex(4)}"
    fd, partial_name = tempfile.mkstemp(prefix=f"{snapshot_id}.", suffix=".part", dir=directory)
    os.close(fd)
    partial = Path(partial_name)
    try:
        count = write_file(partial, rows, as_of, scope)
        final = directory / f"{snapshot_id}.tsv.gz"
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    row = {
        "id": snapshot_id,
        "scope": scope,
        "as_of": as_of,
        "rows": count,
        "size": final.stat().st_size,
        "sha256": file_sha256(final),
        "path": str(final.resolve()),
        "created_at": iso(now),
    }
    with db.transaction() as tx:
        tx.execute(
            "INSERT INTO snapshots (id, scope, as_of, rows, size, sha256, path, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            tuple(row.values()),
        )
        old = tx.rows(
            "SELECT id, path FROM snapshots WHERE scope = ? ORDER BY created_at DESC", (scope,)
        )[KEEP:]
        for old_id, old_path in old:
            tx.execute("DELETE FROM snapshots WHERE id = ?", (old_id,))
            Path(old_path).unlink(missing_ok=True)
    log.info("snapshot %s: %d rows, %d bytes", snapshot_id, count, row["size"])
    return _info(row)


def latest(db: Database, scope: str = "all") -> SnapshotInfo | None:
    with db.read() as tx:
        row = tx.one(
            "SELECT * FROM snapshots WHERE scope = ? ORDER BY created_at DESC LIMIT 1", (scope,)
        )
    return _info(row) if row else None


def scope_of(db: Database, snapshot_id: str) -> str | None:
    with db.read() as tx:
        return tx.scalar("SELECT scope FROM snapshots WHERE id = ?", (snapshot_id,))


def path_of(db: Database, snapshot_id: str) -> Path | None:
    with db.read() as tx:
        text = tx.scalar("SELECT path FROM snapshots WHERE id = ?", (snapshot_id,))
    return Path(text) if text and Path(text).exists() else None
