"""Taking a scan back: the one path for UNDO, CANCEL and a cancelled order line.

Every flow records what a scan changed (its counts per product and what it
overwrote, ``prev``) with the scan; undoing it is always the same three steps:
the flow puts back what ``prev`` says, the job's lines go down by the counts,
and a compensating event naming the voided one is appended; then the scan is
marked undone. Flows write only the first step.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Protocol

from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse import quantities
from app.domain.workflows.warehouse.answers import decide, label
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.objects import object_event


class Reverts(Protocol):
    def revert(self, desk: Desk, job: Job, scan: RecordedScan) -> tuple[Event, Decision]: ...


def take_back(desk: Desk, flow: Reverts, job: Job, row: sqlite3.Row) -> tuple[Event, Decision]:
    """Undo one recorded scan of ``job`` and mark it undone, in the action's transaction."""
    scan = RecordedScan.of(row)
    if row["kind"] == quantities.KIND:
        event, decision = quantities.void(desk, job, scan)
    else:
        event, decision = flow.revert(desk, job, scan)
    desk.jobs.mark_undone(row["id"], event.seq)
    return event, decision


@dataclass(frozen=True, slots=True)
class Void:
    """How a flow undoes an ObjectEvent scan: the bizStep and disposition of the scan it voids,
    and what the operator is told (reason, message with ``{code}`` and ``{items}``, and the
    message for one item, where English says it apart: "1 item", not "1 items")."""

    biz_step: str
    disposition: str
    reason: str
    message: str
    message_one: str

    def apply(
        self,
        desk: Desk,
        job: Job,
        scan: RecordedScan,
        extra: dict[str, Any] | None = None,
        **args: str | int,
    ) -> tuple[Event, Decision]:
        """The end of undoing a receive, ship, stocktake or return scan, once the flow put back
        what the scan changed: the job's lines go down and a ``void_`` event names the scan's."""
        desk.jobs.add_counts(job, scan.counts, -1)
        event = object_event(
            desk,
            job,
            self.biz_step,
            self.disposition,
            [scan.key],
            items=scan.items,
            compensates=scan.event_id,
            **(extra or {}),
        )
        return event, decide(
            Outcome.OK,
            self.reason,
            self.message_one if scan.items == 1 else self.message,
            event.seq,
            code=label(scan.key),
            items=scan.items,
            **args,
        )
