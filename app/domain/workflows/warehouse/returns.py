"""Returns (退货): take goods back from the dealer they were shipped to, with a reason.

Each scan is a ``returning`` ObjectEvent naming the dealer it comes from and
the reason. Resaleable goods (unsold, wrong delivery) go back in stock; damaged
or expired goods are held in quarantine so they are never shipped again. One
return job is one dealer: a package shipped to another dealer is refused.
"""

from __future__ import annotations

from typing import Any

from app.domain.codes.model import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide, label, refuse
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.flow import FlowBase
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import (
    DEFAULT_LOCATION,
    QUARANTINE_REASONS,
    RETURN_REASONS,
    Flow,
    Status,
)
from app.domain.workflows.warehouse.objects import dealer_parties, object_event
from app.domain.workflows.warehouse.pack import detach, reattach
from app.domain.workflows.warehouse.undo import Void

DEFAULT_REASON = "unsold"


class ReturnFlow(FlowBase):
    flow = Flow.RETURN
    counts_by_quantity = True

    def start(self, desk: Desk, reason: str | None = None) -> Decision:
        reason = (reason or DEFAULT_REASON).lower()
        if reason not in RETURN_REASONS:
            raise refuse(
                "return.unknown_reason",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{reason} is not a return reason. Use unsold, damaged, expired or wrong_delivery.",
                ),
                reason=reason,
            )
        desk.touched = desk.create_job(Flow.RETURN, reason=reason, location_id=DEFAULT_LOCATION)
        return decide(
            Outcome.OK,
            "return.started",
            QT_TRANSLATE_NOOP(
                "Decisions", "Returns ({reason}): scan the returned pallets, cases or items."
            ),
            reason=RETURN_REASONS[reason],
        )

    def scan(self, desk: Desk, job: Job | None, code: Code) -> Decision:
        job = self.job_for(desk, job)
        row = desk.codes.resolve(code)
        args: dict[str, Any] = {"code": label(row.key)}
        if desk.jobs.scanned_in_job(
            job, [row.key, *desk.codes.ancestors(row)] if row.known else [row.key]
        ):
            raise refuse(
                "return.duplicate",
                QT_TRANSLATE_NOOP(
                    "Decisions", "{code} is already taken back in this return: counted once."
                ),
                **args,
            )
        if row.known and row.status != Status.SHIPPED:
            raise refuse(
                "return.not_shipped",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} was never shipped from here (or is already back), so it cannot be "
                    "returned. Set it aside and tell the supervisor.",
                ),
                **args,
            )
        if row.known and job.dealer_id and row.dealer_id != job.dealer_id:
            raise refuse(
                "return.other_dealer",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} was shipped to {other}, but this return is from {dealer}. "
                    "Scan FINISH, then take it back in a return of its own.",
                ),
                other=desk.names.dealer_name(row.dealer_id) or "?",
                dealer=desk.names.dealer_name(job.dealer_id),
                **args,
            )
        status = Status.QUARANTINE if job.reason in QUARANTINE_REASONS else Status.IN_STOCK
        if row.known:
            desk.tree.expand(row.key)
            counts = desk.tree.items(row)
            desk.tree.update(status=status.value, dealer_id=None, order_id=None)
            old_parent = detach(desk, job, row)
            if job.dealer_id is None and row.dealer_id:
                job = desk.jobs.update(job, dealer_id=row.dealer_id)
                desk.touched = job
        else:
            old_parent = None
            row = desk.codes.insert(row, status)
            counts = {row.product_id or "": desk.tree.nominal_items(row.level, row.product_id)}
        items = sum(counts.values())
        extra: dict[str, Any] = {"yima:reason": job.reason}
        if row.dealer_id:
            extra["sourceList"] = dealer_parties(desk, row.dealer_id, "source")
        event = object_event(
            desk,
            job,
            "returning",
            "returned" if status == Status.IN_STOCK else "damaged",
            [row.key],
            items=items,
            unverified=not row.verified,
            **extra,
        )
        desk.codes.place(row.key, job.location_id or DEFAULT_LOCATION)
        desk.jobs.record_scan(
            job,
            "return",
            row,
            event,
            counts=counts,
            prev={
                "status": row.status,
                "dealer": row.dealer_id,
                "order": row.order_id,
                "parent": old_parent,
            }
            if row.known and row.status == Status.SHIPPED
            else {"status": None},
        )
        desk.jobs.add_counts(job, counts)
        product_id = max(counts, key=lambda p: counts[p])
        args.update(
            items=items,
            product=desk.names.product_name(product_id),
            dealer=desk.names.dealer_name(row.dealer_id) or "?",
        )
        if not row.verified:
            return decide(
                Outcome.WARNING,
                "return.unverified",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is not known to this station: taken back as unverified, to be checked at sync.",
                ),
                event.seq,
                **args,
            )
        if status == Status.QUARANTINE:
            return decide(
                Outcome.OK,
                "return.quarantine",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{items} × {product} taken back from {dealer}. Put it on the quarantine shelf.",
                ),
                event.seq,
                **args,
            )
        return decide(
            Outcome.OK,
            "return.ok",
            QT_TRANSLATE_NOOP(
                "Decisions", "{items} × {product} taken back from {dealer} into stock."
            ),
            event.seq,
            **args,
        )

    def revert(self, desk: Desk, job: Job, scan: RecordedScan) -> tuple[Event, Decision]:
        prev = scan.prev
        desk.tree.expand(scan.key)
        if prev.get("status"):
            desk.tree.update(
                status=prev["status"], dealer_id=prev.get("dealer"), order_id=prev.get("order")
            )
        else:
            desk.tree.update(status=Status.KNOWN.value)
        desk.codes.unplace(scan.key)
        reattach(desk, job, scan.key, prev.get("parent"), scan.event_id)
        return UNDONE.apply(desk, job, scan)

    def finish(self, desk: Desk, job: Job) -> Decision:
        items = desk.jobs.scanned_total(job)
        desk.close_job(job, "finish")
        return decide(
            Outcome.DONE,
            "return.finished",
            QT_TRANSLATE_NOOP("Decisions", "Return closed: 1 item taken back from {dealer}.")
            if items == 1  # English says one item apart, not "1 items"
            else QT_TRANSLATE_NOOP(
                "Decisions", "Return closed: {items} items taken back from {dealer}."
            ),
            items=items,
            dealer=desk.names.dealer_name(job.dealer_id) or "-",
        )


UNDONE = Void(
    "returning",
    "in_transit",
    "return.undone",
    QT_TRANSLATE_NOOP("Decisions", "Undone: {code} ({items} items) is not taken back."),
    QT_TRANSLATE_NOOP("Decisions", "Undone: {code} (1 item) is not taken back."),
)
