"""Installer rebate claims: each product code claimable once, per-unit amounts from the rules,
the monthly tier ladder, blocked and expired cards."""

from __future__ import annotations

import datetime as dt

from sync.server import admin
from tests.support.sync_data import claim, enroll_station, seed_sample, ship


def test_claims_earn_rules_amounts_once_per_code_and_climb_the_tier_ladder(central):
    sample = seed_sample(central.server)
    warehouse = enroll_station(central, "wh", site="W1")
    counter = enroll_station(central, "counter", dealer_id="D1")
    i = sample.items
    assert warehouse.push([ship("wh", 1, i[:8])])[0]["status"] == "accepted"
    admin.set_rebate_rule(central.server, 300, rule_id="all")
    admin.set_rebate_rule(central.server, 500, product_id="P1", rule_id="p1")
    admin.set_rebate_rule(
        central.server, 9999, product_id="P1", valid_to="2000-01-01", rule_id="old"
    )
    for name, units, bonus in (("bronze", 0, 0), ("silver", 3, 50), ("gold", 6, 100)):
        admin.set_rebate_tier(central.server, name, units, bonus)
    cid, card = admin.issue_card(central.server, "王师傅", dealer_id="D1")
    blocked_id, blocked = admin.issue_card(central.server, "李师傅")
    admin.deny(central.server, "card", blocked_id, "fraud")
    _, expired = admin.issue_card(central.server, "张师傅", days=-1)

    results = counter.push([
        claim("counter", 1, card, i[0:2], "c1"),
        claim("counter", 2, card, [i[1], i[2]], "c2"),
        claim("counter", 3, card, [i[2], i[2]], "c3"),
        claim("counter", 4, card, [i[10]], "c4"),
        claim("counter", 5, card, ["sgtin:06901234567892.000000999999"], "c5"),
        claim("counter", 6, blocked, [i[3]], "c6"),
        claim("counter", 7, expired, [i[3]], "c7"),
        claim("counter", 8, "YC1.bad.sig", [i[3]], "c8"),
        claim("counter", 9, card, i[2:6], "c9"),
    ])  # fmt: skip
    assert [r["reason"] for r in results] == [
        None, "claim.code_already_claimed", "claim.code_repeated", "claim.code_not_sold", "code.unknown",
        "card.denied", "card.expired", "card.forged", None]  # fmt: skip
    assert results[0]["detail"] == {"claim_id": "c1", "card_id": cid, "month": results[0]["detail"]["month"],
                                     "units": 2, "base_cents": 1000, "status": "accepted"}  # fmt: skip
    assert results[1]["detail"]["claim"] == "c1"

    month = dt.datetime.now(dt.UTC).strftime("%Y-%m")
    statement = counter.get(f"/v1/rebates/{cid}/{month}").json()
    assert (statement["units"], statement["tier"]) == (6, "gold")
    assert (statement["base_cents"], statement["bonus_cents"], statement["total_cents"]) == (
        3000,
        600,
        3600,
    )

    changes, _ = counter.pull_all()
    claims = {c["key"]: c["data"] for c in changes if c["kind"] == "claim"}
    assert set(claims) == {"c1", "c9"} and claims["c9"]["base_cents"] == 2000
    rules = [c for c in changes if c["kind"] == "setting" and c["key"] == "rebate.rules"][-1][
        "data"
    ]["value"]
    assert {t["name"] for t in rules["tiers"]} == {"bronze", "silver", "gold"}
    assert {r["id"] for r in rules["rules"]} == {"all", "p1", "old"}
