"""Jobs: what a piece of warehouse work expects, what each scan counted, and its id.

A job's id is read out loud ("shipment SH-7F3A01C2-0042"), printed on paperwork
and sent in every event, so it must never collide. It is the flow's prefix,
this station's id and a number from a counter kept in the station's database,
raised in the same transaction that inserts the job: the same database cannot
hand out a number twice, and two stations differ by their station part.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from app.domain.store import journal
from app.domain.workflows.warehouse.codes import CodeRow
from app.domain.workflows.warehouse.model import Flow, JobView, Line
from app.domain.workflows.warehouse.names import Names

JOB_PREFIX = {
    Flow.RECEIVE: "RC",
    Flow.SHIP: "SH",
    Flow.PACK: "PK",
    Flow.UNPACK: "UP",
    Flow.RELABEL: "RL",
    Flow.STOCKTAKE: "ST",
    Flow.RETURN: "RT",
}
JOB_COUNTER = "job"


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    flow: Flow
    status: str
    unit: str
    parent_key: str | None
    product_id: str | None
    capacity: int | None
    order_id: str | None
    dealer_id: str | None
    inbound_id: str | None
    location_id: str | None
    reason: str | None
    closed_by: str | None
    operator: str
    created_at: str
    finished_at: str | None


@dataclass(frozen=True, slots=True)
class RecordedScan:
    """One row of ``wh_job_scans`` as an undo reads it."""

    id: int
    key: str
    counts: dict[str, int]
    prev: dict[str, Any]
    event_id: str | None

    @classmethod
    def of(cls, row: sqlite3.Row) -> RecordedScan:
        return cls(
            row["id"],
            row["key"],
            json.loads(row["lines"]),
            json.loads(row["prev"]),
            row["event_id"],
        )

    @property
    def items(self) -> int:
        return sum(self.counts.values())


_JOB_COLUMNS = (
    "id, flow, status, unit, parent_key, product_id, capacity, order_id, dealer_id,"
    " inbound_id, location_id, reason, closed_by, operator, created_at, finished_at"
)


def next_number(conn: sqlite3.Connection, name: str) -> int:
    """The next value of one of the station's counters (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO wh_counters (name, value) VALUES (?, 0) ON CONFLICT DO NOTHING", (name,)
    )
    return conn.execute(
        "UPDATE wh_counters SET value = value + 1 WHERE name = ? RETURNING value", (name,)
    ).fetchone()[0]


def job_id(flow: Flow, station: str, number: int) -> str:
    """``SH-7F3A01C2-0042``: the flow, the station (without its ``ST-``), the station's number."""
    return f"{JOB_PREFIX[flow]}-{station.removeprefix('ST-')}-{number:04d}"


class Jobs:
    """Rows of ``wh_jobs``, their lines and their scans."""

    def __init__(self, conn: sqlite3.Connection, now: str, operator: str, names: Names) -> None:
        self.conn = conn
        self.now = now
        self.operator = operator
        self.names = names

    def get(self, id_: str | None) -> Job | None:
        if not id_:
            return None
        row = self.conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM wh_jobs WHERE id = ?", (id_,)
        ).fetchone()
        return None if row is None else Job(row[0], Flow(row[1]), *row[2:])

    def create(self, flow: Flow, station: str, **fields: Any) -> Job:
        columns = {
            "id": job_id(flow, station, next_number(self.conn, JOB_COUNTER)),
            "flow": flow.value,
            "operator": self.operator,
            "station": station,
            "created_at": self.now,
            **fields,
        }
        self.conn.execute(
            f"INSERT INTO wh_jobs ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(columns.values()),
        )
        return self.get(columns["id"])  # type: ignore[return-value]

    def update(self, job: Job, **fields: Any) -> Job:
        columns = ", ".join(f"{name} = ?" for name in fields)
        self.conn.execute(f"UPDATE wh_jobs SET {columns} WHERE id = ?", (*fields.values(), job.id))
        return replace(job, **{k: v for k, v in fields.items() if k in Job.__dataclass_fields__})

    def latest_closed(self, flow: Flow, station: str) -> Job | None:
        """The job of ``flow`` this station closed last (what UNDO right after a close reopens)."""
        row = self.conn.execute(
            "SELECT id FROM wh_jobs WHERE flow = ? AND station = ? AND status != 'open'"
            " ORDER BY finished_at DESC, rowid DESC LIMIT 1",
            (flow.value, station),
        ).fetchone()
        return self.get(row[0]) if row else None

    def closing_event(self, job: Job) -> str | None:
        row = self.conn.execute("SELECT closing_event FROM wh_jobs WHERE id = ?", (job.id,))
        return row.fetchone()[0]

    # --- lines ---------------------------------------------------------------------------

    def set_line(self, job: Job, product_id: str, expected: int | None, scanned: int = 0) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO wh_job_lines (job_id, product_id, expected, scanned)"
            " VALUES (?, ?, ?, ?)",
            (job.id, product_id, expected, scanned),
        )

    def add_counts(self, job: Job, counts: dict[str, int], sign: int = 1) -> None:
        for product_id, n in counts.items():
            self.conn.execute(
                "INSERT INTO wh_job_lines (job_id, product_id, expected, scanned)"
                " VALUES (?, ?, NULL, ?)"
                " ON CONFLICT (job_id, product_id) DO UPDATE SET scanned = scanned + excluded.scanned",
                (job.id, product_id, sign * n),
            )

    def lines(self, job: Job) -> dict[str, tuple[int | None, int]]:
        return {
            p: (e, s)
            for p, e, s in self.conn.execute(
                "SELECT product_id, expected, scanned FROM wh_job_lines WHERE job_id = ?", (job.id,)
            )
        }

    def scanned_total(self, job: Job) -> int:
        return self.conn.execute(
            "SELECT coalesce(sum(scanned), 0) FROM wh_job_lines WHERE job_id = ?", (job.id,)
        ).fetchone()[0]

    # --- what a job closed short -----------------------------------------------------------

    def shortfall(self, job: Job) -> dict[str, tuple[int, int]]:
        """Products the job's paper expects more of than were scanned: (expected, scanned)."""
        return {p: (e, s) for p, (e, s) in self.lines(job).items() if e is not None and s < e}

    def record_shortfall(
        self, job: Job, short: dict[str, tuple[int, int]], backorder_id: str | None
    ) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO wh_shortfalls (job_id, product_id, expected, scanned,"
            " backorder_id) VALUES (?, ?, ?, ?, ?)",
            [(job.id, p, e, s, backorder_id) for p, (e, s) in short.items()],
        )

    def clear_shortfall(self, job: Job) -> str | None:
        """Forget what ``job`` closed short (its FINISH was undone); the backorder it named."""
        row = self.conn.execute(
            "SELECT backorder_id FROM wh_shortfalls WHERE job_id = ? LIMIT 1", (job.id,)
        ).fetchone()
        self.conn.execute("DELETE FROM wh_shortfalls WHERE job_id = ?", (job.id,))
        return row[0] if row else None

    # --- scans ---------------------------------------------------------------------------

    def record_scan(
        self,
        job: Job,
        kind: str,
        row: CodeRow,
        event: journal.Event | None,
        *,
        counts: dict[str, int] | None = None,
        prev: dict[str, Any] | None = None,
    ) -> int:
        counts = counts or {}
        cursor = self.conn.execute(
            "INSERT INTO wh_job_scans (job_id, kind, key, level, product_id, qty, lines, verified,"
            " event_id, event_seq, prev, at, operator)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                job.id,
                kind,
                row.key,
                row.level,
                row.product_id,
                sum(counts.values()),
                json.dumps(counts),
                int(row.verified),
                event.event_id if event else None,
                event.seq if event else None,
                json.dumps(prev or {}),
                self.now,
                self.operator,
            ),
        )
        return int(cursor.lastrowid or 0)

    def last_scan(self, job: Job) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT * FROM wh_job_scans WHERE job_id = ? AND undone_seq IS NULL"
            " ORDER BY id DESC LIMIT 1",
            (job.id,),
        ).fetchone()

    def live_scans(self, job: Job) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM wh_job_scans WHERE job_id = ? AND undone_seq IS NULL ORDER BY id DESC",
            (job.id,),
        ).fetchall()

    def scanned_in_job(self, job: Job, keys: list[str]) -> str | None:
        """The first of ``keys`` already counted (and not undone) in this job."""
        for key in keys:
            hit = self.conn.execute(
                "SELECT 1 FROM wh_job_scans WHERE job_id = ? AND key = ? AND undone_seq IS NULL",
                (job.id, key),
            ).fetchone()
            if hit:
                return key
        return None

    def mark_undone(self, scan_id: int, seq: int) -> None:
        """The scan no longer counts; ``seq`` is the journal event that took it back."""
        self.conn.execute("UPDATE wh_job_scans SET undone_seq = ? WHERE id = ?", (seq, scan_id))

    # --- the view the page draws -----------------------------------------------------------

    def view(self, job: Job | None) -> JobView | None:
        if job is None:
            return None
        job = self.get(job.id) or job
        names = self.names
        lines = tuple(
            Line(p or "", names.product_name(p), e, s)
            for p, e, s in self.conn.execute(
                "SELECT product_id, expected, scanned FROM wh_job_lines WHERE job_id = ?"
                " ORDER BY product_id",
                (job.id,),
            )
        )
        scans = self.conn.execute(
            "SELECT count(*) FROM wh_job_scans WHERE job_id = ? AND undone_seq IS NULL", (job.id,)
        ).fetchone()[0]
        return JobView(
            id=job.id,
            flow=job.flow,
            status=job.status,
            unit=job.unit,
            parent_key=job.parent_key,
            product_id=job.product_id,
            capacity=job.capacity,
            order_id=job.order_id,
            dealer_id=job.dealer_id,
            dealer=names.dealer_name(job.dealer_id),
            inbound_id=job.inbound_id,
            inbound_ref=names.inbound_reference(job.inbound_id),
            location_id=job.location_id,
            location=names.location_name(job.location_id),
            reason=job.reason,
            closed_by=job.closed_by,
            operator=job.operator,
            created_at=job.created_at,
            finished_at=job.finished_at,
            lines=lines,
            scans=scans,
        )
