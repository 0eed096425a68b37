"""Settling a shipment the server refused, so the station agrees with the server again.

When two stations ship the same package, the server keeps the first shipment
and refuses the second whole (``code.already_shipped``). The losing station had
already closed its job and marked its order shipped; nothing it could scan
would change that (the order said "already shipped", UNDO had no open job).
Two actions settle it, each one transaction with a journal event saying why:

- take the disputed code out: the job's scans of it stop counting, the rest of
  the refused shipment is sent again as a new ``shipping`` event (the server
  accepts it: nobody else shipped those), and the order reopens for what the
  disputed code held. The code's own state is left to the pull, which brings
  the winner's shipment.
- reopen the order: the whole refused shipment is taken back here (a
  ``void_shipping`` naming it, which the server applies to nothing, since it
  never stood), its goods are in stock again and the order can be shipped anew.
"""

from __future__ import annotations

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store import journal
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide, label, refuse
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import DEFAULT_LOCATION, Flow, Status
from app.domain.workflows.warehouse.objects import dealer_parties, object_event
from app.domain.workflows.warehouse.ship import settle_order, shipment_fields

# What taking a code out says, by how many other packages are sent again (none, one, more)
# and whether the order is open for one item: English names one apart ("1 packages", "1 items"
# read wrong); Chinese has one form.
TAKEN_OUT = {
    (0, True): QT_TRANSLATE_NOOP(
        "Decisions",
        "{code} is out of shipment {job}; nothing else was in it. "
        "Order {order} is open for 1 item: ship it from other stock.",
    ),
    (0, False): QT_TRANSLATE_NOOP(
        "Decisions",
        "{code} is out of shipment {job}; nothing else was in it. "
        "Order {order} is open for {remaining} items: ship them from other stock.",
    ),
    (1, True): QT_TRANSLATE_NOOP(
        "Decisions",
        "{code} is out of shipment {job}; the other package is sent again. "
        "Order {order} is open for 1 item: ship it from other stock.",
    ),
    (1, False): QT_TRANSLATE_NOOP(
        "Decisions",
        "{code} is out of shipment {job}; the other package is sent again. "
        "Order {order} is open for {remaining} items: ship them from other stock.",
    ),
    (2, True): QT_TRANSLATE_NOOP(
        "Decisions",
        "{code} is out of shipment {job}; the other {count} packages are sent again. "
        "Order {order} is open for 1 item: ship it from other stock.",
    ),
    (2, False): QT_TRANSLATE_NOOP(
        "Decisions",
        "{code} is out of shipment {job}; the other {count} packages are sent again. "
        "Order {order} is open for {remaining} items: ship them from other stock.",
    ),
}


def _refused_shipment(desk: Desk, event_id: str) -> tuple[journal.Event, Job]:
    event = journal.get(desk.conn, event_id)
    job = desk.jobs.get(str(event.payload.get("yima:job") or "")) if event else None
    if (
        event is None
        or job is None
        or job.flow != Flow.SHIP
        or event.payload.get("bizStep") != "shipping"
    ):
        raise refuse(
            "wh.not_a_shipment",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "This issue is not about a shipment made at this station, so there is nothing "
                "to take back here. Mark it handled once the goods are checked.",
            ),
        )
    if job.status != "done":
        raise refuse(
            "wh.shipment_settled",
            QT_TRANSLATE_NOOP(
                "Decisions", "Shipment {job} was already settled here. Mark the issue handled."
            ),
            job=job.id,
        )
    return event, job


def _keys(event: journal.Event) -> list[str]:
    return [k for k in event.payload.get("epcList") or [] if isinstance(k, str)]


def _drop_scans(desk: Desk, job: Job, keys: list[str] | None, seq: int) -> int:
    """The job's scans of ``keys`` (None: all) stop counting, taken back by event ``seq``;
    the order's status follows. Returns the items the order still needs."""
    for row in desk.jobs.live_scans(job):
        if keys is None or row["key"] in keys:
            desk.jobs.add_counts(job, RecordedScan.of(row).counts, -1)
            desk.jobs.mark_undone(row["id"], seq)
    desk.touched = job
    return settle_order(desk, job.order_id or "")


def take_out(desk: Desk, event_id: str, disputed: list[str]) -> Decision:
    """Take ``disputed`` out of the refused shipment ``event_id`` and send the rest again."""
    event, job = _refused_shipment(desk, event_id)
    keys = _keys(event)
    out = [k for k in keys if k in disputed]
    if not out:
        raise refuse(
            "wh.code_not_in_shipment",
            QT_TRANSLATE_NOOP(
                "Decisions", "{code} is not in this shipment. Mark the issue handled instead."
            ),
            code=label(disputed[0]) if disputed else "?",
        )
    rest = [k for k in keys if k not in out]
    scans = [s for s in desk.jobs.live_scans(job) if s["key"] in rest]
    items = sum(s["qty"] for s in scans)
    settled = (
        object_event(
            desk,
            job,
            "shipping",
            "in_transit",
            rest,
            items=items,
            destinationList=dealer_parties(desk, job.dealer_id or "", "destination"),
            bizTransactionList=[{"type": "po", "bizTransaction": job.order_id}],
            **shipment_fields(job) | {"yima:resends": event_id},
        )
        if rest
        else None
    )
    remaining = _drop_scans(desk, job, out, settled.seq if settled else event.seq)
    return decide(
        Outcome.OK,
        "wh.taken_out",
        TAKEN_OUT[min(len(rest), 2), remaining == 1],
        settled.seq if settled else None,
        code=", ".join(label(k) for k in out),
        job=job.id,
        count=len(rest),
        order=job.order_id or "",
        remaining=remaining,
    )


def reopen(desk: Desk, event_id: str) -> Decision:
    """Take the whole refused shipment back here, so its order can be shipped again."""
    event, job = _refused_shipment(desk, event_id)
    keys = _keys(event)
    voided = object_event(
        desk,
        job,
        "shipping",
        "sellable_accessible",
        keys,
        items=sum(s["qty"] for s in desk.jobs.live_scans(job)),
        compensates=event_id,
        bizTransactionList=[{"type": "po", "bizTransaction": job.order_id}],
    )
    for key in keys:
        # only what this station still has as shipped by this shipment: a code the pull
        # already showed shipped by the other station keeps the server's state
        desk.tree.expand(key)
        restored = desk.conn.execute(
            "UPDATE codes SET status = ?, dealer_id = NULL, order_id = NULL, updated_at = ?"
            " WHERE key IN (SELECT key FROM temp.wh_tree) AND status = ? AND dealer_id IS ?"
            " AND order_id IS ?",
            (Status.IN_STOCK.value, desk.now, Status.SHIPPED.value, job.dealer_id, job.order_id),
        ).rowcount
        if restored:
            desk.codes.place(key, DEFAULT_LOCATION)
    job = desk.jobs.update(job, status="cancelled", closed_by="refused")
    remaining = _drop_scans(desk, job, None, voided.seq)
    return decide(
        Outcome.OK,
        "wh.shipment_reopened",
        QT_TRANSLATE_NOOP(  # English says one item apart, not "1 items"
            "Decisions",
            "Shipment {job} is taken back: its goods are in stock again. Order {order} is open "
            "for 1 item: choose it and ship again.",
        )
        if remaining == 1
        else QT_TRANSLATE_NOOP(
            "Decisions",
            "Shipment {job} is taken back: its goods are in stock again. Order {order} is open "
            "for {remaining} items: choose it and ship again.",
        ),
        voided.seq,
        job=job.id,
        order=job.order_id or "",
        remaining=remaining,
    )
