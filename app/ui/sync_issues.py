"""The sync issues list: every event the server rejected, named by what happened and on which
code, until someone settles it; each opens (Enter, or a double click) to the whole story and
the actions that settle it.

Rows are read on a reader thread through the ``StoreGateway`` and settling goes through the
writer; the list refreshes after every sync round (connect ``refresh`` to the sync runner's
``roundFinished``) and on demand. A row never shows the journal's event number or a store key:
codes read as the text under their barcode, so an operator can find the goods.
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
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Actor, Decision, Outcome
from app.ui.elide import elide_in_the_middle
from app.ui.store_gateway import StoreGateway
from app.ui.wedge_filter import ALLOW_IME_PROPERTY
from sync.client.issues import Issue, list_issues
from sync.client.settle import ACTION_TITLES, HANDLED, REOPEN, TAKE_OUT, actions, settle

Index = QModelIndex | QPersistentModelIndex
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1
ACTION_ORDER = (TAKE_OUT, REOPEN, HANDLED)  # the one that fixes most first


def tr(text: str) -> str:
    """A "SyncIssues" text marked elsewhere (``QT_TRANSLATE_NOOP``), in the operator's language."""
    return QCoreApplication.translate("SyncIssues", text)


def _fill(template: str, args: dict[str, str]) -> str:
    try:
        return template.format_map(args)
    except (KeyError, IndexError, ValueError):
        return template


def _when(text: str | None) -> str:
    if not text:
        return ""
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


def problem(issue: Issue) -> str:
    """What happened, in the operator's language, with the codes as printed."""
    return _fill(QCoreApplication.translate("SyncReasons", issue.message), issue.args)


def advice(issue: Issue) -> str:
    """What to do about it, in the operator's language."""
    return _fill(QCoreApplication.translate("SyncReasons", issue.advice), issue.args)


def subject(issue: Issue) -> str:
    """What the issue is about, as the operator finds it: the code (and how many more), else
    the voucher, card or order it names; empty for a problem of the station itself."""
    codes = issue.shown_codes
    if codes:
        more = len(codes) - 1
        return codes[0] + (
            QCoreApplication.translate("SyncIssues", " and %1 more").replace("%1", str(more))
            if more
            else ""
        )
    for name, words in (
        ("voucher", QT_TRANSLATE_NOOP("SyncIssues", "Voucher %1")),
        ("card", QT_TRANSLATE_NOOP("SyncIssues", "Installer card %1")),
        ("order", QT_TRANSLATE_NOOP("SyncIssues", "Order %1")),
    ):
        value = issue.args.get(name, "?")
        if value != "?":
            return tr(words).replace("%1", value)
    return ""


def resolution(issue: Issue) -> str:
    done = QCoreApplication.translate("SyncIssues", "Resolved by {who} on {when}").format(
        who=issue.resolved_by or "?", when=_when(issue.resolved_at)
    )
    return done + (f": {issue.resolution}" if issue.resolution else "")


class SyncIssuesModel(QAbstractTableModel):
    """One line per issue: when, what kind of work, on what, what happened, who."""

    WHEN, WHAT, CODE, PROBLEM, WHO = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("SyncIssues", "When"),
        QT_TRANSLATE_NOOP("SyncIssues", "What"),
        QT_TRANSLATE_NOOP("SyncIssues", "Code"),
        QT_TRANSLATE_NOOP("SyncIssues", "What happened"),
        QT_TRANSLATE_NOOP("SyncIssues", "Who"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.issues: list[Issue] = []

    def set_issues(self, issues: list[Issue]) -> None:
        if [i.event_id for i in issues] == [i.event_id for i in self.issues]:
            self.issues = issues
            if issues:
                self.dataChanged.emit(self.index(0, 0), self.index(len(issues) - 1, self.WHO))
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
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.issues):
            return None
        issue = self.issues[index.row()]
        if role == ISSUE_ROLE:
            return issue
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(issue, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.CODE:
                return "\n".join(issue.shown_codes) or None
            return self._text(issue, index.column()) or None
        if role == Qt.ItemDataRole.ForegroundRole and issue.resolved_at:
            return QColor("#80868b")
        return None

    def _text(self, issue: Issue, column: int) -> str:
        if column == self.WHEN:
            return _when(issue.occurred_at)
        if column == self.WHAT:
            return tr(issue.what)
        if column == self.CODE:
            return subject(issue)
        if column == self.PROBLEM:
            return problem(issue)
        return issue.operator_name or ""


class IssueDialog(QDialog):
    """One issue: what happened, on which code, when, who, and what settles it, with a button
    for each action that exists and a note for the record. Esc closes it."""

    chosen = Signal(str, str)  # action, note

    def __init__(self, issue: Issue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issue = issue
        self.setObjectName("SyncIssueDialog")
        self.setWindowTitle(" · ".join(part for part in (tr(issue.what), subject(issue)) if part))
        self.headline = QLabel(problem(issue), self)
        self.headline.setWordWrap(True)
        self.headline.setMinimumWidth(540)  # the dialog's width: its layout keeps it no smaller
        self.headline.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.codes = QLabel("\n".join(issue.shown_codes) or "—", self)
        self.codes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.todo = QLabel(resolution(issue) if issue.resolved_at else advice(issue), self)
        self.todo.setWordWrap(True)
        self.todo.setStyleSheet("font-weight: bold;")
        facts = QFormLayout()
        facts.addRow(self.tr("What:"), QLabel(tr(issue.what), self))
        facts.addRow(self.tr("Codes:"), self.codes)
        facts.addRow(self.tr("When:"), QLabel(_when(issue.occurred_at), self))
        facts.addRow(self.tr("Who:"), QLabel(issue.operator_name or "—", self))
        facts.addRow(self.tr("Refused on:"), QLabel(_when(issue.reported_at), self))
        facts.addRow(self.tr("What to do:"), self.todo)
        self.note = QLineEdit(self)
        self.note.setProperty(ALLOW_IME_PROPERTY, True)  # written in Chinese
        self.note.setPlaceholderText(
            self.tr("What was done (e.g. goods found and taken off the shipment)")
        )
        offered = actions(issue)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never cut a line off
        layout.addWidget(self.headline)
        layout.addLayout(facts)
        self.action_buttons: dict[str, QPushButton] = {}
        if offered:
            layout.addWidget(self.note)
        else:
            self.note.hide()
        for action in ACTION_ORDER:  # one per row: their names are sentences
            if action not in offered:
                continue
            button = QPushButton(tr(ACTION_TITLES[action]), self)
            button.setAutoDefault(False)  # Enter in the note must not settle anything
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _=False, a=action: self.choose(a))
            layout.addWidget(button)
            self.action_buttons[action] = button
        self.close_button = QPushButton(self.tr("Close  Esc"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        closing = QHBoxLayout()
        closing.addStretch(1)
        closing.addWidget(self.close_button)
        layout.addLayout(closing)

    def choose(self, action: str) -> None:
        self.chosen.emit(action, self.note.text().strip())
        self.accept()


class SyncIssuesWidget(QWidget):
    """The list, a "show resolved" switch; Enter (or "Open") shows the selected issue."""

    countChanged = Signal(int)  # open issues
    detailOpened = Signal(object)  # IssueDialog

    def __init__(
        self,
        gateway: StoreGateway,
        operator: Callable[[], str | None],
        parent: QWidget | None = None,
        *,
        language: str = "zh_CN",
    ) -> None:
        super().__init__(parent)
        self._gateway = gateway
        self._operator = operator
        self._language = language  # for the names the store holds in two languages
        self.detail: IssueDialog | None = None
        self.model = SyncIssuesModel(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.show_resolved = QCheckBox(self.tr("Show resolved"), self)
        self.show_resolved.toggled.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = QPushButton(self.tr("Open  Enter"), self)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_selected)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.activated.connect(lambda _index: self.open_selected())  # Enter, double click
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SyncIssuesModel.CODE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SyncIssuesModel.PROBLEM, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(
            SyncIssuesModel.CODE, self.table.fontMetrics().horizontalAdvance("8" * 36)
        )
        elide_in_the_middle(self.table, SyncIssuesModel.CODE)
        self.outcome = QLabel(self)  # what the last action did, in the operator's words
        self.outcome.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = QLabel(
            self.tr("No sync issues. Everything the server judged was accepted."), self
        )
        self.hint = QLabel(self.tr("Choose an issue and press Enter to see what to do."), self)
        self.hint.setStyleSheet("color: #5f6368;")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.show_resolved)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.outcome)
        self._open = 0
        self._render_title()
        self._selection_changed()

    # --- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        include, language = self.show_resolved.isChecked(), self._language
        self._gateway.read(lambda conn: self._read(conn, include, language), self._loaded)

    @staticmethod
    def _read(conn: Any, include_resolved: bool, language: str) -> tuple[list[Issue], int]:
        from sync.client.issues import count_open

        issues = list_issues(conn, include_resolved=include_resolved, language=language)
        return issues, count_open(conn)

    def _loaded(self, result: tuple[list[Issue], int]) -> None:
        issues, open_count = result
        self.model.set_issues(issues)
        self.empty.setVisible(not issues)
        if issues and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)  # Enter opens the newest at once
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
        self.open_button.setEnabled(self.selected_issue() is not None)

    # --- one issue -------------------------------------------------------------------------------

    def open_selected(self) -> IssueDialog | None:
        """Show the selected issue (window-modal, no nested event loop: scans keep flowing)."""
        issue = self.selected_issue()
        if issue is None:
            return None
        if self.detail is not None:
            self.detail.close()
        dialog = IssueDialog(issue, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda action, note: self.settle(issue, action, note))
        dialog.finished.connect(lambda _result: self._detail_closed(dialog))
        self.detail = dialog
        dialog.open()
        self.detailOpened.emit(dialog)
        return dialog

    def _detail_closed(self, dialog: IssueDialog) -> None:
        if self.detail is dialog:
            self.detail = None
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def settle(self, issue: Issue, action: str, note: str = "") -> None:
        """Do ``action`` for ``issue`` on the writer; it is marked handled with the note."""
        operator = self._operator()
        if action not in actions(issue) or not operator:
            return
        actor = Actor(operator)
        self._gateway.write(lambda conn: settle(conn, issue, action, actor, note), self._settled)

    def _settled(self, decision: Decision) -> None:
        message = QCoreApplication.translate("Decisions", decision.message)
        text = _fill(message, {k: str(v) for k, v in decision.args.items()})
        self.outcome.setText(text)
        self.outcome.setStyleSheet(
            "color: #c5221f;" if decision.outcome is Outcome.ERROR else "color: #137333;"
        )
        self.refresh()
