"""The journal's hash chain, checked where it matters (issue 12, items 2 and 3): the whole of it
in ``self-test``, from a verified point on, and a row damaged on disk told apart from an edit."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from app.domain.store import journal
from app.domain.store.database import connect, open_database
from app.domain.store.writer import Writer
from app.paths import database_path
from tests.support import ROOT


@pytest.fixture
def db_path(tmp_path):
    path = database_path(tmp_path)
    open_database(path)
    writer = Writer(path)
    writer.start()
    for i in range(1, 8):
        writer.call(
            lambda conn, i=i: journal.append(
                conn, "ObjectEvent", {"i": i, "qty": 1234}, operator="op", station="ST"
            )
        )
    writer.stop()
    return path


def edit(path, sql: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS journal_no_rewrite")
    conn.execute(sql)
    conn.close()


def test_self_test_names_the_first_edited_event(tmp_path, db_path):
    edit(db_path, "UPDATE journal SET payload = replace(payload, '1234', '9234') WHERE seq = 4")
    done = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path), "self-test", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 1  # the old self-test said "intact"
    result = {r["name"]: r for r in json.loads(done.stdout)}["station database"]
    assert not result["ok"]
    assert "changed outside Yima Scan at event 4" in result["detail"]
    assert "Traceback" not in done.stdout + done.stderr


def test_verification_starts_at_a_verified_point_and_stops_where_asked(db_path):
    conn = connect(db_path, readonly=True)
    whole = journal.verify_chain(conn)
    assert whole.ok and whole.count == 7 and whole.last == journal.last_point(conn)
    middle = journal.verify_chain(conn, start=journal.verify_chain(conn, upto_seq=3).last)
    assert middle.ok and middle.count == 4 and middle.last == whole.last
    edit(db_path, "UPDATE journal SET payload = replace(payload, '1234', '9234') WHERE seq = 6")
    assert journal.verify_chain(conn, upto_seq=5).ok  # not yet at the edit
    broken = journal.verify_chain(conn, start=journal.ChainPoint(3, _hash(conn, 3)))
    assert not broken.ok and broken.first_bad_seq == 6 and broken.last.seq == 5


def test_a_point_from_another_history_does_not_verify(db_path):
    conn = connect(db_path, readonly=True)
    check = journal.verify_chain(conn, start=journal.ChainPoint(3, "f" * 64))
    assert not check.ok and check.first_bad_seq == 4


def test_an_unreadable_row_is_damage_not_an_edit_and_is_set_aside(db_path):
    edit(db_path, "UPDATE journal SET payload = CAST(X'7B2269223AFF7D' AS TEXT) WHERE seq = 2")
    conn = connect(db_path, readonly=True)
    check = journal.verify_chain(conn)  # the old verify_chain raised OperationalError
    assert check.ok and check.damaged == (2,)
    rows = journal.read_pending(conn, 10)
    assert [type(r).__name__ for r in rows[:3]] == ["Event", "Damaged", "Event"]
    assert [e.seq for e in journal.pending(conn, 10)] == [1, 3, 4, 5, 6, 7]
    writer = Writer(db_path)
    writer.start()
    try:
        writer.call(lambda c: journal.quarantine(c, rows[1], "2026-12-06T00:00:00+00:00"))
    finally:
        writer.stop()
    assert journal.quarantined(conn) == {2}
    assert journal.count_pending(conn) == 6
    assert 2 not in [r.seq for r in journal.read_pending(conn, 10)]


def _hash(conn, seq: int) -> str:
    return conn.execute("SELECT hash FROM journal WHERE seq = ?", (seq,)).fetchone()[0]
