"""The sync issues list offers the action that settles each issue, and it works (issue 12,
item 8): a shipment refused because another station shipped a case first can have that case
taken out of it from the list, in the operator's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel

from app.ui.store_gateway import StoreGateway
from app.ui.sync_issues import SyncIssuesWidget
from app.ui.translations import install_translations
from sync.client.issues import count_open
from sync.client.settle import HANDLED, REOPEN, TAKE_OUT
from tests.support.warehouse_conflict import lost_shipment

pytestmark = pytest.mark.gui


@pytest.fixture
def widget(qtbot, central, tmp_path, memory_keyring):
    with lost_shipment(central, tmp_path) as (_, loser, _, _):
        gateway = StoreGateway(loser.path, loser.writer)
        view = SyncIssuesWidget(gateway, lambda: "op1")
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.countChanged, timeout=10000):
            view.refresh()
        yield view, loser
        gateway.close()


def _open_first(view: SyncIssuesWidget):
    view.table.selectionModel().select(
        view.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    return view.open_selected()


def test_take_the_code_out_from_the_list(qtbot, widget):
    view, loser = widget
    dialog = _open_first(view)
    assert list(dialog.action_buttons) == [TAKE_OUT, REOPEN, HANDLED]
    with qtbot.waitSignal(view.countChanged, timeout=10000) as changed:
        dialog.action_buttons[TAKE_OUT].click()
    assert changed.args == [0] and count_open(loser.reader()) == 0
    assert "is out of shipment" in view.outcome.text() and "{" not in view.outcome.text()
    status = loser.reader().execute("SELECT status FROM orders WHERE id = 'SO-B'").fetchone()[0]
    assert status == "partial"


def test_the_issue_speaks_chinese(qtbot, widget):
    """Issue 15, item 9: the row and its detail in the operator's words, the code as printed."""
    view, _ = widget
    installed = install_translations(QCoreApplication.instance(), "zh_CN")
    try:
        fresh = SyncIssuesWidget(view._gateway, lambda: "op1")
        qtbot.addWidget(fresh)
        with qtbot.waitSignal(fresh.countChanged, timeout=10000):
            fresh.refresh()
        model = fresh.model
        row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
        assert row[model.WHAT] == "出库"
        assert row[model.CODE].startswith("(0") and "sgtin:" not in " ".join(row)
        first_code = row[model.CODE].split("（")[0]  # a case and what it holds: "（另有 1 个）"
        assert row[model.PROBLEM].startswith(f"码 {first_code} 已于")
        dialog = _open_first(fresh)
        assert dialog.action_buttons[TAKE_OUT].text() == "把该码从发货中取出"
        assert dialog.action_buttons[REOPEN].text() == "撤回这次发货并重新打开订单"
        assert dialog.close_button.text() == "关闭  Esc"
        words = [dialog.windowTitle(), dialog.headline.text(), dialog.todo.text()]
        assert all("{" not in w and "sgtin:" not in w for w in words)
        dialog.close()
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
