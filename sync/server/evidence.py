"""Inspectors' evidence photos, uploaded by the station that filed the case: resumable,
size-limited and checked against the hash the case named.

A station may upload only a photo that one of its own cases names, and a case names at most
``MAX_PHOTOS_PER_CASE`` photos of at most ``MAX_PHOTO_BYTES`` each (``app.domain.rules.evidence``,
the rule the inspector's station applies too), so a credential alone cannot fill the store. A
photo no case of the station names is ``404 evidence.not_named`` (not 403, which tells a station
its credential is gone), so a station records it as refused and never asks again. And a
station may start at most ``server.evidence.station_mb_per_day`` of photos in 24 hours (a photo
counts with its announced size from its first chunk): past it the upload is ``413
evidence.quota_full`` and the station keeps the photo for a later round, so even many cases
cannot fill the store faster than head office allows.

Chunks are kept in the database (not on one host's disk), so any worker of a scaled-out server
can take the next chunk; the photo is complete when its bytes add up to the announced size and
hash to the name they were uploaded under.

(No ``from __future__ import annotations``: the routes' parameter types name the app's
station dependency, which FastAPI must see as an object, not a string.)
"""

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from app.domain.rules.evidence import MAX_PHOTO_BYTES, is_photo_name
from sync.protocol import API_PREFIX, ErrorBody
from sync.server.changes import get_setting
from sync.server.db import Database, Tx

MAX_CHUNK_BYTES = 1024 * 1024


class EvidenceRefused(Exception):
    """A refused upload; ``reason`` is the stable code the station records."""

    def __init__(self, status: int, reason: str, message: str) -> None:
        super().__init__(message)
        self.status, self.reason, self.message = status, reason, message


@dataclass(frozen=True)
class Progress:
    sha256: str
    received: int
    complete: bool


def _named_by_own_case(tx: Tx, station_id: str, sha256: str) -> bool:
    # sha256 is 64 hex characters (checked first), so it is safe inside the LIKE pattern
    return bool(
        tx.scalar(
            "SELECT 1 FROM diversion_cases WHERE station_id = ? AND photos LIKE ?",
            (station_id, f"%{sha256}%"),
        )
    )


def progress(db: Database, station_id: str, sha256: str) -> Progress:
    if not is_photo_name(sha256):
        raise EvidenceRefused(422, "evidence.bad_name", "A photo is named by its SHA-256 in hex.")
    with db.read() as tx:
        if not _named_by_own_case(tx, station_id, sha256):
            raise EvidenceRefused(
                404, "evidence.not_named", "No case of this station names this photo."
            )
        row = tx.one("SELECT received, completed_at FROM evidence WHERE sha256 = ?", (sha256,))
    if row is None:
        return Progress(sha256, 0, False)
    return Progress(sha256, row["received"], row["completed_at"] is not None)


def receive(
    db: Database,
    now: dt.datetime,
    station_id: str,
    sha256: str,
    offset: int,
    total: int,
    data: bytes,
) -> Progress:
    """Take the chunk at ``offset`` of a photo of ``total`` bytes; a repeated chunk is a no-op."""
    current = progress(db, station_id, sha256)
    if current.complete:
        return current
    if not 0 < total <= MAX_PHOTO_BYTES:
        raise EvidenceRefused(
            413,
            "evidence.too_large",
            f"A photo may be at most {MAX_PHOTO_BYTES // (1024 * 1024)} MB.",
        )
    if not data or len(data) > MAX_CHUNK_BYTES or offset + len(data) > total:
        raise EvidenceRefused(422, "evidence.bad_chunk", "The chunk does not fit the photo.")
    stamp = now.astimezone(dt.UTC).isoformat(timespec="seconds")
    with db.transaction() as tx:
        tx.lock(f"evidence:{sha256}")
        row = tx.one(
            "SELECT size, received, completed_at FROM evidence WHERE sha256 = ?", (sha256,)
        )
        if row is None:
            _within_quota(tx, now, station_id, total)
            tx.execute(
                "INSERT INTO evidence (sha256, station_id, size, created_at) VALUES (?, ?, ?, ?)",
                (sha256, station_id, total, stamp),
            )
            row = {"size": total, "received": 0, "completed_at": None}
        if row["completed_at"] is not None:
            return Progress(sha256, row["received"], True)
        if row["size"] != total:
            raise EvidenceRefused(409, "evidence.size_changed", "The photo's size changed.")
        if offset != row["received"]:
            return Progress(sha256, row["received"], False)  # the station resumes from here
        tx.execute(
            "INSERT INTO evidence_chunks (sha256, position, data) VALUES (?, ?, ?)",
            (sha256, offset, data),
        )
        received = offset + len(data)
        tx.execute("UPDATE evidence SET received = ? WHERE sha256 = ?", (received, sha256))
        if received < total:
            return Progress(sha256, received, False)
        if hashlib.sha256(_join(tx, sha256)).hexdigest() == sha256:
            tx.execute("UPDATE evidence SET completed_at = ? WHERE sha256 = ?", (stamp, sha256))
            return Progress(sha256, received, True)
    with db.transaction() as tx:  # a photo that does not match its name is dropped whole
        tx.execute("DELETE FROM evidence_chunks WHERE sha256 = ?", (sha256,))
        tx.execute("DELETE FROM evidence WHERE sha256 = ?", (sha256,))
    raise EvidenceRefused(
        422,
        "evidence.hash_mismatch",
        "The photo's bytes do not match its SHA-256; it was not kept.",
    )


def _within_quota(tx: Tx, now: dt.datetime, station_id: str, total: int) -> None:
    """Refuse a new photo that would take the station past its day's share of the store."""
    tx.lock(f"evidence-quota:{station_id}")  # two workers cannot both take the last megabyte
    megabytes = int(get_setting(tx, "server.evidence.station_mb_per_day"))
    since = (now - dt.timedelta(days=1)).astimezone(dt.UTC).isoformat(timespec="seconds")
    started = tx.scalar(
        "SELECT COALESCE(SUM(size), 0) FROM evidence WHERE station_id = ? AND created_at > ?",
        (station_id, since),
    )
    if int(started) + total > megabytes * 1024 * 1024:
        raise EvidenceRefused(
            413,
            "evidence.quota_full",
            f"This station sent the {megabytes} MB of photos it may send in 24 hours;"
            " the rest are taken later.",
        )


def _join(tx: Tx, sha256: str) -> bytes:
    return b"".join(
        bytes(data)
        for (data,) in tx.rows(
            "SELECT data FROM evidence_chunks WHERE sha256 = ? ORDER BY position", (sha256,)
        )
    )


def photo(db: Database, sha256: str) -> bytes | None:
    """A complete photo's bytes, for the console; None while missing or incomplete."""
    if not is_photo_name(sha256):
        return None
    with db.read() as tx:
        if not tx.scalar(
            "SELECT 1 FROM evidence WHERE sha256 = ? AND completed_at IS NOT NULL", (sha256,)
        ):
            return None
        return _join(tx, sha256)


def create_router(server: Any, station: Any) -> APIRouter:
    """``GET`` how much of a photo the server holds, ``PUT`` the next chunk (raw bytes)."""
    router = APIRouter(tags=["evidence"])
    refusals: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorBody} for code in (401, 403, 404, 409, 413, 415, 422)
    }

    def _refused(exc: EvidenceRefused) -> JSONResponse:
        return JSONResponse(
            status_code=exc.status, content={"error": exc.reason, "message": exc.message}
        )

    @router.get(f"{API_PREFIX}/evidence/{{sha256}}", responses=refusals)
    def held(sha256: str, me: station) -> Any:
        try:
            return progress(server.db, me["id"], sha256).__dict__
        except EvidenceRefused as exc:
            return _refused(exc)

    @router.put(
        f"{API_PREFIX}/evidence/{{sha256}}",
        responses=refusals,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            }
        },
    )
    async def upload(
        sha256: str,
        request: Request,
        me: station,
        offset: int = Query(ge=0, le=MAX_PHOTO_BYTES),
        total: int = Query(ge=1, le=MAX_PHOTO_BYTES),
    ) -> Any:
        """The chunk of the photo at ``offset``; answers how much is held, so a cut upload
        resumes where the server stopped."""
        data = await request.body()
        try:
            done = await run_in_threadpool(
                receive, server.db, server.clock(), me["id"], sha256, offset, total, data
            )
        except EvidenceRefused as exc:
            return _refused(exc)
        return done.__dict__

    return router
