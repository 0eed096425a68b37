"""The scanners' controls in the station window: what a gun does wrong is seen and heard.

The scanner layer reports three things besides scans, and each must reach the
operator, who usually looks at the big panel and listens rather than reads:

- a read that did not become a scan (garbage from a wrong baud rate, a wrong
  text encoding, a code with no terminator) — amber panel, error sound, a row in
  the scan log: nothing was recorded, scan again after the fix it names;
- a gun typing into a Chinese input method — the same, telling the operator to
  switch the input method to English;
- a scanner unplugged or found again — its light in the status bar.

It also hosts the scanner page in Settings (with the self-test wizard, also on
Ctrl+Shift+T), the on-screen demo gun (Ctrl+Shift+D) when a ``sim`` source
runs, and a preview of every camera scanner.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from app.domain.workflows.base import Decision, Outcome
from app.ui.camera_preview import CameraPreview
from app.ui.demo_gun import DemoGun
from app.ui.scan_bridge import ScanBridge
from app.ui.scanner_names import scanner_title
from app.ui.scanner_settings import ScannerSettingsPage
from app.ui.scanner_wizard import fill
from hardware.source import Rejection, SourceState

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SIM_SOURCE = "sim"
CAMERA_KINDS = ("camera", "file")
STATUS_MESSAGE_MS = 15_000


class ScannerControls(QObject):
    def __init__(self, window: MainWindow, bridge: ScanBridge) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = bridge
        self.demo_gun: DemoGun | None = None
        self.previews: dict[str, CameraPreview] = {}
        self._lost: dict[str, str] = {}  # scanner name -> the "disconnected" message shown
        self._panel_lost: str | None = None  # the scanner whose loss the big panel still shows
        self.scanners_title = self.tr("Scanners")
        window.add_settings_page(
            self.scanners_title,
            lambda parent: ScannerSettingsPage(bridge, window.context.settings, parent),
        )
        self.self_test_shortcut = QShortcut(QKeySequence("Ctrl+Shift+T"), window)
        self.self_test_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.self_test_shortcut.activated.connect(self.open_self_test)
        self.demo_shortcut = QShortcut(QKeySequence("Ctrl+Shift+D"), window)
        self.demo_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.demo_shortcut.activated.connect(self.toggle_demo_gun)
        self.preview_shortcut = QShortcut(QKeySequence("Ctrl+Shift+C"), window)
        self.preview_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.preview_shortcut.activated.connect(self.toggle_previews)
        bridge.rejected.connect(self._rejected)
        bridge.imeInterference.connect(self._ime_interference)
        bridge.stateChanged.connect(self._state_changed)
        bridge.sourcesChanged.connect(self._sources_changed)
        window.operator_changed.connect(self._operator_changed)
        window.decision_shown.connect(self._decision_shown)
        self._sources_changed()

    # --- settings and the self-test ------------------------------------------------------

    def open_self_test(self) -> None:
        """Settings on the scanner page with the self-test wizard open (administrators only)."""
        dialog = self.window.open_settings(self.scanners_title)
        if dialog is None:
            return
        page = dialog.stack.currentWidget()
        if isinstance(page, ScannerSettingsPage):
            page.open_wizard()

    # --- what the scanners report --------------------------------------------------------

    def _rejected(self, rejection: Rejection) -> None:
        text = fill("Scanners", rejection.message, rejection.params)
        if self.window.operator is None:
            log.info("read rejected before login (%s): %s", rejection.source, rejection.text())
            return
        raw = rejection.raw.decode("utf-8", "replace") if rejection.raw else ""
        self._not_read(text, f"scanner.{rejection.reason}", raw)

    def _ime_interference(self) -> None:
        text = self.tr(
            "The gun typed into the Chinese input method, so this scan was not read. "
            "Switch the input method to English (中文输入法 → 英文, usually the Shift key "
            "or Ctrl+Space), then scan again."
        )
        log.warning("a gun's scan went into the input method and was lost")
        if self.window.operator is None:
            self.window.status.showMessage(text, STATUS_MESSAGE_MS)
            return
        self._not_read(text, "scanner.input_method", "", headline=self.tr("⚠ Switch to English"))

    def _not_read(self, text: str, reason: str, code: str, headline: str | None = None) -> None:
        """Amber (nothing happened to any goods) but the error sound: the scan must be repeated.

        ``text`` is already in the operator's language and has no placeholders left, so the
        panel shows it as it is.
        """
        self.window.show_decision(
            Decision(Outcome.WARNING, text, reason=reason),
            code=code,
            headline=headline or self.tr("⚠ Scan not read"),
            sound=Outcome.ERROR,
        )

    def _state_changed(self, name: str, state: str) -> None:
        """A gun unplugged is said in the big panel (the operator scans and looks there) and
        marked red in the status bar; found again, the light turns green and the panel is
        reset, unless a scan has been shown since."""
        info = self.bridge.info(name)
        source_state = SourceState(state)
        detail = info.source.detail if info is not None else ""
        status = self.window.status
        status.set_scanner(name, source_state, detail)
        title = scanner_title(name)
        if source_state is SourceState.DISCONNECTED:
            log.warning("scanner %s disconnected: %s", name, detail)
            text = self.tr(
                "%1 is disconnected: check its cable or power. "
                "It is found again by itself once it is back."
            ).replace("%1", title)
            self._lost[name] = text
            if self.window.operator is None:
                status.showMessage(text)
                return
            self.window.show_decision(
                Decision(Outcome.WARNING, text, reason="scanner.disconnected"),
                headline=self.tr("⚠ Scanner disconnected"),
            )
            self._panel_lost = name
        elif source_state is SourceState.CONNECTED and name in self._lost:
            log.info("scanner %s connected again", name)
            if status.currentMessage() == self._lost.pop(name):
                status.clearMessage()
            if self._panel_lost == name:
                self._panel_lost = None
                self.window.idle_feedback(self.tr("%1 is connected again.").replace("%1", title))

    def _decision_shown(self, decision: Decision) -> None:
        if decision.reason != "scanner.disconnected":
            self._panel_lost = None

    def _sources_changed(self) -> None:
        infos = self.bridge.sources
        self.window.status.keep_scanners({info.name for info in infos})
        for info in infos:
            self.window.status.set_scanner(info.name, info.state, info.source.detail)
        self._follow_demo_gun()
        self._follow_cameras()

    # --- the demo gun and camera previews ---------------------------------------------------

    def _follow_demo_gun(self) -> None:
        if self.bridge.info(SIM_SOURCE) is not None and self.demo_gun is None:
            context = self.window.context
            self.demo_gun = DemoGun(
                self.bridge, context.gateway, context.data_dir, context.language, self.window
            )
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.demo_gun)
            self.demo_gun.setVisible(self.window.operator is not None)
        self.demo_shortcut.setEnabled(self.demo_gun is not None)

    def _operator_changed(self, operator: object) -> None:
        """The demo gun comes with the work pages: scans before login would only be ignored."""
        if self.demo_gun is not None:
            self.demo_gun.setVisible(operator is not None)

    def toggle_demo_gun(self) -> None:
        if self.demo_gun is None or self.window.operator is None:
            return
        showing = not self.demo_gun.isVisible()
        self.demo_gun.setVisible(showing)
        if showing:
            self.demo_gun.codes.setFocus()

    def _follow_cameras(self) -> None:
        """One preview per camera scanner; a camera removed or replaced in settings loses its own."""
        cameras = {i.name: i.source for i in self.bridge.sources if i.spec.kind in CAMERA_KINDS}
        for name, preview in list(self.previews.items()):
            if cameras.get(name) is not preview.source:
                del self.previews[name]
                preview.detach()
                self.window.removeDockWidget(preview)
                preview.deleteLater()
        for name, source in cameras.items():
            if name not in self.previews:
                title = scanner_title(name)
                preview = CameraPreview(
                    source, self.tr("%1  Ctrl+Shift+C").replace("%1", title), self.window
                )
                self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, preview)
                self.previews[name] = preview
        self.preview_shortcut.setEnabled(bool(self.previews))

    def toggle_previews(self) -> None:
        """Hide every camera preview, or bring them all back (a closed one is never lost)."""
        showing = not any(preview.isVisible() for preview in self.previews.values())
        for preview in self.previews.values():
            preview.setVisible(showing)
