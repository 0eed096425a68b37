"""What every warehouse flow answers unless it says otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from app.domain.codes.model import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import Flow

UNDO_FINISH_MINUTES = 15  # UNDO reopens a job FINISH closed this long ago at most
NOTHING_TO_CONFIRM = QT_TRANSLATE_NOOP(
    "Decisions", "There is nothing waiting for a confirmation. Scan the next code."
)


class FlowBase:
    """A flow: ``scan``, ``revert`` and ``finish`` are its own; the rest defaults here."""

    flow: Flow
    # each flow's own: start (its arguments are the flow's), scan, revert and finish
    start: Callable[..., Decision]
    scan: Callable[[Desk, Job | None, Code], Decision]
    revert: Callable[[Desk, Job, RecordedScan], tuple[Event, Decision]]
    finish: Callable[[Desk, Job], Decision]
    cancel_reverts = True  # False: what was done is physically done; cancel only ends the job
    counts_by_quantity = False  # True: a product barcode asks how many (goods without a serial)

    def confirm(self, desk: Desk, job: Job | None) -> Decision:
        return decide(Outcome.WARNING, "wh.nothing_to_confirm", NOTHING_TO_CONFIRM)

    def job_for(self, desk: Desk, job: Job | None) -> Job:
        """The job a scan counts in: the open one, or a new one with the flow's defaults."""
        if job is None:
            self.start(desk)
            job = desk.touched
        desk.touched = job
        return job  # type: ignore[return-value]

    def check_counts(
        self, desk: Desk, job: Job, counts: dict[str, int], args: dict[str, Any]
    ) -> None:
        """Refuse counts the job cannot take (raise ``refuse``); the default takes any."""

    def reopenable(self, desk: Desk) -> Job | None:
        """A job just closed that UNDO may bring back; None: UNDO needs an open job."""
        return None

    def shortfall(self, desk: Desk, job: Job) -> dict[str, tuple[int, int]]:
        """What FINISH would leave short, per product (expected, scanned); FINISH asks first."""
        return {}

    def unfinish(self, desk: Desk) -> Decision | None:
        """UNDO with no open job: reopen the job FINISH just closed; None: nothing to reopen."""
        return None


class PaperFlow(FlowBase):
    """A flow against a paper (a delivery, an order): FINISH short asks and records what was
    short, and UNDO right after FINISH (within ``UNDO_FINISH_MINUTES``) reopens the job."""

    def shortfall(self, desk: Desk, job: Job) -> dict[str, tuple[int, int]]:
        return desk.jobs.shortfall(job)

    def unfinish(self, desk: Desk) -> Decision | None:
        job = desk.jobs.latest_closed(self.flow, desk.actor.station)
        if job is None or job.status != "done" or job.closed_by != "finish":
            return None
        age = dt.datetime.fromisoformat(desk.now) - dt.datetime.fromisoformat(job.finished_at or "")
        if age > dt.timedelta(minutes=UNDO_FINISH_MINUTES):
            return None
        decision = self.take_back_finish(desk, job)
        desk.jobs.clear_shortfall(job)
        desk.touched = desk.reopen_job(job)
        return decision

    def take_back_finish(self, desk: Desk, job: Job) -> Decision:
        """Undo what FINISH did besides closing the job (refuse if it cannot be undone)."""
        raise NotImplementedError


class CountingFlow(FlowBase):
    """A flow whose FINISH only closes the job and says how many things it handled."""

    finished: tuple[str, str]  # (reason, message with {count})
    finished_one: str | None = None  # the message for one thing, where English says it apart

    def finish(self, desk: Desk, job: Job) -> Decision:
        desk.close_job(job, "finish")
        reason, message = self.finished
        count = desk.jobs.scanned_total(job)
        if count == 1 and self.finished_one is not None:
            message = self.finished_one
        return decide(Outcome.DONE, reason, message, count=count)
