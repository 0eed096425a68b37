"""Unpacking (拆箱): take one thing out of its package, or empty a whole case or pallet.

Scanning an item (or anything packed) takes it out of its parent at once: one
AggregationEvent DELETE. Scanning a package that holds things opens it: the
next scan of something inside takes that out of it, and a second scan of the
package label (or CONFIRM) empties it in one event. Undo puts back what the
last scan took out, with an ADD.
"""

from __future__ import annotations

from app.domain.codes.model import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide, label, refuse
from app.domain.workflows.warehouse.codes import CodeRow
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.flow import NOTHING_TO_CONFIRM, CountingFlow
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import Flow
from app.domain.workflows.warehouse.pack import aggregation, check_not_held


class UnpackFlow(CountingFlow):
    flow = Flow.UNPACK
    cancel_reverts = False  # what was taken out is physically out; cancel only ends the job
    finished = (
        "unpack.finished",
        QT_TRANSLATE_NOOP("Decisions", "Unpacking finished: {count} taken out."),
    )

    def _job(self, desk: Desk, job: Job | None) -> Job:
        job = job or desk.create_job(Flow.UNPACK, unit="item")
        desk.touched = job
        return job

    def scan(self, desk: Desk, job: Job | None, code: Code) -> Decision:
        row = desk.codes.resolve(code, allow_unknown=False)
        check_not_held(row)
        opened = desk.session.pending_key if desk.session.pending == "unpack_all" else None
        if opened and row.parent_key == opened:
            return self._take_out(desk, self._job(desk, job), row)  # the package stays open
        desk.set_pending(None)
        count = desk.codes.children_count(row.key)
        if count:
            job = self._job(desk, job)
            desk.set_pending("unpack_all", row.key)
            desk.jobs.update(job, parent_key=row.key)
            return decide(
                Outcome.OK,
                "unpack.opened",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} holds {count}. Scan its label again (or CONFIRM) to empty it, "
                    "or scan single things to take them out.",
                ),
                code=label(row.key),
                count=count,
            )
        if row.parent_key:
            return self._take_out(desk, self._job(desk, job), row)
        raise refuse(
            "unpack.not_packed",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "{code} is not packed in anything and holds nothing: nothing to unpack.",
            ),
            code=label(row.key),
        )

    def _take_out(self, desk: Desk, job: Job, row: CodeRow) -> Decision:
        parent = row.parent_key or ""
        event = aggregation(desk, job, "DELETE", parent, [row.key])
        desk.codes.set_parent(row.key, None)
        desk.jobs.record_scan(
            job,
            "remove",
            row,
            event,
            counts={row.product_id or "": 1},
            prev={"parent": parent, "children": [row.key]},
        )
        desk.jobs.add_counts(job, {row.product_id or "": 1})
        left = desk.codes.children_count(parent)
        return decide(
            Outcome.OK,
            "unpack.taken_out",
            QT_TRANSLATE_NOOP("Decisions", "{code} taken out of {parent}; {left} left in it."),
            event.seq,
            code=label(row.key),
            parent=label(parent),
            left=left,
        )

    def confirm(self, desk: Desk, job: Job | None) -> Decision:
        key = desk.session.pending_key
        desk.set_pending(None)
        row = desk.codes.lookup(key) if key else None
        if row is None:
            return decide(Outcome.WARNING, "wh.nothing_to_confirm", NOTHING_TO_CONFIRM)
        job = self._job(desk, job)
        children = desk.codes.children(row.key)
        if not children:
            return decide(Outcome.WARNING, "wh.nothing_to_confirm", NOTHING_TO_CONFIRM)
        event = aggregation(desk, job, "DELETE", row.key, children)
        desk.conn.execute(
            "UPDATE codes SET parent_key = NULL, updated_at = ? WHERE parent_key = ?",
            (desk.now, row.key),
        )
        desk.jobs.record_scan(
            job,
            "unpack_all",
            row,
            event,
            counts={row.product_id or "": len(children)},
            prev={"parent": row.key, "children": children},
        )
        desk.jobs.add_counts(job, {row.product_id or "": len(children)})
        return decide(
            Outcome.DONE,
            "unpack.emptied",
            QT_TRANSLATE_NOOP(
                "Decisions", "{code} is empty: {count} taken out. Scan the next one."
            ),
            event.seq,
            code=label(row.key),
            count=len(children),
        )

    def revert(self, desk: Desk, job: Job, scan: RecordedScan) -> tuple[Event, Decision]:
        parent, children = scan.prev["parent"], scan.prev["children"]
        event = aggregation(
            desk, job, "ADD", parent, children, **{"yima:compensates": scan.event_id}
        )
        desk.conn.executemany(
            "UPDATE codes SET parent_key = ?, updated_at = ? WHERE key = ?",
            [(parent, desk.now, child) for child in children],
        )
        desk.jobs.add_counts(job, scan.counts, -1)
        return event, decide(
            Outcome.OK,
            "unpack.undone",
            QT_TRANSLATE_NOOP(
                "Decisions", "Undone: 1 back in {parent}. Put it back in the package."
            )
            if len(children) == 1  # English says one apart, not "Put them back"
            else QT_TRANSLATE_NOOP(
                "Decisions", "Undone: {count} back in {parent}. Put them back in the package."
            ),
            event.seq,
            parent=label(parent),
            count=len(children),
        )
