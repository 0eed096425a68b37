"""The station file watched while the window runs, in the operator's language (issue 12, items 4
and 5): a damaged file refused in one sentence with the restore command, damage that
``quick_check`` misses found by the background full check, a changed history flagged, and a
full disk that stops scanning with a clear block until there is room again."""

from __future__ import annotations

import argparse
import sqlite3

import pytest

from app.domain.codes import command_text
from app.domain.operators import Role
from app.domain.store import journal
from app.domain.store.database import connect, open_database
from app.domain.store.errors import DiskFull
from app.domain.store.writer import Writer
from app.domain.workflows.base import Outcome
from app.paths import database_path
from app.ui import application
from app.ui.application import EXIT_DATABASE_DAMAGED, run_gui
from app.ui.store_watch import DiskGuard, StoreHealth
from sync.client import issues
from tests.support.shell import scan
from tests.support.warehouse_data import item_raw, pallet_raw, seed

pytestmark = [
    pytest.mark.station(operators=[("Wu", "1111", Role.WAREHOUSE)], seed=seed, language="zh_CN"),
    pytest.mark.window(pages=("app.ui.warehouse.page",), login=("Wu", "1111")),
]


def _events(window) -> int:
    return (
        connect(window.context.db_path, readonly=True)
        .execute("SELECT count(*) FROM journal")
        .fetchone()[0]
    )


# --- a damaged file at start-up ---------------------------------------------------------------


def test_a_damaged_file_is_refused_in_one_sentence_with_the_restore_command(
    qtbot, tmp_path, monkeypatch
):
    refusals = []
    monkeypatch.setattr(
        application, "refuse", lambda title, text, parent=None: refusals.append(text)
    )
    db = database_path(tmp_path)
    db.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)  # a damaged b-tree header
    backups = tmp_path / "backups"
    backups.mkdir()
    (backups / "station-ST-1-20261205-230000.sqlite3").write_bytes(b"older")
    newest = backups / "station-ST-1-20261206-230000.sqlite3"
    newest.write_bytes(b"newest")
    args = argparse.Namespace(data_dir=str(tmp_path), demo=False, lang="zh_CN", command=None)
    assert run_gui(args) == EXIT_DATABASE_DAMAGED
    [text] = refusals
    sentence, command = text.split("\n\n")
    assert sentence.startswith(f"本机数据库 {db} 已损坏") and sentence.count("。") == 1
    assert command.endswith(f'restore "{newest}"') and f'--data-dir "{tmp_path}"' in command
    assert len(text) < 400  # the old text carried SQLite's findings, up to 2,778 characters
    log = (tmp_path / "logs" / "yima-scan.log").read_text(encoding="utf-8")
    assert "is damaged:" in log  # the findings go to the log


# --- damage quick_check misses, and a changed history ------------------------------------------


def _with_codes(data_dir, count: int = 50):
    """A station file with aggregation rows, so the index codes_parent has real entries."""
    db = database_path(data_dir)
    open_database(db)
    conn = connect(db)
    conn.execute("BEGIN")
    seed(conn)
    for i in range(count):
        conn.execute(
            "INSERT INTO codes (key, level, parent_key, updated_at) VALUES (?, 'item', ?, 'now')",
            (f"sgtin:0000.K{i:04d}", f"sscc:PARENT-{i * 10:04d}"),
        )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


def _damage_an_index_entry(db) -> None:
    """Change one codes_parent entry in place (same length, order kept): the b-tree stays
    well-formed, so quick_check passes, but the index no longer matches the table. An index
    entry is (parent_key, key), a table row has its key first, so only the index has this."""
    data = bytearray(db.read_bytes())
    entry = b"sscc:PARENT-0100sgtin:0000.K0010"
    at = data.find(entry)
    assert at > 0 and data.find(entry, at + 1) < 0
    data[at : at + 16] = b"sscc:PARENT-0101"
    db.write_bytes(bytes(data))


def _damaged_index(data_dir) -> None:
    _damage_an_index_entry(_with_codes(data_dir))


def _edited_history(data_dir) -> None:
    db = database_path(data_dir)
    open_database(db)
    writer = Writer(db)
    writer.start()
    for i in range(5):
        writer.call(
            lambda c, i=i: journal.append(
                c, "ObjectEvent", {"qty": 1234, "i": i}, operator="op", station="ST"
            )
        )
    writer.stop()
    edit = sqlite3.connect(db, isolation_level=None)
    edit.execute("DROP TRIGGER journal_no_rewrite")
    edit.execute("UPDATE journal SET payload = replace(payload, '1234', '9234') WHERE seq = 4")
    edit.close()


def _check(qtbot, window) -> tuple[StoreHealth, object]:
    health = StoreHealth(window, window.context.data_dir)
    with qtbot.waitSignal(health.checked, timeout=20_000) as checked:
        health.start(first_check_ms=0)
    return health, checked.args[0]


@pytest.mark.station(seed=None, prepare=_damaged_index)  # the station opens: quick_check passes
def test_the_background_full_check_finds_what_quick_check_missed(qtbot, chinese, window):
    health, found = _check(qtbot, window)
    assert found.damage and "codes_parent" in found.damage
    assert window.status.alarm_label.isVisible()
    assert window.status.alarm_label.text() == "⚠ 本机数据库已损坏：请联系 IT"
    assert "数据文件夹里没有备份" in window.status.alarm_label.toolTip()
    health.stop()


@pytest.mark.station(seed=None, prepare=_edited_history)
def test_a_changed_history_is_flagged_at_start_up(qtbot, chinese, window):
    health, found = _check(qtbot, window)
    assert found.chain_broken_at == 4
    assert window.status.alarm_label.text() == "⚠ 第 4 条记录被改动：请联系 IT"
    reader = connect(window.context.db_path, readonly=True)
    qtbot.waitUntil(lambda: len(issues.list_issues(reader)) == 1)
    assert issues.list_issues(reader)[0].reason == issues.CHAIN_BROKEN
    health.stop()


# --- a full disk -------------------------------------------------------------------------------


def test_a_full_disk_blocks_scanning_until_there_is_room(qtbot, chinese, window):
    guard = DiskGuard(window)
    status = window.status
    status.low_disk_bytes = status.full_disk_bytes = 10**18  # more than any disk has free
    with qtbot.waitSignal(window.decision_shown, timeout=5000) as blocked:
        status.refresh()
    assert guard.blocked and blocked.args[0].reason == "store.disk_full_block"
    assert window.feedback.message.text().startswith("磁盘已满（剩余 ")
    assert status.disk_label.isVisible() and status.disk_label.text().startswith("磁盘剩余：")
    before = _events(window)
    refused = scan(qtbot, window, item_raw("P1", 1))
    assert refused.reason == "store.disk_full_block" and _events(window) == before
    window.set_current_page("warehouse")  # a page change does not lift the block
    assert scan(qtbot, window, item_raw("P1", 2)).reason == "store.disk_full_block"

    status.low_disk_bytes = status.full_disk_bytes = 0  # room again
    status.refresh()
    qtbot.waitUntil(lambda: not guard.blocked)
    assert not status.disk_label.isVisible()
    assert scan(qtbot, window, item_raw("P1", 3)).reason != "store.disk_full_block"


def _fill_the_file(writer) -> None:
    """Let the file grow by one page at most and fill it with small events: the next scan's
    event then needs a page the file may not have (a real SQLITE_FULL, as on a full disk)."""
    pages = writer.call(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
    writer.call(lambda c: c.execute(f"PRAGMA max_page_count = {pages + 1}"))
    for i in range(10_000):
        try:
            writer.call(
                lambda c, i=i: journal.append(c, "ObjectEvent", {"i": i}, operator="f", station="S")
            )
        except DiskFull:
            return
    raise AssertionError("the file never filled up")


def test_a_commit_that_finds_the_disk_full_says_so_and_blocks(qtbot, chinese, window):
    guard = DiskGuard(window)
    opened = scan(qtbot, window, command_text("switch", "receive:IN-1"))
    assert opened.outcome is not Outcome.ERROR
    writer = window.context.gateway.writer
    _fill_the_file(writer)
    decision = scan(qtbot, window, pallet_raw(2))  # 24 items of IN-1: a big write
    assert decision.reason == "store.disk_full"  # the old page said "could not be saved"
    assert window.feedback.message.text().startswith("磁盘已满（剩余 ")
    qtbot.waitUntil(lambda: guard.blocked)
    writer.call(lambda c: c.execute("PRAGMA max_page_count = 1000000"))
