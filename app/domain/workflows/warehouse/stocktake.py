"""Stocktake (盘点): count everything in one location and compare with what the station believes.

Each scan is a ``cycle_counting`` ObjectEvent for the package scanned (all it
contains is counted) and puts that package at this location. What the station
expected here is every in-stock package placed at the location (for the main
store, also stock never given a location). The differences (missing, found
here but expected elsewhere or not at all) come from ``reports.stocktake_report``.
"""

from __future__ import annotations

from typing import Any

from app.domain.codes.model import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide, label, refuse
from app.domain.workflows.warehouse.codes import CodeRow
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.flow import FlowBase
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import DEFAULT_LOCATION, Flow, Status
from app.domain.workflows.warehouse.objects import object_event
from app.domain.workflows.warehouse.receive import check_location
from app.domain.workflows.warehouse.reports import expected_at_location, stocktake_counts
from app.domain.workflows.warehouse.undo import Void


class StocktakeFlow(FlowBase):
    flow = Flow.STOCKTAKE
    counts_by_quantity = True

    def start(self, desk: Desk, location_id: str | None = None) -> Decision:
        location_id = check_location(desk, location_id)
        job = desk.create_job(Flow.STOCKTAKE, location_id=location_id)
        for product_id, n in expected_at_location(desk.conn, location_id).items():
            desk.jobs.set_line(job, product_id, n)
        desk.touched = job
        return decide(
            Outcome.OK,
            "stocktake.started",
            QT_TRANSLATE_NOOP("Decisions", "Stocktake of {location}: scan everything there."),
            location=desk.names.location_name(location_id),
        )

    def scan(self, desk: Desk, job: Job | None, code: Code) -> Decision:
        job = self.job_for(desk, job)
        row = desk.codes.resolve(code)
        args: dict[str, Any] = {
            "code": label(row.key),
            "location": desk.names.location_name(job.location_id),
        }
        if row.known:
            if desk.jobs.scanned_in_job(job, [row.key, *desk.codes.ancestors(row)]):
                raise refuse(
                    "stocktake.duplicate",
                    QT_TRANSLATE_NOOP("Decisions", "{code} is already counted: counted once."),
                    **args,
                )
            desk.tree.expand(row.key)
            overlap = desk.conn.execute(
                "SELECT count(*) FROM wh_job_scans s JOIN temp.wh_tree t ON t.key = s.key"
                " WHERE s.job_id = ? AND s.undone_seq IS NULL",
                (job.id,),
            ).fetchone()[0]
            if overlap:
                raise refuse(
                    "stocktake.partly_counted",
                    QT_TRANSLATE_NOOP(  # English says one apart: "1 of the things ... is"
                        "Decisions",
                        "1 of the things in {code} is already counted on its own. "
                        "Keep counting them one by one, or undo that one first.",
                    )
                    if overlap == 1
                    else QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{count} of the things in {code} are already counted one by one. "
                        "Keep counting them one by one, or undo those first.",
                    ),
                    count=overlap,
                    **args,
                )
            counts = desk.tree.items(row)
        else:
            row = desk.codes.insert(row, Status.IN_STOCK)
            counts = {row.product_id or "": desk.tree.nominal_items(row.level, row.product_id)}
        located = desk.conn.execute(
            "SELECT location_id FROM wh_code_locations WHERE key = ?", (row.key,)
        ).fetchone()
        believed = self._believed_location(desk, row)
        event = object_event(
            desk,
            job,
            "cycle_counting",
            "sellable_accessible",
            [row.key],
            items=sum(counts.values()),
            unverified=not row.verified,
        )
        desk.codes.place(row.key, job.location_id or DEFAULT_LOCATION)
        desk.jobs.record_scan(
            job,
            "count",
            row,
            event,
            counts=counts,
            prev={
                "location": located[0] if located else None,
                "believed": believed if row.status == Status.IN_STOCK and row.verified else None,
            },
        )
        desk.jobs.add_counts(job, counts)
        product_id = max(counts, key=lambda p: counts[p])
        expected, scanned = desk.jobs.lines(job)[product_id]
        args.update(
            items=sum(counts.values()),
            product=desk.names.product_name(product_id),
            scanned=scanned,
            expected=expected if expected is not None else 0,
        )
        if not row.verified:
            return decide(
                Outcome.WARNING,
                "stocktake.unverified",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is not known to this station: counted as unverified, to be checked at sync.",
                ),
                event.seq,
                **args,
            )
        if row.status in (Status.SHIPPED, Status.ALLOCATED):
            return decide(
                Outcome.WARNING,
                "stocktake.not_in_stock",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is counted, but the station has it as shipped or held for an order. "
                    "Set it aside and tell the supervisor.",
                ),
                event.seq,
                **args,
            )
        if row.status != Status.IN_STOCK:
            return decide(
                Outcome.WARNING,
                "stocktake.not_received",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is counted, but it was never received here. Tell the supervisor.",
                ),
                event.seq,
                **args,
            )
        if believed != job.location_id:
            return decide(
                Outcome.WARNING,
                "stocktake.elsewhere",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is counted here; the station had it in {other}. Its place is corrected.",
                ),
                event.seq,
                other=desk.names.location_name(believed),
                **args,
            )
        return decide(
            Outcome.OK,
            "stocktake.ok",
            QT_TRANSLATE_NOOP("Decisions", "{items} × {product} counted: {scanned} of {expected}."),
            event.seq,
            **args,
        )

    @staticmethod
    def _believed_location(desk: Desk, row: CodeRow) -> str:
        """Where the station had this package: its own place, else the nearest package around it."""
        for key in (row.key, *desk.codes.ancestors(row)):
            found = desk.conn.execute(
                "SELECT location_id FROM wh_code_locations WHERE key = ?", (key,)
            ).fetchone()
            if found:
                return found[0]
        return DEFAULT_LOCATION

    def revert(self, desk: Desk, job: Job, scan: RecordedScan) -> tuple[Event, Decision]:
        previous = scan.prev.get("location")
        if previous:
            desk.codes.place(scan.key, previous)
        else:
            desk.codes.unplace(scan.key)
        return UNDONE.apply(desk, job, scan)

    def finish(self, desk: Desk, job: Job) -> Decision:
        counted = desk.jobs.scanned_total(job)
        missing, extra = stocktake_counts(desk.conn, job.id)
        desk.close_job(job, "finish")
        args: dict[str, Any] = {
            "items": counted,
            "missing": missing,
            "extra": extra,
            "location": desk.names.location_name(job.location_id),
        }
        if missing or extra:
            return decide(
                Outcome.WARNING,
                "stocktake.finished_diff",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Stocktake of {location} closed: {items} counted, {missing} missing, {extra} "
                    "found that should not be here. Print the difference list for the supervisor.",
                ),
                **args,
            )
        return decide(
            Outcome.DONE,
            "stocktake.finished",
            QT_TRANSLATE_NOOP(
                "Decisions", "Stocktake of {location} closed: {items} counted, no differences."
            ),
            **args,
        )


UNDONE = Void(
    "cycle_counting",
    "sellable_accessible",
    "stocktake.undone",
    QT_TRANSLATE_NOOP("Decisions", "Undone: {code} ({items} items) is not counted."),
    QT_TRANSLATE_NOOP("Decisions", "Undone: {code} (1 item) is not counted."),
)
