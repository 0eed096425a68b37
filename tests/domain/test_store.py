"""The station database: migrations, damage refusal, the append-only hash-chained journal, the writer."""

import itertools
import sqlite3
import threading

import pytest

from app.domain.store import journal
from app.domain.store.database import DatabaseDamaged, connect, open_database, station_id
from app.domain.store.writer import Writer, WriterStopped


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "station.sqlite3"
    open_database(path)
    return path


@pytest.fixture
def writer(db_path):
    w = Writer(db_path)
    w.start()
    yield w
    w.stop()


def _append(i, station="ST-TEST"):
    return lambda conn: journal.append(
        conn, "ObjectEvent", {"i": i}, operator="op", station=station
    )


def test_open_is_idempotent_and_keeps_the_station_id(db_path):
    first = station_id(connect(db_path))
    open_database(db_path)
    assert station_id(connect(db_path)) == first
    assert first.startswith("ST-")


def test_wal_and_full_sync(db_path):
    conn = connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_damaged_file_is_refused_and_preserved(tmp_path):
    path = tmp_path / "station.sqlite3"
    garbage = b"SQLite format 3\x00" + b"\xde\xad\xbe\xef" * 2000
    path.write_bytes(garbage)
    with pytest.raises(DatabaseDamaged) as err:
        open_database(path)
    assert path.read_bytes() == garbage
    assert str(path) in str(err.value)


def test_a_corrupted_page_is_refused(db_path, writer):
    for i in range(2000):
        writer.submit(_append(i))
    writer.call(_append(-1))
    writer.stop()
    data = bytearray(db_path.read_bytes())
    # WAL may still hold the data: checkpoint first so the main file carries it.
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 200] = b"\xff" * 200
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        open_database(db_path)


def test_events_chain_and_verify(db_path, writer):
    events = [writer.call(_append(i)) for i in range(5)]
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[0].prev_hash == journal.GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
    check = journal.verify_chain(connect(db_path))
    assert check == journal.ChainCheck(True, 5, last=journal.ChainPoint(5, events[-1].hash))


def test_rewriting_history_is_detected(db_path, writer):
    for i in range(5):
        writer.call(_append(i))
    writer.stop()
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER journal_no_rewrite")  # someone editing the file by hand
    conn.execute("""UPDATE journal SET payload = '{"i":99}' WHERE seq = 3""")
    conn.commit()
    check = journal.verify_chain(connect(db_path))
    assert not check.ok and check.first_bad_seq == 3


def test_journal_refuses_delete_and_rewrite_but_records_sync_outcome(writer, db_path):
    event = writer.call(_append(1))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        writer.call(lambda conn: conn.execute("DELETE FROM journal"))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        writer.call(lambda conn: conn.execute("UPDATE journal SET payload = '{}'"))
    writer.call(lambda conn: journal.mark(conn, event.event_id, "rejected", "code.already_shipped"))
    conn = connect(db_path)
    stored = journal.get(conn, event.event_id)
    assert (stored.sync_state, stored.reason) == ("rejected", "code.already_shipped")
    assert journal.verify_chain(conn).ok
    assert journal.count_pending(conn) == 0


def test_pending_is_in_order_and_bounded(writer, db_path):
    for i in range(10):
        writer.call(_append(i))
    conn = connect(db_path)
    first = journal.pending(conn, 4)
    assert [e.payload["i"] for e in first] == [0, 1, 2, 3]
    rest = journal.pending(conn, 100, after_seq=first[-1].seq)
    assert [e.payload["i"] for e in rest] == list(range(4, 10))


def test_a_failing_action_is_undone_alone(writer, db_path):
    def half_then_fail(conn):
        journal.append(conn, "ObjectEvent", {"i": "half"}, operator="op", station="ST")
        raise ValueError("refused")

    futures = [writer.submit(_append(1)), writer.submit(half_then_fail), writer.submit(_append(2))]
    assert futures[0].result().seq == 1
    with pytest.raises(ValueError, match="refused"):
        futures[1].result()
    assert futures[2].result().seq == 2
    payloads = [e.payload["i"] for e in journal.events(connect(db_path))]
    assert payloads == [1, 2]


def test_acknowledged_means_committed(writer, db_path):
    """A reader on another connection sees an event as soon as its future resolves."""
    reader = connect(db_path, readonly=True)
    for i in range(50):
        event = writer.submit(_append(i)).result()
        assert journal.get(reader, event.event_id) is not None


def test_concurrent_submitters_keep_one_gapless_sequence(writer, db_path):
    def burst():
        for i in range(100):
            writer.call(_append(i))

    threads = [threading.Thread(target=burst) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    conn = connect(db_path)
    seqs = [r[0] for r in conn.execute("SELECT seq FROM journal ORDER BY seq")]
    assert seqs == list(range(1, 401))
    assert journal.verify_chain(conn).ok


def test_a_stopped_writer_refuses_instead_of_losing(writer):
    writer.stop()
    with pytest.raises(WriterStopped):
        writer.call(_append(1))


def test_unknown_event_type_is_a_bug_not_data(writer):
    with pytest.raises(ValueError, match="unknown event type"):
        writer.call(lambda conn: journal.append(conn, "Nonsense", {}, operator="op", station="ST"))


def test_the_wal_is_checkpointed_in_the_background(writer, db_path):
    """The writer never checkpoints inside a commit; the background checkpointer copies the WAL back."""
    import time

    main_file = db_path.stat().st_size
    for i in range(3000):
        writer.submit(_append(i))
    writer.call(_append(-1))
    assert writer.call(lambda conn: conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]) == 0
    deadline = time.monotonic() + 15
    while db_path.stat().st_size == main_file and time.monotonic() < deadline:
        time.sleep(0.2)
    # Only a checkpoint writes pages into the main file, and nobody else checkpoints here.
    assert db_path.stat().st_size > main_file
