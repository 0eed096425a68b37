"""The aggregation tree below one package, set-based: one recursive query, no per-row Python.

Receiving, shipping, stocktake and returns act on a pallet or case as on all
it holds. ``expand`` loads the package and everything packed in it into
``temp.wh_tree``; counting and changing state then run as single statements.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from app.domain.codes.model import Level
from app.domain.workflows.warehouse.codes import MAX_DEPTH, CodeRow
from app.domain.workflows.warehouse.names import Names


class Tree:
    """What one package holds, for one action."""

    def __init__(self, conn: sqlite3.Connection, now: str, names: Names) -> None:
        self.conn = conn
        self.now = now
        self.names = names
        self._ready = False

    def expand(self, key: str) -> None:
        """Load ``key`` and everything packed in it into ``temp.wh_tree``."""
        if not self._ready:
            self.conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS wh_tree (key TEXT PRIMARY KEY, level TEXT,"
                " product_id TEXT, status TEXT, order_id TEXT, dealer_id TEXT, depth INTEGER)"
                " WITHOUT ROWID"
            )
            self._ready = True
        self.conn.execute("DELETE FROM temp.wh_tree")
        self.conn.execute(
            "INSERT INTO temp.wh_tree WITH RECURSIVE t(key, depth) AS ("
            " SELECT ?, 0 UNION ALL"
            " SELECT c.key, t.depth + 1 FROM codes c JOIN t ON c.parent_key = t.key"
            f" WHERE t.depth < {MAX_DEPTH})"
            " SELECT c.key, c.level, c.product_id, c.status, c.order_id, c.dealer_id, t.depth"
            " FROM t JOIN codes c ON c.key = t.key",
            (key,),
        )

    def items(self, root: CodeRow) -> dict[str, int]:
        """Items per product in the expanded tree; a case or pallet with no known contents counts
        its nominal pack size, so receiving a sealed carton still adds up."""
        counts = {
            (p or ""): n
            for p, n in self.conn.execute(
                "SELECT product_id, count(*) FROM temp.wh_tree WHERE level = 'item' GROUP BY product_id"
            )
        }
        if counts:
            return counts
        return {(root.product_id or ""): self.nominal_items(root.level, root.product_id)}

    def nominal_items(self, level: str, product_id: str | None) -> int:
        if level == Level.ITEM or not product_id:
            return 1
        row = self.names.product(product_id)
        per_case = (row["items_per_case"] if row else None) or 1
        if level == Level.CASE:
            return per_case
        return per_case * ((row["cases_per_pallet"] if row else None) or 1)

    def states(self) -> dict[tuple[str, str | None], int]:
        """(status, order_id) → count, for everything below the root."""
        return {
            (s, o): n
            for s, o, n in self.conn.execute(
                "SELECT status, order_id, count(*) FROM temp.wh_tree WHERE depth > 0"
                " GROUP BY status, order_id"
            )
        }

    def update(self, **values: Any) -> int:
        columns = ", ".join(f"{name} = ?" for name in values)
        cursor = self.conn.execute(
            f"UPDATE codes SET {columns}, updated_at = ? WHERE key IN (SELECT key FROM temp.wh_tree)",
            (*values.values(), self.now),
        )
        return cursor.rowcount
