"""The window's sync controls around the station's one sync engine (``context.sync``).

- The engine (``StationSync``) starts at the first login and stops at quit (before the writer
  stops). Its online/offline mark goes to the status bar, and the bar re-reads "events
  waiting" and "last sync" after every round.
- "Sync now": a button in the status bar, F5, and the ``YIMA:CMD:SYNC`` command barcode from
  any page: a filter in the dispatcher's chain (``take_command``) takes it before the page,
  so every page syncs the same way, and pages follow the same engine's rounds and progress.
- Enrolling by scanning: the QR code head office's console shows for a new station
  (``YIMA:ENROLL:CODE@SERVER``), scanned by an administrator on any page, enrolls the station
  with that server through the same engine and says how it went.
- The sync issues list (events the server refused) in a window opened by the status bar's
  badge or F6: supervisors and administrators always, other operators while some of their
  own events are refused.
- One code grammar for the whole station (``StationParser``, made by the composition root and
  handed to every page): built from the ``code_profiles`` the server publishes (pulled into
  the station's ``settings`` table, falling back to the local settings file) and rebuilt here
  after a round only when they changed, never per scan.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

from app.domain.codes import CodeParser, parser_from_settings
from app.domain.codes.model import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.operators import Role
from app.domain.store import settings
from app.domain.workflows.base import Decision, Outcome
from app.ui.station_sync import error_text
from app.ui.sync_issues import SyncIssuesWidget
from hardware.scan import Scan
from sync.client import issues

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from sync.server.embedded import DemoServer

log = logging.getLogger(__name__)

ENROLL_PREFIX = "YIMA:ENROLL:"
ENROLL_BODY = re.compile(r"(?P<code>[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3})@(?P<url>https?://[^\s@]+)")
PROFILES_KEY = "code_profiles"
GS_KEY = "gs_substitutes"
ISSUE_VIEWERS = (Role.ADMIN, Role.SUPERVISOR)
ISSUES_SIZE = QSize(900, 420)
DIALOG_MARGIN = 40  # the dialog's frame and a little of the window around it
BADGE_STYLE = (
    "QPushButton { color: white; background: #c5221f; font-weight: bold; padding: 0 8px; }"
)


class StationParser:
    """The station's one code grammar; pages keep this object and it swaps what it delegates to."""

    def __init__(self, parser: CodeParser | None = None) -> None:
        self.current = parser or CodeParser()
        self.source: tuple[str, str] | None = None  # the settings it was built from

    def parse(self, raw: str | bytes, symbology: str | None = None) -> Code:
        return self.current.parse(raw, symbology)

    @property
    def profiles(self) -> tuple:
        return self.current.profiles

    def rebuild(self, profiles: Any, gs_substitutes: Any) -> bool:
        """Use these settings values; False (and nothing changes) when they are the same as now."""
        source = (json.dumps(profiles, sort_keys=True), json.dumps(gs_substitutes, sort_keys=True))
        if source == self.source:
            return False
        parser, problem = parser_from_settings(profiles or None, gs_substitutes)
        if problem:
            log.warning("%s", problem)
        self.current, self.source = parser, source
        return True


def read_grammar_settings(conn: sqlite3.Connection) -> tuple[Any, Any]:
    """The pulled ``code_profiles`` and ``gs_substitutes`` (None when absent); on a reader thread."""
    profiles, substitutes = (settings.read(conn, key) for key in (PROFILES_KEY, GS_KEY))
    return (profiles if not isinstance(profiles, str) else None), (
        substitutes if not isinstance(substitutes, str) else None
    )


class SyncControls(QObject):
    """The window's sync button, keys, issues badge and dialog, around ``context.sync``."""

    def __init__(self, window: MainWindow, parser: StationParser) -> None:
        super().__init__(window)
        self.window = window
        context = window.context
        self.parser = parser
        self._rebuild_parser(read_local=True)
        self.sync = context.sync
        status = window.status
        self.sync.attach_status_bar(status)
        self.sync_button = QPushButton(self.tr("⟳ Sync now  F5"), status)
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sync_button.setFlat(True)
        self.sync_button.setToolTip(self.tr("Send waiting events and fetch the server's data now"))
        self.sync_button.clicked.connect(self.sync_now)
        status.addPermanentWidget(self.sync_button)
        self.issues_button = QPushButton(status)
        self.issues_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.issues_button.setStyleSheet(BADGE_STYLE)
        self.issues_button.clicked.connect(self.open_issues)
        self.issues_button.hide()
        status.addPermanentWidget(self.issues_button)
        self.issues = SyncIssuesWidget(
            context.gateway, self._operator_id, language=context.language
        )
        self.issues_dialog = QDialog(window)
        self.issues_dialog.setWindowTitle(self.tr("Sync issues"))
        self.issues_dialog.resize(ISSUES_SIZE)
        layout = QVBoxLayout(self.issues_dialog)
        layout.addWidget(self.issues)
        self.issues.countChanged.connect(self._show_count)
        self.open_issue_count = 0
        self._own_issues = 0
        self._enrolling_by_scan = False
        self._shortcut("F5", self.sync_now)
        self._shortcut("F6", self.open_issues)
        self.sync.enrolled.connect(self._enrolled)
        self.sync.roundFinished.connect(self._round_finished)
        self.sync.statusChanged.connect(self._status)
        self.sync.progressChanged.connect(self._progress)
        window.operator_changed.connect(self._operator_changed)

    def _shortcut(self, key: str, slot: Callable[[], None]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self.window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    # --- life ------------------------------------------------------------------------------

    def _operator_changed(self, operator: object) -> None:
        self._own_issues = 0
        if operator is not None:
            self.sync.start()
            self.issues.refresh()
            self._show_count(self.open_issue_count)  # whether this operator has refused events
        else:
            self.issues_dialog.hide()
        self._render_badge()

    def stop(self, timeout: float = 10.0) -> None:
        """Join the sync thread (before the writer it writes through stops)."""
        self.sync.stop(timeout)

    def enroll_demo(self, url: str, code: str) -> None:
        """The demo station enrolls with the in-process server, syncs, then fetches the
        inspector's snapshot once (queued: it runs when the sync thread starts at login)."""
        self.sync.enroll(url, code, station_name="Demo")
        self.sync.sync_now(snapshot=True)

    # --- sync now --------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.window.operator is None:
            return
        self.sync.start()
        self.sync_button.setEnabled(False)
        self.window.status.showMessage(self.tr("Syncing with the server…"))
        self.sync.sync_now()

    def sync_now_from_scan(self, scan: Scan) -> None:
        self.sync_now()
        self.window.show_decision(
            Decision(
                Outcome.OK,
                QT_TRANSLATE_NOOP("Decisions", "Syncing with the server now."),
                reason="sync.now",
            ),
            code=scan.text,
            headline=self.tr("⟳ Sync"),
        )

    def take_command(self, scan: Scan) -> bool:
        """The dispatcher filter for ``YIMA:CMD:SYNC`` and ``YIMA:ENROLL:``: the same on every
        page."""
        text = scan.text.strip()
        if text[: len(ENROLL_PREFIX)].upper() == ENROLL_PREFIX:
            self.enroll_from_scan(scan, text[len(ENROLL_PREFIX) :])
            return True
        if text[:13].upper() != "YIMA:CMD:SYNC" or text[13:].strip(": ") != "":
            return False
        self.sync_now_from_scan(scan)
        return True

    def enroll_from_scan(self, scan: Scan, body: str) -> None:
        """Enroll with the server the console's QR code names; an administrator's scan only."""
        found = ENROLL_BODY.fullmatch(body.strip())
        if not self.window.is_admin:
            message = QT_TRANSLATE_NOOP(
                "Decisions", "Only an administrator may enroll this station: ask IT to scan it."
            )
            self.window.show_decision(Decision(Outcome.ERROR, message, reason="enroll.not_admin"))
        elif found is None:
            message = QT_TRANSLATE_NOOP(
                "Decisions",
                "This enrollment code is damaged: show it again in head office's console and "
                "scan it again.",
            )
            self.window.show_decision(Decision(Outcome.ERROR, message, reason="enroll.damaged"))
        else:
            url = found["url"].rstrip("/")
            self._enrolling_by_scan = True
            self.sync.enroll(url, found["code"])
            message = QT_TRANSLATE_NOOP("Decisions", "Enrolling this station with {server}…")
            self.window.show_decision(
                Decision(Outcome.OK, message, {"server": url}, reason="enroll.started"),
                headline=self.tr("Enrolling"),
            )

    def _enrolled(self, whoami: Any, error: object) -> None:
        if not self._enrolling_by_scan:
            return  # the demo's own enrollment, or IT's from the command line, says nothing here
        self._enrolling_by_scan = False
        if error is not None:
            self.window.show_decision(
                Decision(
                    Outcome.ERROR,
                    QT_TRANSLATE_NOOP(
                        "Decisions", "The station was not enrolled: {error} Nothing was changed."
                    ),
                    {"error": error_text(error)},  # type: ignore[arg-type]
                    reason="enroll.failed",
                )
            )
            return
        self.window.show_decision(
            Decision(
                Outcome.DONE,
                QT_TRANSLATE_NOOP(
                    "Decisions", "Enrolled: this station is {station} at the brand's server."
                ),
                {"station": getattr(whoami, "station_id", "")},
                reason="enroll.done",
            )
        )
        self.sync_now()

    def _progress(self, phase: str, done: int, total: object) -> None:
        if phase == "push" and total:
            self.window.status.showMessage(
                self.tr("Sending events: %1 of %2")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def _round_finished(self, report: object, error: object) -> None:
        self.sync_button.setEnabled(True)
        status = self.window.status
        if error is not None:
            status.showMessage(error_text(error), 15_000)  # type: ignore[arg-type]
        else:
            status.showMessage(self.tr("Sync finished."), 5_000)
        status.refresh()
        self.issues.refresh()
        self._rebuild_parser()

    def _status(self, status: Any) -> None:
        if status.open_issues != self.open_issue_count:
            self.issues.refresh()

    # --- sync issues -----------------------------------------------------------------------

    def _operator_id(self) -> str | None:
        operator = self.window.operator
        return operator.id if operator is not None else None

    def _show_count(self, count: int) -> None:
        self.open_issue_count = count
        operator = self._operator_id()
        if operator is None:
            self._own_issues = 0
            self._render_badge()
            return
        self.window.context.gateway.read(
            lambda conn: issues.count_open(conn, operator), self._own_count
        )

    def _own_count(self, count: int) -> None:
        self._own_issues = count
        self._render_badge()

    def may_see_issues(self) -> bool:
        operator = self.window.operator
        if operator is None:
            return False
        return operator.role in ISSUE_VIEWERS or self._own_issues > 0

    def _render_badge(self) -> None:
        count = self.open_issue_count
        # English says one apart ("1 sync issue", not "1 sync issues"); Chinese has one form
        words = self.tr("⚠ 1 sync issue  F6") if count == 1 else self.tr("⚠ %1 sync issues  F6")
        self.issues_button.setText(words.replace("%1", str(count)))
        self.issues_button.setVisible(count > 0 and self.may_see_issues())

    def open_issues(self) -> QDialog | None:
        if not self.may_see_issues():
            return None
        self.issues.refresh()
        # roomy on a desk PC, never wider or taller than a handheld's window (900 px on 800)
        room = self.window.size() - QSize(DIALOG_MARGIN, DIALOG_MARGIN)
        self.issues_dialog.resize(ISSUES_SIZE.boundedTo(room))
        self.issues_dialog.show()
        self.issues_dialog.raise_()
        self.issues.table.setFocus()
        return self.issues_dialog

    # --- the code grammar ------------------------------------------------------------------

    def _rebuild_parser(self, *, read_local: bool = False) -> None:
        local = self.window.context.settings.get(PROFILES_KEY)
        if read_local:
            self.parser.rebuild(local, None)

        def chosen(values: tuple[Any, Any]) -> None:
            profiles, substitutes = values
            if self.parser.rebuild(profiles or local, substitutes):
                log.info("code grammar rebuilt from the station settings")

        self.window.context.gateway.read(read_grammar_settings, chosen)


DEMO_SERVER_DB = "demo-server.db"


def start_demo_server(data_dir: Path) -> DemoServer:
    """The demo's own central server, in this process on loopback, seeded; its vouchers and
    installer cards join the demo gun's list. The credential stays in memory (the OS credential
    store keeps nothing from a throw-away demo)."""
    from app.demo import add_demo_codes, registry
    from sync.client.demo import use_memory_keyring
    from sync.server.embedded import start_demo

    use_memory_keyring()
    demo = start_demo(Path(data_dir) / DEMO_SERVER_DB, registry())
    seed = demo.seed
    if seed is not None and (seed.vouchers or seed.cards):
        add_demo_codes(data_dir, demo_gun_tokens(seed.vouchers, seed.cards))
    return demo


def demo_gun_tokens(
    vouchers: list[tuple[str, str]], cards: list[tuple[str, str]]
) -> list[dict[str, str]]:
    """Labels for the server-issued vouchers (the first five are for this station's dealer)."""
    entries = []
    for n, (vid, token) in enumerate(vouchers[:6]):
        if n < 5:
            zh, en = (
                f"奖券 {vid}（服务器签发，本经销商）",
                f"Voucher {vid} (issued by the server, this dealer)",
            )
        else:
            zh, en = (
                f"奖券 {vid}（服务器签发，全国通用）",
                f"Voucher {vid} (issued by the server, any dealer)",
            )
        entries.append({"text": token, "label": zh, "label_en": en})
    for cid, token in cards[:1]:
        entries.append(
            {"text": token, "label": f"安装师傅卡 {cid}", "label_en": f"Installer card {cid}"}
        )
    return entries
