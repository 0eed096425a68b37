"""The journal's hash chain is checked before events leave the station (issue 12, items 2, 3).

Against the real server on loopback: a payload edited in the file stops the push at that
event (everything before it is sent, nothing from it on) with a sync issue for a
supervisor; a row whose payload is not UTF-8 any more is set aside as a sync issue and the
rest of the outbox is sent.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from app.domain.store import journal
from app.domain.store.database import connect, open_database
from app.domain.store.writer import Writer
from app.paths import database_path
from sync.client import issues
from sync.client.client import HistoryAltered, HistoryDiffers, SyncClient
from sync.client.transport import ServerRefused
from sync.server import admin
from tests.support import ROOT
from tests.support.sync_data import seed_sample
from tests.support.sync_station import Station


@pytest.fixture
def station(tmp_path, memory_keyring):
    st = Station(tmp_path / "station")
    yield st
    st.close()


def edit_file(path, sql: str) -> None:
    """Someone editing the station file by hand, with the append-only guard removed."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS journal_no_rewrite")
    conn.execute(sql)
    conn.close()


def test_an_edited_event_is_never_pushed_and_a_supervisor_is_told(central, station):
    sample = seed_sample(central.server)
    station.enroll(central, site="W1", dealer_id="D1")
    station.client.sync_once()
    ids = [station.ship([key], "D1", "SO-1") for key in sample.items[:6]]
    edit_file(
        station.path,
        """UPDATE journal SET payload = replace(payload, '"D1"', '"D2"')"""
        f""" WHERE event_id = '{ids[2]}'""",
    )
    bad_seq = journal.get(station.reader(), ids[2]).seq
    with pytest.raises(HistoryAltered) as raised:
        station.client.sync_once()  # on the old client: all six pushed, the edit accepted
    assert raised.value.detail == str(bad_seq)
    states = [station.state(i)[0] for i in ids]
    assert states == ["accepted", "accepted", "pending", "pending", "pending", "pending"]
    [issue] = issues.list_issues(station.reader())
    assert (issue.reason, issue.seq, issue.event_id) == (issues.CHAIN_BROKEN, bad_seq, ids[2])
    assert "changed outside Yima Scan" in issue.message and "Call IT" in issue.advice
    assert station.client.setting("sync.last_error")["code"] == "sync.chain_broken"
    with pytest.raises(HistoryAltered):  # and it stays stopped
        station.client.sync_once()
    assert station.state(ids[3])[0] == "pending"


def test_an_unreadable_row_is_set_aside_and_the_rest_is_pushed(central, station):
    sample = seed_sample(central.server)
    station.enroll(central, site="W1", dealer_id="D1")
    station.client.sync_once()
    ids = [station.ship([key], "D1", "SO-1") for key in sample.items[:5]]
    edit_file(
        station.path,
        f"UPDATE journal SET payload = CAST(X'7B2269223AFF7D' AS TEXT) WHERE event_id = '{ids[1]}'",
    )
    report = station.client.sync_once()  # on the old client: a UnicodeDecodeError, every time
    assert report.accepted == 4
    assert [station.state(i)[0] for i in ids] == ["accepted", "pending", *["accepted"] * 3]
    conn = station.reader()
    assert journal.count_pending(conn) == 0
    seq = conn.execute("SELECT seq FROM journal WHERE event_id = ?", (ids[1],)).fetchone()[0]
    assert journal.quarantined(conn) == {seq}
    [issue] = issues.list_issues(conn)
    assert issue.reason == issues.UNREADABLE_EVENT and issue.event_id == ids[1]
    assert "set aside" in issue.message and "Call IT" in issue.advice
    assert station.client.sync_once().pushed == 0  # set aside once, not re-sent
    assert len(issues.list_issues(conn)) == 1


def _sync_cli(data_dir, central) -> subprocess.CompletedProcess:
    code = admin.create_enrollment_code(central.server, site="W1")
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="sync.client.credentials.MemoryKeyring",
    )
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "sync",
         "--enroll", code, "--server", central.url],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def _station_with_events(data_dir, count: int) -> None:
    path = database_path(data_dir)
    open_database(path)
    writer = Writer(path)
    writer.start()
    for i in range(count):
        writer.call(
            lambda conn, i=i: journal.append(
                conn,
                "ObjectEvent",
                {"action": "OBSERVE", "qty": 1234, "i": i},
                operator="op",
                station="ST",
            )
        )
    writer.stop()


def test_sync_refuses_to_push_past_an_edit_with_exit_code_2_and_one_line(central, tmp_path):
    _station_with_events(tmp_path, 5)
    edit_file(
        database_path(tmp_path),
        "UPDATE journal SET payload = replace(payload, '1234', '9234') WHERE seq = 3",
    )
    done = _sync_cli(tmp_path, central)
    assert done.returncode == 2, done.stderr  # the old sync pushed the edit: exit 0
    reason = [line for line in done.stderr.splitlines() if line.startswith("sync:")]
    assert len(reason) == 1 and "changed outside Yima Scan at event 3" in reason[0]
    assert "Traceback" not in done.stderr
    conn = connect(database_path(tmp_path), readonly=True)
    states = [r[0] for r in conn.execute("SELECT sync_state FROM journal ORDER BY seq")]
    assert states[2:] == ["pending"] * 3 and "pending" not in states[:2]


def test_sync_pushes_past_an_unreadable_row_and_exits_0(central, tmp_path):
    _station_with_events(tmp_path, 4)
    edit_file(
        database_path(tmp_path),
        "UPDATE journal SET payload = CAST(X'7B2269223AFF7D' AS TEXT) WHERE seq = 2",
    )
    done = _sync_cli(tmp_path, central)
    assert done.returncode == 0, done.stderr  # the old sync: exit 1 and a traceback
    assert "Traceback" not in done.stderr
    conn = connect(database_path(tmp_path), readonly=True)
    assert journal.count_pending(conn) == 0 and journal.quarantined(conn) == {2}


def _rolled_back(station: Station, folder, push_first: int, then: int) -> Station:
    """``push_first`` events pushed and kept in a copy of the file, ``then`` more pushed, then the
    copy put back without its -wal (a restored copy, a lost -wal): the station forgot them."""
    station.append_many([("ObjectEvent", {"action": "OBSERVE", "i": i}) for i in range(push_first)])
    station.client.sync_once()
    station.close()  # the last connection out checkpoints the WAL into the file
    older = station.path.read_bytes()
    station = Station(folder)
    station.append_many([("ObjectEvent", {"action": "OBSERVE", "i": i}) for i in range(then)])
    assert station.client.sync_once().pushed == then  # acknowledged by the server
    station.close()
    station.path.write_bytes(older)
    for suffix in ("-wal", "-shm"):
        station.path.with_name(station.path.name + suffix).unlink(missing_ok=True)
    return Station(folder)


def test_a_station_whose_file_went_back_in_time_says_it_was_rolled_back(central, tmp_path,
                                                                        memory_keyring):  # fmt: skip
    folder = tmp_path / "rolled"
    station = Station(folder)
    station.enroll(central, site="W1")
    station = _rolled_back(station, folder, push_first=10, then=50)
    try:
        with pytest.raises(HistoryDiffers):  # the old station said nothing: "intact"
            station.client.sync_once()
        rolled = [i for i in issues.list_issues(station.reader()) if i.reason == issues.ROLLED_BACK]
        [issue] = rolled  # (the events themselves were answered too: rejected, as mere tests)
        assert issue.args["server_seq"] == "60"
        assert issue.args["seq"] == "10" and "rolled back" in issue.message
        # work recorded after the rollback reuses sequence numbers the server has: refused
        station.append("ObjectEvent", {"action": "OBSERVE", "after": True})
        with pytest.raises(HistoryDiffers):
            station.client.sync_once()
        assert journal.count_pending(station.reader()) == 1  # kept, not marked sent
    finally:
        station.close()


def test_the_server_refuses_a_batch_that_does_not_continue_the_chain(central, station):
    station.enroll(central, site="W1")
    station.append_many([("ObjectEvent", {"action": "OBSERVE", "i": i}) for i in range(3)])
    station.client.sync_once()
    # a second station file claiming the same identity with a history of its own
    forged = journal.Event(4, "forged-4", "ObjectEvent", {"action": "OBSERVE"}, "2026-12-06T00:00:00Z",
                           0, "op", station.id, "pending", None, "f" * 64, "e" * 64)  # fmt: skip
    body = {"events": [SyncClient._wire(forged)]}
    with pytest.raises(ServerRefused, match=r"409 chain\.broken"):
        station.client.transport().post_json("/v1/events", body, attempts=1)
