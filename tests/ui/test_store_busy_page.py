"""A scan that meets a locked station file is answered in the operator's language, and the
next scan after the lock is gone works (issue 12, item 9), on the real window and page."""

import sqlite3

import pytest

from app.domain.operators import Role
from app.domain.workflows.base import Outcome
from tests.support.shell import scan
from tests.support.warehouse_data import item_raw, seed

pytestmark = [
    pytest.mark.station(
        operators=[("Wu", "1111", Role.WAREHOUSE)],
        seed=seed,
        language="zh_CN",
        sync={"busy_timeout_ms": 150},  # the station waits 10 s for a lock; the test need not
    ),
    pytest.mark.window(pages=("app.ui.warehouse.page",), login=("Wu", "1111")),
]


def test_a_locked_file_is_reported_in_chinese_and_the_next_scan_works(qtbot, chinese, window):
    other = sqlite3.connect(window.context.db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a database browser holds the write lock
    try:
        decision = scan(qtbot, window, item_raw("P1", 1))  # the old writer never answered
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert decision.outcome is Outcome.ERROR and decision.reason == "store.busy"
    shown = window.feedback.message.text()
    assert "另一个程序占用" in shown and "重新扫码" in shown
    after = scan(qtbot, window, item_raw("P1", 2))
    assert after.reason != "store.busy"
