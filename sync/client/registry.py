"""A first pull that loads the code registry whole instead of replaying every code change.

A station that holds no codes yet and has pulled nothing (a new station, or one set up again)
would otherwise apply every code change ever made for it, one upsert each into a B-tree of
random serials: a million codes took most of a minute. Instead:

1. Ask for the registry snapshot of this station's view (``scope=registry``): the latest code
   change of every code the station may see, sorted by key, as of one change sequence number
   (``as_of``). The server keeps it like the inspectors' snapshots (built by one worker, kept
   a while, verified by SHA-256, resumable download).
2. Fill ``codes_next``, a table made from ``codes``' own definition, in key order in small
   writer actions, without its indexes.
3. Swap in one writer action: if the station still holds no codes, has pulled nothing and
   nothing waits to be pushed, ``codes_next`` becomes ``codes``, the indexes are built, and
   ``sync.registry`` records ``as_of`` in the same transaction. Otherwise the load is
   dropped and the pull replays the changes as before.
4. The pull then goes on from its cursor as usual, asking the server to leave out the code
   changes up to ``as_of`` that the registry held (``registry_as_of``); the page that ends the
   stream moves the cursor to ``as_of`` at least.

A station killed at any point loses nothing: before the swap nothing it uses has changed (the
next pull starts the load again), after it the registry and its ``as_of`` are both there.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from concurrent.futures import Future
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.store import journal
from sync.client import state
from sync.client.apply import code_insert
from sync.client.snapshot import chunks, download
from sync.client.transport import NotAllowed, Offline, ServerRefused
from sync.protocol import API_PREFIX, REGISTRY_FIELDS, REGISTRY_SCOPE, STREAM_REF, SnapshotInfo

if TYPE_CHECKING:
    from sync.client.client import SyncClient

log = logging.getLogger(__name__)

LATEST_ATTEMPTS = 3  # a registry being built is waited for a few Retry-Afters, then replayed
CHUNK_ROWS = 20_000  # rows a writer action: about 40 ms of the writer's time
STATE_KEY = "sync.registry"
PHASE = "pull"  # what the progress says: the registry is part of the pull
_NEXT = "codes_next"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def held_as_of(conn: sqlite3.Connection) -> int:
    """The ``as_of`` of the registry this station loaded (0: none)."""
    return int((state.get(conn, STATE_KEY) or {}).get("as_of") or 0)


def wanted(conn: sqlite3.Connection) -> bool:
    """Whether a pull should start from the registry: nothing pulled, no code held."""
    return (
        not state.cursor(conn, STREAM_REF)
        and not held_as_of(conn)
        and conn.execute("SELECT 1 FROM codes LIMIT 1").fetchone() is None
    )


def discard_leftover(client: SyncClient) -> None:
    """Drop the ``codes_next`` of a load that was cut and will not be taken up again (the
    station holds codes of its own now): it would only take disk space."""
    if client.reader.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (_NEXT,)
    ).fetchone():
        client.writer.call(lambda conn: conn.execute(f"DROP TABLE IF EXISTS {_NEXT}"), timeout=300)


def load(client: SyncClient, me: str) -> int:
    """Download and swap in this station's registry; returns the codes loaded (0: the server
    offers none, or the station changed meanwhile, and the pull replays the changes)."""
    try:
        info = SnapshotInfo.model_validate(
            client.transport().get_json(
                f"{API_PREFIX}/snapshots/latest",
                params={"scope": REGISTRY_SCOPE},
                attempts=LATEST_ATTEMPTS,
            )
        )
    except (ServerRefused, NotAllowed, Offline) as exc:  # none offered, or still being built
        log.info("no registry snapshot to start from (%s); pulling every change", exc)
        return 0
    path = download(client, info, client.db_path.parent / "sync" / "registry", phase=PHASE)
    try:
        return _import(client, path, info, me)
    finally:
        path.unlink(missing_ok=True)


def _import(client: SyncClient, path: Path, info: SnapshotInfo, me: str) -> int:
    insert = code_insert(_NEXT, me, _now())
    client.writer.call(_prepare)
    loaded = 0
    in_flight: Future | None = None
    for rows in chunks(path, info, CHUNK_ROWS, width=1 + len(REGISTRY_FIELDS)):
        if in_flight is not None:
            in_flight.result(timeout=120)  # one chunk queued at a time: scans never wait long
        in_flight = client.writer.submit(partial(_insert, sql=insert, rows=rows))
        loaded += len(rows)
        client.progress(PHASE, loaded, info.rows)
        if client.stop.is_set():
            break
    if in_flight is not None:
        in_flight.result(timeout=120)
    if client.stop.is_set():
        return 0  # the next pull starts over; nothing the station uses has changed
    held = {"snapshot_id": info.snapshot_id, "as_of": info.as_of, "rows": loaded,
            "loaded_at": _now()}  # fmt: skip
    if not client.writer.call(lambda conn: _swap(conn, held), timeout=300):
        log.info("the station took codes or events while the registry loaded; pulling instead")
        return 0
    return loaded


def _insert(conn: sqlite3.Connection, sql: str, rows: list[tuple[str, ...]]) -> None:
    conn.executemany(sql, rows)


def _prepare(conn: sqlite3.Connection) -> None:
    """An empty ``codes_next`` with ``codes``' own columns and key, none of its indexes."""
    conn.execute(f"DROP TABLE IF EXISTS {_NEXT}")
    definition = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'codes'"
    ).fetchone()[0]
    conn.execute(re.sub(r'^CREATE TABLE\s+"?codes"?', f"CREATE TABLE {_NEXT}", definition))


def _swap(conn: sqlite3.Connection, held: dict[str, Any]) -> bool:
    """``codes_next`` becomes ``codes`` with its indexes and ``sync.registry`` is recorded, in
    this one transaction, if the station is still as it was when the load began."""
    if (
        conn.execute("SELECT 1 FROM codes LIMIT 1").fetchone() is not None
        or state.cursor(conn, STREAM_REF)
        or journal.count_pending(conn)
    ):
        conn.execute(f"DROP TABLE {_NEXT}")
        return False
    indexes = [
        row[0]
        for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'codes'"
            " AND sql IS NOT NULL"
        )
    ]
    conn.execute("DROP TABLE codes")
    conn.execute(f"ALTER TABLE {_NEXT} RENAME TO codes")
    for sql in indexes:
        conn.execute(sql)
    state.put(conn, STATE_KEY, held)
    return True
