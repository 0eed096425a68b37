"""EPCIS ``ObjectEvent``: what happened to a list of codes, by business step.

The step (and for receipts the disposition, for undos the compensated event) picks the rule;
steps the server has no rule for are recorded and traced only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sync.protocol import EventIn, Reason
from sync.server.batch import OBSERVING, Batch, Rejected
from sync.server.judges import receiving, relabelling, shipping
from sync.server.judges.fields import (
    biz_step,
    disposition,
    keys_or_none,
    replaced_of,
    undone_of,
)
from sync.server.judges.fields import keys as code_list

Rule = Callable[[Batch, EventIn, dt.datetime, list[str]], None]


def codes(payload: dict[str, Any]) -> list[str]:
    old = replaced_of(payload)
    return keys_or_none(payload.get("epcList")) + ([old] if isinstance(old, str) else [])


def judge(b: Batch, event: EventIn, when: dt.datetime) -> None:
    keys = code_list(event.payload.get("epcList"))
    if not keys:
        if _counted_goods(event.payload.get("quantityList")):
            return  # goods without a serial (EPCIS class level): counted, no code to judge
        raise Rejected(Reason.EVENT_INVALID, error="epcList is empty")
    step = biz_step(event.payload)
    rule = _rule(step, disposition(event.payload), undone_of(event.payload) is not None)
    if rule is not None:
        rule(b, event, when, keys)
    b.trace(event, keys, step or "observe")


def _counted_goods(value: Any) -> bool:
    """An EPCIS ``quantityList``: product classes with a positive quantity each."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(q, dict)
            and isinstance(q.get("epcClass"), str)
            and isinstance(q.get("quantity"), int | float)
            and not isinstance(q.get("quantity"), bool)
            and q["quantity"] > 0
            for q in value
        )
    )


def _rule(step: str, disp: str, names_undone: bool) -> Rule | None:
    if step == "returning" and names_undone:  # a return that compensates one: its undo
        return shipping.undo_return
    if step == "receiving" and disp == "returned":
        return shipping.return_
    if step == "void_receiving":
        return shipping.undo_return if disp == "returned" else receiving.undo_receive
    if step.startswith("void_") and step[5:] in relabelling.STEPS:
        return relabelling.undo_replace
    if step in relabelling.STEPS:
        return relabelling.replace
    if step in OBSERVING:
        return _observe
    return RULES.get(step)


def _destroy(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    for code in [b.code(k) for k in keys]:
        b.set_parent(code, None)
        b.touch(code, status="void")
        b.changed(code, snapshot=True)


def _observe(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    """A consumer-side scan: counted, and checked for the patterns of copied codes."""
    b.anomaly.observation(event, when)
    for key in keys:
        code = b.codes.get(key)
        if code is None:
            b.anomaly.flag("unknown_code", key, event, {})
        else:
            b.touch(code, scan_count=(code["scan_count"] or 0) + 1)
    b.anomaly.runs(keys, event)


RULES: dict[str, Rule] = {
    "shipping": shipping.ship,
    "void_shipping": shipping.void_shipping,
    "returning": shipping.return_,
    "void_returning": shipping.undo_return,
    "receiving": receiving.receive,
    "decommissioning": _destroy,
    "destroying": _destroy,
}
