"""The sync thread: rounds on start and on demand, live status, backoff offline, pause when refused."""

from __future__ import annotations

import threading
import time

import pytest

from app.domain.store import journal
from sync.client import state
from sync.client.runner import SyncRunner
from sync.client.transport import AuthRequired, Offline, RetryPolicy
from sync.server import admin
from tests.support.pg_cluster import free_port
from tests.support.sync_data import seed_sample
from tests.support.sync_station import Station


class Recorder:
    def __init__(self) -> None:
        self.statuses = []
        self.reports = []
        self.phases = set()
        self.changed = threading.Condition()

    def status(self, status) -> None:
        with self.changed:
            self.statuses.append(status)
            self.changed.notify_all()

    def report(self, report, error) -> None:
        with self.changed:
            self.reports.append((report, error))
            self.changed.notify_all()

    def wait(self, predicate, timeout: float = 15) -> None:
        with self.changed:
            assert self.changed.wait_for(predicate, timeout), (
                self.statuses[-1:],
                self.reports[-1:],
            )


@pytest.fixture
def station(tmp_path, memory_keyring):
    st = Station(tmp_path / "station")
    yield st
    st.close()


def _runner(station: Station, recorder: Recorder, **options) -> SyncRunner:
    return SyncRunner(
        station.path, station.writer, on_status=recorder.status, on_report=recorder.report,
        on_progress=lambda phase, done, total: recorder.phases.add(phase),
        policy=RetryPolicy(attempts=2, base=0.01, cap=0.02), connect_timeout=0.5, read_timeout=2, **options,
    )  # fmt: skip


def test_rounds_on_start_and_on_demand_with_live_status(central, station):
    sample = seed_sample(central.server)
    station.enroll(central, site="W1")
    recorder = Recorder()
    runner = _runner(station, recorder, interval=3600, status_interval=0.1)
    runner.start()
    try:
        recorder.wait(lambda: recorder.reports and recorder.statuses[-1].online)
        assert recorder.reports[0][1] is None and "pull" in recorder.phases
        station.ship([sample.items[0]], "D1", "SO-1")
        recorder.wait(lambda: recorder.statuses[-1].pending == 1)  # the status bar sees it waiting
        report = runner.sync_now().result(timeout=15)
        assert report.accepted == 1
        recorder.wait(
            lambda: recorder.statuses[-1].pending == 0 and recorder.statuses[-1].last_success_at
        )
    finally:
        runner.stop()
    assert not runner._thread.is_alive()


def test_offline_backs_off_and_stop_is_immediate(station):
    station.writer.call(lambda c: [state.put(c, k, v) for k, v in (
        ("sync.server_url", f"http://127.0.0.1:{free_port()}"), ("sync.server_id", "srv-x"),
        ("sync.station_id", station.id))])  # fmt: skip
    from sync.client import credentials

    credentials.save("srv-x", station.id, "ys1_whatever")
    recorder = Recorder()
    runner = _runner(station, recorder, interval=0.05, status_interval=0.05, backoff_base=30)
    runner.start()
    try:
        recorder.wait(lambda: recorder.reports)
        assert isinstance(recorder.reports[0][1], Offline)
        recorder.wait(lambda: recorder.statuses and recorder.statuses[-1].online is False)
        time.sleep(0.5)
        assert (
            len(recorder.reports) == 1
        )  # backing off: no retry storm although the interval is 50 ms
        with pytest.raises(Offline):
            runner.sync_now().result(timeout=10)  # "sync now" still tries at once
    finally:
        started = time.monotonic()
        runner.stop()
        assert time.monotonic() - started < 2


def test_a_refused_station_pauses_until_enrolled_again(central, station):
    seed_sample(central.server)
    station.enroll(central)
    admin.set_station_revoked(central.server, station.id, True)
    recorder = Recorder()
    runner = _runner(station, recorder, interval=0.05, status_interval=0.05)
    runner.start()
    try:
        recorder.wait(lambda: recorder.reports)
        assert isinstance(recorder.reports[0][1], AuthRequired)
        recorder.wait(lambda: recorder.statuses[-1].needs_enrollment)
        time.sleep(0.5)
        assert len(recorder.reports) == 1  # paused, not hammering the server
        admin.set_station_revoked(central.server, station.id, False)
        code = admin.create_enrollment_code(central.server)
        me = runner.enroll(central.url, code).result(timeout=15)
        assert me.station_id == station.id
        recorder.wait(
            lambda: recorder.reports[-1][1] is None and not recorder.statuses[-1].needs_enrollment
        )
        assert journal.count_pending(station.reader()) == 0
    finally:
        runner.stop()
