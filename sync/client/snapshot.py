"""Inspector snapshots: download (resumable, verified), import beside the live table, swap, catch up.

1. Ask for the latest snapshot; download it into ``<data>/sync/<id>.tsv.gz.part`` with HTTP
   ``Range`` from the bytes already there, so a cut download continues where it stopped.
2. Check the SHA-256 the server published; a mismatch throws the file away.
3. Import into ``sync_snapshot_next`` in small writer actions (a scan never waits behind
   more than one chunk), checking the header and the trailer's row count.
4. Swap in one writer action: the new table takes the live name and the shipments cursor is
   set to the snapshot's ``as_of`` in the same transaction. The old table is emptied in small
   chunks afterwards, then dropped.
5. Pull the ``shipments`` stream from ``as_of`` to bring it up to date.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import hashlib
import logging
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

import requests

from sync.client import state
from sync.client.state import SNAPSHOT_COLUMNS
from sync.client.transport import Offline, SyncError
from sync.protocol import API_PREFIX, STREAM_SHIPMENTS, SnapshotInfo

if TYPE_CHECKING:
    from sync.client.client import SyncClient

log = logging.getLogger(__name__)

CHUNK_ROWS = 10_000  # about 10 ms of the writer's time per chunk
READ_BYTES = 1 << 20  # text split at a time while importing
DOWNLOAD_ATTEMPTS = 8


class SnapshotCorrupt(SyncError):
    code = "sync.snapshot_corrupt"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def download(
    client: SyncClient, info: SnapshotInfo, directory: Path, phase: str = "snapshot.download"
) -> Path:
    """The verified snapshot file, resuming a partial download that is already there; its
    progress is told as ``phase``."""
    directory.mkdir(parents=True, exist_ok=True)
    done = directory / f"{info.snapshot_id}.tsv.gz"
    if done.exists() and done.stat().st_size == info.size and _sha256(done) == info.sha256:
        return done
    part = directory / f"{info.snapshot_id}.tsv.gz.part"
    for stale in directory.glob("*.tsv.gz*"):
        if stale not in (part, done):
            stale.unlink(missing_ok=True)
    transport = client.transport()
    failures = 0
    while True:
        have = part.stat().st_size if part.exists() else 0
        if have > info.size:
            part.unlink()
            have = 0
        if have < info.size:
            headers = {"Range": f"bytes={have}-"} if have else {}
            try:
                response = transport.request("GET", info.url, headers=headers, stream=True)
                mode = "ab" if response.status_code == 206 else "wb"
                if mode == "wb":
                    have = 0
                with part.open(mode) as out:
                    for chunk in response.iter_content(1 << 16):
                        out.write(chunk)
                        have += len(chunk)
                        client.progress(phase, have, info.size)
                response.close()
            except (requests.RequestException, Offline) as exc:
                failures += 1
                log.info("snapshot download interrupted at %d bytes (%s)", have, exc)
                if failures >= DOWNLOAD_ATTEMPTS:
                    raise Offline("snapshot download kept failing") from exc
                transport.wait(client.policy.delay(failures))
                continue
            if have < info.size:
                failures += 1
                if failures >= DOWNLOAD_ATTEMPTS:
                    raise Offline("snapshot download kept stopping short")
                continue
        if _sha256(part) != info.sha256:
            part.unlink()
            raise SnapshotCorrupt("the downloaded snapshot does not match its checksum")
        part.replace(done)
        return done


def chunks(
    path: Path, info: SnapshotInfo, size: int, width: int = 5
) -> Iterator[list[tuple[str, ...]]]:
    """Rows of the file (tuples of ``width`` text fields) in lists of at most ``size``, checking
    the header, every line's shape and that the trailer's count matches what the server
    published. The text is split a block at a time, not a line at a time: a million rows are a
    few hundred C calls instead of millions of Python steps (most of what an import cost)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with gzip.open(path, "rb") as fh:
        header = fh.readline().decode("utf-8", "replace").rstrip("\n").split("\t")
        if len(header) < 3 or header[0] != "#yima-snapshot" or header[1] != "1":
            raise SnapshotCorrupt("not a Yima snapshot file")
        count, tail = 0, ""
        rows: list[tuple[str, ...]] = []
        while block := fh.read(READ_BYTES):
            text = tail + decoder.decode(block)
            end = text.rfind("\n")
            # the last whole line is held back: it may be the trailer
            start = text.rfind("\n", 0, end) + 1 if end >= 0 else 0
            body, tail = text[:start], text[start:]
            if body:
                rows.extend(_split(body, width, count))
                count += body.count("\n")
            while len(rows) >= size:
                yield rows[:size]
                rows = rows[size:]
        tail += decoder.decode(b"", final=True)
    if not tail.startswith("#end\t"):
        raise SnapshotCorrupt("the snapshot file is truncated")
    if rows:
        yield rows
    if tail[5:].strip() != str(count) or count != info.rows:
        raise SnapshotCorrupt("the snapshot's row count does not match")


def _split(body: str, width: int, before: int) -> list[tuple[str, ...]]:
    """Whole lines (``body`` ends with a newline) as tuples of ``width`` fields."""
    lines = body.count("\n")
    fields = body[:-1].replace("\n", "\t").split("\t")
    if len(fields) != lines * width or body.startswith("#") or "\n#" in body:
        raise SnapshotCorrupt(f"a bad line after line {before + 1} of the snapshot")
    return list(zip(*[iter(fields)] * width, strict=True))


def import_file(
    client: SyncClient, path: Path, info: SnapshotInfo, chunk_rows: int = CHUNK_ROWS
) -> int:
    """Load the file beside the live table, then swap it in atomically with its cursor."""

    def prepare(conn: sqlite3.Connection) -> None:
        conn.execute("DROP TABLE IF EXISTS sync_snapshot_next")
        conn.execute(f"CREATE TABLE sync_snapshot_next ({SNAPSHOT_COLUMNS}) WITHOUT ROWID")

    client.writer.call(prepare)
    chunk_rows = chunk_rows or CHUNK_ROWS
    imported = 0
    in_flight: Future | None = None

    def insert(rows: list[tuple[str, ...]]) -> Callable[[sqlite3.Connection], None]:
        def action(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT INTO sync_snapshot_next VALUES (?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''))",
                rows,
            )

        return action

    for chunk in chunks(path, info, chunk_rows):
        if in_flight is not None:
            in_flight.result(timeout=120)  # one chunk queued at a time: scans never wait long
        in_flight = client.writer.submit(insert(chunk))
        imported += len(chunk)
        client.progress("snapshot.import", imported, info.rows)
        if client.stop.is_set():
            in_flight.result(timeout=120)
            raise Offline("stopped during the snapshot import")
    if in_flight is not None:
        in_flight.result(timeout=120)

    def swap(conn: sqlite3.Connection) -> None:
        conn.execute("DROP TABLE IF EXISTS sync_snapshot_old")
        conn.execute("ALTER TABLE sync_snapshot RENAME TO sync_snapshot_old")
        conn.execute("ALTER TABLE sync_snapshot_next RENAME TO sync_snapshot")
        state.set_cursor(conn, STREAM_SHIPMENTS, info.as_of, _now())
        state.put(
            conn,
            "sync.snapshot",
            {"snapshot_id": info.snapshot_id, "rows": imported, "as_of": info.as_of, "sha256": info.sha256,
             "created_at": info.created_at, "imported_at": _now(), "synced_at": _now()},
        )  # fmt: skip

    client.writer.call(swap, timeout=120)
    _drop_old(client)
    return imported


def _drop_old(client: SyncClient) -> None:
    """Empty the replaced table in small actions, then drop it (a big DROP would stall scans)."""

    def clear(conn: sqlite3.Connection) -> int:
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'sync_snapshot_old'"
        ).fetchone():
            return 0
        cur = conn.execute(
            "DELETE FROM sync_snapshot_old WHERE key IN (SELECT key FROM sync_snapshot_old LIMIT 5000)"
        )
        if cur.rowcount == 0:
            conn.execute("DROP TABLE sync_snapshot_old")
        return cur.rowcount

    while client.writer.call(clear, timeout=120):
        pass


def refresh_snapshot(client: SyncClient, scope: str | None = None) -> int:
    """Download, verify, import and swap the latest snapshot, then catch up; returns rows imported.
    No scope: the server's default for this station (its region for an inspector, else all)."""
    params = {"scope": scope} if scope else {}
    info = SnapshotInfo.model_validate(
        client.transport().get_json(f"{API_PREFIX}/snapshots/latest", params=params)
    )
    directory = client.db_path.parent / "sync"
    held = client.setting("sync.snapshot") or {}
    rows = 0
    if held.get("snapshot_id") != info.snapshot_id:
        try:
            path = download(client, info, directory)
        except SnapshotCorrupt:
            path = download(client, info, directory)  # once more from scratch
        rows = import_file(client, path, info)
        path.unlink(missing_ok=True)
    client.pull(STREAM_SHIPMENTS)

    def synced(conn: sqlite3.Connection) -> None:
        current = state.get(conn, "sync.snapshot") or {}
        current["synced_at"] = _now()
        state.put(conn, "sync.snapshot", current)

    client.writer.call(synced)
    return rows
