"""Handhelds and tablets: the window fits 800x600 and 1280x800 at 150 %, labels are never
cut, and every button and input is at least a fingertip (7.5 mm) high."""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from app.demo import prepare
from app.domain.operators import Role
from app.domain.workflows.warehouse import Flow
from app.ui.compact import COMPACT_WIDTH, compact_button, glyph_only, split_hint, touch_min_px
from app.ui.main_window import MainWindow
from app.ui.status_bar import MESSAGE_ROOM
from hardware.source import SourceState
from tests.support import ROOT
from tests.support.small_screen import bold_shortfall, check_every_page, layout_problems

pytestmark = pytest.mark.station(
    operators=[("Boss", "9999", Role.ADMIN)], prepare=prepare, uses=("chinese",), language="zh_CN"
)


def _window(qtbot, make_station, width, height):
    win = make_station(size=(width, height), login=("Boss", "9999")).window
    qtbot.waitExposed(win)
    return win


def test_every_page_fits_800x600_without_cut_labels(qtbot, make_station, touch):
    win = _window(qtbot, make_station, 800, 600)
    assert win.compact and win.size().width() == 800
    assert check_every_page(win, lambda: qtbot.wait(50)) == []
    page = win.page("warehouse")
    assert page.finish_button.text() == "完成" and "Ctrl+Enter" in page.finish_button.toolTip()
    assert page.paper_menu_button.isVisibleTo(page) and not page.pdf_button.isVisibleTo(page)
    win.close()


def test_a_desk_pc_keeps_the_shortcut_hints_and_buttons(qtbot, make_station, touch):
    win = _window(qtbot, make_station, 1280, 800)
    page = win.page("warehouse")
    assert not win.compact and page.finish_button.text() == "完成  Ctrl+Enter"
    assert page.pdf_button.isVisibleTo(page) and not page.paper_menu_button.isVisibleTo(page)
    assert layout_problems(win) == []
    win.resize(800, 600)  # and back again when the window shrinks
    qtbot.waitUntil(lambda: win.compact)
    assert page.finish_button.text() == "完成"
    win.resize(1280, 800)
    qtbot.waitUntil(lambda: not win.compact)
    assert page.finish_button.text() == "完成  Ctrl+Enter"
    assert page.finish_button.toolTip() == ""
    win.close()


ENGLISH = pytest.mark.station(uses=(), language="en")
LANGUAGES = [pytest.param("zh_CN", id="zh_CN"), pytest.param("en", marks=ENGLISH, id="en")]
SIZES = [pytest.param((1366, 768), id="1366x768"), pytest.param((800, 600), id="800x600")]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", SIZES)
def test_the_page_in_front_shows_its_whole_bold_label(qtbot, make_station, touch, language, size):
    """Issue 15, item 10: the chosen page's button is bold, and "Warehouse  F1" lost its end."""
    win = _window(qtbot, make_station, *size)
    for key in win.page_keys():
        assert win.set_current_page(key)
        qtbot.wait(20)
        button = next(b for b in win.page_buttons.buttons() if b.isChecked())
        assert button.isVisible() and bold_shortfall(button) == 0, (key, button.text())
        bold = QFont(button.font())
        bold.setBold(True)
        # the bold label and the style's padding (14 px a side) and border (1 px a side)
        assert QFontMetrics(bold).horizontalAdvance(button.text()) + 30 <= button.width()
    if language == "en" and size[0] > COMPACT_WIDTH:
        assert win._pages["warehouse"].button.text() == "Warehouse  F1"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_order_shows_four_lines_on_a_handheld(qtbot, make_station, touch, language):
    """Issue 15, item 10: at 800×600 the order's lines showed one row under their header."""
    win = _window(qtbot, make_station, 800, 600)
    page = win.page("warehouse")
    page.open_files = False
    qtbot.waitUntil(lambda: page.order_combo.count() > 0)
    with qtbot.waitSignal(page.result_shown):
        page.switch_flow(Flow.SHIP)
    with qtbot.waitSignal(page.result_shown):
        page.start_ship.click()
    qtbot.wait(100)
    lines = page.lines_view
    assert page.lines_model.rowCount() >= 2  # the demo's first order has lines to show
    assert lines.viewport().height() >= 4 * lines.verticalHeader().defaultSectionSize()
    assert lines.columnWidth(0) >= lines.viewport().width() * 0.4  # the product's name has room
    assert not page.job_title.is_elided() or page.job_title.toolTip() == page.job_title.text()
    assert layout_problems(win) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_choosers_show_their_whole_entry_on_a_handheld(qtbot, make_station, touch, language):
    """At 800×600 the delivery and shelf choosers were as narrow as when they were still
    empty: "A区01货架" showed as "A区01货"."""
    win = _window(qtbot, make_station, 800, 600)
    page = win.page("warehouse")
    qtbot.waitUntil(lambda: page.receive_location.count() > 0 and page.inbound_combo.count() > 1)
    with qtbot.waitSignal(page.result_shown):
        page.switch_flow(Flow.RECEIVE)
    for combo in (page.inbound_combo, page.receive_location):
        texts = [combo.itemText(i) for i in range(combo.count())]
        combo.setCurrentText(max(texts, key=combo.fontMetrics().horizontalAdvance))
    qtbot.wait(50)
    for combo in (page.inbound_combo, page.receive_location):
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30  # the arrow
        assert needed <= combo.width(), (combo.currentText(), combo.width())
    assert layout_problems(win) == []


def test_dialogs_fit_a_handheld_window(qtbot, make_station, touch):
    """The settings (the scanners' page is tall) and the sync issues (900 px wide) reached
    past an 800×600 handheld's screen, Close and the list's end off it."""
    station = make_station(size=(800, 600), login=("Boss", "9999"))
    window = station.window
    dialog = window.open_settings()
    for row in range(dialog.nav.count()):
        dialog.nav.setCurrentRow(row)
        qtbot.wait(20)
        assert dialog.width() <= 800 and dialog.height() <= 600, dialog.nav.item(row).text()
    dialog.close()
    issues = station.sync.open_issues()
    qtbot.waitExposed(issues)
    assert issues.width() <= 800 and issues.height() <= 600


def test_finish_reads_as_large_as_the_buttons_beside_it(qtbot, make_station, touch):
    """Finish was bold through a style sheet, which drew it in the smaller application font."""
    page = _window(qtbot, make_station, 800, 600).page("warehouse")
    finish, undo = QFontInfo(page.finish_button.font()), QFontInfo(page.undo_button.font())
    assert finish.bold() and finish.pixelSize() == undo.pixelSize()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_passing_message_gets_room_and_no_light_is_cut(qtbot, make_station, touch, language):
    """Issue 15, item 10: at 800×600 a message was cut under the status lights after a few
    words; now the operator and station step aside, what still does not fit ends in "…" (the
    whole of it in the tooltip), and every light and button stays whole inside the window."""
    win = _window(qtbot, make_station, 800, 600)
    bar = win.status
    qtbot.waitUntil(lambda: bar.status is not None)
    qtbot.wait(300)  # the sync engine's first word ("not enrolled") has come and gone
    message = "The station is not enrolled with a server yet. Ask IT for an enrollment code."
    bar.showMessage(message, 60_000)
    qtbot.wait(50)
    assert bar.currentMessage() == message
    lights = [
        w
        for w in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if w.isVisible() and (not isinstance(w, QLabel) or w.text())
    ]
    first_light = min(w.mapTo(bar, w.rect().topLeft()).x() for w in lights)
    room = min(bar.fontMetrics().horizontalAdvance(message), MESSAGE_ROOM - 20)
    # the message has its room, or everything that may step aside for it has
    stepped_aside = not bar.operator_label.isVisible() and not bar.station_label.isVisible()
    assert first_light >= room or stepped_aside, (first_light, room)
    assert first_light >= MESSAGE_ROOM // 2
    assert bar.toolTip() == message
    for widget in lights:
        right = widget.mapTo(win, widget.rect().topRight()).x()
        assert right <= win.width() and widget.sizeHint().width() <= widget.width() + 1
    assert layout_problems(win) == []
    bar.clearMessage()
    qtbot.waitUntil(lambda: bar.station_label.isVisible())  # the room goes back to the lights
    assert bar.toolTip() == ""


def test_a_small_screen_is_filled_and_a_large_one_gets_the_preferred_size(qtbot, context):
    win = MainWindow(context)  # the bare shell: only its size is under test
    qtbot.addWidget(win)
    win.show_fitted()
    available = win.screen().availableGeometry()
    qtbot.waitExposed(win)
    assert win.width() <= available.width() and win.height() <= available.height()
    if available.width() < 1280 or available.height() < 800:
        assert win.size() == available.size() or win.isMaximized()
    assert win.minimumSize().width() <= 640 and win.minimumSize().height() <= 440
    win.close()


def test_status_bar_keeps_the_last_sync_whole_with_a_gun_in_trouble(qtbot, make_station):
    win = _window(qtbot, make_station, 800, 600)
    bar = win.status
    qtbot.waitUntil(lambda: bar.status is not None)
    bar.set_scanner("serial:/dev/ttyUSB0", SourceState.DISCONNECTED)  # a gun in trouble
    qtbot.waitUntil(lambda: layout_problems(win) == [], timeout=3000)
    assert bar.sync_label.isVisible()
    assert bar.sync_label.sizeHint().width() <= bar.sync_label.width() + 1
    right = bar.sync_label.mapTo(win, bar.sync_label.rect().topRight()).x()
    assert right <= win.width()
    assert layout_problems(win) == []  # the operator goes first when room runs out
    win.close()


def test_settings_buttons_and_inputs_are_a_fingertip_high(qtbot, make_station, touch):
    assert touch_min_px(96) == 30 and touch_min_px(144) == 43
    win = _window(qtbot, make_station, 800, 600)
    dialog = win.open_settings()
    qtbot.waitExposed(dialog)
    floor = touch_min_px()
    checked = 0
    for kind in (QPushButton, QLineEdit, QComboBox):
        for widget in dialog.findChildren(kind):
            if widget.isVisible():
                assert widget.height() >= floor, (
                    kind.__name__,
                    widget.text() if hasattr(widget, "text") else "",
                )
                checked += 1
    assert checked >= 3
    dialog.close()
    win.close()


def test_a_button_squeezed_to_its_sign_keeps_its_count(qtbot):
    """At 800×600 in the station's type the sync issues badge became "⚠": how many is the news."""
    issues, sync = QPushButton("⚠ 3 sync issues  F6"), QPushButton("⟳ Sync now  F5")
    qtbot.addWidget(issues)
    qtbot.addWidget(sync)
    for button in (issues, sync):
        glyph_only(button)
    assert (issues.text(), sync.text()) == ("⚠ 3", "⟳")
    assert issues.toolTip() == "3 sync issues  F6"
    compact_button(issues, False)
    assert issues.text() == "⚠ 3 sync issues  F6"


def test_shortcut_hints_are_split_only_from_key_sequences():
    assert split_hint("完成  Ctrl+Enter") == ("完成", "Ctrl+Enter")
    assert split_hint("仓库  F1") == ("仓库", "F1")
    assert split_hint("Demo gun  Ctrl+Shift+D") == ("Demo gun", "Ctrl+Shift+D")
    assert split_hint("CSV") == ("CSV", "")
    assert split_hint("Note:  two spaces") == ("Note:  two spaces", "")
    assert COMPACT_WIDTH > 853  # 1280x800 at 150 % is compact


@pytest.mark.parametrize(
    "size, scale", [("800x600", "1"), ("1280x800", "1.5"), ("800x600", "1.25")]
)
def test_the_real_window_fits_at_handheld_scaling(tmp_path, size, scale):
    """The scale factor must be set before Qt starts, so this runs in its own process on an
    offscreen screen of the handheld's size."""
    width, height = size.split("x")
    config = tmp_path / "screen.json"
    config.write_text(
        '{"synchronousWindowSystem": true, "windowFrameMargins": false, "screens": [{"name": "s",'
        f' "x": 0, "y": 0, "width": {width}, "height": {height}, "logicalDpi": 96,'
        ' "logicalBaseDpi": 96, "dpr": 1}]}'
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.small_screen", "zh_CN"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "compact=True" in done.stdout
