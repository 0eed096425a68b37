"""What every warehouse flow answers unless it says otherwise."""

from __future__ import annotations

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.jobs import Job
from app.domain.workflows.warehouse.model import Flow

NOTHING_TO_CONFIRM = QT_TRANSLATE_NOOP(
    "Decisions", "There is nothing waiting for a confirmation. Scan the next code."
)


class FlowBase:
    """A flow: ``scan``, ``revert`` and ``finish`` are its own; the rest defaults here."""

    flow: Flow
    cancel_reverts = True  # False: what was done is physically done; cancel only ends the job

    def confirm(self, desk: Desk, job: Job | None) -> Decision:
        return decide(Outcome.WARNING, "wh.nothing_to_confirm", NOTHING_TO_CONFIRM)

    def start(self, desk: Desk) -> Decision:
        """Open a job of this flow with its defaults (a scan with no job open starts one)."""
        desk.touched = desk.create_job(self.flow)
        return decide(Outcome.OK, f"{self.flow.value}.started", "")

    def job_for(self, desk: Desk, job: Job | None) -> Job:
        """The job a scan counts in: the open one, or a new one with the flow's defaults."""
        if job is None:
            self.start(desk)
            job = desk.touched
        desk.touched = job
        return job  # type: ignore[return-value]

    def reopenable(self, desk: Desk) -> Job | None:
        """A job just closed that UNDO may bring back; None: UNDO needs an open job."""
        return None


class CountingFlow(FlowBase):
    """A flow whose FINISH only closes the job and says how many things it handled."""

    finished: tuple[str, str]  # (reason, message with {count})

    def finish(self, desk: Desk, job: Job) -> Decision:
        desk.close_job(job, "finish")
        reason, message = self.finished
        return decide(Outcome.DONE, reason, message, count=desk.jobs.scanned_total(job))
