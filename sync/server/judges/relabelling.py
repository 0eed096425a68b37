"""A new label for a damaged one, and the undo of that.

The new code takes the old one's place whole: what it was shipped as, who holds it, the case
it sits in and what is packed inside it; the old code is void. The undo swaps them back.
"""

from __future__ import annotations

import datetime as dt

from sync.protocol import EventIn, Reason
from sync.server.batch import CARRIED, SHIPPED, Batch, Rejected
from sync.server.judges.fields import replaced_of

STEPS = ("replacing", "relabelling", "relabeling")


def replace(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    old_key = replaced_of(event.payload)
    if not isinstance(old_key, str) or len(keys) != 1:
        raise Rejected(Reason.EVENT_INVALID, error="replacing needs one new code and 'replaces'")
    old, new = b.code(old_key), b.code(keys[0])
    if new["status"] in (*SHIPPED, "void") or new["parent_key"] or b.children.get(new["key"]):
        reason = Reason.CODE_VOID if new["status"] == "void" else Reason.CODE_ALREADY_SHIPPED
        raise Rejected(reason, code=new["key"], dealer=new["dealer_id"], station=new["shipped_by"],
                       at=new["shipped_at"])  # fmt: skip
    b.touch(new, **{k: old[k] for k in CARRIED})
    _swap_places(b, new, old)
    b.touch(old, status="void")
    b.changed(new, snapshot=True)
    b.changed(old, snapshot=True)


def undo_replace(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    """The old code takes back its place; a relabel the server refused is a no-op."""
    old_key = replaced_of(event.payload)
    old = b.codes.get(old_key) if isinstance(old_key, str) else None
    new = b.codes.get(keys[0]) if len(keys) == 1 else None
    if old is None or new is None or old["status"] != "void":
        return
    b.touch(old, **{k: new[k] for k in CARRIED})
    _swap_places(b, old, new)
    b.touch(new, status="issued", dealer_id=None, region_id=None, order_id=None, shipped_at=None,
            shipped_by=None, ship_event_id=None, holder=None)  # fmt: skip
    b.changed(old, snapshot=True)
    b.changed(new, snapshot=True)


def _swap_places(b: Batch, taker: dict, giver: dict) -> None:
    """``taker`` goes where ``giver`` was packed and takes over what was packed in it."""
    b.set_parent(taker, giver["parent_key"])
    for child in list(b.children.get(giver["key"], ())):
        b.set_parent(b.codes[child], taker["key"])
        b.changed(b.codes[child])
    b.set_parent(giver, None)
