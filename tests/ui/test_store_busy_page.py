"""A scan that meets a locked station file is answered in the operator's language, and the
next scan after the lock is gone works (issue 12, item 9), on the real window and page."""

import sqlite3

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.domain.operators import Role
from app.domain.store.database import connect, open_database
from app.domain.workflows.base import Outcome
from app.paths import database_path, resources_dir
from app.ui.main_window import MainWindow
from hardware.scan import Scan
from tests.support.shell import add_operator, log_in, station
from tests.support.warehouse_data import item_raw, seed

PRODUCT = "P1"


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / "shell_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def window(qtbot, tmp_path, chinese):
    db = database_path(tmp_path)
    open_database(db)
    conn = connect(db)
    conn.execute("BEGIN")
    seed(conn)
    conn.execute("COMMIT")
    conn.close()
    with station(tmp_path, busy_timeout_ms=150) as ctx:
        ctx.language = "zh_CN"
        add_operator(ctx, "Wu", "1111", Role.WAREHOUSE)
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        win.start()
        log_in(qtbot, win, "Wu", "1111")
        qtbot.waitUntil(lambda: win.page("warehouse").result is not None)
        yield win
        win.close()


def _scan(qtbot, window, text):
    with qtbot.waitSignal(window.decision_shown, timeout=5000) as shown:
        window.deliver_scan(Scan(text, "sim"))
    return shown.args[0]


def test_a_locked_file_is_reported_in_chinese_and_the_next_scan_works(qtbot, window):
    other = sqlite3.connect(window.context.db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a database browser holds the write lock
    try:
        decision = _scan(qtbot, window, item_raw(PRODUCT, 1))  # the old writer never answered
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert decision.outcome is Outcome.ERROR and decision.reason == "store.busy"
    shown = window.feedback.message.text()
    assert "另一个程序占用" in shown and "重新扫码" in shown
    after = _scan(qtbot, window, item_raw(PRODUCT, 2))
    assert after.reason != "store.busy"
