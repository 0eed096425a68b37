"""The scanners wired into the station window: start-up, settings, rejections, states, IME, demo gun, camera."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from app.domain.operators import Role
from app.domain.workflows.base import Decision, Outcome
from app.settings import Settings
from app.ui.application import start_scanners
from app.ui.camera_preview import CameraPreview
from app.ui.demo_gun import DemoGun
from app.ui.feedback_panel import COLOURS
from app.ui.main_window import MainWindow
from app.ui.scan_bridge import ScanBridge
from app.ui.scanner_settings import WEDGE_KEY, ScannerSettingsPage
from app.ui.scanner_wizard import ScannerWizard, fill
from app.ui.wedge_filter import ALLOW_IME_PROPERTY
from hardware.dispatch import Dispatcher
from hardware.simulators import VirtualSerialGun, frame_with_codes, sample_code, write_video
from hardware.source import STATE_LABELS, SourceState
from hardware.wedge import WedgeConfig
from tests.support.input_method import ime_enabled
from tests.support.shell import log_in


class _ScanningPage(QLabel):
    """A work page that takes every scan and says OK."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__("Receiving")
        self.window = window
        self.scans = []

    def handle_scan(self, scan):
        self.scans.append(scan)
        self.window.show_decision(Decision(Outcome.OK, "Received."), code=scan.text)


pytestmark = pytest.mark.station(
    operators=[("Boss", "2468", Role.ADMIN), ("Wu", "1111", Role.WAREHOUSE)]
)


@pytest.fixture
def bridge(qtbot, context):
    bridge = ScanBridge(context.dispatcher)
    context.scan_bridge = bridge
    yield bridge
    bridge.shutdown()


@pytest.fixture
def make_window(make_station, bridge):
    """The bare shell over a real bridge; scanners are added before the window, as at start-up."""

    def make(*specs: str) -> MainWindow:
        for spec in specs:
            bridge.add(spec)
        window = make_station(pages=(), size=(1000, 700)).window
        window.receiving = _ScanningPage(window)
        window.add_page("warehouse", "Receive", window.receiving, {Role.WAREHOUSE})
        return window

    return make


@pytest.fixture
def gun(tmp_path):
    with VirtualSerialGun(tmp_path) as virtual:
        yield virtual


def log_in_by_hand(qtbot, window: MainWindow, name: str, pin: str) -> None:
    """With a wedge gun listening, a PIN typed at machine speed is a scan: fill the field instead."""
    login = window.login
    qtbot.waitUntil(lambda: login.forms.currentIndex() == 0 and login.pin.isEnabled())
    while login.selected_operator().name != name:
        login.operator_list.setCurrentRow(login.operator_list.currentRow() + 1)
    login.pin.setText(pin)
    login.submit_pin()
    qtbot.waitUntil(lambda: window.operator is not None and window.operator.name == name)


# --- start-up -------------------------------------------------------------------------------


def test_start_up_applies_saved_wedge_options_and_starts_every_configured_source(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    saved = WedgeConfig(gs_substitute="~", prefix="]Q1", caps_lock_correction=False)
    settings.set(WEDGE_KEY, saved.to_dict())
    settings.scanner_sources = ["wedge", "sim", "serial:COM99?baud=fast"]
    bridge, problems = start_scanners(Dispatcher(), settings)
    try:
        assert bridge.wedge_config == saved
        assert bridge.info("wedge").source.assembler.config == saved  # the gun reads as tested
        assert [i.name for i in bridge.sources] == ["wedge", "sim"]
        [problem] = problems  # one bad scanner is reported, the others still run
        assert problem.startswith("Serial gun COM99 did not start: ")  # named, not a spec
        qtbot.waitUntil(lambda: bridge.info("sim").state is SourceState.CONNECTED)
    finally:
        bridge.shutdown()


def test_a_new_station_listens_to_the_wedge_and_the_demo_adds_the_sim_gun(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    bridge, problems = start_scanners(Dispatcher(), settings, demo=True)
    try:
        assert problems == []
        assert [i.name for i in bridge.sources] == ["wedge", "sim"]
        assert bridge.wedge_config == WedgeConfig()
        assert "sim" not in Settings(settings.path).scanner_sources  # the demo gun is not saved
    finally:
        bridge.shutdown()


# --- settings and the self-test ---------------------------------------------------------------


def test_settings_host_the_scanner_page_and_the_self_test_is_reached_by_keyboard(
    qtbot, make_window, bridge
):
    window = make_window("sim")
    log_in(qtbot, window, "Boss", "2468")
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    titles = [dialog.nav.item(row).text() for row in range(dialog.nav.count())]
    assert "Scanners" in titles
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.nav.setFocus()
    while dialog.nav.currentItem().text() != "Scanners":
        qtbot.keyClick(dialog.nav, Qt.Key.Key_Down)
    page = dialog.stack.currentWidget()
    assert isinstance(page, ScannerSettingsPage) and page.bridge is bridge
    assert page.model.rowCount() == 1 and page.model.name_at(0) == "sim"
    for _ in range(40):  # Tab through the page until the self-test button has the focus
        if QApplication.focusWidget() is page.selftest_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.selftest_button
    qtbot.keyClick(page.selftest_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(page.wizard, ScannerWizard) and page.wizard.isVisible())
    page.wizard.reject()
    dialog.reject()
    qtbot.waitUntil(lambda: window.settings_dialog is None)


def test_ctrl_shift_t_opens_the_self_test_for_an_administrator_only(qtbot, make_window):
    window = make_window("sim")
    log_in(qtbot, window, "Wu", "1111")
    qtbot.keyClick(
        window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.settings_dialog is None
    window.logout()
    log_in(qtbot, window, "Boss", "2468")
    qtbot.keyClick(
        window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.settings_dialog
    assert dialog is not None
    page = dialog.stack.currentWidget()
    assert isinstance(page, ScannerSettingsPage)
    qtbot.waitUntil(lambda: page.wizard is not None and page.wizard.isVisible())
    assert page.wizard.source_name == "sim"
    page.wizard.reject()
    dialog.reject()


def test_operator_and_station_names_take_chinese_while_other_fields_keep_the_ime_off(
    qtbot, make_window
):
    window = make_window("wedge")
    log_in_by_hand(qtbot, window, "Boss", "2468")
    dialog = window.open_settings()
    plain = QLineEdit(dialog)

    for field in (dialog.general.station_name, dialog.operators.name, window.login.setup_name):
        assert field.property(ALLOW_IME_PROPERTY) is True
        assert ime_enabled(field) is True
    assert ime_enabled(dialog.operators.pin) is False
    assert ime_enabled(plain) is False
    dialog.reject()


# --- what the scanners report -------------------------------------------------------------------


def test_a_rejected_read_warns_sounds_the_error_and_is_logged(qtbot, make_window, bridge, gun):
    window = make_window(f"serial:{gun.path}?baud=9600")
    log_in(qtbot, window, "Wu", "1111")
    window.context.settings.flash_enabled = False
    qtbot.waitUntil(lambda: bridge.info(f"serial:{gun.path}").state is SourceState.CONNECTED)
    with qtbot.waitSignal(bridge.rejected, timeout=5000) as got:
        gun.write(b"01\x0723\x01\x02ABC\r")  # line noise: a wrong baud rate
    rejection = got.args[0]
    assert rejection.reason == "control_chars"
    assert window.feedback.outcome is Outcome.WARNING
    assert window.feedback.background == COLOURS[Outcome.WARNING][0]
    assert window.feedback.headline.text() == "⚠ Scan not read"
    assert window.feedback.message.text() == fill("Scanners", rejection.message, rejection.params)
    assert "baud rate" in window.feedback.message.text()
    assert window.context.sounds.last_played is Outcome.ERROR
    row = window.scan_log_model.row(0)
    assert row.outcome is Outcome.WARNING and row.code == "01<07>23<01><02>ABC"
    assert window.receiving.scans == []  # nothing reached the workflow
    gun.scan("0106901234567892")  # the next good read goes through as usual
    qtbot.waitUntil(lambda: len(window.receiving.scans) == 1, timeout=5000)
    assert window.feedback.outcome is Outcome.OK


def test_a_rejected_read_shows_in_chinese(qtbot, make_window, bridge, gun, chinese):
    window = make_window(f"serial:{gun.path}?baud=9600&encoding=utf-8")
    log_in(qtbot, window, "Wu", "1111")
    qtbot.waitUntil(lambda: bridge.info(f"serial:{gun.path}").state is SourceState.CONNECTED)
    with qtbot.waitSignal(bridge.rejected, timeout=5000):
        gun.write("条码".encode("gbk") + b"\r")
    text = window.feedback.message.text()
    assert text and not text.isascii()  # translated, with the offending bytes filled in
    assert "cc f5" in text
    assert window.feedback.headline.text() != "⚠ Scan not read"


def test_an_unplugged_gun_turns_its_light_red_and_a_replug_clears_it(
    qtbot, make_window, bridge, gun
):
    window = make_window("sim", f"serial:{gun.path}")
    name = f"serial:{gun.path}"
    status = window.status

    def state() -> str:
        return status.scanner_state(name)

    qtbot.waitUntil(lambda: state() == "connected")
    qtbot.waitUntil(lambda: status.scanner_state("sim") == "connected")
    summary = status.scanners_label
    assert summary.text() == "● 2 scanners"  # working guns share one green light
    assert "#1e8e3e" in summary.styleSheet()
    assert "Demo gun: connected" in summary.toolTip()
    assert "Serial gun ttyGUN0: connected" in summary.toolTip()
    assert status.trouble_labels == {}
    log_in(qtbot, window, "Wu", "1111")
    gun.unplug()
    qtbot.waitUntil(lambda: state() in ("disconnected", "reconnecting"), timeout=5000)
    label = status.trouble_labels[name]  # the gun in trouble gets its own light
    assert "#c5221f" in label.styleSheet() or "#b06000" in label.styleSheet()
    assert name in label.toolTip()
    assert summary.text() == "● Demo gun"
    assert "disconnected" in label.text() or "reconnecting" in label.text()  # spelled out
    assert window.feedback.outcome is Outcome.WARNING  # said where the operator looks
    assert window.feedback.headline.text() == "⚠ Scanner disconnected"
    assert "Serial gun ttyGUN0 is disconnected" in window.feedback.message.text()
    assert window.scan_log_model.row(0).outcome is Outcome.WARNING
    assert window.context.sounds.last_played is Outcome.WARNING
    gun.plug()
    qtbot.waitUntil(lambda: state() == "connected", timeout=5000)
    assert status.trouble_labels == {}
    assert summary.text() == "● 2 scanners" and "#1e8e3e" in summary.styleSheet()
    assert window.feedback.outcome is None  # the panel is ready again
    assert "connected again" in window.feedback.message.text()
    window.logout()  # before login the status bar carries the news
    gun.unplug()
    qtbot.waitUntil(lambda: "is disconnected" in status.currentMessage(), timeout=5000)
    gun.plug()
    qtbot.waitUntil(lambda: state() == "connected", timeout=5000)
    assert status.currentMessage() == ""
    bridge.remove(name)
    assert status.scanner_state(name) is None
    assert summary.text() == "● Demo gun"


def test_a_scan_after_the_loss_keeps_its_result_when_the_gun_comes_back(
    qtbot, make_window, bridge, gun
):
    window = make_window("sim", f"serial:{gun.path}")
    name = f"serial:{gun.path}"
    log_in(qtbot, window, "Wu", "1111")
    qtbot.waitUntil(lambda: bridge.info(name).state is SourceState.CONNECTED)
    gun.unplug()
    qtbot.waitUntil(lambda: window.feedback.outcome is Outcome.WARNING, timeout=5000)
    window.scanners.demo_gun.scan("0106901234567892")  # the other gun still scans
    qtbot.waitUntil(lambda: window.feedback.outcome is Outcome.OK)
    gun.plug()
    qtbot.waitUntil(lambda: bridge.info(name).state is SourceState.CONNECTED, timeout=5000)
    qtbot.wait(50)
    assert window.feedback.outcome is Outcome.OK


def test_scanner_states_are_translated(qtbot, make_window, chinese):
    window = make_window("sim")
    window.status.set_scanner("serial:COM3", SourceState.DISCONNECTED)
    expected = QCoreApplication.translate("Scanners", STATE_LABELS[SourceState.DISCONNECTED])
    assert expected != "scanner disconnected"
    assert expected in window.status.trouble_labels["serial:COM3"].text()


def _ime(commit: str, preedit: str = "") -> QInputMethodEvent:
    event = QInputMethodEvent(preedit, [])
    event.setCommitString(commit)
    return event


def test_a_gun_typing_into_the_chinese_ime_tells_the_operator_to_switch_to_english(
    qtbot, make_window, bridge
):
    window = make_window("wedge")
    log_in_by_hand(qtbot, window, "Wu", "1111")
    notes = QLineEdit(window.receiving)
    notes.setProperty(ALLOW_IME_PROPERTY, True)  # a notes field that takes Chinese
    notes.show()
    notes.setFocus()
    with qtbot.waitSignal(bridge.imeInterference, timeout=3000):
        for preedit in ["a", "ab", "abc", "abc1", "abc12"]:  # as fast as a gun types
            QApplication.sendEvent(notes, _ime("", preedit))
    assert window.feedback.outcome is Outcome.WARNING
    assert window.feedback.headline.text() == "⚠ Switch to English"
    assert "中文输入法 → 英文" in window.feedback.message.text()
    assert window.context.sounds.last_played is Outcome.ERROR
    assert window.scan_log_model.rowCount() == 1
    assert notes.text() == ""


# --- the demo gun -------------------------------------------------------------------------------


def test_the_demo_gun_scans_through_the_sim_source_on_every_page(
    qtbot, make_window, bridge, context
):
    (context.data_dir / "demo-codes.json").write_text(
        json.dumps(
            [
                {"label": "单品 1", "label_en": "Item 1", "text": "0106901234567892" + "21A1"},
                {"label": "箱 1", "label_en": "Case 1", "text": "00069012340000000017"},
            ]
        ),
        encoding="utf-8",
    )
    window = make_window("sim")
    gun = window.scanners.demo_gun
    assert isinstance(gun, DemoGun) and not gun.isVisible()  # nobody to scan for yet
    qtbot.waitUntil(lambda: gun.codes.count() == 2)
    assert gun.codes.itemText(0) == "Item 1"
    log_in(qtbot, window, "Boss", "2468")
    assert gun.isVisible()
    assert (
        window.dockWidgetArea(gun) == Qt.DockWidgetArea.BottomDockWidgetArea
    )  # pages keep their width
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_D, shortcut)
    assert not gun.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_D, shortcut)
    assert gun.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is gun.codes)
    qtbot.keyClick(gun.codes, Qt.Key.Key_Down)  # choosing alone scans nothing
    qtbot.keyClick(gun.codes, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.receiving.scans))
    qtbot.wait(200)
    assert len(window.receiving.scans) == 1
    scan = window.receiving.scans[0]
    assert (scan.text, scan.source) == ("00069012340000000017", "sim")
    assert bridge.info("sim").count == 1  # it came through the bridge, like a gun's scan
    qtbot.keyClick(window, Qt.Key.Key_F2)  # a page that takes no scans still gets the warning
    qtbot.mouseClick(gun.text, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gun.text.hasFocus)
    qtbot.keyClicks(gun.text, "ABC123")
    qtbot.keyClick(gun.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.scan_log_model.rowCount() == 2)
    assert window.feedback.outcome is Outcome.WARNING
    assert "Nothing was recorded" in window.feedback.message.text()
    assert gun.text.text() == ""
    bridge.remove("sim")
    assert not gun.scan("ABC")
    assert "removed" in gun.note.text()
    window.logout()
    assert not gun.isVisible()


def test_without_the_sim_source_there_is_no_demo_gun(qtbot, make_window):
    window = make_window("wedge")
    assert window.scanners.demo_gun is None
    assert not window.scanners.demo_shortcut.isEnabled()


# --- camera preview -----------------------------------------------------------------------------


def test_a_camera_scanner_gets_a_preview_with_the_codes_outlined(
    qtbot, make_window, bridge, tmp_path
):
    code = sample_code("qr", 1)
    frame = frame_with_codes([code], "clean", seed=5, size=(640, 360))
    video = write_video(tmp_path / "carton.avi", [frame] * 10, fps=10, size=(640, 360))
    window = make_window(f"file:{video}?loop=1&preview_fps=20")
    preview = window.scanners.previews[f"file:{video}"]
    assert isinstance(preview, CameraPreview)
    qtbot.waitUntil(lambda: preview.image is not None and bool(preview.outlines), timeout=10_000)
    assert (preview.image.width(), preview.image.height()) == (640, 360)
    assert len(preview.outlines) == 1 and len(preview.outlines[0]) == 4
    assert not preview.picture.pixmap().isNull()
    assert preview.windowTitle().endswith("Ctrl+Shift+C")
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    preview.close()  # closed by the operator, and brought back by the keyboard
    assert not preview.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_C, shortcut)
    assert preview.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_C, shortcut)
    assert not preview.isVisible()
    source = bridge.info(f"file:{video}").source
    bridge.remove(f"file:{video}")
    assert window.scanners.previews == {}
    assert source.on_preview is None  # detached: the worker no longer posts frames


def test_without_a_code_list_the_demo_gun_still_scans_typed_text(
    qtbot, make_window, bridge, monkeypatch
):
    def broken(_data_dir):
        raise OSError("demo-codes.json unreadable")

    monkeypatch.setattr("app.ui.demo_gun._demo_codes", broken)
    window = make_window("sim")
    log_in(qtbot, window, "Wu", "1111")
    gun = window.scanners.demo_gun
    qtbot.waitUntil(lambda: not gun.codes.isVisibleTo(gun))
    assert not gun.scan_button.isVisibleTo(gun)
    assert gun.scan("0106901234567892")
    qtbot.waitUntil(lambda: len(window.receiving.scans) == 1)
