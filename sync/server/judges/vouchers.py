"""``RedemptionEvent``: a counter hands out a voucher's prize, or takes that back (DELETE).

First-wins across every counter: the voucher's row is locked while the batch is judged, so of
two counters redeeming one voucher at the same moment exactly one is accepted and the other is
told where and when it was redeemed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sync.protocol import EventIn, Reason
from sync.server.batch import Batch, Rejected
from sync.server.judges.fields import first


def codes(payload: dict[str, Any]) -> list[str]:
    return []


def judge(b: Batch, event: EventIn, when: dt.datetime) -> dict[str, Any]:
    p = event.payload
    token, voucher = b.token(first(p, "voucher"), "voucher")
    vid = token.id
    prior = b.redemptions.get(vid)
    audience = _audience(voucher)
    if str(p.get("action") or "ADD").upper() == "DELETE":
        if prior is None or prior["station_id"] != b.me:
            raise Rejected(Reason.VOUCHER_NOT_REDEEMED_HERE, voucher=vid)
        b.redemptions[vid] = None
        b.deleted_redemptions.append((vid,))
        b.log.add("redemption", vid, {}, audience=audience, op="delete")
        return {}
    if ("voucher", vid) in b.deny or voucher["status"] == "void":
        raise Rejected(Reason.VOUCHER_DENIED, voucher=vid)
    if token.expired(when.date()):
        raise Rejected(Reason.VOUCHER_EXPIRED, voucher=vid, expires=voucher["expires"])
    if voucher["dealer_id"] and voucher["dealer_id"] != b.station.get("dealer_id"):
        raise Rejected(Reason.VOUCHER_WRONG_DEALER, voucher=vid, dealer=voucher["dealer_id"])
    if prior is not None:
        raise Rejected(Reason.VOUCHER_ALREADY_REDEEMED, voucher=vid, station=prior["station_id"],
                       at=prior["redeemed_at"])  # fmt: skip
    row = {
        "voucher_id": vid,
        "station_id": b.me,
        "event_id": event.event_id,
        "redeemed_at": event.occurred_at,
        "operator": event.operator,
        "dealer_id": b.station.get("dealer_id"),
        "received_at": b.now_text,
    }
    b.redemptions[vid] = row
    b.rows["redemptions"].append(tuple(row.values()))
    data = {k: row[k] for k in ("voucher_id", "station_id", "event_id", "redeemed_at", "dealer_id")}
    b.log.add("redemption", vid, data, audience=audience)
    if audience != "*":
        b.log.add("redemption", vid, data, audience=f"station:{b.me}")
    return {"voucher": vid, "prize": voucher["prize"], "value_cents": voucher["value_cents"]}


def _audience(voucher: dict[str, Any]) -> str:
    return f"dealer:{voucher['dealer_id']}" if voucher["dealer_id"] else "*"
