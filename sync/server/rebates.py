"""Installer rebates: per-unit amounts by product and date, and monthly tier ladders by count.

A claim earns each product code's per-unit amount (a product's own rule beats the general
one; the rule valid on the claim's day counts). At the month's end the installer's tier
(e.g. bronze from 0 units, silver from 50, gold from 200) adds its bonus per unit for every
unit of that month. Stations get the same rules (setting ``rebate.rules``) to show an
estimate at the counter; the server's statement is the one that pays. The arithmetic is
``app.domain.rules.rebates``, shared with the counter; this module reads and publishes the
rules and writes the statement.
"""

from __future__ import annotations

from app.domain.rules import rebates
from sync.protocol import RebateStatement
from sync.server.changes import ChangeLog
from sync.server.db import Tx


class RuleBook(rebates.RuleBook):
    """The shared arithmetic over the rules in this server's tables."""

    @classmethod
    def load(cls, tx: Tx) -> RuleBook:
        rules = tx.all(
            "SELECT id, product_id, amount_cents, valid_from, valid_to FROM rebate_rules ORDER BY id"
        )
        tiers = tx.all("SELECT name, min_units, bonus_cents FROM rebate_tiers ORDER BY min_units")
        return cls(rules, tiers)


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
