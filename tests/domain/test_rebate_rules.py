"""The rebate arithmetic station and server share: a product's own rule beats the general one,
only rules valid on the claim's day count, tiers climb by units, and the published setting
reads back into the same book (so the counter's estimate is the server's amount)."""

from __future__ import annotations

import datetime as dt

from app.domain.rules.rebates import RuleBook

DAY = dt.date(2026, 6, 15)


def book() -> RuleBook:
    return RuleBook(
        rules=[
            {"id": "all", "product_id": None, "amount_cents": 300, "valid_from": None,
             "valid_to": None},
            {"id": "p1", "product_id": "P1", "amount_cents": 500, "valid_from": "2026-06-01",
             "valid_to": None},
            {"id": "old", "product_id": "P2", "amount_cents": 9999, "valid_from": None,
             "valid_to": "2026-01-01"},
        ],
        tiers=[
            {"name": "bronze", "min_units": 0, "bonus_cents": 0},
            {"name": "silver", "min_units": 50, "bonus_cents": 50},
            {"name": "gold", "min_units": 200, "bonus_cents": 100},
        ],
    )  # fmt: skip


def test_the_most_specific_rule_valid_that_day_sets_the_amount():
    rules = book()
    assert rules.amount("P1", DAY) == 500
    assert rules.amount("P1", dt.date(2026, 5, 31)) == 300  # P1's own rule not yet valid
    assert rules.amount("P2", DAY) == 300  # P2's own rule expired
    assert rules.amount(None, DAY) == 300
    assert RuleBook([], []).amount("P1", DAY) == 0


def test_tiers_climb_with_the_month_s_units():
    rules = book()
    assert [rules.tier(n)["name"] for n in (0, 49, 50, 199, 200)] == [
        "bronze", "bronze", "silver", "silver", "gold"
    ]  # fmt: skip
    assert RuleBook([], []).tier(10) == {"name": "", "min_units": 0, "bonus_cents": 0}


def test_the_published_setting_reads_back_into_the_same_book():
    rules = book()
    assert RuleBook.from_setting(rules.as_setting()) == rules


def test_a_damaged_setting_keeps_what_it_can_and_fills_what_is_optional():
    raw = {
        "rules": [{"amount_cents": 200}, "junk", {"product_id": "P1"}],
        "tiers": [{"name": "bronze", "min_units": 0, "bonus_cents": 0}, 7],
    }
    rules = RuleBook.from_setting(raw)
    assert rules.rules == [
        {"product_id": None, "valid_from": None, "valid_to": None, "amount_cents": 200}
    ]
    assert [t["name"] for t in rules.tiers] == ["bronze"]
    assert rules.amount("P9", DAY) == 200
    assert RuleBook.from_setting({}) == RuleBook([], [])
