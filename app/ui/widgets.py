"""The widgets every work page builds with, in one place: big labels, read-only lists, buttons.

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
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
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


def tool_button(text: str, slot: Any, parent: QWidget) -> QPushButton:
    """A page's button: a fingertip high, and never holding the focus a gun types into."""
    button = QPushButton(text, parent)
    button.setMinimumHeight(40)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(slot)
    return button
