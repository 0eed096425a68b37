"""Installer rebate arithmetic: per-unit amounts by product and date, monthly tiers by count.

A claim earns each product code's per-unit amount (a product's own rule beats the general
one; the rule valid on the claim's day counts). At the month's end the installer's tier
(e.g. bronze from 0 units, silver from 50, gold from 200) adds its bonus per unit for every
unit of that month.

The server keeps the rules in its tables and publishes them to the stations (setting
``rebate.rules``, the shape of ``as_setting``); the counter reads that setting back with
``from_setting`` to show an estimate. Both compute with this one class, so the counter's
estimate and the server's ledger agree; the server's monthly statement is what pays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

NO_TIER: dict[str, Any] = {"name": "", "min_units": 0, "bonus_cents": 0}


@dataclass
class RuleBook:
    rules: list[dict[str, Any]]  # id, product_id (None: every product), amount_cents, valid_from/to
    tiers: list[dict[str, Any]]  # name, min_units, bonus_cents; ordered by min_units

    @classmethod
    def from_setting(cls, raw: Mapping[str, Any]) -> RuleBook:
        """The rules as published in setting ``rebate.rules``; entries without an amount or
        that are not objects are skipped, missing optional fields mean "any"."""
        rules = [
            {"product_id": None, "valid_from": None, "valid_to": None, **rule}
            for rule in raw.get("rules", [])
            if isinstance(rule, dict) and "amount_cents" in rule
        ]
        tiers = [tier for tier in raw.get("tiers", []) if isinstance(tier, dict)]
        return cls(rules, tiers)

    def amount(self, product_id: str | None, day: dt.date) -> int:
        """The per-unit amount in cents for a product claimed on ``day`` (0 without a rule)."""
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
        """The highest tier ``units`` in a month reach."""
        reached = [t for t in self.tiers if units >= t["min_units"]]
        return reached[-1] if reached else dict(NO_TIER)

    def as_setting(self) -> dict[str, Any]:
        return {"rules": self.rules, "tiers": self.tiers}
