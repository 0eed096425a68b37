"""Finance's ledger: each installer card's rebate per month with its tier, approved for payout
once, and exported for the payment run (CSV and XLSX, every cell defused against formulas).

An approval records the total it approved, so a claim that arrives later for the same month is
seen as a difference, never silently paid.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from app.domain.export_cells import safe_row
from sync.server import rebates
from sync.server.db import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS rebate_payouts (
    card_id TEXT NOT NULL, month TEXT NOT NULL, total_cents BIGINT NOT NULL,
    approved_by TEXT NOT NULL, approved_at TEXT NOT NULL, PRIMARY KEY (card_id, month));
"""
COLUMNS = [
    "month",
    "card_id",
    "installer",
    "dealer",
    "units",
    "tier",
    "base_yuan",
    "bonus_yuan",
    "total_yuan",
    "approved_yuan",
    "approved_by",
    "approved_at",
]


class AlreadyApproved(Exception):
    """The month of this card was approved before: first approval stands."""


def create_schema(db: Database) -> None:
    with db.transaction() as tx:
        tx.lock("console-schema")
        tx.execute(SCHEMA)


def months(db: Database) -> list[str]:
    with db.read() as tx:
        return [
            m for (m,) in tx.rows("SELECT DISTINCT month FROM rebate_claims ORDER BY month DESC")
        ]


def statements(db: Database, month: str) -> list[dict[str, Any]]:
    with db.read() as tx:
        cards = tx.all(
            "SELECT DISTINCT c.card_id, coalesce(i.name, '') AS installer,"
            " coalesce(d.name, i.dealer_id, '') AS dealer FROM rebate_claims c"
            " LEFT JOIN installer_cards i ON i.id = c.card_id LEFT JOIN dealers d"
            " ON d.id = i.dealer_id WHERE c.month = ? ORDER BY c.card_id",
            (month,),
        )
        payouts = {
            row["card_id"]: row
            for row in tx.all("SELECT * FROM rebate_payouts WHERE month = ?", (month,))
        }
        rows = []
        for card in cards:
            s = rebates.statement(tx, card["card_id"], month)
            payout = payouts.get(card["card_id"])
            rows.append(
                {
                    **card,
                    "month": month,
                    "units": s.units,
                    "tier": s.tier,
                    "base_cents": s.base_cents,
                    "bonus_cents": s.bonus_cents,
                    "total_cents": s.total_cents,
                    "approved_cents": payout["total_cents"] if payout else None,
                    "approved_by": payout["approved_by"] if payout else "",
                    "approved_at": payout["approved_at"] if payout else "",
                }
            )
    return rows


def approve(db: Database, now: dt.datetime, username: str, card_id: str, month: str) -> int:
    """Approve the card's month at today's total; the total approved, in cents."""
    with db.transaction() as tx:
        tx.lock(f"payout:{card_id}:{month}")
        if tx.scalar(
            "SELECT 1 FROM rebate_payouts WHERE card_id = ? AND month = ?", (card_id, month)
        ):
            raise AlreadyApproved(card_id)
        total = rebates.statement(tx, card_id, month).total_cents
        tx.execute(
            "INSERT INTO rebate_payouts (card_id, month, total_cents, approved_by, approved_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (card_id, month, total, username, now.astimezone(dt.UTC).isoformat(timespec="seconds")),
        )
    return total


def _yuan(cents: int | None) -> str:
    return "" if cents is None else f"{cents / 100:.2f}"


def _table(db: Database, month: str) -> list[list[Any]]:
    return [
        safe_row(
            [
                r["month"],
                r["card_id"],
                r["installer"],
                r["dealer"],
                r["units"],
                r["tier"],
                _yuan(r["base_cents"]),
                _yuan(r["bonus_cents"]),
                _yuan(r["total_cents"]),
                _yuan(r["approved_cents"]),
                r["approved_by"],
                r["approved_at"],
            ]
        )
        for r in statements(db, month)
    ]


def as_csv(db: Database, month: str) -> bytes:
    """UTF-8 with a BOM, so Excel opens the installers' Chinese names right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(_table(db, month))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(db: Database, month: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.worksheets[0]  # a new workbook's one sheet
    sheet.title = month
    sheet.append(COLUMNS)
    for row in _table(db, month):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
