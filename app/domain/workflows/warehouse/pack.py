"""Packing (装箱/组垛): a case or pallet label first, then what goes into it, until it is full.

The pack size comes from the product: items per case, cases per pallet. Each
child is one AggregationEvent ADD; the scan that fills the parent closes the
job with the job-complete sound, and the next parent label starts the next job,
so a worker packs carton after carton without touching anything but the gun.
A child already in another package is refused with an offer: scanning it again
(or CONFIRM) moves it deliberately, recorded as DELETE from the old parent and
ADD to the new one.
"""

from __future__ import annotations

from typing import Any

from app.domain.codes.model import Code, Level
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide, label, refuse
from app.domain.workflows.warehouse.codes import CodeRow
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.flow import NOTHING_TO_CONFIRM, FlowBase
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import Flow, Status

VERIFY_LABEL = "verify_label"  # pending: the new label of a closed package is to be scanned back
CHILD_LEVEL = {Level.CASE.value: Level.ITEM.value, Level.PALLET.value: Level.CASE.value}


def aggregation(
    desk: Desk, job: Job, action: str, parent: str, children: list[str], **extra: Any
) -> Event:
    payload = {
        "action": action,
        "bizStep": "packing" if action == "ADD" else "unpacking",
        "disposition": "in_progress",
        "parentID": parent,
        "childEPCs": children,
        "readPoint": desk.actor.station,
        "yima:job": job.id,
        **extra,
    }
    return desk.emit("AggregationEvent", payload)


def detach(desk: Desk, job: Job, row: CodeRow) -> str | None:
    """Take a package out of the one it was in, as it physically leaves it (picked, returned alone)."""
    if not row.parent_key:
        return None
    aggregation(desk, job, "DELETE", row.parent_key, [row.key])
    desk.codes.set_parent(row.key, None)
    return row.parent_key


def reattach(desk: Desk, job: Job, key: str, parent: str | None, compensates: str | None) -> None:
    if parent:
        aggregation(desk, job, "ADD", parent, [key], **{"yima:compensates": compensates})
        desk.codes.set_parent(key, parent)


def check_not_held(row: CodeRow) -> None:
    """A code on its way out (or already gone) cannot be packed or unpacked here."""
    if row.status == Status.SHIPPED:
        raise refuse(
            "wh.shipped",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "{code} was already shipped, so it cannot be packed or unpacked here. "
                "Set it aside and tell the supervisor.",
            ),
            code=label(row.key),
        )
    if row.status == Status.ALLOCATED:
        raise refuse(
            "wh.held",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "{code} is already scanned into open order {order}. Take it out of that order "
                "first (undo or cancel its line).",
            ),
            code=label(row.key),
            order=row.order_id or "?",
        )


class PackFlow(FlowBase):
    flow = Flow.PACK

    def scan(self, desk: Desk, job: Job | None, code: Code) -> Decision:
        if job is None:
            return self._start(desk, code)
        return self._child(desk, job, code)

    # --- the parent ----------------------------------------------------------------------

    def _start(self, desk: Desk, code: Code) -> Decision:
        row = desk.codes.resolve(code)
        if row.level not in CHILD_LEVEL:
            raise refuse(
                "pack.need_parent",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Scan the case or pallet label first, then what goes into it. "
                    "{code} is a single item.",
                ),
                code=label(row.key),
            )
        if row.status == Status.SHIPPED:
            raise refuse(
                "pack.parent_shipped",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} was already shipped, so nothing can be packed into it. "
                    "Take another label.",
                ),
                code=label(row.key),
            )
        check_not_held(row)
        capacity = self._capacity(desk, row.level, row.product_id)
        count = desk.codes.children_count(row.key) if row.known else 0
        if capacity and count >= capacity:
            raise refuse(
                "pack.parent_full",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is already full ({count} of {capacity}). Scan the next empty label, "
                    "or switch to Unpack to take things out.",
                ),
                code=label(row.key),
                count=count,
                capacity=capacity,
            )
        job = desk.create_job(
            Flow.PACK,
            unit=CHILD_LEVEL[row.level],
            parent_key=row.key,
            product_id=row.product_id,
            capacity=capacity,
        )
        desk.jobs.set_line(job, row.product_id or "", capacity, count)
        desk.touched = job
        args: dict[str, Any] = {"code": label(row.key), "count": count, "capacity": capacity or "?"}
        if not row.known:
            return decide(
                Outcome.WARNING,
                "pack.parent_unverified",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "New label {code} is not known to this station yet; it will be checked at "
                    "sync. Now scan what goes into it.",
                ),
                **args,
            )
        if row.level == Level.PALLET:
            return decide(
                Outcome.OK,
                "pack.pallet_started",
                QT_TRANSLATE_NOOP(
                    "Decisions", "Pallet {code}: {count} of {capacity} cases. Scan the cases."
                ),
                **args,
            )
        return decide(
            Outcome.OK,
            "pack.case_started",
            QT_TRANSLATE_NOOP(
                "Decisions", "Case {code}: {count} of {capacity} items. Scan the items."
            ),
            **args,
        )

    @staticmethod
    def _capacity(desk: Desk, level: str, product_id: str | None) -> int | None:
        product = desk.names.product(product_id)
        if product is None:
            return None
        return product["items_per_case"] if level == Level.CASE else product["cases_per_pallet"]

    # --- the children ----------------------------------------------------------------------

    def _child(self, desk: Desk, job: Job, code: Code) -> Decision:
        desk.touched = job
        row = desk.codes.resolve(code)
        parent = job.parent_key or ""
        args: dict[str, Any] = {"code": label(row.key), "parent": label(parent)}
        if row.key == parent:
            raise refuse(
                "pack.same_as_parent",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "This is the label of {parent}, which you are packing. "
                    "Scan what goes into it, or FINISH.",
                ),
                **args,
            )
        if row.level != job.unit:
            if job.unit == Level.ITEM:
                message = QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is a case or pallet label: only single items go into case {parent}. "
                    "Scan an item, or FINISH to close this case.",
                )
            else:
                message = QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is not a case label: only cases go onto pallet {parent}. "
                    "Scan a case, or FINISH to close this pallet.",
                )
            raise refuse("pack.level_mismatch", message, **args)
        check_not_held(row)
        if row.status == Status.QUARANTINE:
            raise refuse(
                "pack.quarantine",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} came back damaged or expired and must not be packed. Set it aside.",
                ),
                **args,
            )
        if row.parent_key == parent:
            raise refuse(
                "pack.duplicate",
                QT_TRANSLATE_NOOP(
                    "Decisions", "{code} is already in {parent}: counted once. Scan the next one."
                ),
                **args,
            )
        product_id = job.product_id
        if row.product_id and product_id and row.product_id != product_id and not desk.allow_mix:
            raise refuse(
                "pack.product_mix",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is {product}, but {parent} holds {expected}. Do not mix products: "
                    "set this one aside.",
                ),
                product=desk.names.product_name(row.product_id),
                expected=desk.names.product_name(product_id),
                **args,
            )
        count = desk.codes.children_count(parent)
        if job.capacity and count >= job.capacity:
            raise refuse(
                "pack.parent_full",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is already full ({count} of {capacity}). Scan the next empty label, "
                    "or switch to Unpack to take things out.",
                ),
                code=label(parent),
                count=count,
                capacity=job.capacity,
            )
        if row.parent_key:
            armed = desk.session.pending == "move_armed"
            if not armed:
                desk.set_pending("move", row.key)
                raise refuse(
                    "pack.in_other_parent",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} is already in {other}. To move it into {parent}, scan it again "
                        "(or scan CONFIRM). Otherwise scan the next one.",
                    ),
                    other=label(row.parent_key),
                    **args,
                )
        return self._add(desk, job, row, count)

    def confirm(self, desk: Desk, job: Job | None) -> Decision:
        """The second scan (or CONFIRM) of a child offered for a move."""
        key = desk.session.pending_key
        desk.set_pending(None)
        if job is None or key is None:
            return decide(Outcome.WARNING, "wh.nothing_to_confirm", NOTHING_TO_CONFIRM)
        desk.touched = job
        row = desk.codes.lookup(key)
        if row is None or row.parent_key in (None, job.parent_key):
            return decide(Outcome.WARNING, "wh.nothing_to_confirm", NOTHING_TO_CONFIRM)
        desk.set_pending("move_armed")
        count = desk.codes.children_count(job.parent_key or "")
        return self._add(desk, job, row, count)

    def _add(self, desk: Desk, job: Job, row: CodeRow, count: int) -> Decision:
        parent = job.parent_key or ""
        desk.set_pending(None)
        if job.product_id is None and row.product_id:
            capacity = self._capacity(desk, CHILD_PARENT[job.unit], row.product_id)
            desk.conn.execute("DELETE FROM wh_job_lines WHERE job_id = ?", (job.id,))
            job = desk.jobs.update(job, product_id=row.product_id, capacity=capacity)
            desk.jobs.set_line(job, row.product_id, capacity, count)
        if desk.codes.lookup(parent) is None:
            level = CHILD_PARENT[job.unit]
            desk.codes.insert(
                CodeRow(parent, level, job.product_id, None, "new", None, None, 0, False),
                Status.IN_STOCK if row.status == Status.IN_STOCK else Status.KNOWN,
            )
        if not row.known:
            row = desk.codes.insert(row, Status.KNOWN, product_id=row.product_id or job.product_id)
        old_parent = row.parent_key
        if old_parent:
            aggregation(desk, job, "DELETE", old_parent, [row.key], **{"yima:move": True})
        desk.codes.set_parent(row.key, parent)
        event = aggregation(desk, job, "ADD", parent, [row.key])
        line_product = job.product_id or ""
        desk.jobs.record_scan(
            job,
            "move" if old_parent else "add",
            row,
            event,
            counts={line_product: 1},
            prev={"parent": old_parent},
        )
        desk.jobs.add_counts(job, {line_product: 1})
        count += 1
        args: dict[str, Any] = {
            "code": label(row.key),
            "parent": label(parent),
            "count": count,
            "capacity": job.capacity or "?",
        }
        if job.capacity and count >= job.capacity:
            desk.close_job(job, "full")
            if ask_label_back(desk, job):
                message = QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{parent} is full ({count} of {capacity}). Its label is printing: stick it on "
                    "and scan it to check it.",
                )
            else:
                message = QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{parent} is full ({count} of {capacity}). Close it and scan the next label.",
                )
            return decide(Outcome.DONE, "pack.full", message, event.seq, **args)
        if old_parent:
            return decide(
                Outcome.OK,
                "pack.moved",
                QT_TRANSLATE_NOOP(
                    "Decisions", "Moved {code} from {other} into {parent}: {count} of {capacity}."
                ),
                event.seq,
                other=label(old_parent),
                **args,
            )
        if not row.verified:
            return decide(
                Outcome.WARNING,
                "pack.added_unverified",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is not known to this station; packed as unverified, to be checked at "
                    "sync. {count} of {capacity}.",
                ),
                event.seq,
                **args,
            )
        return decide(
            Outcome.OK,
            "pack.added",
            QT_TRANSLATE_NOOP("Decisions", "{count} of {capacity} in {parent}."),
            event.seq,
            **args,
        )

    # --- undo, finish ------------------------------------------------------------------------

    def revert(self, desk: Desk, job: Job, scan: RecordedScan) -> tuple[Event, Decision]:
        parent = job.parent_key or ""
        old_parent = scan.prev.get("parent")
        voids = {"yima:compensates": scan.event_id}
        event = aggregation(desk, job, "DELETE", parent, [scan.key], **voids)
        if old_parent:
            aggregation(desk, job, "ADD", old_parent, [scan.key], **voids)
        desk.codes.set_parent(scan.key, old_parent)
        desk.jobs.add_counts(job, scan.counts, -1)
        count = desk.codes.children_count(parent)
        args: dict[str, Any] = {
            "code": label(scan.key),
            "parent": label(parent),
            "count": count,
            "capacity": job.capacity or "?",
        }
        if old_parent:
            return event, decide(
                Outcome.OK,
                "pack.undone_move",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Undone: {code} goes back into {other}. Put it back there. {parent}: {count} of {capacity}.",
                ),
                event.seq,
                other=label(old_parent),
                **args,
            )
        return event, decide(
            Outcome.OK,
            "pack.undone",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "Undone: {code} is out of {parent} again. Take it out. {count} of {capacity}.",
            ),
            event.seq,
            **args,
        )

    def finish(self, desk: Desk, job: Job) -> Decision:
        count = desk.codes.children_count(job.parent_key or "")
        desk.close_job(job, "finish")
        if ask_label_back(desk, job):
            message = QT_TRANSLATE_NOOP(
                "Decisions",
                "{parent} closed with {count} of {capacity}. Its label is printing: stick it on "
                "and scan it to check it.",
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "Decisions", "{parent} closed with {count} of {capacity}. Scan the next label."
            )
        return decide(
            Outcome.DONE,
            "pack.finished",
            message,
            parent=label(job.parent_key or ""),
            count=count,
            capacity=job.capacity or "?",
        )

    def reopenable(self, desk: Desk) -> Job | None:
        """The case this station just filled, so UNDO right after the full sound still works."""
        row = desk.conn.execute(
            "SELECT id, closed_by FROM wh_jobs WHERE flow = 'pack' AND station = ?"
            " ORDER BY created_at DESC LIMIT 1",
            (desk.actor.station,),
        ).fetchone()
        if row is None or row[1] != "full":
            return None
        return desk.jobs.get(row[0])


CHILD_PARENT = {child: parent for parent, child in CHILD_LEVEL.items()}


# --- print-and-verify: the label just printed is scanned back before the station goes on -----


def ask_label_back(desk: Desk, job: Job) -> bool:
    """After a package closes, wait for its printed label when its level is checked (a roll
    out of step, or a label stuck on the wrong case, is found here and not at the customer)."""
    if CHILD_PARENT.get(job.unit) not in desk.verify_labels or not job.parent_key:
        return False
    desk.set_pending(VERIFY_LABEL, job.parent_key)
    return True


def label_job(desk: Desk) -> Job | None:
    """The closed pack job whose label is awaited (for the page's view and for a reprint)."""
    job = desk.jobs.latest_closed(Flow.PACK, desk.actor.station)
    return job if job is not None and job.parent_key == desk.session.pending_key else None


def verify_label(desk: Desk, code: Code) -> Decision:
    """The scan while a label is awaited: the label itself ends the wait; anything else is
    refused, so nothing is packed against a label nobody has seen come out of the printer."""
    key = desk.session.pending_key or ""
    desk.touched = label_job(desk)
    if code.key == key:
        desk.set_pending(None)
        return decide(
            Outcome.OK,
            "pack.label_verified",
            QT_TRANSLATE_NOOP(
                "Decisions", "Label {parent} checked: it is the right one. Scan the next label."
            ),
            parent=label(key),
        )
    raise refuse(
        "pack.verify_label",
        QT_TRANSLATE_NOOP(
            "Decisions",
            "Scan the label just printed ({parent}); {code} is not it. No label came out? "
            "Press Ctrl+P or scan REPRINT to print it again.",
        ),
        parent=label(key),
        code=label(code.key) if code.key else code.raw,
    )


def reprint(desk: Desk) -> Decision:
    """REPRINT: the page prints the awaited (or the last closed) package's label again."""
    job = label_job(desk) if desk.session.pending == VERIFY_LABEL else None
    job = job or desk.jobs.latest_closed(Flow.PACK, desk.actor.station)
    if job is None or not job.parent_key:
        return decide(
            Outcome.WARNING,
            "pack.nothing_to_reprint",
            QT_TRANSLATE_NOOP(
                "Decisions", "No case or pallet was closed here yet, so there is no label to print."
            ),
        )
    desk.touched = job
    return decide(
        Outcome.OK,
        "pack.reprint",
        QT_TRANSLATE_NOOP(
            "Decisions", "Printing the label of {parent} again. Scan it when it comes out."
        ),
        parent=label(job.parent_key),
    )


def skip_label_check(desk: Desk) -> Decision:
    """CANCEL while a label is awaited: go on without the check (the printer is broken)."""
    key = desk.session.pending_key or ""
    desk.touched = label_job(desk)
    desk.set_pending(None)
    return decide(
        Outcome.WARNING,
        "pack.label_check_skipped",
        QT_TRANSLATE_NOOP(
            "Decisions",
            "The label of {parent} was not checked. Make sure the right label is on it before "
            "it leaves.",
        ),
        parent=label(key),
    )
