"""The warehouse page: one gun, seven tasks, no dialogs between scans.

Every scan (and every command, from a command barcode, a key or a button)
becomes one writer action through the store gateway; the page redraws from the
Result that comes back after the commit, and the shell's feedback panel shows,
sounds and logs the decision. Lists (the job's scans, open jobs, history,
orders to choose from) are read on a reader thread after each result, so the
GUI thread never runs SQL and never waits for the disk.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes.commands import command_text
from app.domain.codes.display import readable
from app.domain.operators import Role
from app.domain.workflows.base import Decision, Outcome, typed
from app.domain.workflows.paperwork import build_document, write_csv, write_xlsx
from app.domain.workflows.warehouse import (
    FLOW_TITLES,
    PROMPTS,
    RETURN_REASONS,
    UNKNOWN_PRODUCT,
    Flow,
    JobView,
    Result,
    Warehouse,
    label,
    reports,
)
from app.domain.workflows.warehouse.day import day_bounds, operator_day
from app.domain.workflows.warehouse.model import SWITCHED
from app.domain.workflows.warehouse.quantities import MAX_QUANTITY
from app.ui.elide import elide_in_the_middle
from app.ui.manual_entry import is_typed
from app.ui.scan_page import PageParts, ScanPage
from app.ui.warehouse.label_output import LabelOutput
from app.ui.warehouse.models import JobsModel, LinesModel, OperatorDayModel, ScansModel
from app.ui.warehouse.printer_settings import PrinterSettingsPage
from app.ui.warehouse.printing import command_entries, write_command_sheet, write_document_pdf
from app.ui.widgets import ElidedLabel
from hardware.scan import Scan

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FLOW_ORDER = (
    Flow.RECEIVE,
    Flow.SHIP,
    Flow.PACK,
    Flow.UNPACK,
    Flow.RELABEL,
    Flow.STOCKTAKE,
    Flow.RETURN,
)
REFRESH_DELAY_MS = 120  # a burst of scans refreshes the lists once, after it
SHIPPED = ("ship.shipped", "ship.shipped_partial")  # a shipment recorded: its delivery note now
LABELLED = ("pack.full", "pack.finished", "pack.reprint")  # a package closed: print its label
SUPERVISING = {Role.ADMIN, Role.SUPERVISOR}  # who sees the day's counts per operator
# Heights on a desk PC and on a handheld (compact, see app/ui/compact.py): a fingertip either way.
FLOW_BUTTON_HEIGHT, FLOW_BUTTON_COMPACT_HEIGHT = 46, 36
TITLE_PX, TITLE_COMPACT_PX = 22, 20
PROGRESS_HEIGHT, PROGRESS_COMPACT_HEIGHT = 30, 26
BUTTON_HEIGHT, BUTTON_COMPACT_HEIGHT = 40, 36
LINE_HEIGHT, LINE_COMPACT_HEIGHT = 34, 28
LINE_PX, LINE_COMPACT_PX = 18, 16
COMPACT_SPACING = 2
COMPACT_PROGRESS_WIDTH = 220
CHOOSER_MAX_WIDTH = 520


def translate_any(text: str) -> str:
    """Paperwork labels come from several contexts; the first that knows the text wins."""
    for context in ("Paperwork", "Warehouse", "Decisions"):
        translated = QCoreApplication.translate(context, text)
        if translated != text:
            return translated
    return text


def localized(decision: Decision) -> Decision:
    """Arguments that are themselves English templates (a return reason, a task) in the
    operator's language; the shell then translates the message and fills it in."""
    known = {*RETURN_REASONS.values(), *FLOW_TITLES.values(), UNKNOWN_PRODUCT}
    args = {
        k: QCoreApplication.translate("Warehouse", v) if isinstance(v, str) and v in known else v
        for k, v in decision.args.items()
    }
    return replace(decision, args=args) if args != decision.args else decision


class WarehousePage(ScanPage):
    """The page the shell hosts under "warehouse"; ``handle_scan`` makes it a scan page."""

    result_shown = Signal(object)  # Result of a scan, key or button, after its decision was shown
    lists_refreshed = Signal()
    file_written = Signal(object)  # Path of a PDF/CSV/XLSX just written

    FAILED_REASON = "wh.failed"

    def __init__(self, parts: PageParts, parent: QWidget | None = None) -> None:
        super().__init__(parts, parent)
        self.setObjectName("WarehousePage")
        self.open_files = True  # open a written PDF in the system viewer (tests switch it off)
        self.parser = parts.parser  # the station's one grammar
        self.result: Result | None = None
        self._selected_history: str | None = None
        self._shortcuts: list[QShortcut] = []
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh_lists)
        self.labels = LabelOutput(self.context, self.gateway, self)
        self.labels.printed.connect(self._label_printed)
        self.labels.failed.connect(self._print_failed)
        self.labels.warned.connect(self._print_warned)
        self._build()
        self._bind_keys()
        if parts.operator_changed is not None:
            parts.operator_changed.connect(self._operator_changed)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        base = QFont(self.font())
        base.setPixelSize(16)
        self.setFont(base)

        self.flow_buttons = QButtonGroup(self)
        self.flow_buttons.setExclusive(True)
        flow_bar = QHBoxLayout()
        flow_bar.setSpacing(4)
        for number, flow in enumerate(FLOW_ORDER, start=1):
            button = QPushButton(self)
            button.setCheckable(True)
            button.setMinimumHeight(FLOW_BUTTON_HEIGHT)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("flow", flow.value)
            button.setText(f"{self._flow_title(flow)}  Alt+{number}")
            button.setStyleSheet(
                "QPushButton { font-size: 17px; font-weight: bold; padding: 4px 10px; }"
                "QPushButton:checked { background: #1a73e8; color: white; border-radius: 4px; }"
            )
            button.clicked.connect(partial(self.switch_flow, flow))
            self.flow_buttons.addButton(button)
            flow_bar.addWidget(button)
        flow_bar.addStretch(1)

        self.context_bar = QStackedWidget(self)
        self.context_bar.setMaximumHeight(56)
        self._context_pages: dict[Flow, QWidget] = {}
        self.inbound_combo = QComboBox(self)
        self.receive_location = QComboBox(self)
        self.order_combo = QComboBox(self)
        self.order_combo.setMinimumWidth(420)
        self.stocktake_location = QComboBox(self)
        self.reason_combo = QComboBox(self)
        for rid, text in RETURN_REASONS.items():
            self.reason_combo.addItem(QCoreApplication.translate("Warehouse", text), rid)
        self.start_receive = self._button(self.tr("Start receiving"), self._start_receive)
        self.start_ship = self._button(self.tr("Start shipping"), self._start_ship)
        self.start_stocktake = self._button(self.tr("Start stocktake"), self._start_stocktake)
        self.start_return = self._button(self.tr("Start returns"), self._start_return)
        self._context(
            Flow.RECEIVE,
            [
                self.tr("Delivery:"),
                self.inbound_combo,
                self.tr("Into:"),
                self.receive_location,
                self.start_receive,
            ],
        )
        self._context(Flow.SHIP, [self.tr("Order:"), self.order_combo, self.start_ship])
        self._context(
            Flow.PACK,
            [
                self.tr(
                    "Scan an empty case or pallet label, then what goes in. A full case closes itself."
                )
            ],
        )
        self._context(
            Flow.UNPACK,
            [
                self.tr(
                    "Scan something to take it out of its package; scan a package twice to empty it."
                )
            ],
        )
        self._context(
            Flow.RELABEL,
            [
                self.tr(
                    "Scan the damaged label (or type its code), then stick on and scan the new label."
                )
            ],
        )
        self._context(
            Flow.STOCKTAKE, [self.tr("Location:"), self.stocktake_location, self.start_stocktake]
        )
        self._context(Flow.RETURN, [self.tr("Reason:"), self.reason_combo, self.start_return])

        # the current job
        self.job_title = ElidedLabel(self)  # one line: a long dealer name must not take a row
        self.job_title.setObjectName("JobTitle")
        title_font = QFont(base)
        title_font.setPixelSize(TITLE_PX)
        title_font.setBold(True)
        self.job_title.setFont(title_font)
        self.job_detail = QLabel(self)
        self.job_detail.setWordWrap(True)
        self.job_detail.setStyleSheet("color: #3c4043;")
        self.progress = QProgressBar(self)
        self.progress.setMinimumHeight(PROGRESS_HEIGHT)
        self.progress.setFormat("%v / %m")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress.setStyleSheet(
            "QProgressBar { font-size: 18px; font-weight: bold; color: #202124;"
            " border: 1px solid #9aa0a6; border-radius: 4px; background: #ffffff; }"
            "QProgressBar::chunk { background: #a8dab5; }"
        )
        self.pending = QLabel(self)
        self.pending.setObjectName("PendingBanner")
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(
            "#PendingBanner { background: #fef7e0; border: 2px solid #f9ab00; border-radius: 4px;"
            " padding: 6px; font-size: 18px; font-weight: bold; color: #202124; }"
        )
        # its whole text, even on a small screen: the lines table gives up the room
        self.pending.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.pending.hide()
        # how many, asked after a product barcode (goods without a serial)
        self.quantity = QLineEdit(self)
        self.quantity.setValidator(QIntValidator(1, MAX_QUANTITY, self.quantity))
        self.quantity.setPlaceholderText(self.tr("How many? Type the number, then Enter"))
        self.quantity.returnPressed.connect(self._quantity_entered)
        self.quantity.hide()
        self.lines_model = LinesModel(self)
        self.lines_view = self._table(self.lines_model)
        # the figures as wide as they are, the product's name takes the rest
        lines_header = self.lines_view.horizontalHeader()
        lines_header.setStretchLastSection(False)
        lines_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lines_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        line_font = QFont(base)
        line_font.setPixelSize(LINE_PX)
        self.lines_view.setFont(line_font)
        self.lines_view.verticalHeader().setDefaultSectionSize(LINE_HEIGHT)
        job_box = QFrame(self)
        job_layout = self.job_layout = QVBoxLayout(job_box)
        job_layout.setContentsMargins(0, 0, 0, 0)
        # the job's state and its progress: stacked on a desk PC, side by side on a handheld
        self.job_state = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.job_state.addWidget(self.job_detail)
        self.job_state.addWidget(self.progress)
        job_layout.addWidget(self.job_title)
        job_layout.addLayout(self.job_state)
        for widget in (self.pending, self.quantity):
            job_layout.addWidget(widget)
        job_layout.addWidget(self.lines_view, 1)

        # lists
        self.scans_model = ScansModel(self)
        self.scans_view = self._table(self.scans_model)
        # time, level and count as wide as they are; the code and the product share the rest
        scans_header = self.scans_view.horizontalHeader()
        scans_header.setStretchLastSection(False)
        scans_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (ScansModel.COL_CODE, ScansModel.COL_PRODUCT):
            scans_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elide_in_the_middle(self.scans_view, ScansModel.COL_CODE)  # the serial stays whole
        self.open_model = JobsModel(self)
        self.open_view = self._table(self.open_model)
        self.open_view.activated.connect(self._resume_selected)
        self.history_model = JobsModel(self)
        self.history_view = self._table(self.history_model)
        self.history_view.selectionModel().currentRowChanged.connect(self._history_selected)
        for view in (self.open_view, self.history_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget(self)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self.scans_view, self.tr("Scans in this job"))
        self.tabs.addTab(self.open_view, self.tr("Open jobs"))
        self.tabs.addTab(self.history_view, self.tr("Finished jobs"))
        self.day_model = OperatorDayModel(self)
        self.day_view = self._table(self.day_model)
        self.day_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.day_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.day_tab = self.tabs.addTab(self.day_view, self.tr("Today by operator"))
        self.tabs.setTabVisible(self.day_tab, False)  # supervisors only (see _operator_changed)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        split.addWidget(job_box)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        # actions
        self.finish_button = self._button(
            self.tr("Finish  Ctrl+Enter"), partial(self.command, "finish")
        )
        self.undo_button = self._button(self.tr("Undo last  Ctrl+Z"), partial(self.command, "undo"))
        self.cancel_button = self._button(
            self.tr("Cancel job  Ctrl+Del"), partial(self.command, "cancel")
        )
        self.confirm_button = self._button(
            self.tr("Confirm  Ctrl+Y"), partial(self.command, "confirm")
        )
        self.cancel_line_button = self._button(self.tr("Cancel line"), self._cancel_line)
        self.pdf_button = self._button(self.tr("Print PDF  Ctrl+P"), partial(self.export, "pdf"))
        self.csv_button = self._button(self.tr("CSV"), partial(self.export, "csv"))
        self.xlsx_button = self._button(self.tr("Excel"), partial(self.export, "xlsx"))
        self.sheet_button = self._button(self.tr("Command sheet"), self.print_command_sheet)
        # On a handheld the four paperwork buttons fold into one "Paperwork" menu button,
        # so the job's buttons keep one row and the page its height.
        self.paper_buttons = (self.pdf_button, self.csv_button, self.xlsx_button, self.sheet_button)
        self.paper_menu_button = QPushButton(self.tr("Paperwork"), self)
        self.paper_menu_button.setMinimumHeight(BUTTON_HEIGHT)
        self.paper_menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        paper_menu = QMenu(self.paper_menu_button)
        for button in self.paper_buttons:
            paper_menu.addAction(button.text().split("  ")[0], button.click)
        self.paper_menu_button.setMenu(paper_menu)
        self.paper_menu_button.hide()
        # the last file written (a delivery note at FINISH, a PDF, CSV or Excel): the whole path,
        # cut in the middle when it is too long, so the folder and the file name both show
        self.paper_note = QLabel(self)
        self.paper_note.setObjectName("PaperNote")
        self.paper_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.paper_note.setMinimumWidth(120)
        self.paper_note.hide()
        self._paper_text = ""
        self.actions = QHBoxLayout()
        for button in (
            self.finish_button,
            self.undo_button,
            self.cancel_button,
            self.confirm_button,
            self.cancel_line_button,
        ):
            self.actions.addWidget(button)
        self.actions.addStretch(1)
        for button in (*self.paper_buttons, self.paper_menu_button):
            self.actions.addWidget(button)
        # bold in the page's own type (a style sheet's font-weight drew it in the smaller
        # application font, so the main action read smaller than the buttons beside it)
        finish_font = QFont(self.finish_button.font())
        finish_font.setBold(True)
        self.finish_button.setFont(finish_font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(flow_bar)
        layout.addWidget(self.context_bar)
        layout.addWidget(split, 1)
        layout.addLayout(self.actions)
        layout.addWidget(self.paper_note)
        self._show_flow(Flow.PACK)

    def set_compact(self, compact: bool) -> None:
        """Called by the window on a handheld-sized screen (see app/ui/compact.py): the order's
        lines keep the height (at 800×600 several of them show), everything above them gives
        it up: lower task buttons, the progress beside the job's state, rows a little closer."""
        for button in self.paper_buttons:
            button.setVisible(not compact)
        self.paper_menu_button.setVisible(compact)
        for button in self.flow_buttons.buttons():
            button.setMinimumHeight(FLOW_BUTTON_COMPACT_HEIGHT if compact else FLOW_BUTTON_HEIGHT)
        self.job_state.setDirection(
            QBoxLayout.Direction.LeftToRight if compact else QBoxLayout.Direction.TopToBottom
        )
        self.job_detail.setWordWrap(not compact)
        self.progress.setMaximumWidth(COMPACT_PROGRESS_WIDTH if compact else 16_777_215)
        self.progress.setMinimumHeight(PROGRESS_COMPACT_HEIGHT if compact else PROGRESS_HEIGHT)
        title_font = QFont(self.job_title.font())
        title_font.setPixelSize(TITLE_COMPACT_PX if compact else TITLE_PX)
        self.job_title.setFont(title_font)
        self.lines_view.verticalHeader().setDefaultSectionSize(
            LINE_COMPACT_HEIGHT if compact else LINE_HEIGHT
        )
        font = QFont(self.lines_view.font())
        font.setPixelSize(LINE_COMPACT_PX if compact else LINE_PX)
        self.lines_view.setFont(font)
        for layout in (self.layout(), self.job_layout):
            layout.setSpacing(COMPACT_SPACING if compact else -1)  # -1: the style's own
        self.layout().setContentsMargins(0, 0 if compact else 4, 0, 0)
        # the window's scan log has the time, the product says the level: the code keeps room
        for column in (ScansModel.COL_TIME, ScansModel.COL_LEVEL):
            self.scans_view.setColumnHidden(column, compact)
        for button in self.findChildren(QPushButton):
            if button.property("flow") is None:  # the job's and the choosers' buttons
                button.setMinimumHeight(BUTTON_COMPACT_HEIGHT if compact else BUTTON_HEIGHT)

    def _button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(BUTTON_HEIGHT)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _table(self, model: Any) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a code's serial is at its end
        view.setWordWrap(False)  # else a code wraps at its spaces and shows only "(01) …"
        return view

    def _context(self, flow: Flow, parts: list[Any]) -> None:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            if isinstance(part, str):
                text = QLabel(part, box)
                text.setWordWrap(True)
                row.addWidget(text, 1 if len(parts) == 1 else 0)
            elif isinstance(part, QComboBox):
                # the choosers share the row's room, so a delivery's or shelf's name is not
                # cut to its first characters (they were as narrow as when still empty)
                part.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                part.setMaximumWidth(CHOOSER_MAX_WIDTH)
                row.addWidget(part, 1)
            else:
                row.addWidget(part)
        if len(parts) > 1:
            row.addStretch(0)
        self.context_bar.addWidget(box)
        self._context_pages[flow] = box

    def _bind_keys(self) -> None:
        keys: list[tuple[str, Callable[[], Any]]] = [
            (f"Alt+{n}", partial(self.switch_flow, flow))
            for n, flow in enumerate(FLOW_ORDER, start=1)
        ]
        keys += [
            ("Ctrl+Return", partial(self.command, "finish")),
            ("Ctrl+Enter", partial(self.command, "finish")),
            ("Ctrl+Z", partial(self.command, "undo")),
            ("Ctrl+Del", partial(self.command, "cancel")),
            ("Ctrl+Y", partial(self.command, "confirm")),
            ("Ctrl+M", partial(self.command, "move")),
            ("Ctrl+P", self.print_again),
        ]
        for sequence, slot in keys:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setEnabled(False)  # only while this page is in front (see showEvent)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        self.load_state()

    def hideEvent(self, event: Any) -> None:
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        super().hideEvent(event)

    # --- acting --------------------------------------------------------------------------

    def warehouse(self) -> Warehouse:
        """The warehouse as the person logged in acts on it, with the levels whose printed
        label is scanned back (when labels print at all)."""
        return Warehouse(self.actor(), self.labels.verify_levels())

    def _submit(
        self, make: Callable[[Warehouse], Callable[[sqlite3.Connection], Result]], code: str = ""
    ) -> None:
        """A key, button or command: one writer action through ``ScanPage.act``."""
        self.act(make(self.warehouse()), code)

    def handle_scan(self, scan: Scan) -> None:
        """The dispatcher's handler while this page is in front: parse (with the symbology the
        gun reported) and decide on the writer; a code typed by hand is marked so."""
        action = self._scan_action(scan.text, scan.symbology)
        self.act(typed(action) if is_typed(scan) else action, scan.text)

    def scan_action(self, text: str) -> Callable[[sqlite3.Connection], Result]:
        return self._scan_action(text, None)

    def _scan_action(
        self, text: str, symbology: str | None
    ) -> Callable[[sqlite3.Connection], Result]:
        warehouse, parser = self.warehouse(), self.parser
        return lambda conn: warehouse.scan(conn, parser.parse(text, symbology))

    def apply(self, reply: Result, text: str = "") -> None:
        self._apply(reply, text, show=True)

    def command(self, name: str, arg: str = "") -> None:
        """A command from a key or button: the same path as its barcode."""
        self._submit(lambda wh: partial(wh.command, name=name, arg=arg), command_text(name, arg))

    def switch_flow(self, flow: Flow) -> None:
        self._show_flow(flow)
        self._submit(lambda wh: partial(wh.switch, flow=flow), command_text("switch", flow.value))

    def _start_receive(self) -> None:
        inbound, location = self.inbound_combo.currentData(), self.receive_location.currentData()
        self._submit(
            lambda wh: partial(wh.open_receive, inbound_id=inbound, location_id=location),
            self.start_receive.text(),
        )

    def _start_ship(self) -> None:
        order = self.order_combo.currentData()
        if order:
            self._submit(lambda wh: partial(wh.open_ship, order_id=order), order)

    def _start_stocktake(self) -> None:
        location = self.stocktake_location.currentData()
        self._submit(
            lambda wh: partial(wh.open_stocktake, location_id=location),
            self.stocktake_location.currentText(),
        )

    def _start_return(self) -> None:
        reason = self.reason_combo.currentData()
        self._submit(
            lambda wh: partial(wh.open_return, reason=reason), self.reason_combo.currentText()
        )

    def _resume_selected(self) -> None:
        index = self.open_view.currentIndex()
        if index.isValid():
            job_id = self.open_model.job(index.row()).id
            self._submit(lambda wh: partial(wh.resume, job_id=job_id), job_id)

    def _cancel_line(self) -> None:
        index = self.lines_view.currentIndex()
        job = self.result.job if self.result else None
        if not index.isValid() or job is None or job.flow != Flow.SHIP or job.status != "open":
            return
        product = self.lines_model.line(index.row()).product_id
        job_id = job.id
        self._submit(
            lambda wh: partial(wh.cancel_line, job_id=job_id, product_id=product),
            self.lines_model.line(index.row()).product,
        )

    @Slot(object)
    def _operator_changed(self, operator: object) -> None:
        role = getattr(operator, "role", None)
        self.tabs.setTabVisible(self.day_tab, role in SUPERVISING)
        self.load_state()

    def _quantity_entered(self) -> None:
        text = self.quantity.text().strip()
        if text.isdigit():
            n = int(text)
            self.quantity.clear()
            self._submit(lambda wh: partial(wh.quantity, n=n), f"× {n}")

    def load_state(self) -> None:
        """Show where the station is (after start-up, login, or coming back to the page)."""
        self.read_state(self.warehouse().state, lambda result: self._apply(result, "", show=False))

    # --- showing results -------------------------------------------------------------------

    def _apply(self, result: Result, code: str, *, show: bool) -> None:
        if not shiboken6.isValid(self):  # the page was replaced while the store worked
            return
        self.result = result
        if show:
            self.feedback.show(
                localized(result.decision), code=code, headline=self._headline(result)
            )
        self._show_flow(result.flow)
        self._show_job(result.flow, result.job)
        self._follow_job(result.job)
        self._show_pending(result)
        if show and result.decision.reason in SHIPPED and result.job is not None:
            self.export("pdf", job_id=result.job.id, open_file=False)  # the delivery note
            if self.context.settings.print_delivery_note:
                self.labels.print_delivery_note(result.job.id, translate_any)
        if show and result.decision.reason in LABELLED and result.job and result.job.parent_key:
            self.labels.print_package(result.job.parent_key)
        self.cancel_line_button.setEnabled(
            result.flow == Flow.SHIP and result.job is not None and result.job.status == "open"
        )
        self._refresh_timer.start()
        if show:  # a state read decided nothing: a scan waiting for its answer must not take it
            self.result_shown.emit(result)

    def _headline(self, result: Result) -> str | None:
        """A switch of task says so: under the plain "✔ OK" it read as goods taken in."""
        if (result.decision.reason or "").startswith("wh.switch."):
            return QCoreApplication.translate("Warehouse", SWITCHED).format(
                task=self._flow_title(result.flow)
            )
        return None

    def _flow_title(self, flow: Flow) -> str:
        return QCoreApplication.translate("Warehouse", FLOW_TITLES[flow])

    def _show_flow(self, flow: Flow) -> None:
        for button in self.flow_buttons.buttons():
            if button.property("flow") == flow.value:
                button.setChecked(True)
        self.context_bar.setCurrentWidget(self._context_pages[flow])

    def _show_job(self, flow: Flow, job: JobView | None) -> None:
        title = self._flow_title(flow)
        if job is None:
            self.job_title.setText(title)
            self.job_detail.setText(QCoreApplication.translate("Decisions", PROMPTS[flow]))
            self.progress.hide()
            self.lines_model.set_lines([])
            return
        self.job_title.setText(f"{title} · {self._job_subject(job)}")
        state = {
            "open": self.tr("in progress"),
            "done": self.tr("finished"),
            "cancelled": self.tr("cancelled"),
        }[job.status]
        detail = (  # English counts one scan, not "1 scans"
            self.tr("Job {job} · {state} · 1 scan")
            if job.scans == 1
            else self.tr("Job {job} · {state} · {scans} scans")
        )
        self.job_detail.setText(detail.format(job=job.id, state=state, scans=job.scans))
        expected = job.expected
        if expected:
            self.progress.setMaximum(expected)
            self.progress.setValue(min(job.scanned, expected))
            self.progress.setFormat(f"{job.scanned} / {expected}")
            self.progress.show()
        else:
            self.progress.hide()
        self.lines_model.set_lines(job.lines)

    def _follow_job(self, job: JobView | None) -> None:
        """The choosers show what the current job is about, whichever way it was started."""
        if job is None or job.status != "open":
            return
        for combo, value in (
            (self.order_combo, job.order_id if job.flow == Flow.SHIP else None),
            (self.inbound_combo, job.inbound_id if job.flow == Flow.RECEIVE else None),
            (self.receive_location, job.location_id if job.flow == Flow.RECEIVE else None),
            (self.stocktake_location, job.location_id if job.flow == Flow.STOCKTAKE else None),
            (self.reason_combo, job.reason if job.flow == Flow.RETURN else None),
        ):
            index = combo.findData(value) if value else -1
            if index >= 0:
                combo.setCurrentIndex(index)
        if job.flow == Flow.RECEIVE and not job.inbound_id:
            self.inbound_combo.setCurrentIndex(0)

    def _job_subject(self, job: JobView) -> str:
        if job.flow == Flow.SHIP:
            return self.tr("order {order} → {dealer}").format(order=job.order_id, dealer=job.dealer)
        if job.flow == Flow.PACK:
            return self.tr("into {code} ({count} of {capacity})").format(
                code=label(job.parent_key or ""), count=job.scanned, capacity=job.capacity or "?"
            )
        if job.flow == Flow.RECEIVE:
            what = job.inbound_ref or self.tr("free receipt")
            return self.tr("{what} → {location}").format(what=what, location=job.location)
        if job.flow == Flow.STOCKTAKE:
            return job.location
        if job.flow == Flow.RETURN:
            reason = QCoreApplication.translate(
                "Warehouse", RETURN_REASONS.get(job.reason or "", "")
            )
            return f"{reason} · {job.dealer}" if job.dealer else reason
        if job.flow == Flow.RELABEL:
            if job.scanned == 1:
                return self.tr("1 label replaced")
            return self.tr("{count} labels replaced").format(count=job.scanned)
        return self.tr("{count} taken out").format(count=job.scanned)

    def _show_pending(self, result: Result) -> None:
        texts = {
            "move": self.tr("To move it here: scan the same code again, or scan CONFIRM."),
            "move_armed": self.tr("MOVE: scan what goes into this package."),
            "cancel": self.tr(
                "Cancel this job? Scan CANCEL again or CONFIRM. Any other scan goes on."
            ),
            "relabel_new": self.tr("Now scan the NEW label."),
            "unpack_all": self.tr(
                "Scan the package label again (or CONFIRM) to empty it, or scan single things."
            ),
            "finish": self.tr("Short: FINISH again closes it, the rest as a backorder."),
            "verify_label": self.tr("Scan the new label to check it."),  # Ctrl+P: in the panel
        }
        text = texts.get(result.pending or "")
        self.pending.setText(text or "")
        self.pending.setVisible(bool(text))
        asking = result.pending == "quantity"
        self.quantity.setVisible(asking)
        if asking:
            self.quantity.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- lists -------------------------------------------------------------------------------

    def refresh_lists(self) -> None:
        job_id = self.result.job.id if self.result and self.result.job else None
        language = self.context.language
        supervising = self.tabs.isTabVisible(self.day_tab)
        bounds = day_bounds(dt.date.today())

        def read(conn: sqlite3.Connection) -> dict[str, Any]:
            return {
                "scans": reports.job_scans(conn, job_id) if job_id else [],
                "products": reports.product_names(conn, language),
                "open": reports.job_summaries(conn, open_jobs=True, language=language),
                "history": reports.job_summaries(conn, open_jobs=False, language=language),
                "orders": reports.open_orders(conn, language),
                "inbounds": reports.open_inbounds(conn),
                "locations": reports.locations(conn, language),
                "day": operator_day(conn, *bounds) if supervising else [],
            }

        self.gateway.read(read, on_done=self._lists_read)

    def _lists_read(self, data: dict[str, Any]) -> None:
        if not shiboken6.isValid(self):  # the page was replaced while the store worked
            return
        self.scans_model.set_rows(data["scans"], data["products"])
        self.open_model.set_jobs(data["open"])
        self.history_model.set_jobs(data["history"])
        self.day_model.show_rows(data["day"])
        self._fill_combo(
            self.order_combo,
            [
                (
                    o.id,
                    self.tr("{order} · {dealer} · {remaining} to ship").format(
                        order=o.id, dealer=o.dealer, remaining=o.remaining
                    ),
                )
                for o in data["orders"]
            ],
        )
        self._fill_combo(
            self.inbound_combo,
            [(None, self.tr("Free receipt (no delivery paper)"))]
            + [(i, f"{ref} · {supplier}") for i, ref, supplier in data["inbounds"]],
        )
        locations = [(lid, name) for lid, name in data["locations"]]  # the name, not MAIN
        self._fill_combo(self.receive_location, locations)
        self._fill_combo(self.stocktake_location, locations)
        self.lists_refreshed.emit()

    @staticmethod
    def _fill_combo(combo: QComboBox, entries: list[tuple[Any, str]]) -> None:
        current = combo.currentData()
        if [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] == entries:
            return
        combo.clear()
        for data, text in entries:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))

    def _history_selected(self, current: Any, _previous: Any) -> None:
        self._selected_history = (
            self.history_model.job(current.row()).id if current.isValid() else None
        )

    # --- paperwork ---------------------------------------------------------------------------

    def print_again(self) -> None:
        """Ctrl+P: the label of the package just closed (REPRINT) when labels print, else the
        job's paper as a PDF."""
        job = self.result.job if self.result else None
        closed_package = job is not None and job.flow == Flow.PACK and job.status == "done"
        if self.labels.enabled() and closed_package:
            self.command("reprint")
        else:
            self.export("pdf")

    def _label_printed(self, key: str) -> None:
        if shiboken6.isValid(self):
            text = self.tr("Printed {what}").format(what=label(key))
            self._show_paper_note(text, text, error=False)

    def _print_failed(self, key: str, message: str) -> None:
        if not shiboken6.isValid(self):
            return
        self._show_paper_note(message, message, error=True)
        self.feedback.show(Decision(Outcome.ERROR, message, {}, "print.failed"), code=readable(key))

    def _print_warned(self, key: str, message: str) -> None:
        if shiboken6.isValid(self):
            self._show_paper_note(message, message, error=True)
            decision = Decision(Outcome.WARNING, message, {}, "print.warned")
            self.feedback.show(decision, code=readable(key))

    def _paper_job(self) -> str | None:
        """The finished job picked in the history tab (when it is showing), else the current job."""
        if self.tabs.currentWidget() is self.history_view and self._selected_history:
            return self._selected_history
        return self.result.job.id if self.result and self.result.job else self._selected_history

    def export(self, kind: str, job_id: str | None = None, *, open_file: bool = True) -> None:
        """Write the job's paper as PDF, CSV or XLSX under ``<data>/paperwork`` (off the GUI thread).

        ``job_id`` names the job (default: the one picked or in front); a delivery note written
        at FINISH is not opened in a viewer, so the gun goes on without a window in the way.
        """
        job_id = job_id or self._paper_job()
        if job_id is None:
            return
        folder, language = self.context.data_dir / "paperwork", self.context.language

        def work(conn: sqlite3.Connection) -> Path:
            document = build_document(conn, job_id, language)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{document.filename}.{kind}"
            writer = {"pdf": write_document_pdf, "csv": write_csv, "xlsx": write_xlsx}[kind]
            return writer(document, path, translate_any)

        self.gateway.read(
            work, on_done=partial(self._written, open_file=open_file), on_error=self._write_failed
        )

    def print_command_sheet(self) -> None:
        folder, language = self.context.data_dir / "paperwork", self.context.language
        title = self.tr("Yima Scan warehouse commands: scan instead of touching the PC")

        def work(conn: sqlite3.Connection) -> Path:
            orders = [(o.id, o.dealer) for o in reports.open_orders(conn, language)]
            inbounds = [(i, ref, supplier) for i, ref, supplier in reports.open_inbounds(conn)]
            reasons = [
                (rid, QCoreApplication.translate("Warehouse", text))
                for rid, text in RETURN_REASONS.items()
            ]
            sections = command_entries(orders, inbounds, reports.locations(conn, language), reasons)
            folder.mkdir(parents=True, exist_ok=True)
            return write_command_sheet(folder / "command-sheet.pdf", sections, title)

        self.gateway.read(work, on_done=self._written, on_error=self._write_failed)

    def _written(self, path: Path, open_file: bool = True) -> None:
        if not shiboken6.isValid(self):  # the page was replaced while the store worked
            return
        self._show_paper_note(self.tr("Saved {path}").format(path=path), str(path), error=False)
        if open_file and self.open_files and path.suffix == ".pdf":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.file_written.emit(path)

    def _write_failed(self, error: BaseException) -> None:
        log.error("paperwork could not be written", exc_info=error)
        if not shiboken6.isValid(self):
            return
        self._show_paper_note(
            self.tr(
                "The file could not be saved ({error}). Check that the disk has room and the "
                "paperwork folder can be written, then try again."
            ).format(error=getattr(error, "strerror", None) or type(error).__name__),
            "",
            error=True,
        )

    def _show_paper_note(self, text: str, tooltip: str, *, error: bool) -> None:
        self._paper_text = text
        self.paper_note.setToolTip(tooltip or text)
        self.paper_note.setStyleSheet("color: #c5221f;" if error else "color: #3c4043;")
        self.paper_note.show()
        self._elide_paper_note()

    def _elide_paper_note(self) -> None:
        width = max(80, self.paper_note.width() - 4)
        self.paper_note.setText(
            self.paper_note.fontMetrics().elidedText(
                self._paper_text, Qt.TextElideMode.ElideMiddle, width
            )
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.paper_note.isVisible():
            self._elide_paper_note()


def register(window: MainWindow, parts: PageParts) -> None:
    """Mount the page in the shell (listed in ``app/ui/page_registry.py``); supervisors see it
    too, for the day's figures per operator."""
    page = WarehousePage(parts)
    settings = parts.context.settings
    window.add_settings_page(
        QCoreApplication.translate("Warehouse", "Label printer"),
        lambda parent: PrinterSettingsPage(settings, parent),
    )
    window.add_page(
        "warehouse",
        QCoreApplication.translate("Warehouse", "Warehouse"),
        page,
        {Role.WAREHOUSE, Role.SUPERVISOR},
    )
