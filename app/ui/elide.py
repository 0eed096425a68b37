"""Code columns give up their middle, not their end: the serial that tells two cans apart is
at the end of a code, and a column cut at the right shows only the product's GTIN, the same
on every row. ``elide_in_the_middle(view, column, ...)`` sets this on the columns that hold
codes and leaves a message column cut at its end, where it reads best.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem


class MiddleElide(QStyledItemDelegate):
    """Draws a cell like the view does, elided in the middle when it does not fit."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle  # type: ignore[attr-defined]


def elide_in_the_middle(view: QAbstractItemView, *columns: int) -> None:
    """Cells of ``columns`` in ``view`` keep both ends of their text (one delegate per view)."""
    delegate = MiddleElide(view)
    for column in columns:
        view.setItemDelegateForColumn(column, delegate)
