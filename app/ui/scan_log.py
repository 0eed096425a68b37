"""The on-screen list of recent scans, newest first, so an operator can look back a few scans.

It is a view of what was shown, not a record: the journal is the record. So it
is bounded (old rows fall off the bottom) and holds display text only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.domain.workflows.base import Outcome
from app.ui.elide import elide_in_the_middle

ModelIndex = QModelIndex | QPersistentModelIndex

ROW_COLOURS = {
    Outcome.OK: "#e6f4ea",
    Outcome.WARNING: "#fef7e0",
    Outcome.ERROR: "#fce8e6",
    Outcome.DONE: "#ceead6",
}
OutcomeRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class ScanLogRow:
    time: dt.datetime  # local time the result was shown
    code: str  # what was scanned, as the operator would recognise it
    outcome: Outcome
    message: str  # already translated
    result: str = ""  # the page's own word for the result (translated), else the outcome's


class ScanLogModel(QAbstractTableModel):
    COL_TIME, COL_CODE, COL_RESULT, COL_MESSAGE = range(4)
    COLUMN_COUNT = 4

    def __init__(self, max_rows: int = 500, parent: Any = None) -> None:
        super().__init__(parent)
        self.max_rows = max(1, max_rows)
        self._rows: list[ScanLogRow] = []

    # --- editing -----------------------------------------------------------------------

    def append(self, row: ScanLogRow) -> None:
        """Add a result at the top and drop the oldest beyond ``max_rows``."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row)
        self.endInsertRows()
        if len(self._rows) > self.max_rows:
            self.beginRemoveRows(QModelIndex(), self.max_rows, len(self._rows) - 1)
            del self._rows[self.max_rows :]
            self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    def row(self, index: int) -> ScanLogRow:
        return self._rows[index]

    # --- model -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def result_text(self, outcome: Outcome) -> str:
        return {
            Outcome.OK: self.tr("OK"),
            Outcome.WARNING: self.tr("Check"),
            Outcome.ERROR: self.tr("Refused"),
            Outcome.DONE: self.tr("Done"),
        }[outcome]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_TIME:
                return row.time.strftime("%H:%M:%S")
            if column == self.COL_CODE:
                return row.code
            if column == self.COL_RESULT:
                return row.result or self.result_text(row.outcome)
            if column == self.COL_MESSAGE:
                return row.message
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(ROW_COLOURS[row.outcome]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#202124"))
        if role == OutcomeRole:
            return row.outcome.value
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            self.COL_TIME: self.tr("Time"),
            self.COL_CODE: self.tr("Code"),
            self.COL_RESULT: self.tr("Result"),
            self.COL_MESSAGE: self.tr("Message"),
        }
        return titles.get(section)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ScanLogView(QTableView):
    """A read-only table that never takes keyboard focus from the scan input."""

    def __init__(self, model: ScanLogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ScanLogModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        elide_in_the_middle(self, ScanLogModel.COL_CODE)  # a code's serial is at its end
        self._size_columns(model)

    def _size_columns(self, model: ScanLogModel) -> None:
        """Widths from the font, not the rows: the columns never jump while scans arrive."""
        metrics = self.fontMetrics()
        pad = 24
        results = [model.result_text(outcome) for outcome in Outcome]
        titles = [
            str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.COLUMN_COUNT)
        ]
        self.setColumnWidth(
            ScanLogModel.COL_TIME,
            max(metrics.horizontalAdvance("88:88:88"), metrics.horizontalAdvance(titles[0])) + pad,
        )
        self.setColumnWidth(
            ScanLogModel.COL_RESULT,
            max(metrics.horizontalAdvance(t) for t in [*results, titles[2]]) + pad,
        )
        # a whole GS1 code as printed, (01) 14 digits (21) a serial; longer ones lose their middle
        self.setColumnWidth(ScanLogModel.COL_CODE, metrics.horizontalAdvance("8" * 32) + pad)
