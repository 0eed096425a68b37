"""One warehouse action's transaction: the rooms a flow works with, the session and the journal.

A ``Desk`` lives for one writer action. It is a façade: the flow reaches the
codes (``desk.codes``), the aggregation tree below a package (``desk.tree``),
the jobs with their lines and scans (``desk.jobs``) and the names of things
(``desk.names``), all on the writer's connection; the desk itself keeps only
what ties them together: who acts, the station's session row (flow, active
job, what waits for a confirmation) and the journal event the action appends.
So the decision, the event and the state change commit together or not at all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from app.domain.store import journal
from app.domain.store.database import station_id
from app.domain.workflows.base import Actor
from app.domain.workflows.warehouse.answers import now_iso
from app.domain.workflows.warehouse.codes import Codes
from app.domain.workflows.warehouse.jobs import Job, Jobs
from app.domain.workflows.warehouse.model import ALLOW_MIX, STRICT, Flow
from app.domain.workflows.warehouse.names import Names
from app.domain.workflows.warehouse.tree import Tree


@dataclass(slots=True)
class Session:
    flow: Flow
    job_id: str | None
    pending: str | None
    pending_key: str | None


class Desk:
    """One transaction's worth of warehouse work on the writer's connection."""

    def __init__(self, conn: sqlite3.Connection, actor: Actor) -> None:
        self.conn = conn
        self.actor = actor if actor.station else replace(actor, station=station_id(conn))
        self.now = now_iso()
        self.names = Names(conn, self.actor.language)
        self.codes = Codes(conn, self.now, lambda: self.strict)
        self.tree = Tree(conn, self.now, self.names)
        self.jobs = Jobs(conn, self.now, self.actor.operator_id, self.names)
        self._session: Session | None = None
        self._session_saved: tuple | None = None
        self.touched: Job | None = None  # the job this action worked on, for the result's view
        self.verify_labels: frozenset[str] = frozenset()  # levels whose new label is scanned back

    # --- settings ----------------------------------------------------------------------

    @property
    def strict(self) -> bool:
        return self.actor.strict or STRICT.read(self.conn)

    @property
    def allow_mix(self) -> bool:
        return ALLOW_MIX.read(self.conn)

    # --- events ------------------------------------------------------------------------

    def emit(self, type_: str, payload: dict[str, Any]) -> journal.Event:
        return journal.append(
            self.conn, type_, payload, operator=self.actor.operator_id, station=self.actor.station
        )

    # --- session -----------------------------------------------------------------------

    @property
    def session(self) -> Session:
        if self._session is None:
            flow, job_id, pending, pending_key = self.conn.execute(
                "SELECT flow, job_id, pending, pending_key FROM wh_session WHERE id = 1"
            ).fetchone()
            self._session = Session(Flow(flow), job_id, pending, pending_key)
            self._session_saved = (flow, job_id, pending, pending_key)
        return self._session

    def set_pending(self, pending: str | None, key: str | None = None) -> None:
        self.session.pending, self.session.pending_key = pending, key

    def save_session(self) -> None:
        s = self.session
        state = (s.flow.value, s.job_id, s.pending, s.pending_key)
        if state != self._session_saved:
            self.conn.execute(
                "UPDATE wh_session SET flow = ?, job_id = ?, pending = ?, pending_key = ? WHERE id = 1",
                state,
            )
            self._session_saved = state

    # --- the session's job -------------------------------------------------------------

    def active_job(self) -> Job | None:
        job = self.jobs.get(self.session.job_id)
        if job is None or job.status != "open" or job.flow != self.session.flow:
            return None
        return job

    def create_job(self, flow: Flow, **fields: Any) -> Job:
        """A new job for this station, made the session's job."""
        job = self.jobs.create(flow, self.actor.station, **fields)
        self.session.job_id = job.id
        return job

    def reopen_job(self, job: Job) -> Job:
        """Bring a closed job back as the session's open job (UNDO right after it closed)."""
        job = self.jobs.update(
            job,
            status="open",
            closed_by=None,
            finished_at=None,
            finished_by=None,
            closing_event=None,
        )
        self.session.job_id = job.id
        return job

    def close_job(self, job: Job, closed_by: str, status: str = "done") -> Job:
        if self.session.job_id == job.id:
            self.session.job_id = None
            self.set_pending(None)
        return self.jobs.update(
            job,
            status=status,
            closed_by=closed_by,
            finished_at=self.now,
            finished_by=self.actor.operator_id,
        )
