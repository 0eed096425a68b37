"""EPCIS ``AggregationEvent``: packing codes into a case or pallet (ADD) and unpacking (DELETE)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sync.protocol import EventIn, Reason
from sync.server.batch import SHIPPED, Batch, Rejected
from sync.server.judges.fields import keys, keys_or_none

LEVEL_RANK = {"item": 0, "case": 1, "pallet": 2}


def codes(payload: dict[str, Any]) -> list[str]:
    parent = payload.get("parentID")
    return ([parent] if isinstance(parent, str) else []) + keys_or_none(payload.get("childEPCs"))


def judge(b: Batch, event: EventIn, when: dt.datetime) -> None:
    p = event.payload
    action = str(p.get("action") or "").upper()
    parent_key = p.get("parentID")
    if not isinstance(parent_key, str) or action not in ("ADD", "DELETE"):
        raise Rejected(
            Reason.EVENT_INVALID, error="aggregation needs action ADD/DELETE and parentID"
        )
    parent = b.code(parent_key)
    child_keys = keys(p.get("childEPCs"))
    if action == "ADD":
        _pack(b, parent, child_keys, move=bool(p.get("move")))
    else:
        _unpack(b, parent_key, child_keys)
    b.trace(event, [parent_key, *child_keys], f"aggregation_{action.lower()}")


def _pack(b: Batch, parent: dict[str, Any], child_keys: list[str], *, move: bool) -> None:
    if not child_keys:
        raise Rejected(Reason.EVENT_INVALID, error="ADD without childEPCs")
    if parent["status"] in SHIPPED:
        raise Rejected(Reason.AGG_PARENT_SHIPPED, parent=parent["key"])
    if parent["status"] == "void":
        raise Rejected(Reason.CODE_VOID, code=parent["key"])
    children = [b.code(k) for k in child_keys]
    for child in children:
        if child["status"] == "void":
            raise Rejected(Reason.CODE_VOID, code=child["key"])
        if LEVEL_RANK.get(child["level"], 0) >= LEVEL_RANK.get(parent["level"], 0):
            raise Rejected(Reason.AGG_LEVEL_MISMATCH, code=child["key"], parent=parent["key"])
        other = child["parent_key"]
        if other and other != parent["key"] and not move:
            raise Rejected(Reason.AGG_IN_OTHER_PARENT, code=child["key"], other=other)
    for child in children:
        b.set_parent(child, parent["key"])
        b.changed(child)


def _unpack(b: Batch, parent_key: str, child_keys: list[str]) -> None:
    """Take these children (all of them when none are named) out of the parent."""
    children = [b.code(k) for k in child_keys or sorted(b.children.get(parent_key, ()))]
    for child in children:
        if child["parent_key"] != parent_key:
            raise Rejected(Reason.AGG_NOT_CHILD, code=child["key"], parent=parent_key)
    for child in children:
        b.set_parent(child, None)
        b.changed(child)
