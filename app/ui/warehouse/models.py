"""Table models for the warehouse page: the current job's lines, its scans, and job lists.

One base in the manner of Vorta's models: each model declares its columns once
(a header and a constant per column) and says what one row shows; the base
answers Qt. New rows are compared with the shown ones by key: the same rows in
the same order update only the cells that changed, new rows on top are
inserted, anything else resets. So at scanning speed the view neither flickers
nor loses its selection or scroll position.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.codes.display import readable
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.warehouse import FLOW_TITLES, Line
from app.domain.workflows.warehouse.day import OperatorDay
from app.domain.workflows.warehouse.reports import JobSummary, ScanRow

ModelIndex = QModelIndex | QPersistentModelIndex
KeyRole = Qt.ItemDataRole.UserRole + 1
Role = Qt.ItemDataRole

GREEN, AMBER, RED = "#ceead6", "#fef7e0", "#fce8e6"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ROLES = (
    Role.DisplayRole,
    Role.BackgroundRole,
    Role.ForegroundRole,
    Role.FontRole,
    Role.TextAlignmentRole,
    Role.ToolTipRole,
)

T = TypeVar("T")


def tr(text: str) -> str:
    return QCoreApplication.translate("Warehouse", text)


def _local(iso: str | None) -> str:
    if not iso:
        return ""
    return dt.datetime.fromisoformat(iso).astimezone().strftime("%m-%d %H:%M")


class RowsModel(QAbstractTableModel, Generic[T]):
    """A flat table of ``T`` rows: subclasses name their ``HEADERS`` and say what a cell shows."""

    HEADERS: tuple[str, ...] = ()  # QT_TRANSLATE_NOOP("Warehouse", ...) texts, one per column

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    # --- what a subclass says ----------------------------------------------------------

    def key(self, row: T) -> Hashable:
        """What identifies a row between two updates (the same key: the same row)."""
        raise NotImplementedError

    def cell(self, row: T, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role`` (None: nothing)."""
        raise NotImplementedError

    # --- updates -------------------------------------------------------------------------

    def show_rows(self, rows: Sequence[T]) -> None:
        rows = list(rows)
        old_keys = [self.key(r) for r in self._rows]
        new_keys = [self.key(r) for r in rows]
        added = len(rows) - len(self._rows)
        if added > 0 and new_keys[added:] == old_keys:
            self.beginInsertRows(QModelIndex(), 0, added - 1)
            old, self._rows = self._rows, rows
            self.endInsertRows()
            self._changed_cells(old, rows[added:], offset=added)
        elif new_keys == old_keys:
            old, self._rows = self._rows, rows
            self._changed_cells(old, rows, offset=0)
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def _changed_cells(self, old: list[T], new: list[T], offset: int) -> None:
        for i, (before, after) in enumerate(zip(old, new, strict=True)):
            if before == after:
                continue
            for column in range(len(self.HEADERS)):
                if any(
                    self.cell(before, column, role) != self.cell(after, column, role)
                    for role in ROLES
                ):
                    index = self.index(offset + i, column)
                    self.dataChanged.emit(index, index, [])

    def row(self, index: int) -> T:
        return self._rows[index]

    # --- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Role.DisplayRole
            or not 0 <= section < len(self.HEADERS)
        ):
            return None
        return tr(self.HEADERS[section])

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == KeyRole:
            return self.key(row)
        return self.cell(row, index.column(), role)


class LinesModel(RowsModel[Line]):
    """Expected / scanned / remaining per product; colour says done, over or not on the paper."""

    COL_PRODUCT, COL_EXPECTED, COL_SCANNED, COL_REMAINING = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("Warehouse", "Product"),
        QT_TRANSLATE_NOOP("Warehouse", "Expected"),
        QT_TRANSLATE_NOOP("Warehouse", "Scanned"),
        QT_TRANSLATE_NOOP("Warehouse", "Still to scan"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._has_paper = False

    def set_lines(self, lines: Sequence[Line]) -> None:
        # "not on the paper" only means something when the job has a paper (order, delivery)
        self._has_paper = any(line.expected is not None for line in lines)
        self.show_rows(lines)

    def line(self, row: int) -> Line:
        return self.row(row)

    def key(self, row: Line) -> Hashable:
        return row.product_id

    def cell(self, line: Line, column: int, role: int) -> Any:
        if role == Role.DisplayRole:
            return self._text(line, column)
        if role == Role.BackgroundRole:
            return self._colour(line)
        if role == Role.TextAlignmentRole and column != self.COL_PRODUCT:
            return RIGHT
        if role == Role.FontRole and column == self.COL_REMAINING:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, line: Line, column: int) -> Any:
        if column == self.COL_PRODUCT:
            return tr(line.product)
        if column == self.COL_EXPECTED:
            return "—" if line.expected is None else line.expected
        if column == self.COL_SCANNED:
            return line.scanned
        remaining = line.remaining
        if remaining is None:
            return (
                QCoreApplication.translate("Warehouse", "not expected") if self._has_paper else ""
            )
        if remaining < 0:
            return QCoreApplication.translate("Warehouse", "{n} over").format(n=-remaining)
        return remaining

    def _colour(self, line: Line) -> QBrush | None:
        if line.expected is None:
            return QBrush(QColor(AMBER)) if line.scanned and self._has_paper else None
        if line.scanned > line.expected:
            return QBrush(QColor(RED))
        if line.scanned == line.expected:
            return QBrush(QColor(GREEN))
        return None


class ScansModel(RowsModel[ScanRow]):
    """The current job's scans, newest first; undone ones struck through, kept for the record."""

    COL_TIME, COL_CODE, COL_LEVEL, COL_PRODUCT, COL_ITEMS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("Warehouse", "Time"),
        QT_TRANSLATE_NOOP("Warehouse", "Code"),
        QT_TRANSLATE_NOOP("Warehouse", "Level"),
        QT_TRANSLATE_NOOP("Warehouse", "Product"),
        QT_TRANSLATE_NOOP("Warehouse", "Items"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._products: dict[str, str] = {}

    def set_rows(self, rows: list[ScanRow], products: dict[str, str]) -> None:
        self._products = products
        self.show_rows(rows)

    def key(self, row: ScanRow) -> Hashable:
        return (row.key, row.at, row.event_seq)

    def cell(self, row: ScanRow, column: int, role: int) -> Any:
        if role == Role.DisplayRole:
            if column == self.COL_TIME:
                return _local(row.at)[-5:]
            if column == self.COL_CODE:  # the whole code: the view elides in the middle
                text = readable(row.key)
                return text if row.verified else text + " ⚠"
            if column == self.COL_LEVEL:
                return level_name(row.level)
            if column == self.COL_PRODUCT:
                return self._products.get(row.product_id or "", row.product_id or "")
            return row.qty
        if role == Role.FontRole and row.undone:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Role.ForegroundRole and row.undone:
            return QBrush(QColor("#9aa0a6"))
        if role == Role.ToolTipRole:
            return readable(row.key)
        if role == Role.TextAlignmentRole and column == self.COL_ITEMS:
            return RIGHT
        return None


class JobsModel(RowsModel[JobSummary]):
    """Open jobs or the history: task, what it is about, progress, who and when."""

    COL_FLOW, COL_TITLE, COL_DEALER, COL_PROGRESS, COL_STATE, COL_WHEN = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("Warehouse", "Task"),
        QT_TRANSLATE_NOOP("Warehouse", "For"),
        QT_TRANSLATE_NOOP("Warehouse", "Dealer"),
        QT_TRANSLATE_NOOP("Warehouse", "Scanned"),
        QT_TRANSLATE_NOOP("Warehouse", "State"),
        QT_TRANSLATE_NOOP("Warehouse", "When"),
    )

    def set_jobs(self, jobs: list[JobSummary]) -> None:
        self.show_rows(jobs)

    def job(self, row: int) -> JobSummary:
        return self.row(row)

    def key(self, row: JobSummary) -> Hashable:
        return row.id

    def cell(self, job: JobSummary, column: int, role: int) -> Any:
        if role == Role.ToolTipRole:
            return job.id
        if role != Role.DisplayRole:
            return None
        if column == self.COL_FLOW:
            return tr(FLOW_TITLES[job.flow])
        if column == self.COL_TITLE:
            return job.title
        if column == self.COL_DEALER:
            return job.dealer
        if column == self.COL_PROGRESS:
            return f"{job.scanned}/{job.expected}" if job.expected is not None else str(job.scanned)
        if column == self.COL_STATE:
            return state_name(job.status, job.closed_by)
        return _local(job.finished_at or job.created_at)


class OperatorDayModel(RowsModel[OperatorDay]):
    """The day's work per operator, for supervisors."""

    COL_OPERATOR, COL_SCANS, COL_CASES, COL_SHIPMENTS = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("Warehouse", "Operator"),
        QT_TRANSLATE_NOOP("Warehouse", "Scans"),
        QT_TRANSLATE_NOOP("Warehouse", "Cases packed"),
        QT_TRANSLATE_NOOP("Warehouse", "Shipments"),
    )

    def key(self, row: OperatorDay) -> Hashable:
        return row.operator_id

    def cell(self, row: OperatorDay, column: int, role: int) -> Any:
        if role == Role.TextAlignmentRole and column != self.COL_OPERATOR:
            return RIGHT
        if role != Role.DisplayRole:
            return None
        return (row.name, row.scans, row.cases_packed, row.shipments)[column]


def level_name(level: str | None) -> str:
    names = {
        "item": QCoreApplication.translate("Warehouse", "item"),
        "case": QCoreApplication.translate("Warehouse", "case"),
        "pallet": QCoreApplication.translate("Warehouse", "pallet"),
    }
    return names.get(level or "", level or "")


def state_name(status: str, closed_by: str | None) -> str:
    if status == "open":
        return QCoreApplication.translate("Warehouse", "open")
    if status == "cancelled":
        return QCoreApplication.translate("Warehouse", "cancelled")
    if closed_by == "full":
        return QCoreApplication.translate("Warehouse", "full")
    return QCoreApplication.translate("Warehouse", "finished")
