"""A full disk (issue 12, item 5): a commit that finds no room fails as ``DiskFull`` saying how
much is free, nothing of it is saved, the next one works once there is room; and the WAL is
truncated when the station is idle, so a burst of scans does not keep eating the disk."""

import time

import pytest

from app.domain.store import journal
from app.domain.store.database import connect, open_database
from app.domain.store.errors import DiskFull, format_bytes
from app.domain.store.writer import Writer


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "station.sqlite3"
    open_database(path)
    return path


def _append(i, size=2000):
    return lambda conn: journal.append(
        conn, "ObjectEvent", {"i": i, "pad": "x" * size}, operator="op", station="ST"
    )


def test_no_room_is_disk_full_with_the_free_space_and_the_writer_goes_on(db_path):
    writer = Writer(db_path)
    writer.start()
    try:
        pages = writer.call(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
        # SQLite's own limit on the file's size: a real SQLITE_FULL, as on a full disk
        writer.call(lambda c: c.execute(f"PRAGMA max_page_count = {pages + 3}"))
        with pytest.raises(DiskFull) as raised:
            for i in range(50):
                writer.call(_append(i))
        error = raised.value
        assert error.reason == "store.disk_full" and error.folder == db_path.parent
        assert error.message_args == {
            "free": format_bytes(error.free_bytes),
            "folder": str(db_path.parent),
        }
        saved = journal.count_pending(connect(db_path, readonly=True))
        writer.call(lambda c: c.execute(f"PRAGMA max_page_count = {pages + 1000}"))  # room again
        assert writer.call(_append("after")).seq == saved + 1
    finally:
        writer.stop()


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0 bytes"), (999, "999 bytes"), (81_200, "81.2 KB"), (12_400_000, "12.4 MB"),
     (512_000_000, "512 MB"), (3_100_000_000, "3.1 GB")],
)  # fmt: skip
def test_sizes_read_at_a_glance(count, text):
    assert format_bytes(count) == text


def test_the_wal_is_truncated_when_the_station_is_idle(db_path):
    wal = db_path.with_name(db_path.name + "-wal")
    writer = Writer(db_path, idle_truncate_s=0.5)
    writer.start()
    try:
        for i in range(300):
            writer.submit(_append(i))
        writer.call(_append("last"))
        assert wal.stat().st_size > 500_000
        deadline = time.monotonic() + 10
        while wal.stat().st_size > 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert wal.stat().st_size == 0  # the old checkpointer left the WAL at its high mark
        assert writer.call(_append("after")).seq == 302  # and writing goes on
    finally:
        writer.stop()
