"""The station window: login, then the work pages with the feedback panel, scan log and status bar.

Pages belong to their areas (warehouse, counter, inspector); the station's composition
root (``app/ui/station.py``) builds them and the shell only hosts them. It decides who sees
which page (by role), switches pages from the keyboard (F1…, Ctrl+1…), hands each scan to
the page in front, offers the box for typing a code by hand under every page that takes
scans, and shows, sounds and logs whatever Decision a page reports.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.operators import ROLE_TITLES, Operator, Role
from app.domain.workflows.base import Decision, Outcome
from app.ui.compact import COMPACT_WIDTH, apply_compact, compact_button
from app.ui.context import ShellContext
from app.ui.feedback_panel import FeedbackPanel
from app.ui.login import LoginScreen
from app.ui.manual_entry import ManualEntry
from app.ui.scan_log import ScanLogModel, ScanLogRow, ScanLogView
from app.ui.scan_words import Parser, ScanWords
from app.ui.scanner_controls import ScannerControls
from app.ui.settings_dialog import SettingsDialog
from app.ui.status_bar import StationStatusBar
from app.ui.translations import translate_template
from app.ui.widgets import ElidedLabel, TabButton
from hardware.scan import Scan

log = logging.getLogger(__name__)

MAX_PAGES_WITH_SHORTCUTS = 9
# A desk PC gets this; a handheld or tablet (800×600, or 1280×800 at 150 %) gets its whole
# screen. The minimum fits 800×600 at 100 % and 1280×800 at 150 % (853×533) with a taskbar.
PREFERRED_SIZE = QSize(1280, 800)
MINIMUM_SIZE = QSize(640, 440)
SCAN_LOG_MIN = 70  # two rows
SCAN_LOG_COMPACT_MIN = 56  # the newest row under its header
# On a handheld every pixel of height goes to the page (left, top, right, bottom).
WORKSPACE_MARGINS, WORKSPACE_COMPACT_MARGINS = (8, 8, 8, 4), (4, 4, 4, 2)
COMPACT_SPACING = 3


@runtime_checkable
class ScanPage(Protocol):
    """A page that takes scans. It decides (through the writer) and then calls
    ``window.show_decision(decision, code=...)`` on the GUI thread."""

    def handle_scan(self, scan: Scan) -> None: ...


@dataclass
class PageEntry:
    key: str
    title: str
    widget: QWidget
    roles: frozenset[Role]
    button: QPushButton
    shortcuts: list[QShortcut] = field(default_factory=list)


class PlaceholderPage(QWidget):
    """An area whose work is not installed on this station: says so plainly, takes no scans."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        font = QFont(self.font())
        font.setPixelSize(26)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(text, self)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body_font = QFont(self.font())
        body_font.setPixelSize(17)
        body.setFont(body_font)
        body.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
        self.heading, self.body = heading, body


class PageStack(QStackedWidget):
    """Needs only the room of the page in front: the tallest page elsewhere (or one whose
    hidden layout is stale) must not push the buttons of this one off a handheld's screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


class MainWindow(QMainWindow):
    """The shell. Later areas use ``add_page``, ``show_decision`` and ``add_settings_page``."""

    page_changed = Signal(str)  # key of the page now in front
    operator_changed = Signal(object)  # Operator, or None after logout
    decision_shown = Signal(object)  # Decision

    def __init__(
        self, context: ShellContext, parent: QWidget | None = None, *, parser: Parser | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.scan_words = ScanWords(parser)  # what the scan log shows for a scan, in words
        self.operator: Operator | None = None
        self._pages: dict[str, PageEntry] = {}
        self._settings_pages: list[tuple[str, Callable[[QWidget], QWidget]]] = []
        self.compact = False  # set from the width: see app/ui/compact.py
        self.feedback_folded = False  # the panel is low while a page that takes no scans shows
        self._unfolded_panel = 0  # its height before, given back on a work page
        self.setWindowTitle(self.tr("Yima Scan"))
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(PREFERRED_SIZE.boundedTo(self._available().size()))

        self.root = QStackedWidget(self)
        self.setCentralWidget(self.root)
        self.login = LoginScreen(
            context.gateway, last_operator_id=context.settings.last_operator_id, parent=self
        )
        self.login.logged_in.connect(self._logged_in)
        self.root.addWidget(self.login)
        self.root.addWidget(self._build_workspace())

        self.status = StationStatusBar(context.gateway, context.settings.station_name, self)
        self.setStatusBar(self.status)

        self._add_placeholders()
        context.dispatcher.on_unhandled(self._unhandled_scan)
        context.dispatcher.on_error(self._scan_failed)
        self.settings_dialog: SettingsDialog | None = None
        self.scanners: ScannerControls | None = None
        if context.scan_bridge is not None:
            self.scanners = ScannerControls(self, context.scan_bridge)
        self._shortcut(QKeySequence("Ctrl+L"), self.logout)
        self._shortcut(QKeySequence("Ctrl+,"), self.open_settings)
        self._set_compact(self.width() < COMPACT_WIDTH)

    # --- building ----------------------------------------------------------------------

    def _build_workspace(self) -> QWidget:
        workspace = QWidget(self)
        self.page_bar = QHBoxLayout()
        self.page_bar.setSpacing(6)
        self.page_buttons = QButtonGroup(self)
        self.page_buttons.setExclusive(True)
        # the person's name and role give way (elided, whole in the tooltip) before a page
        # button's words do, on a handheld in a language with long words
        self.operator_label = ElidedLabel(workspace)
        self.operator_label.setObjectName("OperatorLabel")
        self.settings_button = QPushButton(self.tr("Settings  Ctrl+,"), workspace)
        self.settings_button.clicked.connect(self.open_settings)
        self.logout_button = QPushButton(self.tr("Log out  Ctrl+L"), workspace)
        self.logout_button.clicked.connect(self.logout)
        for button in (self.settings_button, self.logout_button):
            button.setMinimumHeight(40)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.settings_button.setToolTip(self.tr("Station settings (Ctrl+,)"))
        self.logout_button.setToolTip(self.tr("Log out (Ctrl+L)"))
        top = QHBoxLayout()
        top.addLayout(self.page_bar)
        top.addStretch(1)
        top.addWidget(self.operator_label)
        top.addWidget(self.settings_button)
        top.addWidget(self.logout_button)

        self.pages = PageStack(workspace)
        self.feedback = FeedbackPanel(workspace)
        self.scan_log_model = ScanLogModel(self.context.settings.scan_log_length, self)
        self.scan_log = ScanLogView(self.scan_log_model, workspace)
        self.scan_log.setMinimumHeight(SCAN_LOG_MIN)
        self.split = QSplitter(Qt.Orientation.Vertical, workspace)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.feedback)
        self.split.addWidget(self.pages)
        self.split.addWidget(self.scan_log)
        # The page gets most of the height (an 800×600 handheld still shows its job lines);
        # the operator can drag the handles, and the scan log shrinks to two rows at least.
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 5)
        self.split.setStretchFactor(2, 2)

        self.manual_entry = ManualEntry(self.context.dispatcher, workspace)
        self.manual_entry.hide()  # shown under a page that takes scans (see _route_scans)
        layout = self.workspace_layout = QVBoxLayout(workspace)
        layout.setContentsMargins(*WORKSPACE_MARGINS)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.manual_entry)
        return workspace

    def _available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(QPoint(), PREFERRED_SIZE)

    def show_fitted(self) -> None:
        """Show at the preferred size, or filling the screen when that is smaller (a handheld):
        the Finish/Undo buttons, scan log and status bar must never be off-screen."""
        available = self._available()
        if (
            available.width() < PREFERRED_SIZE.width()
            or available.height() < PREFERRED_SIZE.height()
        ):
            self.setGeometry(available)  # without a window manager, maximizing alone does nothing
            self.showMaximized()
        else:
            self.resize(PREFERRED_SIZE)
            self.show()

    def _shortcut(self, sequence: QKeySequence, slot: Callable[[], Any]) -> QShortcut:
        shortcut = QShortcut(sequence, self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _add_placeholders(self) -> None:
        text = self.tr("This work is not installed on this station.")
        self.add_page(
            "warehouse",
            self.tr("Warehouse"),
            PlaceholderPage(self.tr("Warehouse"), text, self),
            {Role.WAREHOUSE},
        )
        self.add_page(
            "counter",
            self.tr("Counter"),
            PlaceholderPage(self.tr("Counter"), text, self),
            {Role.COUNTER, Role.SUPERVISOR},
        )
        self.add_page(
            "inspector",
            self.tr("Inspector"),
            PlaceholderPage(self.tr("Inspector"), text, self),
            {Role.INSPECTOR},
        )

    # --- pages -------------------------------------------------------------------------

    def add_page(self, key: str, title: str, widget: QWidget, roles: Iterable[Role | str]) -> None:
        """Host ``widget`` as a work page for ``roles`` (administrators see every page).

        Registering an existing key replaces that page in place (its button and
        shortcut stay), which is how an area swaps out its placeholder.
        """
        allowed = frozenset(Role(role) for role in roles)
        if key in self._pages:
            entry = self._pages[key]
            index = self.pages.indexOf(entry.widget)
            was_current = self.pages.currentWidget() is entry.widget
            self.pages.removeWidget(entry.widget)
            entry.widget.deleteLater()
            self.pages.insertWidget(index, widget)
            if was_current:
                self.pages.setCurrentWidget(widget)
            entry.title, entry.widget, entry.roles = title, widget, allowed
            self._label_button(entry)
            if self.pages.currentWidget() is widget:
                self._route_scans()
        else:
            position = len(self._pages)
            button = TabButton(parent=self)  # filled and bold in front, sized for the bold
            button.clicked.connect(lambda _checked=False, k=key: self.set_current_page(k))
            self.page_buttons.addButton(button)
            self.page_bar.addWidget(button)
            entry = PageEntry(key, title, widget, allowed, button)
            if position < MAX_PAGES_WITH_SHORTCUTS:
                for sequence in (f"F{position + 1}", f"Ctrl+{position + 1}"):
                    entry.shortcuts.append(
                        self._shortcut(
                            QKeySequence(sequence), lambda k=key: self.set_current_page(k)
                        )
                    )
            self._pages[key] = entry
            self.pages.addWidget(widget)
            self._label_button(entry)
        if self.compact:  # a page added after the window learnt its width folds up too
            apply_compact(self, True)
        self._apply_roles()

    def _label_button(self, entry: PageEntry) -> None:
        position = list(self._pages).index(entry.key)
        hint = f"  F{position + 1}" if position < MAX_PAGES_WITH_SHORTCUTS else ""
        entry.button.setText(entry.title + hint)
        compact_button(entry.button, self.compact)

    def page_keys(self, *, visible_only: bool = True) -> list[str]:
        return [k for k, e in self._pages.items() if not visible_only or self._may_see(e)]

    def page(self, key: str) -> QWidget:
        return self._pages[key].widget

    def current_page_key(self) -> str | None:
        for key, entry in self._pages.items():
            if entry.widget is self.pages.currentWidget():
                return key
        return None

    def set_current_page(self, key: str) -> bool:
        """Bring a page to the front; False (and nothing changes) if this operator may not see it."""
        entry = self._pages.get(key)
        if entry is None or self.operator is None or not self._may_see(entry):
            return False
        if self.pages.currentWidget() is not entry.widget:
            self.pages.setCurrentWidget(entry.widget)
            self._route_scans()
            self.idle_feedback()
            self.page_changed.emit(key)
        entry.button.setChecked(True)
        return True

    def idle_feedback(self, hint: str = "") -> None:
        """The neutral panel says whether scanning here does anything."""
        if self.context.dispatcher.handler is None:
            self.feedback.clear(hint, headline=self.tr("No scanning on this page"))
        else:
            self.feedback.clear(hint)

    def _route_scans(self) -> None:
        """Point the dispatcher at the page in front, or at nobody (scans then only warn)."""
        key = self.current_page_key()
        page = self._pages[key].widget if key and self.operator is not None else None
        self.manual_entry.setVisible(isinstance(page, ScanPage))
        self.context.dispatcher.set_handler(
            page.handle_scan if isinstance(page, ScanPage) else None
        )
        self._fold_feedback(page is not None and not isinstance(page, ScanPage))

    def _fold_feedback(self, fold: bool) -> None:
        """A page that takes no scans (the dashboard) gets most of the big panel's height: the
        panel keeps the room to say so (or to warn of a scan); a work page gets it back."""
        if fold == self.feedback_folded:
            return
        self.feedback_folded = fold
        self.feedback.set_compact(fold or self.compact)
        sizes = self.split.sizes()
        if not any(sizes):  # not laid out yet: the splitter shares the height itself
            return
        if fold:
            self._unfolded_panel = sizes[0]
            panel = min(sizes[0], self.feedback.minimumHeight())
        else:
            panel = max(self._unfolded_panel, self.feedback.minimumHeight())
        self.split.setSizes([panel, sizes[1] + sizes[0] - panel, sizes[2]])

    def _may_see(self, entry: PageEntry) -> bool:
        if self.operator is None:
            return False
        return self.operator.role is Role.ADMIN or self.operator.role in entry.roles

    def _apply_roles(self) -> None:
        for entry in self._pages.values():
            visible = self._may_see(entry)
            entry.button.setVisible(visible)
            for shortcut in entry.shortcuts:
                shortcut.setEnabled(visible)
        self.settings_button.setVisible(self.is_admin)
        current = self.current_page_key()
        if self.operator is not None and (
            current is None or not self._may_see(self._pages[current])
        ):
            visible = self.page_keys()
            if visible:
                self.set_current_page(visible[0])
        current = self.current_page_key()
        if current is not None:
            self._pages[current].button.setChecked(True)

    @property
    def is_admin(self) -> bool:
        return self.operator is not None and self.operator.role is Role.ADMIN

    # --- login -------------------------------------------------------------------------

    def start(self) -> None:
        """Show the login screen and start the status poll."""
        self.root.setCurrentWidget(self.login)
        self.raise_()
        self.activateWindow()  # keys (PIN, F1…) must reach this window without a click first
        self.login.start()
        self.status.start()

    def _logged_in(self, operator: Operator) -> None:
        self.operator = operator
        self.context.settings.last_operator_id = operator.id
        self.operator_label.setText(
            f"{operator.name} · {translate_template(ROLE_TITLES[operator.role], context='Roles')}"
        )
        self.status.set_operator(operator.name)
        self.root.setCurrentIndex(1)
        self._apply_roles()
        self._route_scans()
        self.idle_feedback()
        self.operator_changed.emit(operator)

    def logout(self) -> None:
        if self.operator is None:
            return
        log.info("operator %s logged out", self.operator.name)
        self.operator = None
        self.scan_log_model.clear()
        self.feedback.clear()
        self.status.set_operator(None)
        self._apply_roles()
        self._route_scans()
        self.operator_changed.emit(None)
        self.root.setCurrentWidget(self.login)
        self.login.start()

    # --- scans and feedback ------------------------------------------------------------

    def deliver_scan(self, scan: Scan) -> None:
        """Hand a scan to the dispatcher, as a scanner would (simulators, tests, command sheets)."""
        self.context.dispatcher.dispatch(scan)

    def _unhandled_scan(self, scan: Scan) -> None:
        if self.operator is None:
            log.info("scan ignored: nobody logged in")
            return
        self.show_decision(
            Decision(
                Outcome.WARNING,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Nothing was recorded: this page does not take scans. "
                    "Switch to a work page first.",
                ),
                reason="shell.page_takes_no_scans",
            ),
            code=scan.text,
        )

    def _scan_failed(self, scan: Scan, error: Exception) -> None:
        """A page raised instead of deciding: say so loudly rather than lose the scan quietly."""
        self.show_decision(
            Decision(
                Outcome.ERROR,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "This scan could not be processed and nothing was recorded. "
                    "Scan it again; if this keeps happening, tell IT.",
                ),
                reason="shell.page_failed",
            ),
            code=scan.text,
        )

    def show_decision(
        self,
        decision: Decision,
        *,
        code: str = "",
        headline: str | None = None,
        sound: Outcome | None = None,
        result: str | None = None,
    ) -> None:
        """Show, sound and log a decision (call after the writer committed it); ``headline``
        (translated) replaces the outcome's word, e.g. "DIVERTED" instead of "Refused";
        ``sound`` replaces the outcome's sound (a scan that was not read is amber, since no
        goods were refused, yet must sound like an error so it is scanned again); ``result``
        (translated, short) is the scan log's word for it instead of the outcome's."""
        self.feedback.show_decision(decision, headline=headline)
        if self.context.settings.flash_enabled:
            self.feedback.flash()
        self.context.sounds.play(sound or decision.outcome)
        self.scan_log_model.append(
            ScanLogRow(
                time=dt.datetime.now(),
                code=self.scan_words(code),
                outcome=decision.outcome,
                message=self.feedback.message.text(),
                result=result or "",
            )
        )
        self.scan_log.scrollToTop()
        log.info(
            "decision %s %s code=%r seq=%s",
            decision.outcome.value,
            decision.reason,
            code[:80],
            decision.event_seq,
        )
        self.decision_shown.emit(decision)

    # --- settings ----------------------------------------------------------------------

    def add_settings_page(self, title: str, factory: Callable[[QWidget], QWidget]) -> None:
        """Add a page to the settings dialog; ``factory(parent)`` builds it each time it opens."""
        self._settings_pages.append((title, factory))

    def open_settings(self, page: str | None = None) -> SettingsDialog | None:
        """Open the settings (administrators only), on the page titled ``page`` if given.

        Window-modal but not a nested event loop: scans keep flowing to the page behind in
        order, and the dialog is deleted when it closes (its pages let go of the scanners).
        """
        if not self.is_admin:
            return None
        dialog = self.settings_dialog
        if dialog is None:
            dialog = SettingsDialog(self.context, operator=self.operator, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            for title, factory in self._settings_pages:
                dialog.add_page(title, factory(dialog))
            dialog.station_name_changed.connect(self.status.set_station_name)
            dialog.finished.connect(self._settings_closed)
            self.settings_dialog = dialog
            dialog.open()
        if page is not None:
            dialog.show_page(page)
        return dialog

    def _settings_closed(self) -> None:
        self.settings_dialog = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if (self.width() < COMPACT_WIDTH) != self.compact:
            self._set_compact(not self.compact)
        self.status.fit()

    def _set_compact(self, compact: bool) -> None:
        """Handheld widths: shortcut keys go to tooltips, pages wrap their buttons."""
        self.compact = compact
        self.scan_log.setMinimumHeight(SCAN_LOG_COMPACT_MIN if compact else SCAN_LOG_MIN)
        self.workspace_layout.setContentsMargins(
            *(WORKSPACE_COMPACT_MARGINS if compact else WORKSPACE_MARGINS)
        )
        self.workspace_layout.setSpacing(COMPACT_SPACING if compact else -1)  # -1: the style's
        self.manual_entry.set_compact(compact)
        apply_compact(self, compact)
        self.feedback.set_compact(compact or self.feedback_folded)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.status.stop()
        super().closeEvent(event)
