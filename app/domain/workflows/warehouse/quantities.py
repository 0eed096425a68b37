"""Goods without a serial: scan the product's shop barcode (EAN), then how many.

Cartons of accessories carry no unique code, only the product's GTIN. On the
flows where counting them makes sense (receive, ship, stocktake, returns) the
product barcode asks for a quantity; the next scan or typed number answers it.
The count goes into the job's lines like any package, and the event is an EPCIS
class-level ObjectEvent: no ``epcList``, a ``quantityList`` naming the product
class and how many. No code changes state: there is no code to change.
"""

from __future__ import annotations

from typing import Any

from app.domain.codes.model import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide, refuse
from app.domain.workflows.warehouse.codes import CodeRow
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import PROGRESS, Flow
from app.domain.workflows.warehouse.objects import object_event

MAX_QUANTITY = 99_999  # a bigger number is a barcode scanned by mistake, not a count
PENDING = "quantity"
KIND = "quantity"  # wh_job_scans.kind of a counted quantity
STEPS = {  # bizStep and disposition of a counted quantity, per flow
    Flow.RECEIVE: ("receiving", "sellable_not_accessible"),
    Flow.SHIP: ("staging_outbound", "in_progress"),
    Flow.STOCKTAKE: ("cycle_counting", "sellable_accessible"),
    Flow.RETURN: ("returning", "returned"),
}


def parse_quantity(text: str) -> int | None:
    """A count typed or scanned as a plain number, or None."""
    text = text.strip()
    if not text.isdigit() or len(text) > len(str(MAX_QUANTITY)):
        return None
    n = int(text)
    return n if 0 < n <= MAX_QUANTITY else None


def ask(desk: Desk, code: Code) -> Decision:
    """A product barcode: remember the product and ask how many."""
    product_id = desk.codes.product_by_gtin(code.gtin)
    if product_id is None:
        raise refuse(
            "wh.unknown_product_barcode",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "The product barcode {gtin} is not a product of this station. Check the carton, "
                "or sync and try again.",
            ),
            gtin=code.gtin or code.raw,
        )
    desk.set_pending(PENDING, code.key)
    return decide(
        Outcome.OK,
        "wh.quantity_asked",
        QT_TRANSLATE_NOOP(
            "Decisions", "{product} has no serial: type or scan how many, then Enter."
        ),
        product=desk.names.product_name(product_id),
    )


def class_list(key: str, n: int) -> list[dict[str, Any]]:
    """An EPCIS ``quantityList`` for ``n`` of the product class ``key`` (``gtin:…``)."""
    return [{"epcClass": key, "quantity": n, "uom": "EA"}]


def count(desk: Desk, flow: Flow, job: Job, n: int) -> tuple[Event, dict[str, int], str]:
    """Record ``n`` of the product asked for in ``job``; the event, counts and product."""
    key = desk.session.pending_key or ""
    desk.set_pending(None)
    product_id = desk.codes.product_by_gtin(key.removeprefix("gtin:")) or ""
    step, disposition = STEPS[flow]
    event = object_event(desk, job, step, disposition, [], items=n, quantityList=class_list(key, n))
    counts = {product_id: n}
    row = CodeRow(key, "product", product_id, None, "", None, None, 1)
    desk.jobs.record_scan(job, KIND, row, event, counts=counts, prev={"bizStep": step})
    desk.jobs.add_counts(job, counts)
    return event, counts, product_id


def void(desk: Desk, job: Job, scan: RecordedScan) -> tuple[Event, Decision]:
    """Undo a counted quantity: the lines go down, a ``void_`` event names the count's."""
    desk.jobs.add_counts(job, scan.counts, -1)
    step = scan.prev.get("bizStep") or STEPS[job.flow][0]
    event = object_event(
        desk,
        job,
        step,
        STEPS[job.flow][1],
        [],
        items=scan.items,
        compensates=scan.event_id,
        quantityList=class_list(scan.key, scan.items),
    )
    product_id = next(iter(scan.counts), "")
    return event, decide(
        Outcome.OK,
        "wh.quantity_undone",
        QT_TRANSLATE_NOOP("Decisions", "Undone: 1 × {product} is not counted.")
        if scan.items == 1  # English says one apart, not "1 × … are"
        else QT_TRANSLATE_NOOP("Decisions", "Undone: {items} × {product} are not counted."),
        event.seq,
        items=scan.items,
        product=desk.names.product_name(product_id),
    )


def counted(desk: Desk, job: Job, counts: dict[str, int], seq: int) -> Decision:
    """The answer to a counted quantity: how far the product's line is, in the same words
    as a scanned package on an order or delivery."""
    product_id, n = next(iter(counts.items()))
    expected, scanned = desk.jobs.lines(job)[product_id]
    counted_of = QT_TRANSLATE_NOOP(
        "Decisions", "{items} × {product} counted: {scanned} of {expected}."
    )
    return decide(
        Outcome.OK,
        "wh.quantity_counted",
        PROGRESS.get(job.flow, counted_of) if expected is not None else counted_of,
        seq,
        items=n,
        product=desk.names.product_name(product_id),
        scanned=scanned,
        expected=expected if expected is not None else "-",
    )
