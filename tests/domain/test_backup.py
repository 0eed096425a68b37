"""Backup while the station writes, and restore only into a closed, intact-or-damaged station."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.commands.backup import BackupError, backup_database, prune_backups
from app.commands.restore import restore_database
from app.domain.store import journal
from app.domain.store.database import connect, open_database, station_id
from app.domain.store.writer import Writer
from tests.support import ROOT


def _append(conn: sqlite3.Connection, n: int) -> None:
    journal.append(
        conn,
        "ObjectEvent",
        {"action": "OBSERVE", "bizStep": "receiving", "epcList": [f"code-{n}"]},
        operator="op1",
        station="ST-TEST",
    )


def _events(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def station(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "station.sqlite3"
    open_database(db)
    return db


def test_backup_during_writes_holds_every_acknowledged_event(station: Path, tmp_path: Path) -> None:
    writer = Writer(station)
    writer.start()
    acknowledged = 0
    stop = threading.Event()

    def scan_loop() -> None:
        nonlocal acknowledged
        n = 0
        while not stop.is_set():
            writer.submit(lambda conn, n=n: _append(conn, n)).result(timeout=10)
            acknowledged += 1  # only after the commit is durable
            n += 1

    try:
        for n in range(200):
            writer.call(lambda conn, n=n: _append(conn, n), timeout=10)
        thread = threading.Thread(target=scan_loop)
        thread.start()
        try:
            before = 200 + acknowledged
            info = backup_database(station, tmp_path / "usb")
        finally:
            stop.set()
            thread.join(timeout=10)
    finally:
        writer.stop(timeout=10)

    assert info.path.parent == tmp_path / "usb"
    assert info.path.name.startswith("station-ST-") and info.path.suffix == ".sqlite3"
    assert info.events >= before  # everything acknowledged before the backup began
    assert info.pending == info.events
    copy = connect(info.path, readonly=True)
    try:
        assert journal.verify_chain(copy).ok
        assert station_id(copy) == info.station
    finally:
        copy.close()
    # one self-contained file: no -wal beside it, nothing half-written left behind
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]


def test_backup_of_a_closed_station_and_pruning(station: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    first = backup_database(station, folder / "a.sqlite3")
    assert first.path == folder / "a.sqlite3" and first.events == 0
    for name in ("20240101-000000", "20240102-000000", "20240103-000000"):
        (folder / f"station-{first.station}-{name}.sqlite3").write_bytes(first.path.read_bytes())
    (folder / "station-ST-OTHER-20240101-000000.sqlite3").write_bytes(b"")
    deleted = prune_backups(folder, first.station, keep=1)
    assert [p.name for p in deleted] == [
        f"station-{first.station}-20240101-000000.sqlite3",
        f"station-{first.station}-20240102-000000.sqlite3",
    ]
    assert (folder / "station-ST-OTHER-20240101-000000.sqlite3").exists()


def test_backup_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no station database"):
        backup_database(tmp_path / "nothing.sqlite3", tmp_path / "out")


def test_restore_round_trip_keeps_the_replaced_database(station: Path, tmp_path: Path) -> None:
    conn = connect(station)
    for n in range(5):
        _append(conn, n)
    conn.close()
    backup = backup_database(station, tmp_path / "b.sqlite3").path
    conn = connect(station)
    for n in range(5, 12):
        _append(conn, n)
    conn.close()

    result = restore_database(backup, station)

    assert result.info.events == 5 and _events(station) == 5
    assert result.saved_previous is not None and _events(result.saved_previous) == 12
    conn = connect(station)
    try:
        assert journal.verify_chain(conn).ok
        _append(conn, 99)  # the restored station keeps working
    finally:
        conn.close()


def test_restore_refuses_while_the_station_has_the_database_open(
    station: Path, tmp_path: Path
) -> None:
    backup = backup_database(station, tmp_path / "b.sqlite3").path
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; sys.path.insert(0, sys.argv[2]);"
            "from app.domain.store.database import connect;"
            "c = connect(sys.argv[1]); c.execute('SELECT count(*) FROM journal').fetchone();"
            "print('open', flush=True); time.sleep(30)",
            str(station),
            str(ROOT),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(BackupError, match="in use"):
            restore_database(backup, station)
    finally:
        holder.kill()
        holder.wait()
    assert restore_database(backup, station).info.events == 0


def test_restore_moves_a_damaged_database_aside(station: Path, tmp_path: Path) -> None:
    backup = backup_database(station, tmp_path / "b.sqlite3").path
    station.write_bytes(b"this is not a database at all" * 200)

    result = restore_database(backup, station)

    damaged = [
        p for p in station.parent.glob("station.sqlite3.damaged-*") if p.suffix != ".sqlite3"
    ]
    main_file = [p for p in damaged if not p.name.endswith(("-wal", "-shm"))]
    assert len(main_file) == 1 and main_file[0].read_bytes().startswith(b"this is not")
    assert result.saved_previous == main_file[0]  # reported, so IT knows where it went
    open_database(station)  # opens cleanly


def test_restore_refuses_a_damaged_or_foreign_backup(station: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    with pytest.raises(BackupError, match="not a readable SQLite database"):
        restore_database(bad, station)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(BackupError, match="not a Yima Scan station database"):
        restore_database(other, station)
    assert open_database(station) is None  # the live database was not touched


def test_cli_backup_and_restore(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_database(data / "station.sqlite3")
    run = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data)]
    made = subprocess.run(
        [*run, "backup", "--to", str(tmp_path / "out"), "--keep", "3"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    assert "Backed up station ST-" in made.stdout
    (file,) = (tmp_path / "out").iterdir()
    restored = subprocess.run(
        [*run, "restore", str(file)], capture_output=True, text=True, timeout=60
    )
    assert restored.returncode == 0, restored.stderr
    assert "Restored station" in restored.stdout
    missing = subprocess.run(
        [*run, "restore", str(tmp_path / "nope.sqlite3")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2
    assert (
        "restore: there is no backup file" in missing.stderr and "Traceback" not in missing.stderr
    )
