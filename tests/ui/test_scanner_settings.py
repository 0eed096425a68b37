"""The scanner settings page: sources with live state and last scan, wedge options saved and applied."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from app.settings import Settings
from app.ui.scan_bridge import ScanBridge
from app.ui.scanner_settings import WEDGE_KEY, ScannerSettingsPage, SourcesModel, wedge_config_from
from hardware.dispatch import Dispatcher
from hardware.scan import Scan
from hardware.simulators import VirtualSerialGun


@pytest.fixture
def bridge(qtbot):
    bridge = ScanBridge(Dispatcher())
    yield bridge
    bridge.shutdown()


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def page(qtbot, bridge, settings):
    bridge.set_wedge_config(wedge_config_from(settings))
    widget = ScannerSettingsPage(bridge, settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cell(model: SourcesModel, name: str, column: int) -> object:
    for row in range(model.rowCount()):
        if model.data(model.index(row, SourcesModel.NAME), Qt.ItemDataRole.UserRole) == name:
            return model.data(model.index(row, column))
    raise AssertionError(f"no row for {name}")


def test_the_model_passes_qt_model_tester(qtmodeltester, bridge):
    bridge.add("wedge")
    bridge.add("sim")
    qtmodeltester.check(SourcesModel(bridge))


def test_adding_a_source_shows_it_connected_and_saves_it(qtbot, page, bridge, settings):
    page.spec_box.setCurrentText("sim")
    assert page.add_source()
    qtbot.waitUntil(
        lambda: cell(page.model, "sim", SourcesModel.STATE) == "connected", timeout=3000
    )
    assert Settings(settings.path).scanner_sources == ["sim"]


def test_a_bad_spec_says_why_and_changes_nothing(page, bridge, settings):
    page.spec_box.setCurrentText("serial:COM3?baud=fast")
    assert not page.add_source()
    assert "baud=fast" in page.error.text()
    assert bridge.sources == []


def test_last_scan_and_count_follow_the_scans(qtbot, page, bridge):
    info = bridge.add("sim")
    qtbot.waitUntil(lambda: info.state.value == "connected", timeout=3000)
    info.source.push("0106901234567892\x1d21AB")
    info.source.push("SECOND")
    qtbot.waitUntil(lambda: cell(page.model, "sim", SourcesModel.COUNT) == 2, timeout=3000)
    assert cell(page.model, "sim", SourcesModel.LAST_SCAN) == "SECOND"
    bridge.sink(Scan("0106901234567892\x1d21AB", "sim"))
    qtbot.waitUntil(lambda: cell(page.model, "sim", SourcesModel.COUNT) == 3, timeout=3000)
    assert (
        cell(page.model, "sim", SourcesModel.LAST_SCAN) == "0106901234567892␝21AB"
    )  # GS made visible


def test_an_unplugged_serial_gun_shows_disconnected_then_connected_again(
    qtbot, page, bridge, tmp_path
):
    with VirtualSerialGun(tmp_path) as gun:
        name = f"serial:{gun.path}"
        page.spec_box.setCurrentText(name)
        assert page.add_source()
        qtbot.waitUntil(
            lambda: cell(page.model, name, SourcesModel.STATE) == "connected", timeout=5000
        )
        gun.unplug()
        qtbot.waitUntil(
            lambda: (
                cell(page.model, name, SourcesModel.STATE)
                in ("scanner disconnected", "reconnecting")
            ),
            timeout=5000,
        )
        assert cell(page.model, name, SourcesModel.PROBLEM)  # the OS error, for IT
        assert cell(page.model, name, SourcesModel.STATE + 0) != "connected"
        gun.plug()
        qtbot.waitUntil(
            lambda: cell(page.model, name, SourcesModel.STATE) == "connected", timeout=5000
        )
        gun.write(b"\xff\xfe\r")
        qtbot.waitUntil(
            lambda: "not utf-8 text" in str(cell(page.model, name, SourcesModel.PROBLEM)),
            timeout=5000,
        )
        page.table.selectRow(0)
        page.remove_selected()
        assert bridge.sources == []


def test_wedge_options_are_applied_at_once_and_saved(qtbot, page, bridge, settings):
    page.gs_substitute.setText("~")
    page.gs_substitute.editingFinished.emit()
    page.gap.setValue(50)
    page.layout_remap.setCurrentIndex(page.layout_remap.findData("de"))
    assert bridge.wedge_config.gs_substitute == "~"
    assert bridge.wedge_config.max_gap_ms == 50
    assert bridge.wedge_config.layout_remap == "de"
    again = wedge_config_from(Settings(settings.path))
    assert (again.gs_substitute, again.max_gap_ms, again.layout_remap) == ("~", 50, "de")
    assert Settings(settings.path).get(WEDGE_KEY)["gs_substitute"] == "~"


def test_what_the_self_test_verified_is_shown_and_kept_when_another_option_changes(
    qtbot, page, bridge
):
    """Fails on the old page, which rebuilt the settings from its own fields and dropped the rest."""
    verified = replace(bridge.wedge_config, require_terminator=True, frame_timeout_ms=800.0)
    bridge.set_wedge_config(verified)
    page.show_wedge_config(verified)
    assert page.require_terminator.isChecked() and not page.aim_ids.isChecked()
    page.gap.setValue(40)
    assert bridge.wedge_config.require_terminator
    assert (bridge.wedge_config.max_gap_ms, bridge.wedge_config.frame_timeout_ms) == (40, 800)
    page.aim_ids.setChecked(True)
    assert bridge.wedge_config.aim_ids


def test_state_column_is_coloured(qtbot, page, bridge):
    bridge.add("sim")
    qtbot.waitUntil(
        lambda: cell(page.model, "sim", SourcesModel.STATE) == "connected", timeout=3000
    )
    index = page.model.index(0, SourcesModel.STATE)
    assert page.model.data(index, Qt.ItemDataRole.ForegroundRole) is not None


def test_suggestions_name_scanners_in_words_and_fill_in_the_spec(qtbot, page, bridge, chinese):
    """Issue 15, item 8: the list reads 键盘式扫码枪, 摄像头 0, not wedge or camera:0; choosing
    one puts its spec in the box, which IT completes (a COM port, an address)."""
    from app.ui.scanner_settings import ScannerSettingsPage, SpecSuggestions

    fresh = ScannerSettingsPage(bridge, None)
    qtbot.addWidget(fresh)
    box = fresh.spec_box
    assert isinstance(box.model(), SpecSuggestions)
    model = box.model()
    shown = [model.data(model.index(i, 0)) for i in range(box.count())]  # the drop-down list
    assert shown[0] == "键盘式扫码枪" and "摄像头 0" in shown and "网络扫码器 192.168.1.50" in shown
    assert box.currentText() == ""
    box.setCurrentIndex(shown.index("摄像头 0"))
    assert box.currentText() == "camera:0"  # the spec, ready to complete
    box.setCurrentIndex(0)
    assert box.currentText() == "wedge"
