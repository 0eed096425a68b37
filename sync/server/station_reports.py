"""What each station says of itself after a sync round: its version, how many events still
wait to be pushed, and how far its clock is from the server's, for head office's station list.

One row per station, replaced by each report (No ``from __future__ import annotations``: the
route's parameter types name the app's station dependency, which FastAPI must see as an object.)
"""

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from sync.protocol import API_PREFIX, ErrorBody, StationReport
from sync.server.db import Database
from sync.server.util import iso


def save(db: Database, station_id: str, report: StationReport, reported_at: str) -> None:
    with db.transaction() as tx:
        tx.execute(
            "INSERT INTO station_reports (station_id, version, backlog, clock_offset_s,"
            " reported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (station_id) DO UPDATE SET"
            " version = excluded.version, backlog = excluded.backlog,"
            " clock_offset_s = excluded.clock_offset_s, reported_at = excluded.reported_at",
            (
                station_id,
                report.version,
                report.backlog,
                _millis(report.clock_offset_s),
                reported_at,
            ),
        )


def _millis(seconds: float | None) -> float | None:
    """To the millisecond: a clock offset needs no more, and a subnormal float from a broken
    client would underflow PostgreSQL's REAL column (schemathesis found it)."""
    return None if seconds is None else round(seconds, 3)


def create_router(server: Any, station: Any) -> APIRouter:
    router = APIRouter(tags=["station"])
    refusals: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorBody} for code in (401, 403, 413, 415, 422)
    }

    @router.post(f"{API_PREFIX}/station-report", status_code=204, responses=refusals)
    async def report(body: StationReport, me: station) -> Response:
        """The station's version, backlog and clock offset after a round (replaces the last)."""
        await run_in_threadpool(save, server.db, me["id"], body, iso(server.clock()))
        return Response(status_code=204)

    return router
