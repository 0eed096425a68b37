"""The self-test wizard and its printed sheet: scan, read the findings, apply the fixes, scan right."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QLineEdit

from app.ui.scan_bridge import ScanBridge
from app.ui.scanner_sheet import render_image, write_pdf
from app.ui.scanner_wizard import COMPENSATION_ROLE, ScannerWizard
from hardware.decode import decode_frame
from hardware.dispatch import Dispatcher
from hardware.scan import Scan
from hardware.selftest_sheet import SHEET
from hardware.simulators import VirtualSerialGun
from hardware.wedge import GS
from tests.support.keyboard import KeyClock, pause, type_keys


def test_the_printed_sheet_reads_back_exactly(qtbot):
    image = render_image(0.5)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )
    found = {d.text for d in decode_frame(np.ascontiguousarray(pixels[:, : image.width()]))}
    assert found == {code.expected for code in SHEET}


def test_the_pdf_is_one_a4_page(qtbot, tmp_path):
    path = write_pdf(tmp_path / "sheet.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert (
        data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page/")
        >= 1
    )


@pytest.fixture
def bridge(qtbot):
    dispatcher = Dispatcher()
    bridge = ScanBridge(dispatcher)
    yield bridge
    bridge.shutdown()


def test_a_wedge_gun_sending_a_prefix_and_tilde_for_gs_is_diagnosed_and_fixed(qtbot, bridge):
    workflow: list[str] = []
    bridge.dispatcher.set_handler(lambda scan: workflow.append(scan.text))
    bridge.add("wedge")
    clock = KeyClock()
    clock.attach(bridge.wedge_filter)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitExposed(field)
    field.setFocus()
    wizard = ScannerWizard(bridge)
    qtbot.addWidget(wizard)
    wizard.show()
    field.activateWindow()
    field.setFocus()
    assert wizard.source_name == "wedge"
    wizard.start_scanning()
    ascii_codes = [c for c in SHEET if c.expected.isascii()]
    for code in ascii_codes:
        type_keys(field, "#" + code.expected.replace(GS, "~"), 2, clock)
        pause(clock, qtbot.wait)
    qtbot.waitUntil(lambda: len(wizard.received) == len(ascii_codes), timeout=5000)
    assert workflow == []  # the test scans went to the wizard, not to the workflow
    wizard.show_results()
    kinds = [f.kind for f in wizard.findings]
    assert "gs_replaced" in kinds and "prefix" in kinds and "chinese_wedge" in kinds
    chosen = wizard.chosen_compensations()
    assert {(c.setting, c.value) for c in chosen} == {
        ("gs_substitute", "~"),
        ("prefix", "#"),
        ("require_terminator", True),  # every code came with its Enter: hold codes to it
    }
    labels = [wizard.finding_list.item(r).text() for r in range(wizard.finding_list.count())]
    assert any("~" in label for label in labels)
    wizard.apply_fixes()
    assert (bridge.wedge_config.prefix, bridge.wedge_config.gs_substitute) == ("#", "~")
    assert bridge.wedge_config.require_terminator
    wizard.accept()
    type_keys(field, "#" + SHEET[2].expected.replace(GS, "~"), 2, clock)
    qtbot.waitUntil(lambda: len(workflow) == 1, timeout=3000)
    assert workflow == [SHEET[2].expected]  # the workflow has its handler back, and reads right
    assert field.text() == ""


def test_a_gs1_code_with_its_separator_lost_is_marked_wrong_not_ticked(qtbot, bridge):
    bridge.add("sim")
    wizard = ScannerWizard(bridge)
    qtbot.addWidget(wizard)
    wizard.source_box.setCurrentIndex(wizard.source_box.findData("sim"))
    wizard.start_scanning()
    wizard.take(Scan(SHEET[0].expected, "sim", terminator="\r"))
    wizard.take(Scan(SHEET[2].expected.replace(GS, ""), "sim", terminator="\r"))
    exact, lost, waiting = (wizard.code_list.item(row) for row in (0, 2, 3))
    assert "—" not in exact.text()
    assert "GS separator lost" in lost.text()
    assert lost.icon().cacheKey() != exact.icon().cacheKey() != waiting.icon().cacheKey()
    wizard.show_results()
    assert "gs_lost" in [f.kind for f in wizard.findings]


def test_a_serial_gun_sending_gbk_gets_its_port_switched_to_gbk(qtbot, bridge, tmp_path):
    with VirtualSerialGun(tmp_path) as gun:
        info = bridge.add(f"serial:{gun.path}?encoding=utf-8&terminator=CR")
        qtbot.waitUntil(lambda: info.state.value == "connected", timeout=5000)
        wizard = ScannerWizard(bridge)
        qtbot.addWidget(wizard)
        wizard.start_scanning()
        for code in SHEET:
            gun.scan(code.expected, encoding="gbk")
        qtbot.waitUntil(
            lambda: len(wizard.received) + len(wizard.rejections) == len(SHEET), timeout=5000
        )
        wizard.show_results()
        fixes = [
            wizard.finding_list.item(r).data(COMPENSATION_ROLE)
            for r in range(wizard.finding_list.count())
            if wizard.finding_list.item(r).data(COMPENSATION_ROLE) is not None
        ]
        assert [(c.setting, c.value) for c in fixes] == [("encoding", "gbk")]
        applied: list[str] = []
        wizard.applied.connect(applied.append)
        wizard.apply_fixes()
        assert applied == [f"serial:{gun.path}"]
        (fixed,) = bridge.sources
        assert fixed.spec.encoding == "gbk"
        qtbot.waitUntil(lambda: fixed.state.value == "connected", timeout=5000)
        received: list[Scan] = []
        bridge.dispatcher.set_handler(received.append)
        wizard.accept()
        gun.scan(SHEET[4].expected, encoding="gbk")
        qtbot.waitUntil(lambda: len(received) == 1, timeout=5000)
        assert received[0].text == SHEET[4].expected


def test_closing_the_wizard_gives_the_handler_back(qtbot, bridge):
    def workflow(scan):
        return None

    bridge.dispatcher.set_handler(workflow)
    bridge.add("sim")
    wizard = ScannerWizard(bridge)
    qtbot.addWidget(wizard)
    wizard.start_scanning()
    assert bridge.dispatcher.handler == wizard.take
    wizard.reject()
    assert bridge.dispatcher.handler is workflow
