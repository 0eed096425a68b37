"""The codes a warehouse action reads and changes, one indexed lookup at a time.

``resolve`` is the one gate every scanned code passes: it refuses what cannot
be used here (unreadable, a command, a shop barcode, a replaced label, an
unknown code in strict mode) and otherwise answers with the code's row, or a
provisional row for a code never seen, which the flow stores only if it accepts it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from biip.checksums import gs1_standard_check_digit

from app.domain.codes.model import Code, Level, Scheme
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.rules.tokens import CARD, VOUCHER
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.answers import Refusal, label, refuse
from app.domain.workflows.warehouse.model import Status

MAX_DEPTH = 4  # pallet → case → item is depth 2; the guard stops a corrupted cycle


@dataclass(frozen=True, slots=True)
class CodeRow:
    key: str
    level: str
    product_id: str | None
    parent_key: str | None
    status: str
    dealer_id: str | None
    order_id: str | None
    verified: int
    known: bool = True  # False: never seen by this station (a provisional row, not stored yet)


class Codes:
    """Rows of the core ``codes`` table and their parent links."""

    def __init__(self, conn: sqlite3.Connection, now: str, strict: Callable[[], bool]) -> None:
        self.conn = conn
        self.now = now
        self._strict = strict

    def lookup(self, key: str) -> CodeRow | None:
        row = self.conn.execute(
            "SELECT key, level, product_id, parent_key, status, dealer_id, order_id, verified"
            " FROM codes WHERE key = ?",
            (key,),
        ).fetchone()
        return CodeRow(*row) if row else None

    def resolve(self, code: Code, *, allow_unknown: bool = True) -> CodeRow:
        """The code's row, or a provisional one for a code never seen; refuses what cannot be used."""
        if not code.valid and code.raw.strip().startswith((f"{VOUCHER}.", f"{CARD}.")):
            raise refuse(
                "wh.voucher_here",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "This is a prize voucher or an installer card, not goods: it is redeemed at "
                    "the counter. Nothing was recorded here.",
                ),
            )
        if not code.valid:
            raise Refusal(
                Decision(
                    Outcome.ERROR,
                    code.message
                    or QT_TRANSLATE_NOOP("Decisions", "This code cannot be read. Scan it again."),
                    {},
                    code.reason or "code.invalid",
                )
            )
        if code.scheme is Scheme.COMMAND:
            raise refuse(
                "wh.command_here",
                QT_TRANSLATE_NOOP("Decisions", "A command barcode was not expected here."),
            )
        if code.level is Level.PRODUCT or not code.key:
            raise refuse(
                "wh.not_serialized",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "This is the shop barcode of the product, not its unique code. "
                    "Scan the QR code or the code with the serial number.",
                ),
            )
        row = self.lookup(code.key)
        if row is not None:
            if row.status == Status.REPLACED:
                new = self.conn.execute(
                    "SELECT new_key FROM wh_replacements WHERE old_key = ?", (row.key,)
                ).fetchone()
                raise refuse(
                    "wh.replaced",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "The label {code} was replaced by {new}. Scan the new label; "
                        "remove the old one if it is still on the package.",
                    ),
                    code=label(row.key),
                    new=label(new[0]) if new else "?",
                )
            return row
        if not allow_unknown:
            raise unknown(code.key)
        if self._strict():
            raise refuse(
                "wh.unknown_strict",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is not known to this station and strict mode is on, so it is refused. "
                    "Set it aside and tell the supervisor, or sync and try again.",
                ),
                code=label(code.key),
            )
        level = code.level.value if code.level else Level.ITEM.value
        return CodeRow(
            code.key, level, self.product_by_gtin(code.gtin), None, "new", None, None, 0, False
        )

    def product_by_gtin(self, gtin: str | None) -> str | None:
        if not gtin:
            return None
        row = self.conn.execute("SELECT id FROM products WHERE gtin = ?", (gtin,)).fetchone()
        if row is None and len(gtin) == 14 and gtin[0] in "12345678":
            # a case GTIN (indicator 1-8) names the same product as its item GTIN
            base = "0" + gtin[1:13]
            item_gtin = base + str(gs1_standard_check_digit(base))
            row = self.conn.execute(
                "SELECT id FROM products WHERE gtin = ?", (item_gtin,)
            ).fetchone()
        return row[0] if row else None

    def insert(self, row: CodeRow, status: str, **changes: Any) -> CodeRow:
        """Store a code seen for the first time, marked unverified for the server to judge."""
        row = replace(row, status=status, known=True, **changes)
        self.conn.execute(
            "INSERT INTO codes (key, level, product_id, parent_key, status, dealer_id, order_id,"
            " verified, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (
                row.key,
                row.level,
                row.product_id,
                row.parent_key,
                row.status,
                row.dealer_id,
                row.order_id,
                self.now,
            ),
        )
        return row

    def children_count(self, key: str) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM codes WHERE parent_key = ?", (key,)
        ).fetchone()[0]

    def children(self, key: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT key FROM codes WHERE parent_key = ? ORDER BY key", (key,)
            )
        ]

    def set_parent(self, key: str, parent: str | None) -> None:
        self.conn.execute(
            "UPDATE codes SET parent_key = ?, updated_at = ? WHERE key = ?", (parent, self.now, key)
        )

    def ancestors(self, row: CodeRow) -> list[str]:
        keys: list[str] = []
        parent = row.parent_key
        while parent and len(keys) < MAX_DEPTH:
            keys.append(parent)
            above = self.conn.execute(
                "SELECT parent_key FROM codes WHERE key = ?", (parent,)
            ).fetchone()
            parent = above[0] if above else None
        return keys

    def place(self, key: str, location_id: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO wh_code_locations (key, location_id) VALUES (?, ?)",
            (key, location_id),
        )

    def unplace(self, key: str) -> None:
        self.conn.execute("DELETE FROM wh_code_locations WHERE key = ?", (key,))


def unknown(key: str) -> Refusal:
    return refuse(
        "wh.unknown",
        QT_TRANSLATE_NOOP(
            "Decisions",
            "{code} is not known to this station, so there is nothing to change. "
            "Check the label, or sync and try again.",
        ),
        code=label(key),
    )
