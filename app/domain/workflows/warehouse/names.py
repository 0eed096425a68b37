"""Reference data in the operator's words: product, dealer, location and delivery names.

Read on the writer's connection inside the action that needs them, in the
language of the operator who acts (Chinese names unless the operator works in
English and the English name exists).
"""

from __future__ import annotations

import sqlite3

from app.domain.i18n import QT_TRANSLATE_NOOP

# A code the station has no product for (not pulled yet): said in words, never "?".
UNKNOWN_PRODUCT = QT_TRANSLATE_NOOP("Warehouse", "unknown product")


class Names:
    """Names of the things a warehouse decision talks about."""

    def __init__(self, conn: sqlite3.Connection, language: str) -> None:
        self.conn = conn
        self.chinese = language.startswith("zh")

    def product(self, product_id: str | None) -> sqlite3.Row | None:
        if not product_id:
            return None
        return self.conn.execute(
            "SELECT id, name, name_en, items_per_case, cases_per_pallet FROM products WHERE id = ?",
            (product_id,),
        ).fetchone()

    def product_name(self, product_id: str | None) -> str:
        row = self.product(product_id)
        if row is None:
            return product_id or UNKNOWN_PRODUCT
        return self._pick(row["name"], row["name_en"])

    def dealer_name(self, dealer_id: str | None) -> str:
        return self._named("dealers", dealer_id)

    def location_name(self, location_id: str | None) -> str:
        return self._named("wh_locations", location_id)

    def inbound_reference(self, inbound_id: str | None) -> str:
        if not inbound_id:
            return ""
        row = self.conn.execute(
            "SELECT reference FROM wh_inbound WHERE id = ?", (inbound_id,)
        ).fetchone()
        return (row[0] if row else "") or inbound_id

    def _named(self, table: str, id_: str | None) -> str:
        if not id_:
            return ""
        row = self.conn.execute(
            f"SELECT name, name_en FROM {table} WHERE id = ?", (id_,)
        ).fetchone()
        return id_ if row is None else self._pick(row[0], row[1])

    def _pick(self, name: str, name_en: str | None) -> str:
        return name if self.chinese or not name_en else name_en
