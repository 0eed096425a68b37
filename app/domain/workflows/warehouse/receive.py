"""Receiving (入库): against an expected delivery or as a free receipt.

A pallet or case brings in everything packed in it (from the local
aggregation), counted per product against what the delivery should hold, so
over, short and unexpected products show as they happen, not at the end.
"""

from __future__ import annotations

from typing import Any

from app.domain.codes.model import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide, label, refuse
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.flow import PaperFlow
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import DEFAULT_LOCATION, PROGRESS, Flow, Status
from app.domain.workflows.warehouse.objects import object_event
from app.domain.workflows.warehouse.undo import Void

BLOCKING = (Status.IN_STOCK, Status.ALLOCATED, Status.SHIPPED, Status.QUARANTINE)


def check_location(desk: Desk, location_id: str | None) -> str:
    location_id = location_id or DEFAULT_LOCATION
    if (
        desk.conn.execute("SELECT 1 FROM wh_locations WHERE id = ?", (location_id,)).fetchone()
        is None
    ):
        raise refuse(
            "wh.unknown_location",
            QT_TRANSLATE_NOOP(
                "Decisions", "There is no location {location} at this station. Choose another one."
            ),
            location=location_id,
        )
    return location_id


class ReceiveFlow(PaperFlow):
    flow = Flow.RECEIVE
    counts_by_quantity = True

    def start(
        self, desk: Desk, inbound_id: str | None = None, location_id: str | None = None
    ) -> Decision:
        location_id = check_location(desk, location_id)
        if inbound_id:
            inbound = desk.conn.execute(
                "SELECT id, reference, status FROM wh_inbound WHERE id = ?", (inbound_id,)
            ).fetchone()
            if inbound is None:
                raise refuse(
                    "receive.unknown_inbound",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "There is no expected delivery {inbound}. Check the paper or sync.",
                    ),
                    inbound=inbound_id,
                )
            if inbound["status"] != "open":
                raise refuse(
                    "receive.inbound_closed",
                    QT_TRANSLATE_NOOP("Decisions", "Delivery {inbound} was already received."),
                    inbound=inbound_id,
                )
            resumed = desk.conn.execute(
                "SELECT id FROM wh_jobs WHERE flow = 'receive' AND status = 'open' AND inbound_id = ?",
                (inbound_id,),
            ).fetchone()
            if resumed:
                desk.session.job_id = resumed[0]
                desk.touched = desk.jobs.get(resumed[0])
            else:
                job = desk.create_job(Flow.RECEIVE, inbound_id=inbound_id, location_id=location_id)
                for product_id, qty in desk.conn.execute(
                    "SELECT product_id, qty FROM wh_inbound_lines WHERE inbound_id = ?",
                    (inbound_id,),
                ):
                    desk.jobs.set_line(job, product_id, qty)
                desk.touched = job
            return decide(
                Outcome.OK,
                "receive.started",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Receiving delivery {inbound} into {location}: scan pallets, cases or items.",
                ),
                inbound=inbound["reference"] or inbound_id,
                location=desk.names.location_name(location_id),
            )
        desk.touched = desk.create_job(Flow.RECEIVE, location_id=location_id)
        return decide(
            Outcome.OK,
            "receive.started_free",
            QT_TRANSLATE_NOOP(
                "Decisions", "Free receipt into {location}: scan pallets, cases or items."
            ),
            location=desk.names.location_name(location_id),
        )

    def scan(self, desk: Desk, job: Job | None, code: Code) -> Decision:
        job = self.job_for(desk, job)
        row = desk.codes.resolve(code)
        args: dict[str, Any] = {"code": label(row.key)}
        if row.known:
            if row.status == Status.SHIPPED:
                raise refuse(
                    "receive.shipped",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} was shipped to {dealer}. If it came back from the dealer, "
                        "take it in under Returns.",
                    ),
                    dealer=desk.names.dealer_name(row.dealer_id) or "?",
                    **args,
                )
            if row.status == Status.ALLOCATED:
                raise refuse(
                    "wh.held",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} is already scanned into open order {order}. Take it out of that order "
                        "first (undo or cancel its line).",
                    ),
                    order=row.order_id or "?",
                    **args,
                )
            if row.status in BLOCKING:
                if desk.jobs.scanned_in_job(job, [row.key, *desk.codes.ancestors(row)]):
                    raise refuse(
                        "receive.duplicate",
                        QT_TRANSLATE_NOOP(
                            "Decisions", "{code} is already received in this receipt: counted once."
                        ),
                        **args,
                    )
                raise refuse(
                    "receive.in_stock",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} is already in stock here (received earlier), so it is not counted "
                        "again. Set it aside if it should not be here.",
                    ),
                    **args,
                )
            desk.tree.expand(row.key)
            blocked = sum(n for (status, _), n in desk.tree.states().items() if status in BLOCKING)
            if blocked:
                raise refuse(
                    "receive.partly",
                    QT_TRANSLATE_NOOP(  # English says one apart: "1 of the things ... is"
                        "Decisions",
                        "1 of the things packed in {code} is already in stock or shipped. "
                        "Scan its cases or items one by one.",
                    )
                    if blocked == 1
                    else QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{count} of the things packed in {code} are already in stock or shipped. "
                        "Scan its cases or items one by one.",
                    ),
                    count=blocked,
                    **args,
                )
            counts = desk.tree.items(row)
            desk.tree.update(status=Status.IN_STOCK.value)
            prev: dict[str, Any] = {"status": row.status}
        else:
            row = desk.codes.insert(row, Status.IN_STOCK)
            counts = {row.product_id or "": desk.tree.nominal_items(row.level, row.product_id)}
            prev = {"status": None}
        items = sum(counts.values())
        event = object_event(
            desk,
            job,
            "receiving",
            "sellable_not_accessible",
            [row.key],
            items=items,
            unverified=not row.verified,
            **{"yima:inbound": job.inbound_id},
        )
        desk.codes.place(row.key, job.location_id or DEFAULT_LOCATION)
        desk.jobs.record_scan(job, "receive", row, event, counts=counts, prev=prev)
        desk.jobs.add_counts(job, counts)
        return self._verdict(desk, job, row.verified, counts, event.seq, args)

    def _verdict(
        self,
        desk: Desk,
        job: Job,
        verified: int,
        counts: dict[str, int],
        seq: int,
        args: dict[str, Any],
    ) -> Decision:
        lines = desk.jobs.lines(job)
        product_id = max(counts, key=lambda p: counts[p])
        expected, scanned = lines[product_id]
        args = {
            **args,
            "items": sum(counts.values()),
            "product": desk.names.product_name(product_id),
            "scanned": scanned,
            "expected": expected if expected is not None else "-",
        }
        if not verified:
            return decide(
                Outcome.WARNING,
                "receive.unverified",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is not known to this station: received as unverified, to be checked at "
                    "sync. {product}: {scanned} received in this job.",
                ),
                seq,
                **args,
            )
        if job.inbound_id and expected is None:
            return decide(
                Outcome.WARNING,
                "receive.unexpected",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{product} is not on this delivery: {items} received and shown as unexpected.",
                ),
                seq,
                **args,
            )
        if expected is not None and scanned > expected:
            return decide(
                Outcome.WARNING,
                "receive.over",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{product}: {scanned} received, {over} more than the {expected} expected.",
                ),
                seq,
                over=scanned - expected,
                **args,
            )
        if expected is not None:
            return decide(
                Outcome.OK,
                "receive.ok",
                PROGRESS[Flow.RECEIVE],
                seq,
                **args,
            )
        return decide(
            Outcome.OK,
            "receive.ok_free",
            QT_TRANSLATE_NOOP("Decisions", "{items} × {product} received ({scanned} so far)."),
            seq,
            **args,
        )

    def revert(self, desk: Desk, job: Job, scan: RecordedScan) -> tuple[Event, Decision]:
        desk.tree.expand(scan.key)
        desk.tree.update(status=scan.prev.get("status") or Status.KNOWN.value)
        desk.codes.unplace(scan.key)
        return UNDONE.apply(desk, job, scan)

    def finish(self, desk: Desk, job: Job) -> Decision:
        lines = desk.jobs.lines(job).values()
        items = sum(s for _, s in lines)
        short = sum(max(0, e - s) for e, s in lines if e is not None)
        over = sum(max(0, s - e) for e, s in lines if e is not None)
        unexpected = sum(s for e, s in lines if e is None) if job.inbound_id else 0
        shortfall = desk.jobs.shortfall(job)
        backorder = self._backorder(desk, job, shortfall) if shortfall else None
        if shortfall:
            desk.jobs.record_shortfall(job, shortfall, backorder)
        desk.close_job(job, "finish")
        if job.inbound_id:
            desk.conn.execute(
                "UPDATE wh_inbound SET status = 'received' WHERE id = ?", (job.inbound_id,)
            )
        if backorder:
            return decide(
                Outcome.DONE,
                "receive.finished_short",
                QT_TRANSLATE_NOOP(  # English says one item apart, not "1 items"
                    "Decisions",
                    "Receipt closed {short} short: 1 item received; {over} over, "
                    "{unexpected} not on the delivery. The missing items are expected as "
                    "delivery {backorder}.",
                )
                if items == 1
                else QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Receipt closed {short} short: {items} items received; {over} over, "
                    "{unexpected} not on the delivery. The missing items are expected as "
                    "delivery {backorder}.",
                ),
                items=items,
                short=short,
                over=over,
                unexpected=unexpected,
                backorder=desk.names.inbound_reference(backorder),
            )
        if short or over or unexpected:
            return decide(
                Outcome.WARNING,
                "receive.finished_diff",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Receipt closed: 1 item received; {short} short, {over} over, "
                    "{unexpected} not on the delivery. Report the differences.",
                )
                if items == 1
                else QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Receipt closed: {items} items received; {short} short, {over} over, "
                    "{unexpected} not on the delivery. Report the differences.",
                ),
                items=items,
                short=short,
                over=over,
                unexpected=unexpected,
            )
        return decide(
            Outcome.DONE,
            "receive.finished",
            QT_TRANSLATE_NOOP("Decisions", "Receipt closed: 1 item received.")
            if items == 1
            else QT_TRANSLATE_NOOP("Decisions", "Receipt closed: {items} items received."),
            items=items,
        )

    @staticmethod
    def _backorder(desk: Desk, job: Job, short: dict[str, tuple[int, int]]) -> str | None:
        """A new expected delivery for what this one lacked (none for a free receipt)."""
        if not job.inbound_id:
            return None
        prefix = f"{job.inbound_id}-BO"
        n = desk.conn.execute(
            "SELECT count(*) FROM wh_inbound WHERE substr(id, 1, ?) = ?", (len(prefix), prefix)
        ).fetchone()[0]
        inbound = desk.conn.execute(
            "SELECT reference, supplier FROM wh_inbound WHERE id = ?", (job.inbound_id,)
        ).fetchone()
        backorder = f"{prefix}{n + 1}"
        desk.conn.execute(
            "INSERT INTO wh_inbound (id, reference, supplier, status, created_at)"
            " VALUES (?, ?, ?, 'open', ?)",
            (backorder, f"{inbound[0] or job.inbound_id}-BO{n + 1}", inbound[1], desk.now),
        )
        desk.conn.executemany(
            "INSERT INTO wh_inbound_lines (inbound_id, product_id, qty) VALUES (?, ?, ?)",
            [(backorder, p, e - s) for p, (e, s) in short.items()],
        )
        return backorder

    def take_back_finish(self, desk: Desk, job: Job) -> Decision:
        backorder = desk.conn.execute(
            "SELECT backorder_id FROM wh_shortfalls WHERE job_id = ? LIMIT 1", (job.id,)
        ).fetchone()
        if backorder and backorder[0]:
            if desk.conn.execute(
                "SELECT 1 FROM wh_jobs WHERE inbound_id = ?", (backorder[0],)
            ).fetchone():
                raise refuse(
                    "receive.backorder_started",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "Delivery {backorder} is already being received, so this receipt "
                        "cannot be opened again. Receive the rest there.",
                    ),
                    backorder=desk.names.inbound_reference(backorder[0]),
                )
            desk.conn.execute("DELETE FROM wh_inbound_lines WHERE inbound_id = ?", backorder)
            desk.conn.execute("DELETE FROM wh_inbound WHERE id = ?", backorder)
        if job.inbound_id:
            desk.conn.execute(
                "UPDATE wh_inbound SET status = 'open' WHERE id = ?", (job.inbound_id,)
            )
        return decide(
            Outcome.OK,
            "receive.unfinished",
            QT_TRANSLATE_NOOP(
                "Decisions", "Receipt {job} is open again. Scan what is still to come, then FINISH."
            ),
            job=job.id,
        )


UNDONE = Void(
    "receiving",
    "sellable_not_accessible",
    "receive.undone",
    QT_TRANSLATE_NOOP("Decisions", "Undone: {code} ({items} items) is not received. Put it aside."),
    QT_TRANSLATE_NOOP("Decisions", "Undone: {code} (1 item) is not received. Put it aside."),
)
