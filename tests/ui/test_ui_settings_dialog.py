"""Settings: saved the moment they change; operators managed by the administrator; area pages hosted."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea

from app.domain.operators import Role
from app.domain.workflows.base import Outcome
from app.settings import Settings
from app.ui.settings_dialog import SettingsDialog
from tests.support.shell import add_operator


@pytest.fixture
def dialog(qtbot, context):
    boss = add_operator(context, "Boss", "2468", Role.ADMIN)
    widget = SettingsDialog(context, operator=boss)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.operators.people.count() == 1)
    return widget


def test_general_options_are_saved_at_once(qtbot, dialog, context):
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("zh_CN"))
    dialog.general.strict.setChecked(True)
    with qtbot.waitSignal(dialog.station_name_changed) as renamed:
        dialog.general.station_name.setText("Gate B")
        dialog.reject()  # Esc: the name typed last is still kept
    assert renamed.args == ["Gate B"]
    saved = Settings.in_data_dir(context.data_dir)
    assert saved.language == "zh_CN"
    assert saved.strict_mode is True
    assert saved.station_name == "Gate B"


def test_sound_page_sets_volume_mute_and_plays_tests(qtbot, dialog, context):
    page = dialog.sound
    page.volume.setValue(35)
    assert page.volume_label.text() == "35 %"
    assert context.sounds.volume == 35
    qtbot.mouseClick(page.test_buttons[Outcome.WARNING], Qt.MouseButton.LeftButton)
    assert context.sounds.last_played is Outcome.WARNING
    page.mute.setChecked(True)
    qtbot.mouseClick(page.test_buttons[Outcome.OK], Qt.MouseButton.LeftButton)
    assert context.sounds.last_played is None
    page.flash.setChecked(False)
    saved = Settings.in_data_dir(context.data_dir)
    assert (saved.sound_volume, saved.sound_muted, saved.flash_enabled) == (35, True, False)
    assert "No speaker" in page.device_note.text()  # this test machine has no audio output


def test_admin_adds_changes_and_removes_an_operator(qtbot, dialog):
    page = dialog.operators
    page.people.setCurrentRow(0)
    assert page.name.text() == "Boss"
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.name.text() == "" and page.selected() is None
    assert page.role.currentData() == Role.WAREHOUSE.value  # never admin by accident
    page.name.setText("Zhao")
    page.role.setCurrentIndex(page.role.findData(Role.COUNTER.value))
    page.pin.setText("1357")
    page.add_operator()
    qtbot.waitUntil(lambda: page.people.count() == 2)
    assert "Zhao was added" in page.notice.text()
    assert page.selected().name == "Zhao"
    page.role.setCurrentIndex(page.role.findData(Role.SUPERVISOR.value))
    page.save_operator()
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().role is Role.SUPERVISOR)
    page.remove_operator()
    qtbot.waitUntil(lambda: page.people.count() == 1)
    assert "can no longer log in" in page.notice.text()


def test_refusals_are_explained(qtbot, dialog):
    page = dialog.operators
    page.people.setCurrentRow(0)  # Boss, the only administrator, is myself
    assert not page.remove_button.isEnabled()
    page.role.setCurrentIndex(page.role.findData(Role.COUNTER.value))
    page.save_operator()
    qtbot.waitUntil(lambda: "at least one administrator" in page.notice.text())
    page.name.setText("boss")
    page.pin.setText("1234")
    page.add_operator()
    qtbot.waitUntil(lambda: "already an operator with this name" in page.notice.text())
    page.name.setText("Li")
    page.pin.setText("12")
    page.add_operator()
    qtbot.waitUntil(lambda: "4 to 12 digits" in page.notice.text())


def test_other_areas_add_their_own_page(dialog):
    dialog.add_page("Scanners", QLabel("scanner list"))
    assert dialog.nav.item(dialog.nav.count() - 1).text() == "Scanners"
    dialog.nav.setCurrentRow(dialog.nav.count() - 1)
    assert dialog.stack.currentWidget().text() == "scanner list"


def test_a_login_badge_is_printed_only_with_the_operators_own_pin(qtbot, dialog, context):
    page = dialog.operators
    page.people.setCurrentRow(0)
    page.pin.setText("1111")  # not Boss's PIN
    page.print_badge()
    qtbot.waitUntil(lambda: "not this operator's PIN" in page.notice.text(), timeout=5000)
    page.pin.setText("2468")
    with qtbot.waitSignal(page.badge_written, timeout=20000) as written:
        page.print_badge()
    path = written.args[0]
    assert path.parent == context.data_dir / "badges"
    assert path.read_bytes().startswith(b"%PDF")
    assert "Badge saved" in page.notice.text() and page.pin.text() == ""


def test_the_badge_words_ship_in_chinese(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from tests.support import ROOT

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/i18n/shell_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        for text in (
            "Print login badge",
            "Type the operator's PIN, then print the badge.",
            "That is not this operator's PIN: no badge was printed.",
            "Badge saved: %1",
        ):
            assert QCoreApplication.translate("OperatorsPage", text) != text, text
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_short_page_does_not_scroll_for_a_tall_one(qtbot, context, make_station, demo_gun, touch):
    """The stack was as tall as its tallest page (the scanners', with a gun listed, in the
    station's type), so every page scrolled 23 px at 1366×768: a bar beside 'General' (seen in
    the tour's screenshots)."""
    add_operator(context, "Boss", "2468", Role.ADMIN)
    window = make_station(size=(1366, 768), login=("Boss", "2468")).window
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.nav.count() >= 4  # the station's own pages and the other areas'
    pages = next(a for a in dialog.findChildren(QScrollArea) if a.widget() is dialog.stack)
    scrolls = {}
    for row in range(dialog.nav.count()):
        dialog.nav.setCurrentRow(row)
        qtbot.wait(20)
        scrolls[dialog.nav.item(row).text()] = pages.verticalScrollBar().maximum()
    assert scrolls["General"] == scrolls["Sound"] == scrolls["Operators"] == 0, scrolls
    dialog.close()
