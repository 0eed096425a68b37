"""The shell speaks words, not tokens (issue 15, item 8): the scan log names a command barcode
or button in the operator's language (撤销, 切换：出库), a voucher by its number and a code as
the text under its barcode; places by their names; scanners by what they are; and code columns
keep the serial at their end visible when they are narrow."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

from app.domain.codes import command_text
from app.domain.operators import Role
from app.domain.rules.tokens import sign
from app.domain.workflows.warehouse import Flow
from app.domain.workflows.warehouse.reports import ScanRow
from app.ui.scan_log import ScanLogModel
from app.ui.scanner_names import scanner_title
from app.ui.warehouse import WarehousePage
from app.ui.warehouse.models import ScansModel
from tests.support.shell import scan
from tests.support.warehouse_data import NOW, item_raw, seed

pytestmark = [
    pytest.mark.station(
        operators=[("吴", "1111", Role.WAREHOUSE)], seed=lambda conn: seed(conn), language="zh_CN"
    ),
    pytest.mark.window(login=("吴", "1111")),
]


@pytest.fixture
def page(qtbot, chinese, window) -> WarehousePage:
    page = window.page("warehouse")
    assert isinstance(page, WarehousePage)
    page.open_files = False
    qtbot.waitUntil(lambda: page.result is not None)
    return page


def _logged(window) -> str:
    return window.scan_log_model.data(window.scan_log_model.index(0, ScanLogModel.COL_CODE))


def _press(qtbot, window, act) -> str:
    with qtbot.waitSignal(window.decision_shown, timeout=5000):
        act()
    return _logged(window)


def test_commands_vouchers_and_codes_read_as_words_in_the_scan_log(qtbot, window, page):
    scan(qtbot, window, command_text("undo"))
    assert _logged(window) == "撤销"
    assert _press(qtbot, window, page.undo_button.click) == "撤销"  # the button: the same word
    assert _press(qtbot, window, page.finish_button.click) == "完成"
    assert _press(qtbot, window, lambda: page.switch_flow(Flow.SHIP)) == "切换：出库"
    scan(qtbot, window, command_text("switch", "return:damaged"))
    assert _logged(window) == "切换：退货 破损"

    scan(qtbot, window, command_text("switch", "pack"))
    raw = item_raw("P1", 61)
    scan(qtbot, window, raw)
    assert _logged(window) == f"(01) {raw[2:16]} (21) 00000061"  # as printed under the barcode

    voucher = sign("YV1", {"i": "V-000123"}, "k1", Ed25519PrivateKey.generate())
    scan(qtbot, window, voucher)
    assert _logged(window) == "奖券 V-000123"
    scan(qtbot, window, "YV1.damaged")
    assert _logged(window) == "奖券（已损坏）"

    shown = [
        window.scan_log_model.data(window.scan_log_model.index(r, ScanLogModel.COL_CODE))
        for r in range(window.scan_log_model.rowCount())
    ]
    assert not [text for text in shown if "[" in text or "YIMA:" in text or "YV1." in text]


def test_places_are_named_not_coded(qtbot, page):
    qtbot.waitUntil(lambda: page.receive_location.count() > 0)
    for combo in (page.receive_location, page.stocktake_location):
        names = [combo.itemText(i) for i in range(combo.count())]
        assert "主仓" in names and "A区01" in names
        assert not [name for name in names if "(" in name or "MAIN" in name]


def _elide_mode(view: QAbstractItemView, row: int, column: int) -> Qt.TextElideMode:
    """How the view draws the cell: its own options, then the cell's delegate."""
    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.textElideMode


def test_code_columns_keep_the_serial_when_narrow(qtbot, window, page):
    scan(qtbot, window, command_text("switch", "pack"))
    scan(qtbot, window, item_raw("P1", 62))
    assert _elide_mode(window.scan_log, 0, ScanLogModel.COL_CODE) == Qt.TextElideMode.ElideMiddle
    assert _elide_mode(window.scan_log, 0, ScanLogModel.COL_MESSAGE) == Qt.TextElideMode.ElideRight
    key = "sgtin:06950123450014.00000062"
    page.scans_model.set_rows([ScanRow(NOW, "scan", key, "item", "P1", 1, True, False, 1)], {})
    assert _elide_mode(page.scans_view, 0, ScansModel.COL_CODE) == Qt.TextElideMode.ElideMiddle
    code = page.scans_model.data(page.scans_model.index(0, ScansModel.COL_CODE))
    assert code == "(01) 06950123450014 (21) 00000062"
    tip = page.scans_model.data(page.scans_model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "sgtin:" not in tip


def test_scanners_are_named_in_words(chinese):
    assert scanner_title("wedge") == "键盘式扫码枪"
    assert scanner_title("serial:COM3") == "串口扫码枪 COM3"
    assert scanner_title("serial:usb:0483:5740") == "串口扫码枪 USB 0483"
    assert scanner_title("tcp:10.0.0.5:2001") == "网络扫码器 10.0.0.5"
    assert scanner_title("camera:0") == "摄像头 0"
    assert scanner_title("sim") == "模拟扫码枪"
    assert scanner_title("file:/data/carton.avi") == "视频文件 carton.avi"


def test_a_narrow_code_column_keeps_the_whole_serial(qtbot, window, page):
    raw = item_raw("P1", 63)
    scan(qtbot, window, raw)
    view, column = window.scan_log, ScanLogModel.COL_CODE
    full = view.model().data(view.model().index(0, column))
    for width in (150, 190):
        view.setColumnWidth(column, width)
        index = view.model().index(0, column)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = view.visualRect(index)
        view.itemDelegateForIndex(index).initStyleOption(option, index)
        assert option.text != full and option.text.endswith("…00000063"), option.text
        assert "…" in option.text and option.fontMetrics.horizontalAdvance(option.text) < width
