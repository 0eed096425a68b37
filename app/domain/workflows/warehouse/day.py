"""The day's work per operator, for supervisors: scans, cases packed, shipments.

Read-only (run it on a reader thread). Scans count the ones still standing
(undone ones are not work done); a case packed is a pack job into a case
closed full or by FINISH; a shipment is a ship job that shipped. Each is
credited to the operator who did it: the scan's operator, the job's closer.
Work recorded before operators were kept per scan has none and is left out.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OperatorDay:
    operator_id: str
    name: str
    scans: int
    cases_packed: int
    shipments: int


def day_bounds(day: dt.date, tz: dt.tzinfo | None = None) -> tuple[str, str]:
    """The station's local ``day`` as UTC text bounds, in the format the tables store."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=tz or dt.datetime.now().astimezone().tzinfo)
    end = start + dt.timedelta(days=1)
    return tuple(  # type: ignore[return-value]
        t.astimezone(dt.UTC).isoformat(timespec="milliseconds") for t in (start, end)
    )


def operator_day(conn: sqlite3.Connection, start: str, end: str) -> list[OperatorDay]:
    """Per operator between ``start`` and ``end`` (UTC text), busiest first."""
    rows = conn.execute(
        "WITH work(operator, scans, cases, shipments) AS ("
        " SELECT operator, 1, 0, 0 FROM wh_job_scans"
        "  WHERE at >= :start AND at < :end AND undone_seq IS NULL AND operator IS NOT NULL"
        " UNION ALL SELECT finished_by, 0, flow = 'pack', flow = 'ship' FROM wh_jobs"
        "  WHERE finished_at >= :start AND finished_at < :end AND status = 'done'"
        "  AND finished_by IS NOT NULL AND (flow = 'ship' OR (flow = 'pack' AND unit = 'item')))"
        " SELECT w.operator, coalesce(o.name, w.operator), sum(scans), sum(cases), sum(shipments)"
        " FROM work w LEFT JOIN operators o ON o.id = w.operator"
        " GROUP BY w.operator ORDER BY sum(scans) DESC, w.operator",
        {"start": start, "end": end},
    ).fetchall()
    return [OperatorDay(*row) for row in rows]
