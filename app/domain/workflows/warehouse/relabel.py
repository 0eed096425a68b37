"""Relabelling (换码/补码): a damaged label is replaced by a new one, keeping contents and history.

Scan the old label (or type its code), then the new one. The new code takes the
old one's product, parent, contents, status, dealer and order; the old code is
marked replaced, so scanning it later says which code took its place. One
ObjectEvent (bizStep ``relabelling``) records the pair; undo restores both.
"""

from __future__ import annotations

from typing import Any

from app.domain.codes.model import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.journal import Event
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import decide, label, refuse
from app.domain.workflows.warehouse.codes import CodeRow, unknown
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.flow import CountingFlow
from app.domain.workflows.warehouse.jobs import Job, RecordedScan
from app.domain.workflows.warehouse.model import Flow, Status

FIELDS = ("level", "product_id", "parent_key", "status", "dealer_id", "order_id", "verified")


def _fields(row: CodeRow) -> dict:
    return {name: getattr(row, name) for name in FIELDS}


class RelabelFlow(CountingFlow):
    flow = Flow.RELABEL
    cancel_reverts = False  # new labels are already stuck on; cancel only ends the job
    finished = (
        "relabel.finished",
        QT_TRANSLATE_NOOP("Decisions", "Relabelling finished: {count} labels replaced."),
    )
    finished_one = QT_TRANSLATE_NOOP("Decisions", "Relabelling finished: 1 label replaced.")

    def scan(self, desk: Desk, job: Job | None, code: Code) -> Decision:
        job = job or desk.create_job(Flow.RELABEL, unit="item")
        desk.touched = job
        old_key = desk.session.pending_key if desk.session.pending == "relabel_new" else None
        if old_key is None:
            return self._old(desk, code)
        return self._new(desk, job, code, old_key)

    def _old(self, desk: Desk, code: Code) -> Decision:
        row = desk.codes.resolve(code, allow_unknown=False)
        if row.status in (Status.SHIPPED, Status.ALLOCATED):
            raise refuse(
                "relabel.not_here",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is shipped or held for an order, so it cannot be relabelled here.",
                ),
                code=label(row.key),
            )
        desk.set_pending("relabel_new", row.key)
        return decide(
            Outcome.OK,
            "relabel.old",
            QT_TRANSLATE_NOOP("Decisions", "Old label {code} ({product}). Now scan the NEW label."),
            code=label(row.key),
            product=desk.names.product_name(row.product_id),
        )

    def _new(self, desk: Desk, job: Job, code: Code, old_key: str) -> Decision:
        old = desk.codes.lookup(old_key)
        if old is None:
            desk.set_pending(None)
            raise unknown(old_key)
        if code.key == old_key:
            raise refuse(
                "relabel.same",
                QT_TRANSLATE_NOOP("Decisions", "That is the old label again. Scan the NEW label."),
            )
        new = desk.codes.resolve(code)
        if new.known and (
            new.status != Status.KNOWN or new.parent_key or desk.codes.children_count(new.key)
        ):
            raise refuse(
                "relabel.new_in_use",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "The new label {code} is already in use. Take a fresh label and scan it.",
                ),
                code=label(new.key),
            )
        if new.level != old.level:
            raise refuse(
                "relabel.level_mismatch",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "The new label {code} is for another packaging level than {old}. "
                    "Take a label of the same kind (item, case or pallet).",
                ),
                code=label(new.key),
                old=label(old_key),
            )
        if new.product_id and old.product_id and new.product_id != old.product_id:
            raise refuse(
                "relabel.product_mismatch",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "The new label {code} is for {product}, but {old} is {expected}. "
                    "Take a label of the same product.",
                ),
                code=label(new.key),
                old=label(old_key),
                product=desk.names.product_name(new.product_id),
                expected=desk.names.product_name(old.product_id),
            )
        desk.set_pending(None)
        prev = {"old": _fields(old), "new": _fields(new) if new.known else None}
        values = _fields(old)
        values["verified"] = int(old.verified and new.verified)
        if new.known:
            desk.conn.execute(
                f"UPDATE codes SET {', '.join(f'{n} = ?' for n in FIELDS)}, updated_at = ? WHERE key = ?",
                (*values.values(), desk.now, new.key),
            )
        else:
            desk.conn.execute(
                f"INSERT INTO codes (key, {', '.join(FIELDS)}, updated_at) VALUES (?, {', '.join('?' * len(FIELDS))}, ?)",
                (new.key, *values.values(), desk.now),
            )
        desk.conn.execute(
            "UPDATE codes SET parent_key = ?, updated_at = ? WHERE parent_key = ?",
            (new.key, desk.now, old_key),
        )
        desk.conn.execute(
            "UPDATE codes SET status = ?, parent_key = NULL, updated_at = ? WHERE key = ?",
            (Status.REPLACED.value, desk.now, old_key),
        )
        desk.conn.execute(
            "INSERT OR REPLACE INTO wh_replacements (old_key, new_key, at) VALUES (?, ?, ?)",
            (old_key, new.key, desk.now),
        )
        desk.conn.execute(
            "UPDATE OR REPLACE wh_code_locations SET key = ? WHERE key = ?", (new.key, old_key)
        )
        event = desk.emit(
            "ObjectEvent",
            {
                "action": "ADD",
                "bizStep": "relabelling",
                "disposition": old.status,
                "epcList": [new.key],
                "readPoint": desk.actor.station,
                "yima:replaces": old_key,
                "yima:parent": old.parent_key,
                "yima:unverified": not new.known,
                "yima:job": job.id,
            },
        )
        desk.jobs.record_scan(
            job,
            "relabel",
            CodeRow(
                new.key,
                old.level,
                old.product_id,
                old.parent_key,
                old.status,
                None,
                None,
                int(new.known),
            ),
            event,
            counts={old.product_id or "": 1},
            prev=prev,
        )
        desk.jobs.add_counts(job, {old.product_id or "": 1})
        args: dict[str, Any] = {"old": label(old_key), "code": label(new.key)}
        if not new.known:
            return decide(
                Outcome.WARNING,
                "relabel.done_unverified",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{old} is now {code}, with its contents and history. The new label is not "
                    "known to this station yet and will be checked at sync.",
                ),
                event.seq,
                **args,
            )
        return decide(
            Outcome.OK,
            "relabel.done",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "{old} is now {code}, with its contents and history. Scan the next damaged label.",
            ),
            event.seq,
            **args,
        )

    def revert(self, desk: Desk, job: Job, scan: RecordedScan) -> tuple[Event, Decision]:
        prev = scan.prev
        new_key = scan.key
        old_key = desk.conn.execute(
            "SELECT old_key FROM wh_replacements WHERE new_key = ?", (new_key,)
        ).fetchone()[0]
        old = prev["old"]
        desk.conn.execute(
            f"UPDATE codes SET {', '.join(f'{n} = ?' for n in FIELDS)}, updated_at = ? WHERE key = ?",
            (*old.values(), desk.now, old_key),
        )
        desk.conn.execute(
            "UPDATE codes SET parent_key = ?, updated_at = ? WHERE parent_key = ?",
            (old_key, desk.now, new_key),
        )
        if prev["new"] is None:
            desk.conn.execute("DELETE FROM codes WHERE key = ?", (new_key,))
        else:
            new = prev["new"]
            desk.conn.execute(
                f"UPDATE codes SET {', '.join(f'{n} = ?' for n in FIELDS)}, updated_at = ? WHERE key = ?",
                (*new.values(), desk.now, new_key),
            )
        desk.conn.execute("DELETE FROM wh_replacements WHERE old_key = ?", (old_key,))
        desk.conn.execute(
            "UPDATE OR REPLACE wh_code_locations SET key = ? WHERE key = ?", (old_key, new_key)
        )
        desk.jobs.add_counts(job, scan.counts, -1)
        event = desk.emit(
            "ObjectEvent",
            {
                "action": "DELETE",
                "bizStep": "void_relabelling",
                "epcList": [new_key],
                "readPoint": desk.actor.station,
                "yima:replaces": old_key,
                "yima:compensates": scan.event_id,
                "yima:job": job.id,
            },
        )
        return event, decide(
            Outcome.OK,
            "relabel.undone",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "Undone: {old} is valid again and {code} is unused. Peel off the new label.",
            ),
            event.seq,
            old=label(old_key),
            code=label(new_key),
        )
