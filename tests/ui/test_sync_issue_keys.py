"""F6, Enter, Esc: a supervisor reaches an issue's detail and back with the keyboard alone
(issue 15, item 9), in the station's real sync issues window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.operators import Role

KEY = "sgtin:06950123001016.00000001"


def _issue(conn) -> None:
    conn.execute(
        "INSERT INTO sync_issues (event_id, seq, type, biz_step, reason, detail, codes, operator,"
        " occurred_at, reported_at) VALUES ('e1', 41, 'ObjectEvent',"
        " 'urn:epcglobal:cbv:bizstep:shipping', 'code.already_shipped', ?, ?, 'op-x',"
        " '2026-12-06T09:12:00+00:00', '2026-12-06T10:00:00+00:00')",
        (json.dumps({"code": KEY, "dealer": "D2", "station": "ST-N"}), json.dumps([KEY])),
    )
    conn.execute("INSERT INTO dealers (id, name, name_en) VALUES ('D2', '北方经销商', 'North Co')")


pytestmark = [
    pytest.mark.station(operators=[("Boss", "2222", Role.SUPERVISOR)], seed=_issue, language="en"),
    pytest.mark.window(pages=(), login=("Boss", "2222")),
]


def test_f6_enter_opens_an_issue_and_esc_closes_it(qtbot, app_station):
    window, issues = app_station.window, app_station.sync.issues
    qtbot.keyClick(window, Qt.Key.Key_F6)
    dialog = app_station.sync.issues_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and issues.model.rowCount() == 1)
    row = [issues.model.data(issues.model.index(0, c)) for c in range(issues.model.columnCount())]
    assert row[issues.model.CODE] == "(01) 06950123001016 (21) 00000001"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is issues.table)
    qtbot.keyClick(issues.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: issues.detail is not None and issues.detail.isVisible())
    detail = issues.detail
    assert "(01) 06950123001016 (21) 00000001" in detail.codes.text()
    assert "take the code out of the shipment" in detail.todo.text()
    assert "shipped to North Co by station ST-N" in detail.headline.text()  # named, not D2
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: issues.detail is None)
    assert dialog.isVisible()  # Esc closed the issue, not the list
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
