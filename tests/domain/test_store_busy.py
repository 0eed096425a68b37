"""A file locked by another program: every scan is answered, never left hanging (issue 12, item 9).

Another program (a database browser, an antivirus scan, a copy tool) may hold the station
file's write lock for longer than the writer's busy timeout. Each action submitted
meanwhile must fail with ``StoreBusy`` (so the page can say what to do), and the writer
must take the next action as soon as the lock is gone.
"""

import sqlite3

import pytest

from app.domain.store import journal
from app.domain.store.database import connect, open_database
from app.domain.store.errors import StoreBusy
from app.domain.store.writer import Writer

BUSY_MS = 150  # the station waits 10 s; the test need not


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "station.sqlite3"
    open_database(path)
    return path


@pytest.fixture
def writer(db_path):
    w = Writer(db_path, busy_timeout_ms=BUSY_MS)
    w.start()
    yield w
    w.stop()


def _append(i):
    return lambda conn: journal.append(conn, "ObjectEvent", {"i": i}, operator="op", station="ST")


def test_a_locked_file_fails_every_action_with_store_busy_and_the_writer_recovers(writer, db_path):
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        futures = [writer.submit(_append(i)) for i in range(3)]
        for future in futures:
            with pytest.raises(StoreBusy):
                future.result(timeout=5)  # on the old writer: still PENDING, forever
    finally:
        other.execute("ROLLBACK")
        other.close()
    event = writer.call(_append("after"), timeout=5)
    assert event.seq == 1  # nothing of the refused actions was saved
    assert [e.payload["i"] for e in journal.events(connect(db_path))] == ["after"]


def test_store_busy_says_what_to_do():
    error = StoreBusy("database is locked")
    assert error.reason == "store.busy"
    assert "another program has it open" in error.message
    assert error.message_args == {}
