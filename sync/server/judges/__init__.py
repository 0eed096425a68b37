"""The rules of each event type, one module per family, behind one table.

A judge is two functions: ``codes(payload)`` names the codes an event refers to (so the batch
can read and lock them all before judging), and ``judge(batch, event, when)`` accepts the
event (returning the detail the station is answered) or raises ``Rejected`` before it has
changed anything. An event that files something under a number its station made (a case, a
claim) also has ``number(event)``, so the batch reads and locks the numbers in use too. ``Push`` looks the type up in ``JUDGES``; a new event type is a new module
and one row here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sync.protocol import EventIn
from sync.server.batch import Batch
from sync.server.judges import aggregation, cases, claims, objects, vouchers


@dataclass(frozen=True)
class Judge:
    codes: Callable[[dict[str, Any]], list[str]]
    judge: Callable[[Batch, EventIn, dt.datetime], dict[str, Any] | None]
    number: Callable[[EventIn], tuple[str, str]] | None = None  # (kind, number): batch.NUMBERED


JUDGES: dict[str, Judge] = {
    "ObjectEvent": Judge(objects.codes, objects.judge),
    "AggregationEvent": Judge(aggregation.codes, aggregation.judge),
    "RedemptionEvent": Judge(vouchers.codes, vouchers.judge),
    "RebateClaimEvent": Judge(claims.codes, claims.judge, claims.number),
    "DiversionCaseEvent": Judge(cases.codes, cases.judge, cases.number),
}
