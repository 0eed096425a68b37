"""Table models for the warehouse page: the current job's lines, its scans, and job lists.

Column constants and roles in the manner of Vorta's models; lines update cell by
cell when the same products come back (the common case: one scan changed one
line), so the view does not flicker or lose its selection at scanning speed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.workflows.warehouse import FLOW_TITLES, Line, label
from app.domain.workflows.warehouse.reports import JobSummary, ScanRow

ModelIndex = QModelIndex | QPersistentModelIndex
KeyRole = Qt.ItemDataRole.UserRole + 1

GREEN, AMBER, RED = "#ceead6", "#fef7e0", "#fce8e6"


def _local(iso: str | None) -> str:
    if not iso:
        return ""
    return dt.datetime.fromisoformat(iso).astimezone().strftime("%m-%d %H:%M")


class LinesModel(QAbstractTableModel):
    """Expected / scanned / remaining per product; colour says done, over or not on the paper."""

    COL_PRODUCT, COL_EXPECTED, COL_SCANNED, COL_REMAINING = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self._has_paper = False

    def set_lines(self, lines: tuple[Line, ...] | list[Line]) -> None:
        lines = list(lines)
        # "not on the paper" only means something when the job has a paper (order, delivery)
        self._has_paper = any(line.expected is not None for line in lines)
        if [x.product_id for x in lines] == [x.product_id for x in self._lines]:
            changed = [i for i, (a, b) in enumerate(zip(self._lines, lines, strict=True)) if a != b]
            self._lines = lines
            for row in changed:
                emit_changed(self, self.index(row, 0), self.index(row, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def line(self, row: int) -> Line:
        return self._lines[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("Warehouse", "Product"),
            QCoreApplication.translate("Warehouse", "Expected"),
            QCoreApplication.translate("Warehouse", "Scanned"),
            QCoreApplication.translate("Warehouse", "Still to scan"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_PRODUCT:
                return QCoreApplication.translate("Warehouse", line.product)
            if col == self.COL_EXPECTED:
                return "—" if line.expected is None else line.expected
            if col == self.COL_SCANNED:
                return line.scanned
            remaining = line.remaining
            if remaining is None:
                return (
                    QCoreApplication.translate("Warehouse", "not expected")
                    if self._has_paper
                    else ""
                )
            if remaining < 0:
                return QCoreApplication.translate("Warehouse", "{n} over").format(n=-remaining)
            return remaining
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.expected is None:
                return QBrush(QColor(AMBER)) if line.scanned and self._has_paper else None
            if line.scanned > line.expected:
                return QBrush(QColor(RED))
            if line.scanned == line.expected:
                return QBrush(QColor(GREEN))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_PRODUCT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == self.COL_REMAINING:
            font = QFont()
            font.setBold(True)
            return font
        if role == KeyRole:
            return line.product_id
        return None


class ScansModel(QAbstractTableModel):
    """The current job's scans, newest first; undone ones struck through, kept for the record."""

    COL_TIME, COL_CODE, COL_LEVEL, COL_PRODUCT, COL_ITEMS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ScanRow] = []
        self._products: dict[str, str] = {}

    def set_rows(self, rows: list[ScanRow], products: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows, self._products = rows, products
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("Warehouse", "Time"),
            QCoreApplication.translate("Warehouse", "Code"),
            QCoreApplication.translate("Warehouse", "Level"),
            QCoreApplication.translate("Warehouse", "Product"),
            QCoreApplication.translate("Warehouse", "Items"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_TIME:
                return _local(row.at)[-5:]
            if col == self.COL_CODE:
                text = label(row.key)
                return text if row.verified else text + " ⚠"
            if col == self.COL_LEVEL:
                return level_name(row.level)
            if col == self.COL_PRODUCT:
                return self._products.get(row.product_id or "", row.product_id or "")
            return row.qty
        if role == Qt.ItemDataRole.FontRole and row.undone:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.undone:
            return QBrush(QColor("#9aa0a6"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.key
        if role == KeyRole:
            return row.key
        return None


def level_name(level: str | None) -> str:
    names = {
        "item": QCoreApplication.translate("Warehouse", "item"),
        "case": QCoreApplication.translate("Warehouse", "case"),
        "pallet": QCoreApplication.translate("Warehouse", "pallet"),
    }
    return names.get(level or "", level or "")


class JobsModel(QAbstractTableModel):
    """Open jobs or the history: task, what it is about, progress, who and when."""

    COL_FLOW, COL_TITLE, COL_DEALER, COL_PROGRESS, COL_STATE, COL_WHEN = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._jobs: list[JobSummary] = []

    def set_jobs(self, jobs: list[JobSummary]) -> None:
        self.beginResetModel()
        self._jobs = jobs
        self.endResetModel()

    def job(self, row: int) -> JobSummary:
        return self._jobs[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("Warehouse", "Task"),
            QCoreApplication.translate("Warehouse", "For"),
            QCoreApplication.translate("Warehouse", "Dealer"),
            QCoreApplication.translate("Warehouse", "Scanned"),
            QCoreApplication.translate("Warehouse", "State"),
            QCoreApplication.translate("Warehouse", "When"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._jobs):
            return None
        job = self._jobs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_FLOW:
                return QCoreApplication.translate("Warehouse", FLOW_TITLES[job.flow])
            if col == self.COL_TITLE:
                return job.title
            if col == self.COL_DEALER:
                return job.dealer
            if col == self.COL_PROGRESS:
                return (
                    f"{job.scanned}/{job.expected}"
                    if job.expected is not None
                    else str(job.scanned)
                )
            if col == self.COL_STATE:
                return state_name(job.status, job.closed_by)
            return _local(job.finished_at or job.created_at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return job.id
        if role == KeyRole:
            return job.id
        return None


def state_name(status: str, closed_by: str | None) -> str:
    if status == "open":
        return QCoreApplication.translate("Warehouse", "open")
    if status == "cancelled":
        return QCoreApplication.translate("Warehouse", "cancelled")
    if closed_by == "full":
        return QCoreApplication.translate("Warehouse", "full")
    return QCoreApplication.translate("Warehouse", "finished")


def emit_changed(model: QAbstractTableModel, top: QModelIndex, bottom: QModelIndex) -> None:
    model.dataChanged.emit(top, bottom, [])
