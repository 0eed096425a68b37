"""Shipping (出库): scan pallets, cases or items against a dealer's order, then finish.

Each scan stages a whole package for the order (ObjectEvent ``staging_outbound``):
its codes are held for that order, so another open order cannot take them.
Refused: a product the order does not have, more than a line still needs, a
code already shipped or held by another order. FINISH records the shipment
(ObjectEvent ``shipping`` with the dealer, its regions and the order) for
everything staged; what the order still lacks stays open for a later,
partial shipment. A shipment is final: after FINISH, goods come back as Returns.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from app.domain.codes.model import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse import quantities
from app.domain.workflows.warehouse.answers import decide, label, refuse
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.flow import PaperFlow
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import PROGRESS, Flow, Status
from app.domain.workflows.warehouse.objects import dealer_parties, object_event
from app.domain.workflows.warehouse.pack import detach, reattach
from app.domain.workflows.warehouse.undo import Void, take_back

SHIPPABLE = (Status.KNOWN, Status.IN_STOCK)


def shipped_before(desk: Desk, order_id: str) -> dict[str, int]:
    """Items per product already shipped on this order by earlier (partial) shipments."""
    return {
        p: n
        for p, n in desk.conn.execute(
            "SELECT l.product_id, sum(l.scanned) FROM wh_job_lines l JOIN wh_jobs j ON j.id = l.job_id"
            " WHERE j.order_id = ? AND j.flow = 'ship' AND j.status = 'done' GROUP BY l.product_id",
            (order_id,),
        )
    }


def shipment_fields(job: Job) -> dict[str, Any]:
    """What a ``shipping`` event says besides its codes: to whom, on which order."""
    return {"yima:dealer": job.dealer_id, "yima:order": job.order_id}


def settle_order(desk: Desk, order_id: str) -> int:
    """Set the order's status from what its finished shipments hold; the items still to ship."""
    total = desk.conn.execute(
        "SELECT coalesce(sum(qty), 0) FROM order_lines WHERE order_id = ?", (order_id,)
    ).fetchone()[0]
    shipped = sum(shipped_before(desk, order_id).values())
    remaining = max(0, total - shipped)
    status = "shipped" if remaining == 0 else "partial" if shipped else "open"
    desk.conn.execute("UPDATE orders SET status = ? WHERE id = ?", (status, order_id))
    return remaining


class ShipFlow(PaperFlow):
    flow = Flow.SHIP
    counts_by_quantity = True

    def start(self, desk: Desk, order_id: str) -> Decision:
        order = desk.conn.execute(
            "SELECT id, dealer_id, status FROM orders WHERE id = ?", (order_id,)
        ).fetchone()
        if order is None:
            raise refuse(
                "ship.unknown_order",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "There is no order {order} at this station. Check the paper or sync.",
                ),
                order=order_id,
            )
        args: dict[str, Any] = {
            "order": order_id,
            "dealer": desk.names.dealer_name(order["dealer_id"]),
        }
        open_job = desk.conn.execute(
            "SELECT id FROM wh_jobs WHERE flow = 'ship' AND status = 'open' AND order_id = ?",
            (order_id,),
        ).fetchone()
        if open_job:
            desk.session.job_id = open_job[0]
            desk.touched = desk.jobs.get(open_job[0])
            return decide(
                Outcome.OK,
                "ship.resumed",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Order {order} for {dealer} continued: scan pallets, cases or items.",
                ),
                **args,
            )
        if order["status"] not in ("open", "partial"):
            raise refuse(
                "ship.order_closed",
                QT_TRANSLATE_NOOP(
                    "Decisions", "Order {order} for {dealer} is already shipped or closed."
                ),
                **args,
            )
        done = shipped_before(desk, order_id)
        lines = [
            (p, q - done.get(p, 0))
            for p, q in desk.conn.execute(
                "SELECT product_id, qty FROM order_lines WHERE order_id = ?", (order_id,)
            )
        ]
        if not any(q > 0 for _, q in lines):
            raise refuse(
                "ship.order_complete",
                QT_TRANSLATE_NOOP(
                    "Decisions", "Order {order} for {dealer} has nothing left to ship."
                ),
                **args,
            )
        job = desk.create_job(Flow.SHIP, order_id=order_id, dealer_id=order["dealer_id"])
        for product_id, remaining in lines:
            if remaining > 0:
                desk.jobs.set_line(job, product_id, remaining)
        desk.touched = job
        return decide(
            Outcome.OK,
            "ship.started",
            QT_TRANSLATE_NOOP(
                "Decisions", "Order {order} for {dealer}: scan pallets, cases or items."
            ),
            **args,
        )

    def job_for(self, desk: Desk, job: Job | None) -> Job:
        if job is None:
            raise refuse(
                "ship.no_order",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Choose an order first: scan the barcode on its picking list, or pick it on "
                    "the screen. Then scan the goods.",
                ),
            )
        desk.touched = job
        return job

    def scan(self, desk: Desk, job: Job | None, code: Code) -> Decision:
        job = self.job_for(desk, job)
        row = desk.codes.resolve(code)
        args: dict[str, Any] = {"code": label(row.key), "order": job.order_id or ""}
        if row.status == Status.SHIPPED:
            raise refuse(
                "ship.already_shipped",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} was already shipped to {dealer} (order {other}). It cannot ship twice: "
                    "set it aside and tell the supervisor.",
                ),
                dealer=desk.names.dealer_name(row.dealer_id) or "?",
                other=row.order_id or "?",
                **args,
            )
        if row.status == Status.ALLOCATED:
            if row.order_id == job.order_id:
                raise refuse(
                    "ship.duplicate",
                    QT_TRANSLATE_NOOP(
                        "Decisions", "{code} is already scanned for this order: counted once."
                    ),
                    **args,
                )
            raise refuse(
                "ship.held",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is held by open order {other}. Take it out of that order first, "
                    "or take other goods.",
                ),
                other=row.order_id or "?",
                **args,
            )
        if row.status == Status.QUARANTINE:
            raise refuse(
                "ship.quarantine",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} came back damaged or expired and must not be shipped. Set it aside.",
                ),
                **args,
            )
        if not row.known:
            raise refuse(
                "ship.unknown_code",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} was never received or registered at this station, so it is not "
                    "counted for order {order}. Set it aside and tell the supervisor, or sync "
                    "and scan it again.",
                ),
                **args,
            )
        desk.tree.expand(row.key)
        self._check_contents(desk, job, args)
        counts = desk.tree.items(row)
        self.check_counts(desk, job, counts, args)
        desk.tree.update(status=Status.ALLOCATED.value, order_id=job.order_id)
        old_parent = detach(desk, job, row)
        items = sum(counts.values())
        event = object_event(
            desk,
            job,
            "staging_outbound",
            "in_progress",
            [row.key],
            items=items,
            destinationList=dealer_parties(desk, job.dealer_id or "", "destination"),
            bizTransactionList=[{"type": "po", "bizTransaction": job.order_id}],
            unverified=not row.verified,
        )
        desk.jobs.record_scan(job, "stage", row, event, counts=counts, prev={"parent": old_parent})
        desk.jobs.add_counts(job, counts)
        lines = desk.jobs.lines(job)
        product_id = max(counts, key=lambda p: counts[p])
        expected, scanned = lines[product_id]
        args.update(
            items=items,
            product=desk.names.product_name(product_id),
            scanned=scanned,
            expected=expected if expected is not None else "-",
        )
        if all(e is not None and s >= e for e, s in lines.values()):
            return decide(
                Outcome.OK,  # nothing ships until FINISH: "done" is said then
                "ship.complete",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Everything on order {order} is scanned. Scan FINISH to record the shipment; "
                    "its delivery note is saved then.",
                ),
                event.seq,
                **args,
            )
        if not row.verified:
            return decide(
                Outcome.WARNING,
                "ship.unverified",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} was taken in here unverified; it is checked at sync. "
                    "{product}: {scanned} of the {expected} on this order.",
                ),
                event.seq,
                **args,
            )
        return decide(
            Outcome.OK,
            "ship.ok",
            PROGRESS[Flow.SHIP],
            event.seq,
            **args,
        )

    def check_counts(
        self, desk: Desk, job: Job, counts: dict[str, int], args: dict[str, Any]
    ) -> None:
        """Refuse a product the order does not have, or more than its line still needs."""
        lines = desk.jobs.lines(job)
        for product_id, n in counts.items():
            if product_id not in lines:
                raise refuse(
                    "ship.wrong_product",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} is {product}, which is not on order {order}. Set it aside.",
                    ),
                    product=desk.names.product_name(product_id),
                    **args,
                )
            expected, scanned = lines[product_id]
            if expected is not None and scanned + n > expected:
                raise refuse(
                    "ship.over",
                    QT_TRANSLATE_NOOP(  # English says one apart: "1 more is", not "are"
                        "Decisions",
                        "{code} holds {items} × {product}, but only 1 more is needed. "
                        "Scan a single item.",
                    )
                    if expected - scanned == 1
                    else QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} holds {items} × {product}, but only {remaining} more are needed. "
                        "Scan a smaller package or single items.",
                    ),
                    items=n,
                    product=desk.names.product_name(product_id),
                    remaining=expected - scanned,
                    **args,
                )

    @staticmethod
    def _check_contents(desk: Desk, job: Job, args: dict[str, Any]) -> None:
        for (status, order_id), n in desk.tree.states().items():
            if status == Status.SHIPPED:
                raise refuse(
                    "ship.partly_shipped",
                    QT_TRANSLATE_NOOP(  # English says one apart: "1 of the things ... was"
                        "Decisions",
                        "{code} was opened: 1 of the things in it was already shipped. "
                        "Scan what is still in it one by one.",
                    )
                    if n == 1
                    else QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} was opened: {count} of the things in it were already shipped. "
                        "Scan what is still in it one by one.",
                    ),
                    count=n,
                    **args,
                )
            if status == Status.ALLOCATED:
                if order_id == job.order_id:
                    raise refuse(
                        "ship.partly_scanned",
                        QT_TRANSLATE_NOOP(  # English says one apart: "1 of the things ... is"
                            "Decisions",
                            "1 of the things in {code} is already scanned for this order. "
                            "Undo it, or keep scanning single items.",
                        )
                        if n == 1
                        else QT_TRANSLATE_NOOP(
                            "Decisions",
                            "{count} of the things in {code} are already scanned for this order. "
                            "Undo those, or keep scanning single items.",
                        ),
                        count=n,
                        **args,
                    )
                raise refuse(
                    "ship.held",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} is held by open order {other}. Take it out of that order first, "
                        "or take other goods.",
                    ),
                    other=order_id or "?",
                    **args,
                )
            if status == Status.QUARANTINE:
                raise refuse(
                    "ship.quarantine",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} came back damaged or expired and must not be shipped. Set it aside.",
                    ),
                    **args,
                )

    def revert(self, desk: Desk, job: Job, scan: RecordedScan) -> tuple[Event, Decision]:
        desk.tree.expand(scan.key)
        desk.tree.update(status=Status.IN_STOCK.value, order_id=None)
        reattach(desk, job, scan.key, scan.prev.get("parent"), scan.event_id)
        return UNDONE.apply(
            desk,
            job,
            scan,
            {"bizTransactionList": [{"type": "po", "bizTransaction": job.order_id}]},
            order=job.order_id or "",
        )

    def cancel_line(self, desk: Desk, job: Job, product_id: str) -> tuple[list[Event], int]:
        """Take every scan holding ``product_id`` off the order (a mixed pallet comes off whole)."""
        events, items = [], 0
        for scan in desk.jobs.live_scans(job):
            if product_id in json.loads(scan["lines"]):
                event, _ = take_back(desk, self, job, scan)
                events.append(event)
                items += scan["qty"]
        return events, items

    def finish(self, desk: Desk, job: Job) -> Decision:
        scans = desk.jobs.live_scans(job)
        args: dict[str, Any] = {
            "order": job.order_id or "",
            "dealer": desk.names.dealer_name(job.dealer_id),
        }
        if not scans:
            desk.close_job(job, "finish", status="cancelled")
            return decide(
                Outcome.WARNING,
                "ship.nothing",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Nothing was scanned, so nothing was shipped. Order {order} stays open.",
                ),
                **args,
            )
        keys, classes = _contents(scans)
        items = sum(s["qty"] for s in scans)
        desk.conn.execute(
            f"WITH RECURSIVE {_SCANNED_TREE} UPDATE codes SET status = ?, dealer_id = ?,"
            " updated_at = ? WHERE key IN (SELECT key FROM t)",
            (job.id, Status.SHIPPED.value, job.dealer_id, desk.now),
        )
        desk.conn.execute(
            "DELETE FROM wh_code_locations WHERE key IN"
            " (SELECT key FROM wh_job_scans WHERE job_id = ? AND undone_seq IS NULL)",
            (job.id,),
        )
        event = object_event(
            desk,
            job,
            "shipping",
            "in_transit",
            keys,
            items=items,
            destinationList=dealer_parties(desk, job.dealer_id or "", "destination"),
            bizTransactionList=[{"type": "po", "bizTransaction": job.order_id}],
            **classes,
            **shipment_fields(job),
        )
        shortfall = desk.jobs.shortfall(job)
        if shortfall:  # the rest stays on the order: that is its backorder
            desk.jobs.record_shortfall(job, shortfall, job.order_id)
        desk.close_job(job, "finish")
        desk.jobs.update(job, closing_event=event.event_id)
        remaining = settle_order(desk, job.order_id or "")
        if remaining:
            return decide(
                Outcome.DONE,
                "ship.shipped_partial",
                SHIPPED_PARTIAL[items == 1, remaining == 1],
                event.seq,
                items=items,
                remaining=remaining,
                **args,
            )
        return decide(
            Outcome.DONE,
            "ship.shipped",
            QT_TRANSLATE_NOOP("Decisions", "Shipped 1 item to {dealer}: order {order} is complete.")
            if items == 1  # English says one item apart, not "1 items"
            else QT_TRANSLATE_NOOP(
                "Decisions", "Shipped {items} items to {dealer}: order {order} is complete."
            ),
            event.seq,
            items=items,
            **args,
        )

    def shortfall(self, desk: Desk, job: Job) -> dict[str, tuple[int, int]]:
        # with nothing scanned FINISH ships nothing and the order stays open: nothing to ask
        return desk.jobs.shortfall(job) if desk.jobs.live_scans(job) else {}

    def take_back_finish(self, desk: Desk, job: Job) -> Decision:
        """The shipment is voided: its goods are held for the order again, not shipped."""
        scans = desk.jobs.live_scans(job)
        keys, classes = _contents(scans)
        moved = desk.conn.execute(
            f"WITH RECURSIVE {_SCANNED_TREE} SELECT count(*) FROM codes"
            " WHERE key IN (SELECT key FROM t) AND (status != ? OR dealer_id IS NOT ?)",
            (job.id, Status.SHIPPED.value, job.dealer_id),
        ).fetchone()[0]
        if moved:
            raise refuse(
                "ship.unfinish_moved",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{count} of the shipped goods changed since (returned or shipped elsewhere), "
                    "so the shipment cannot be taken back. Take goods back under Returns.",
                ),
                count=moved,
            )
        desk.conn.execute(
            f"WITH RECURSIVE {_SCANNED_TREE} UPDATE codes SET status = ?, dealer_id = NULL,"
            " updated_at = ? WHERE key IN (SELECT key FROM t)",
            (job.id, Status.ALLOCATED.value, desk.now),
        )
        event = object_event(
            desk,
            job,
            "shipping",
            "in_progress",
            keys,
            items=sum(s["qty"] for s in scans),
            compensates=desk.jobs.closing_event(job),
            bizTransactionList=[{"type": "po", "bizTransaction": job.order_id}],
            **classes,
        )
        desk.jobs.update(job, status="open")  # so the order counts this shipment as not shipped
        remaining = settle_order(desk, job.order_id or "")
        return decide(
            Outcome.OK,
            "ship.unfinished",
            QT_TRANSLATE_NOOP(  # English says one item apart, not "1 items"
                "Decisions",
                "Shipment {job} is taken back: nothing of it is shipped, its goods stay held for "
                "order {order} (1 item open). Scan more, or FINISH again.",
            )
            if remaining == 1
            else QT_TRANSLATE_NOOP(
                "Decisions",
                "Shipment {job} is taken back: nothing of it is shipped, its goods stay held for "
                "order {order} ({remaining} items open). Scan more, or FINISH again.",
            ),
            event.seq,
            job=job.id,
            order=job.order_id or "",
            remaining=remaining,
        )


def _contents(scans: list[sqlite3.Row]) -> tuple[list[str], dict[str, Any]]:
    """What a shipment names: the codes scanned (``epcList``), and goods without a serial
    counted by product (a ``quantityList`` field, when there are any)."""
    keys = [s["key"] for s in reversed(scans) if s["kind"] != quantities.KIND]
    classes: dict[str, int] = {}
    for s in scans:
        if s["kind"] == quantities.KIND:
            classes[s["key"]] = classes.get(s["key"], 0) + s["qty"]
    if not classes:
        return keys, {}
    return keys, {
        "quantityList": [q for k, n in classes.items() for q in quantities.class_list(k, n)]
    }


# The packages a job's live scans name and everything packed in them (``?`` is the job id).
_SCANNED_TREE = (
    "t(key, depth) AS (SELECT key, 0 FROM wh_job_scans WHERE job_id = ? AND undone_seq IS NULL"
    " UNION ALL SELECT c.key, t.depth + 1 FROM codes c JOIN t ON c.parent_key = t.key"
    " WHERE t.depth < 4)"
)

# A partial shipment's message, by whether one item was shipped and whether one stays open:
# English names one apart ("1 items" read wrong); Chinese has one form.
SHIPPED_PARTIAL = {
    (True, True): QT_TRANSLATE_NOOP(
        "Decisions",
        "Shipped 1 item to {dealer} (order {order}). 1 item stays open for a later shipment.",
    ),
    (True, False): QT_TRANSLATE_NOOP(
        "Decisions",
        "Shipped 1 item to {dealer} (order {order}). {remaining} items stay open "
        "for a later shipment.",
    ),
    (False, True): QT_TRANSLATE_NOOP(
        "Decisions",
        "Shipped {items} items to {dealer} (order {order}). 1 item stays open "
        "for a later shipment.",
    ),
    (False, False): QT_TRANSLATE_NOOP(
        "Decisions",
        "Shipped {items} items to {dealer} (order {order}). {remaining} items stay open "
        "for a later shipment.",
    ),
}

UNDONE = Void(
    "staging_outbound",
    "sellable_accessible",
    "ship.undone",
    QT_TRANSLATE_NOOP(
        "Decisions",
        "Undone: {code} ({items} items) is off order {order}. Put it back in stock.",
    ),
    QT_TRANSLATE_NOOP(
        "Decisions", "Undone: {code} (1 item) is off order {order}. Put it back in stock."
    ),
)
