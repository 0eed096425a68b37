"""The sync issues list: every event the server rejected, with the reason, who and when, the
codes involved and what to do, until someone marks it resolved.

Rows are read on a reader thread through the ``StoreGateway`` and resolving goes through the
writer; the list refreshes after every sync round (connect ``refresh`` to the sync runner's
``roundFinished``) and on demand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Actor, Decision
from app.ui.store_gateway import StoreGateway
from sync.client.issues import Issue, list_issues
from sync.client.settle import ACTION_TITLES, HANDLED, REOPEN, TAKE_OUT, actions, settle

Index = QModelIndex | QPersistentModelIndex
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1


def _fill(template: str, args: dict[str, str]) -> str:
    try:
        return template.format_map(args)
    except (KeyError, IndexError, ValueError):
        return template


def _when(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


class SyncIssuesModel(QAbstractTableModel):
    WHEN, WHAT, PROBLEM, WHO, TODO = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("SyncIssues", "When"),
        QT_TRANSLATE_NOOP("SyncIssues", "What"),
        QT_TRANSLATE_NOOP("SyncIssues", "Problem"),
        QT_TRANSLATE_NOOP("SyncIssues", "Who"),
        QT_TRANSLATE_NOOP("SyncIssues", "What to do"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.issues: list[Issue] = []

    def set_issues(self, issues: list[Issue]) -> None:
        if [i.event_id for i in issues] == [i.event_id for i in self.issues]:
            self.issues = issues
            if issues:
                self.dataChanged.emit(self.index(0, 0), self.index(len(issues) - 1, self.TODO))
            return
        self.beginResetModel()
        self.issues = issues
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.issues)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SyncIssues", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.issues):
            return None
        issue = self.issues[index.row()]
        if role == ISSUE_ROLE:
            return issue
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(issue, index.column(), tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole and issue.resolved_at:
            from PySide6.QtGui import QColor

            return QColor("#80868b")
        return None

    def _text(self, issue: Issue, column: int, *, tooltip: bool) -> str:
        translate = QCoreApplication.translate
        if column == self.WHEN:
            return _when(issue.occurred_at)
        if column == self.WHAT:
            what = translate("SyncIssues", issue.what)
            codes = ", ".join(issue.codes[:3]) + (" …" if len(issue.codes) > 3 else "")
            number = translate("SyncIssues", "event {seq}").format(seq=issue.seq)
            return f"{what} ({number})" + (f"\n{codes}" if tooltip and codes else "")
        if column == self.PROBLEM:
            return _fill(translate("SyncReasons", issue.message), issue.args)
        if column == self.WHO:
            return issue.operator_name
        if issue.resolved_at:
            done = translate("SyncIssues", "Resolved by {who} on {when}").format(
                who=issue.resolved_by or "?", when=_when(issue.resolved_at)
            )
            return done + (f": {issue.resolution}" if issue.resolution else "")
        return _fill(translate("SyncReasons", issue.advice), issue.args)


class SyncIssuesWidget(QWidget):
    """The list, a "show resolved" switch, and "mark resolved" with a note."""

    countChanged = Signal(int)  # open issues

    def __init__(
        self,
        gateway: StoreGateway,
        operator: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._gateway = gateway
        self._operator = operator
        self.model = SyncIssuesModel(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.show_resolved = QCheckBox(self.tr("Show resolved"), self)
        self.show_resolved.toggled.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SyncIssuesModel.PROBLEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SyncIssuesModel.TODO, QHeaderView.ResizeMode.Stretch)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(
            self.tr("What was done (e.g. goods found and taken off the shipment)")
        )
        self.resolve_button = QPushButton(self.tr("Mark resolved"), self)
        self.resolve_button.clicked.connect(self.resolve_selected)
        # what settles the selected issue beyond marking it (a refused shipment: see settle.py)
        self.action_buttons = {HANDLED: self.resolve_button}
        for action in (TAKE_OUT, REOPEN):
            button = QPushButton(
                QCoreApplication.translate("SyncIssues", ACTION_TITLES[action]), self
            )
            button.clicked.connect(lambda _=False, a=action: self.settle_selected(a))
            self.action_buttons[action] = button
        for button in self.action_buttons.values():
            button.setEnabled(False)
        self.outcome = QLabel(self)  # what the last action did, in the operator's words
        self.outcome.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = QLabel(
            self.tr("No sync issues. Everything the server judged was accepted."), self
        )

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.show_resolved)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        for action in (TAKE_OUT, REOPEN):
            bottom.addWidget(self.action_buttons[action])
        bottom.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.outcome)
        self._open = 0
        self._render_title()

    # --- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        include = self.show_resolved.isChecked()
        self._gateway.read(lambda conn: self._read(conn, include), self._loaded)

    @staticmethod
    def _read(conn: Any, include_resolved: bool) -> tuple[list[Issue], int]:
        from sync.client.issues import count_open

        return list_issues(conn, include_resolved=include_resolved), count_open(conn)

    def _loaded(self, result: tuple[list[Issue], int]) -> None:
        issues, open_count = result
        self.model.set_issues(issues)
        self.empty.setVisible(not issues)
        if open_count != self._open:
            self._open = open_count
            self.countChanged.emit(open_count)
        self._render_title()
        self._selection_changed()

    def _render_title(self) -> None:
        self.title.setText(self.tr("Sync issues: %1 open").replace("%1", str(self._open)))

    def selected_issue(self) -> Issue | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], ISSUE_ROLE) if rows else None

    def _selection_changed(self, *_: object) -> None:
        issue = self.selected_issue()
        offered = actions(issue) if issue is not None else ()
        for action, button in self.action_buttons.items():
            button.setEnabled(action in offered)

    def resolve_selected(self) -> None:
        self.settle_selected(HANDLED)

    def settle_selected(self, action: str) -> None:
        """Do ``action`` for the selected issue on the writer; it is marked handled with the note."""
        issue = self.selected_issue()
        operator = self._operator()
        if issue is None or action not in actions(issue) or not operator:
            return
        note = self.note.text().strip()
        actor = Actor(operator)
        self._gateway.write(lambda conn: settle(conn, issue, action, actor, note), self._settled)

    def _settled(self, decision: Decision) -> None:
        message = QCoreApplication.translate("Decisions", decision.message)
        self.outcome.setText(_fill(message, {k: str(v) for k, v in decision.args.items()}))
        self.note.clear()
        self.refresh()
