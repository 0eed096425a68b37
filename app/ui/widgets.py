"""The widgets every work page builds with, in one place: big labels, read-only lists, buttons.

``TabButton`` is one of a row of exclusive choices (the page, the warehouse task, the counter's
mode), filled and bold when chosen and sized for its bold label; ``ElidedLabel`` is a line
that gives up its end, never the window's width, when the room runs out.

``RowsModel`` serves short lists (a day's redemptions, one claim's products, an inspector's
cases): it takes whole rows and changes only the rows that differ; the tint says what a row
means (confirmed green, provisional amber, refused red) at a glance. Buttons never take the
keyboard focus, so a gun's keys always reach the page and never "press" the button last used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

ModelIndex = QModelIndex | QPersistentModelIndex
KeyRole = Qt.ItemDataRole.UserRole + 1

TINTS = {
    "ok": "#ceead6",
    "warn": "#fef7e0",
    "bad": "#fce8e6",
    "off": "#eceff1",
}


class RowsModel(QAbstractTableModel):
    """Rows of display text; each row has a key (for selection) and an optional tint name."""

    def __init__(self, context: str, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._context = context
        self._headers = list(headers)  # English templates, translated on display
        self._rows: list[tuple[str, tuple[str, ...], str | None]] = []

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str], str | None]]) -> None:
        new = [(key, tuple(cells), tint) for key, cells, tint in rows]
        if [r[0] for r in new] == [r[0] for r in self._rows]:
            for i, (old, row) in enumerate(zip(self._rows, new, strict=True)):
                if old != row:
                    self._rows[i] = row
                    self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def key(self, row: int) -> str:
        return self._rows[row][0]

    def cells(self, row: int) -> tuple[str, ...]:
        return self._rows[row][1]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        key, cells, tint = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cells[index.column()] if index.column() < len(cells) else ""
        if role == Qt.ItemDataRole.BackgroundRole and tint in TINTS:
            return QBrush(QColor(TINTS[tint]))
        if role == KeyRole:
            return key
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return QCoreApplication.translate(self._context, self._headers[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


def big_label(text: str = "", px: int = 22, bold: bool = True) -> QLabel:
    """A label read from arm's length: the verdict, the prize, the installer's name."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPixelSize(px)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def table(model: RowsModel, stretch: int = 0) -> QTableView:
    """A read-only list: columns fit their text, column ``stretch`` takes the spare width."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(56)
    view.setAlternatingRowColors(False)
    return view


# The choice in front must be obvious at a glance: filled, not merely pressed.
TAB_STYLE = (
    "QPushButton { padding: 4px 14px; }"
    "QPushButton:checked { background: #1a73e8; color: white; font-weight: bold;"
    " border: 1px solid #1557b0; border-radius: 4px; }"
)


class TabButton(QPushButton):
    """A checkable button whose checked state is bold (``TAB_STYLE`` or a page's own style).

    Qt sizes a button for its font as set, not for the bold that a ``:checked`` style rule
    paints it in, so the chosen button's label lost its end ("Warehouse  F1" showed as
    "Warehouse  F"). This one asks for the room of its bold label, checked or not, so choosing
    never cuts the text and the row does not jump.
    """

    def __init__(
        self, text: str = "", parent: QWidget | None = None, *, style: str = TAB_STYLE
    ) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setMinimumHeight(40)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(style)

    def bold_extra(self) -> int:
        """How much wider the label is in bold than in the button's own font."""
        bold = QFont(self.font())
        bold.setBold(True)
        text = self.text().replace("&&", "&")
        return max(
            0,
            QFontMetrics(bold).horizontalAdvance(text) - self.fontMetrics().horizontalAdvance(text),
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self.bold_extra(), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width() + self.bold_extra(), hint.height())


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit (the whole text in the tooltip), so a
    long title or badge never wraps onto a second line a handheld has no room for, nor widens
    the window. It asks for the room of its whole text and takes less without complaint;
    ``text()`` is the whole text, the label shows as much of it as fits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)
        self._whole = ""
        self._tip = ""  # the owner's own tooltip, shown when the whole text is

    def text(self) -> str:
        return self._whole

    def setText(self, text: str) -> None:
        self._whole = text
        self._elide()
        self.updateGeometry()  # the room it asks for follows the whole text, shown or not

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()  # of the text shown: add back what eliding took away
        metrics = self.fontMetrics()
        extra = metrics.horizontalAdvance(self._whole) - metrics.horizontalAdvance(super().text())
        return QSize(hint.width() + max(0, extra), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        shown = self.fontMetrics().horizontalAdvance(super().text())
        least = self.fontMetrics().horizontalAdvance(self._whole[:3] + "…")
        return QSize(hint.width() - shown + min(shown, least), hint.height())

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def is_elided(self) -> bool:
        return super().text() != self._whole

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * max(0, self.margin())
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, room)
        if super().text() != shown:
            super().setText(shown)
        tip = "\n".join(t for t in (self._whole, self._tip) if t) if shown != self._whole else ""
        super().setToolTip(tip or self._tip)


def tool_button(text: str, slot: Any, parent: QWidget) -> QPushButton:
    """A page's button: a fingertip high, and never holding the focus a gun types into."""
    button = QPushButton(text, parent)
    button.setMinimumHeight(40)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(slot)
    return button
