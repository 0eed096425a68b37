"""Installer rebates: per-unit amounts by product and date, and monthly tier ladders by count.

A claim earns each product code's per-unit amount (a product's own rule beats the general
one; the rule valid on the claim's day counts). At the month's end the installer's tier
(e.g. bronze from 0 units, silver from 50, gold from 200) adds its bonus per unit for every
unit of that month. Stations get the same rules (setting ``rebate.rules``) to show an
estimate at the counter; the server's statement is the one that pays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sync.protocol import RebateStatement
from sync.server.changes import ChangeLog
from sync.server.db import Tx


@dataclass
class RuleBook:
    rules: list[dict[str, Any]]
    tiers: list[dict[str, Any]]

    @classmethod
    def load(cls, tx: Tx) -> RuleBook:
        rules = tx.all(
            "SELECT id, product_id, amount_cents, valid_from, valid_to FROM rebate_rules ORDER BY id"
        )
        tiers = tx.all("SELECT name, min_units, bonus_cents FROM rebate_tiers ORDER BY min_units")
        return cls(rules, tiers)

    def amount(self, product_id: str | None, day: dt.date) -> int:
        text = day.isoformat()
        best: tuple[int, int] | None = None  # (specificity, amount)
        for rule in self.rules:
            if rule["valid_from"] and text < rule["valid_from"]:
                continue
            if rule["valid_to"] and text > rule["valid_to"]:
                continue
            if rule["product_id"] not in (None, product_id):
                continue
            specificity = 1 if rule["product_id"] else 0
            if best is None or specificity >= best[0]:
                best = (specificity, rule["amount_cents"])
        return best[1] if best else 0

    def tier(self, units: int) -> dict[str, Any]:
        reached = [t for t in self.tiers if units >= t["min_units"]]
        return reached[-1] if reached else {"name": "", "min_units": 0, "bonus_cents": 0}

    def as_setting(self) -> dict[str, Any]:
        return {"rules": self.rules, "tiers": self.tiers}


def publish(tx: Tx, log: ChangeLog) -> None:
    """Send the current rules to every station (setting ``rebate.rules``)."""
    from sync.server.changes import set_setting

    set_setting(tx, log, "rebate.rules", RuleBook.load(tx).as_setting())


def statement(tx: Tx, card_id: str, month: str) -> RebateStatement:
    book = RuleBook.load(tx)
    claims = tx.all(
        "SELECT claim_id, station_id, claimed_at, units, base_cents, status FROM rebate_claims"
        " WHERE card_id = ? AND month = ? AND status = 'accepted' ORDER BY claimed_at",
        (card_id, month),
    )
    units = sum(c["units"] for c in claims)
    base = sum(c["base_cents"] for c in claims)
    tier = book.tier(units)
    bonus = tier["bonus_cents"] * units
    return RebateStatement(
        card_id=card_id,
        month=month,
        units=units,
        tier=tier["name"],
        base_cents=base,
        bonus_cents=bonus,
        total_cents=base + bonus,
        claims=claims,
    )
