"""``DiversionCaseEvent``: an inspector found a code in a region; was it sold into another?

A code shipped to a dealer allowed in that region is no case (refused, so the inspector knows
the snapshot was stale); otherwise a case opens with the verdict: diverted, never shipped, or
not a code the brand knows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sync.protocol import EventIn, Reason
from sync.server.batch import SHIPPED, Batch, Rejected
from sync.server.judges.fields import first, text_of
from sync.server.util import dumps


def codes(payload: dict[str, Any]) -> list[str]:
    code = first(payload, "code", "epc")
    return [code] if isinstance(code, str) else []


def number(event: EventIn) -> tuple[str, str]:
    """The case number the inspector's station gave it (older stations: the event's id)."""
    return "case", str(event.payload.get("case_id") or event.event_id)


def judge(b: Batch, event: EventIn, when: dt.datetime) -> dict[str, Any]:
    p = event.payload
    case_id = number(event)[1]
    if ("case", case_id) in b.taken:
        raise Rejected(Reason.CASE_ID_REUSED, case=case_id)
    key = first(p, "code", "epc")
    region = text_of(p, "region_id")
    store = text_of(p, "store_id")
    if region is None and store:
        region = b.tx.scalar("SELECT region_id FROM stores WHERE id = ?", (store,))
    if not isinstance(key, str) or not region:
        raise Rejected(Reason.EVENT_INVALID, error="a case needs the code and the region or store")
    code = b.codes.get(key)
    dealer = None
    if code is None:
        verdict = "unknown_code"
    elif code["status"] not in SHIPPED:
        verdict = "not_shipped"
    else:
        dealer = b.dealer(code["dealer_id"])
        if dealer and region in dealer["regions"]:
            raise Rejected(Reason.CASE_NOT_DIVERTED, code=key, dealer=code["dealer_id"])
        verdict = "diverted"
    photos = p.get("photos") if isinstance(p.get("photos"), list) else []
    row = {
        "case_id": case_id,
        "code_key": key,
        "verdict": verdict,
        "found_region_id": region,
        "found_store_id": store,
        "dealer_id": code["dealer_id"] if code else None,
        "ship_date": code["shipped_at"] if code else None,
        "order_id": code["order_id"] if code else None,
        "station_id": b.me,
        "event_id": event.event_id,
        "operator": event.operator,
        "note": str(p.get("note") or ""),
        "photos": dumps(photos),
        "status": "open",
        "opened_at": event.occurred_at,
        "updated_at": b.now_text,
    }
    b.taken.add(("case", case_id))
    b.rows["cases"].append(tuple(row.values()))
    data = {k: v for k, v in row.items() if k not in ("photos", "event_id")}
    b.log.add("case", case_id, data, audience=f"station:{b.me}")
    b.trace(event, [key], "inspecting")
    return {"case_id": case_id, "verdict": verdict, "dealer": row["dealer_id"]}
