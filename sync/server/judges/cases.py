"""``DiversionCaseEvent``: an inspector found a code in a region; was it sold into another?

A code shipped to a dealer allowed in that region is no case (refused, so the inspector knows
the snapshot was stale); otherwise a case opens with the verdict: diverted, never shipped, or
not a code the brand knows.

The photos a case names are the evidence its station will upload, so they are the limit on
what a station may put in the brand's store (``app.domain.rules.evidence``): each is named by
its SHA-256 (anything else is ``event.invalid``), a repeated name is one photo, and only the
first ``MAX_PHOTOS_PER_CASE`` are kept; the answer says how many were left out. The case itself
always counts: an older station without the limit loses photos, never its inspector's case.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain.rules.evidence import is_photo_name, kept_photos
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
    photos, left_out = named_photos(p)
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
    answer = {"case_id": case_id, "verdict": verdict, "dealer": row["dealer_id"]}
    return answer | {"photos_left_out": left_out} if left_out else answer


def named_photos(payload: dict[str, Any]) -> tuple[list[dict[str, str]], int]:
    """The photos the case keeps, as ``{"sha256", "name"}``, and how many it left out."""
    entries = payload.get("photos")
    if entries is None:
        return [], 0
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and is_photo_name(e.get("sha256")) for e in entries
    ):
        raise Rejected(Reason.EVENT_INVALID, error="each photo must be named by its SHA-256")
    names = {e["sha256"]: e.get("name") for e in reversed(entries)}  # a repeat: its first name
    kept, left_out = kept_photos(e["sha256"] for e in entries)
    return [{"sha256": sha, "name": _file_name(names[sha])} for sha in kept], left_out


def _file_name(name: object) -> str:
    return name[:200] if isinstance(name, str) else ""
