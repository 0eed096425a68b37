"""The warehouse as the page and the commands see it: one entry point per operator action.

Every public method of ``Warehouse`` is a writer action: ``fn(conn) -> Result``
to pass to ``Writer.submit`` (or ``StoreGateway.write``). It reads the station's
session row (flow, active job, what awaits a confirmation), lets the flow decide,
appends the event(s) and updates state in the same transaction, and answers with
the Decision and a fresh view of the job, so the page redraws without another
query. A refusal changes nothing but the session's pending confirmation.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection
from functools import partial

from app.domain.codes.model import Code, Level, Scheme
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Actor, Decision, Outcome
from app.domain.workflows.warehouse import conflicts, pack, quantities
from app.domain.workflows.warehouse.answers import Refusal, decide, label
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.flow import NOTHING_TO_CONFIRM, FlowBase
from app.domain.workflows.warehouse.jobs import Job
from app.domain.workflows.warehouse.model import FLOW_TITLES, Flow, Result
from app.domain.workflows.warehouse.pack import VERIFY_LABEL, PackFlow
from app.domain.workflows.warehouse.receive import ReceiveFlow
from app.domain.workflows.warehouse.relabel import RelabelFlow
from app.domain.workflows.warehouse.returns import ReturnFlow
from app.domain.workflows.warehouse.ship import ShipFlow
from app.domain.workflows.warehouse.stocktake import StocktakeFlow
from app.domain.workflows.warehouse.undo import take_back
from app.domain.workflows.warehouse.unpack import UnpackFlow

SHIP = ShipFlow()
FLOWS: dict[Flow, FlowBase] = {
    Flow.PACK: PackFlow(),
    Flow.UNPACK: UnpackFlow(),
    Flow.RELABEL: RelabelFlow(),
    Flow.RECEIVE: ReceiveFlow(),
    Flow.SHIP: SHIP,
    Flow.STOCKTAKE: StocktakeFlow(),
    Flow.RETURN: ReturnFlow(),
}

PROMPTS: dict[Flow, str] = {
    Flow.PACK: QT_TRANSLATE_NOOP(
        "Decisions", "Packing: scan a case or pallet label, then what goes into it."
    ),
    Flow.UNPACK: QT_TRANSLATE_NOOP(
        "Decisions",
        "Unpacking: scan something to take it out of its package, or a package to empty it.",
    ),
    Flow.RELABEL: QT_TRANSLATE_NOOP(
        "Decisions", "Relabelling: scan the damaged label (or type its code), then the new label."
    ),
    Flow.RECEIVE: QT_TRANSLATE_NOOP(
        "Decisions", "Receiving: choose a delivery or just scan pallets, cases or items."
    ),
    Flow.SHIP: QT_TRANSLATE_NOOP(
        "Decisions",
        "Shipping: choose an order (scan its picking list or pick it on the screen), then scan the goods.",
    ),
    Flow.STOCKTAKE: QT_TRANSLATE_NOOP(
        "Decisions", "Stocktake: choose the location, then scan everything there."
    ),
    Flow.RETURN: QT_TRANSLATE_NOOP(
        "Decisions", "Returns: choose the reason, then scan the returned goods."
    ),
}

SHORTCUT_FLOWS = {"unpack": Flow.UNPACK, "relabel": Flow.RELABEL}


class Warehouse:
    """Entry points for the page, the CLI and tests; each returns a writer action."""

    def __init__(self, actor: Actor, verify_labels: Collection[str] = ()) -> None:
        self.actor = actor
        # levels (case, pallet) whose new label must be scanned back after it is printed
        self.verify_labels = frozenset(verify_labels)

    # --- actions (each returns fn(conn) -> Result for the writer) ----------------------------

    def scan_action(self, code: Code) -> Callable[[sqlite3.Connection], Result]:
        return partial(self.scan, code=code)

    def scan(self, conn: sqlite3.Connection, code: Code) -> Result:
        """One scan: a command barcode or a code for the active flow."""
        if code.scheme is Scheme.COMMAND:
            return self.command(conn, code.key.removeprefix("cmd:"), code.fields.get("arg", ""))
        return self._run(conn, lambda desk: self._scan(desk, code), key=code.key)

    def command(self, conn: sqlite3.Connection, name: str, arg: str = "") -> Result:
        """A command from a command barcode, a keyboard shortcut or a button."""
        return self._run(conn, lambda desk: self._command(desk, name.lower(), arg))

    def switch(self, conn: sqlite3.Connection, flow: Flow | str, arg: str = "") -> Result:
        return self._run(conn, lambda desk: self._switch(desk, Flow(flow), arg))

    def open_ship(self, conn: sqlite3.Connection, order_id: str) -> Result:
        return self.switch(conn, Flow.SHIP, order_id)

    def open_receive(
        self,
        conn: sqlite3.Connection,
        inbound_id: str | None = None,
        location_id: str | None = None,
    ) -> Result:
        def act(desk: Desk) -> Decision:
            self._enter(desk, Flow.RECEIVE)
            return FLOWS[Flow.RECEIVE].start(desk, inbound_id, location_id)

        return self._run(conn, act)

    def open_stocktake(self, conn: sqlite3.Connection, location_id: str | None = None) -> Result:
        return self.switch(conn, Flow.STOCKTAKE, location_id or "")

    def open_return(self, conn: sqlite3.Connection, reason: str | None = None) -> Result:
        return self.switch(conn, Flow.RETURN, reason or "")

    def resume(self, conn: sqlite3.Connection, job_id: str) -> Result:
        """Bring an open job (from the job list) to the front."""

        def act(desk: Desk) -> Decision:
            job = desk.jobs.get(job_id)
            if job is None or job.status != "open":
                return decide(
                    Outcome.WARNING,
                    "wh.job_closed",
                    QT_TRANSLATE_NOOP("Decisions", "Job {job} is already closed."),
                    job=job_id,
                )
            self._enter(desk, job.flow)
            desk.session.job_id = job.id
            desk.touched = job
            return decide(
                Outcome.OK,
                "wh.resumed",
                QT_TRANSLATE_NOOP("Decisions", "Job {job} continued. Scan the next code."),
                job=job_id,
            )

        return self._run(conn, act)

    def cancel_line(self, conn: sqlite3.Connection, job_id: str, product_id: str) -> Result:
        """Take one product's scans off an open shipment (everything scanned for that line)."""

        def act(desk: Desk) -> Decision:
            job = desk.jobs.get(job_id)
            if job is None or job.status != "open" or job.flow != Flow.SHIP:
                return decide(
                    Outcome.WARNING,
                    "wh.job_closed",
                    QT_TRANSLATE_NOOP("Decisions", "Job {job} is already closed."),
                    job=job_id,
                )
            desk.touched = job
            events, items = SHIP.cancel_line(desk, job, product_id)
            return decide(
                Outcome.OK,
                "ship.line_cancelled",
                QT_TRANSLATE_NOOP(  # English says one item apart, not "1 items"
                    "Decisions",
                    "Line {product} cancelled: 1 item is off the order. Put it back in stock.",
                )
                if items == 1
                else QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Line {product} cancelled: {items} items are off the order. Put them back in stock.",
                ),
                events[-1].seq if events else None,
                product=desk.names.product_name(product_id),
                items=items,
            )

        return self._run(conn, act)

    def take_out_of_shipment(
        self, conn: sqlite3.Connection, event_id: str, codes: list[str]
    ) -> Result:
        """After the server refused shipment ``event_id``: take ``codes`` out, send the rest again."""
        return self._run(conn, lambda desk: conflicts.take_out(desk, event_id, codes))

    def reopen_refused_shipment(self, conn: sqlite3.Connection, event_id: str) -> Result:
        """After the server refused shipment ``event_id``: take it back, reopen its order."""
        return self._run(conn, lambda desk: conflicts.reopen(desk, event_id))

    def quantity(self, conn: sqlite3.Connection, n: int) -> Result:
        """How many of the product barcode just scanned (typed in the page's quantity field)."""

        def act(desk: Desk) -> Decision:
            if desk.session.pending != quantities.PENDING:
                return decide(
                    Outcome.WARNING,
                    "wh.no_quantity_asked",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "Scan the product barcode first, then type how many.",
                    ),
                )
            if not 0 < n <= quantities.MAX_QUANTITY:
                return decide(
                    Outcome.ERROR,
                    "wh.bad_quantity",
                    QT_TRANSLATE_NOOP(
                        "Decisions", "{n} is not a quantity that can be counted. Type it again."
                    ),
                    n=n,
                )
            return self._count(desk, n)

        return self._run(conn, act)

    def state(self, conn: sqlite3.Connection) -> Result:
        """Where the station is (read-only): for the page at start-up and after a restart."""
        desk = Desk(conn, self.actor)
        job = desk.active_job()
        if desk.session.pending == VERIFY_LABEL:
            job = pack.label_job(desk)  # the package whose label is awaited
        flow = desk.session.flow
        return Result(
            decide(Outcome.OK, "wh.ready", PROMPTS[flow]),
            flow,
            desk.jobs.view(job),
            desk.session.pending,
        )

    # --- the machinery -------------------------------------------------------------------------

    def _run(
        self, conn: sqlite3.Connection, act: Callable[[Desk], Decision], key: str = ""
    ) -> Result:
        desk = Desk(conn, self.actor)
        desk.verify_labels = self.verify_labels
        try:
            decision = act(desk)
        except Refusal as refusal:
            decision = refusal.decision
        desk.save_session()
        job = desk.touched if desk.touched is not None else desk.active_job()
        return Result(decision, desk.session.flow, desk.jobs.view(job), desk.session.pending, key)

    def _scan(self, desk: Desk, code: Code) -> Decision:
        session = desk.session
        if session.pending == VERIFY_LABEL:
            return pack.verify_label(desk, code)
        flow = FLOWS[session.flow]
        job = desk.active_job()
        if (
            session.pending in ("move", "unpack_all")
            and code.key
            and code.key == session.pending_key
        ):
            return flow.confirm(desk, job)
        if session.pending == quantities.PENDING:
            n = quantities.parse_quantity(code.raw)
            if n is not None:
                return self._count(desk, n)
        if session.pending in ("move", "cancel", "finish", quantities.PENDING):
            desk.set_pending(None)  # any other scan means "no": it goes on as a normal scan
        if code.valid and code.level is Level.PRODUCT and code.key and flow.counts_by_quantity:
            return quantities.ask(desk, code)
        return flow.scan(desk, job, code)

    def _count(self, desk: Desk, n: int) -> Decision:
        """The quantity of the product barcode scanned before it (goods without a serial)."""
        flow = FLOWS[desk.session.flow]
        job = flow.job_for(desk, desk.active_job())
        product_id = (
            desk.codes.product_by_gtin((desk.session.pending_key or "").removeprefix("gtin:")) or ""
        )
        flow.check_counts(desk, job, {product_id: n}, {"code": desk.names.product_name(product_id)})
        event, counts, _ = quantities.count(desk, flow.flow, job, n)
        return quantities.counted(desk, job, counts, event.seq)

    def _command(self, desk: Desk, name: str, arg: str) -> Decision:
        session = desk.session
        if name in SHORTCUT_FLOWS:
            return self._switch(desk, SHORTCUT_FLOWS[name], arg)
        if name == "switch":
            target, _, rest = arg.partition(":")
            try:
                flow = Flow(target.strip().lower())
            except ValueError:
                return decide(
                    Outcome.ERROR,
                    "wh.unknown_flow",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "This command sheet names a task ({flow}) this station does not have. "
                        "Print a new command sheet.",
                    ),
                    flow=target,
                )
            return self._switch(desk, flow, rest.strip())
        if name == "reprint":
            return pack.reprint(desk)
        if session.pending == VERIFY_LABEL and name == "cancel":
            return pack.skip_label_check(desk)
        job = desk.active_job()
        handler = FLOWS[session.flow]
        asked_finish = job is not None and (session.pending, session.pending_key) == (
            "finish",
            job.id,
        )
        if name == "confirm" or (name == "move" and session.pending == "move"):
            if session.pending == "cancel":
                return self._cancel(desk, job)
            if asked_finish:
                return self._finish(desk, job, confirmed=True)
            if session.pending in ("move", "unpack_all"):
                return handler.confirm(desk, job)
            return decide(Outcome.WARNING, "wh.nothing_to_confirm", NOTHING_TO_CONFIRM)
        if name == "cancel":
            if session.pending == "cancel":
                return self._cancel(desk, job)
            if job is None:
                desk.set_pending(None)
                return _no_job()
            if not desk.jobs.live_scans(job):
                return self._cancel(desk, job)  # nothing to take back: no need to ask
            desk.set_pending("cancel", job.id)
            desk.touched = job
            return decide(
                Outcome.WARNING,
                "wh.cancel_asked",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Cancel job {job}? Everything scanned in it ({scans}) will be taken back. "
                    "Scan CANCEL again (or CONFIRM) to cancel; any other scan goes on.",
                ),
                job=job.id,
                scans=len(desk.jobs.live_scans(job)),
            )
        desk.set_pending(None)
        if name == "move":
            if session.flow != Flow.PACK or job is None:
                return decide(
                    Outcome.WARNING,
                    "wh.move_needs_pack",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "MOVE works while packing: scan the case or pallet first, then MOVE, "
                        "then what moves into it.",
                    ),
                )
            desk.set_pending("move_armed")
            desk.touched = job
            return decide(
                Outcome.OK,
                "pack.move_armed",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Scan what moves into {parent}: it is taken out of its old package.",
                ),
                parent=label(job.parent_key or ""),
            )
        if name == "finish":
            return self._finish(desk, job, confirmed=asked_finish)
        if name == "undo":
            return self._undo(desk, job)
        return decide(
            Outcome.WARNING,
            "wh.command_not_here",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "This command is not used on the warehouse page. Warehouse commands: finish, "
                "undo, cancel, confirm, switch task, move.",
            ),
        )

    def _finish(self, desk: Desk, job: Job | None, *, confirmed: bool) -> Decision:
        """FINISH closes the job; one that leaves its paper short asks first (a second FINISH
        or CONFIRM closes it short; any other scan goes on)."""
        desk.set_pending(None)
        if job is None:
            return _no_job()
        desk.touched = job
        flow = FLOWS[job.flow]
        short = flow.shortfall(desk, job)
        if short and not confirmed:
            desk.set_pending("finish", job.id)
            missing = sum(e - s for e, s in short.values())
            return decide(
                Outcome.WARNING,
                "wh.finish_short_asked",
                QT_TRANSLATE_NOOP(  # English says one item apart, not "1 items are"
                    "Decisions",
                    "1 item is still missing: {lines}. Scan FINISH again (or CONFIRM) "
                    "to close it short; the rest stays open as a backorder. Any other scan goes on.",
                )
                if missing == 1
                else QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{short} items are still missing: {lines}. Scan FINISH again (or CONFIRM) "
                    "to close it short; the rest stays open as a backorder. Any other scan goes on.",
                ),
                short=missing,
                # "Beer 330ml ×48": a bare number after a name ending in one ("… 罐装 48") read
                # as part of the name
                lines=", ".join(
                    f"{desk.names.product_name(p)} ×{e - s}" for p, (e, s) in sorted(short.items())
                ),
            )
        return flow.finish(desk, job)

    def _undo(self, desk: Desk, job: Job | None) -> Decision:
        flow = FLOWS[desk.session.flow]
        if job is None:
            reopened = flow.unfinish(desk)
            if reopened is not None:
                desk.set_pending(None)
                return reopened
            job = flow.reopenable(desk)
            if job is not None:
                job = desk.reopen_job(job)
        scan = desk.jobs.last_scan(job) if job is not None else None
        if job is None or scan is None:
            return decide(
                Outcome.WARNING,
                "wh.nothing_to_undo",
                QT_TRANSLATE_NOOP("Decisions", "There is no scan to undo in the current job."),
            )
        desk.touched = job
        desk.set_pending(None)
        return take_back(desk, flow, job, scan)[1]

    def _cancel(self, desk: Desk, job: Job | None) -> Decision:
        desk.set_pending(None)
        if job is None:
            return _no_job()
        flow = FLOWS[job.flow]
        taken_back = 0
        last_seq = None
        if flow.cancel_reverts:
            for scan in desk.jobs.live_scans(job):
                event, _ = take_back(desk, flow, job, scan)
                taken_back += 1
                last_seq = event.seq
        desk.close_job(job, "cancel", status="cancelled")
        desk.touched = job
        message = (  # English says one scan apart, not "1 scans"
            QT_TRANSLATE_NOOP(
                "Decisions", "Job {job} cancelled: 1 scan taken back. Put those goods back."
            )
            if taken_back == 1
            else QT_TRANSLATE_NOOP(
                "Decisions", "Job {job} cancelled: {count} scans taken back. Put those goods back."
            )
        )
        return decide(
            Outcome.DONE,
            "wh.cancelled",
            message,
            last_seq,
            job=job.id,
            count=taken_back,
        )

    def _enter(self, desk: Desk, flow: Flow) -> None:
        session = desk.session
        if session.flow != flow:
            session.flow = flow
            session.job_id = None
        desk.set_pending(None)

    def _switch(self, desk: Desk, flow: Flow, arg: str) -> Decision:
        self._enter(desk, flow)
        handler = FLOWS[flow]
        if arg:
            if flow == Flow.SHIP:
                return handler.start(desk, arg)
            if flow == Flow.RECEIVE:
                return handler.start(desk, inbound_id=arg)
            if flow == Flow.STOCKTAKE:
                return handler.start(desk, arg)
            if flow == Flow.RETURN:
                return handler.start(desk, arg)
        resumed = desk.conn.execute(
            "SELECT id FROM wh_jobs WHERE flow = ? AND status = 'open' AND station = ?"
            " ORDER BY created_at DESC LIMIT 1",
            (flow.value, desk.actor.station),
        ).fetchone()
        desk.session.job_id = resumed[0] if resumed else None
        if resumed:
            desk.touched = desk.jobs.get(resumed[0])
        return decide(Outcome.OK, f"wh.switch.{flow.value}", PROMPTS[flow], title=FLOW_TITLES[flow])


def _no_job() -> Decision:
    return decide(
        Outcome.WARNING,
        "wh.no_job",
        QT_TRANSLATE_NOOP("Decisions", "There is no open job. Scan a code to start one."),
    )


__all__ = ["FLOWS", "PROMPTS", "Warehouse"]
