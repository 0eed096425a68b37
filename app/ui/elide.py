"""Code columns give up their middle, never their serial: the serial that tells two cans apart
is at the end of a code, and a column cut at the right shows only the product's GTIN, the same
on every row. ``elide_in_the_middle(view, column, ...)`` sets this on the columns that hold
codes and leaves a message column cut at its end, where it reads best.

When a code does not fit, its serial (what follows ``(21)``, the SSCC after ``(00)``, or the
last word, as in 奖券 V-2026-000123) stays whole and the text before it is cut; in a column too
narrow even for that, the start goes first.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

ELLIPSIS = "…"
CELL_MARGINS = 12  # the style's text margins on both sides, and a little air


def serial_part(text: str) -> str:
    """The end of ``text`` that must stay readable."""
    for marker in ("(21) ", "(00) "):
        if marker in text:
            return text.rsplit(marker, 1)[1]
    return text.rsplit(" ", 1)[-1]


class MiddleElide(QStyledItemDelegate):
    """Draws a cell like the view does, cut before its serial when it does not fit."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle  # type: ignore[attr-defined]
        # one line: wrapped at its spaces, a code would show only "(01) …"
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText  # type: ignore[attr-defined]
        text: str = option.text  # type: ignore[attr-defined]
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        room = option.rect.width() - CELL_MARGINS  # type: ignore[attr-defined]
        if not text or room <= 0 or metrics.horizontalAdvance(text) <= room:
            return
        tail = serial_part(text)
        head_room = room - metrics.horizontalAdvance(tail)
        if head_room < metrics.horizontalAdvance(ELLIPSIS):
            option.textElideMode = Qt.TextElideMode.ElideLeft  # type: ignore[attr-defined]
            return
        head = text[: len(text) - len(tail)]
        option.text = metrics.elidedText(head, Qt.TextElideMode.ElideRight, head_room) + tail  # type: ignore[attr-defined]


def elide_in_the_middle(view: QAbstractItemView, *columns: int) -> None:
    """Cells of ``columns`` in ``view`` keep their serial (one delegate per view)."""
    delegate = MiddleElide(view)
    for column in columns:
        view.setItemDelegateForColumn(column, delegate)
