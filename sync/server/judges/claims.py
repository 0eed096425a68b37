"""``RebateClaimEvent``: an installer claims the rebate on products sold through a dealer.

Each product code sold through a dealer earns a rebate once, first claim wins (the rule the
counter applies at the scan too: ``app.domain.rules.claims``); the amount is the rule valid on
the claim's day (the monthly tier bonus is the statement's business, not the claim's).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain.rules.claims import code_refusal
from sync.protocol import EventIn, Reason
from sync.server.batch import Batch, Rejected
from sync.server.judges.fields import first, keys, keys_or_none
from sync.server.rebates import RuleBook


def codes(payload: dict[str, Any]) -> list[str]:
    return keys_or_none(first(payload, "epcList", "codes"))


def number(event: EventIn) -> tuple[str, str]:
    """The claim number the counter gave it (FL-…; older stations: the event's id)."""
    return "claim", str(event.payload.get("claim_id") or event.event_id)


def judge(b: Batch, event: EventIn, when: dt.datetime) -> dict[str, Any]:
    p = event.payload
    claim_id = number(event)[1]
    if ("claim", claim_id) in b.taken:
        raise Rejected(Reason.CLAIM_ID_REUSED, claim=claim_id)
    token, card = b.token(first(p, "card"), "card")
    if ("card", token.id) in b.deny or card["status"] == "void":
        raise Rejected(Reason.CARD_DENIED, card=token.id)
    if token.expired(when.date()):
        raise Rejected(Reason.CARD_EXPIRED, card=token.id, expires=card["expires"])
    claimed = keys(first(p, "epcList", "codes"))
    if not claimed:
        raise Rejected(Reason.EVENT_INVALID, error="a claim without product codes")
    seen: set[str] = set()
    for key in claimed:
        code = b.codes.get(key)
        prior = b.claimed.get(key)
        refusal = code_refusal(code["status"] if code else None, repeated=key in seen,
                               claimed_before=prior is not None)  # fmt: skip
        if refusal == Reason.CLAIM_CODE_CLAIMED and prior is not None:
            raise Rejected(Reason.CLAIM_CODE_CLAIMED, code=key, claim=prior["claim_id"],
                           at=prior["claimed_at"])  # fmt: skip
        if refusal is not None:
            raise Rejected(Reason(refusal), code=key)
        seen.add(key)
    if b.rules is None:
        b.rules = RuleBook.load(b.tx)
    rules = b.rules
    day = when.date()
    amounts = [rules.amount(b.codes[k]["product_id"], day) for k in claimed]
    for key, amount in zip(claimed, amounts, strict=True):
        b.claimed[key] = {"claim_id": claim_id, "claimed_at": event.occurred_at}
        b.rows["claim_items"].append((key, claim_id, b.codes[key]["product_id"], amount))
    month = day.strftime("%Y-%m")
    b.taken.add(("claim", claim_id))
    b.rows["claims"].append(
        (claim_id, token.id, b.me, event.event_id, event.occurred_at, month, len(claimed),
         sum(amounts), "accepted")
    )  # fmt: skip
    result = {"claim_id": claim_id, "card_id": token.id, "month": month, "units": len(claimed),
              "base_cents": sum(amounts), "status": "accepted"}  # fmt: skip
    b.log.add("claim", claim_id, result, audience=f"station:{b.me}")
    b.trace(event, claimed, "claim")
    b.anomaly.observation(event, when)
    b.anomaly.runs(claimed, event)
    return result
