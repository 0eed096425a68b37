"""The sync engine: rounds on start and on demand, live status, backoff offline, pause when
refused, lookups ahead of waiting rounds and never beside a running one. Time is a fake clock
the test moves: nothing here sleeps to let time pass."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import wait

import pytest

from app.domain.store import journal
from sync.client import credentials, state
from sync.client.runner import LookupTooLate, SyncRunner
from sync.client.transport import AuthRequired, Offline, RetryPolicy
from sync.server import admin
from tests.support.fake_clock import FakeClock
from tests.support.pg_cluster import free_port
from tests.support.sync_data import seed_sample
from tests.support.sync_station import Station
from tests.support.wire_watch import watched_server


class Recorder:
    def __init__(self) -> None:
        self.statuses = []
        self.reports = []
        self.online = []
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

    def went_online(self, online) -> None:
        with self.changed:
            self.online.append(online)
            self.changed.notify_all()

    def wait(self, predicate, timeout: float = 15) -> None:
        """Wait (in real time, for the sync thread's work) until ``predicate`` holds."""
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


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _runner(station: Station, recorder: Recorder, clock: FakeClock, **options) -> SyncRunner:
    return SyncRunner(
        station.path, station.writer, on_status=recorder.status, on_report=recorder.report,
        on_online=recorder.went_online,
        on_progress=lambda phase, done, total: recorder.phases.add(phase),
        policy=RetryPolicy(attempts=2, base=0.01, cap=0.02), connect_timeout=0.5, read_timeout=2,
        clock=clock, rng=random.Random(7), **options,
    )  # fmt: skip


def _enrolled_nowhere(station: Station) -> None:
    """Enrolled with a server that does not answer (nothing listens on the port)."""
    station.writer.call(lambda c: [state.put(c, k, v) for k, v in (
        ("sync.server_url", f"http://127.0.0.1:{free_port()}"), ("sync.server_id", "srv-x"),
        ("sync.station_id", station.id))])  # fmt: skip
    credentials.save("srv-x", station.id, "ys1_whatever")


def test_rounds_on_start_and_on_demand_with_live_status(central, station, clock):
    sample = seed_sample(central.server)
    station.enroll(central, site="W1")
    recorder = Recorder()
    runner = _runner(station, recorder, clock, interval=3600, status_interval=3)
    runner.start()
    try:
        recorder.wait(lambda: recorder.reports and recorder.statuses[-1].online)
        assert recorder.reports[0][1] is None and "pull" in recorder.phases
        assert recorder.online == [True] and runner.online is True
        station.ship([sample.items[0]], "D1", "SO-1")
        clock.advance(3)  # the next status report
        recorder.wait(lambda: recorder.statuses[-1].pending == 1)  # the status bar sees it waiting
        assert len(recorder.reports) == 1  # no round before the interval
        report = runner.sync_now().result(timeout=15)
        assert report.accepted == 1
        recorder.wait(
            lambda: recorder.statuses[-1].pending == 0 and recorder.statuses[-1].last_success_at
        )
        clock.advance(3600)  # the interval: a round by itself
        recorder.wait(lambda: len(recorder.reports) == 3)
    finally:
        runner.stop()
    assert not runner.running


def test_offline_backs_off_and_stop_is_immediate(station, clock):
    _enrolled_nowhere(station)
    recorder = Recorder()
    runner = _runner(station, recorder, clock, interval=1, status_interval=1, backoff_base=30)
    runner.start()
    try:
        recorder.wait(lambda: recorder.reports)
        assert isinstance(recorder.reports[0][1], Offline)
        recorder.wait(lambda: recorder.statuses and recorder.statuses[-1].online is False)
        assert recorder.online == [False]
        for _ in range(10):  # ten seconds, a second at a time: the interval passes ten times
            clock.advance(1)
            clock.settle()  # the thread looked at its timers (a wrong retry would show here)
        assert len(recorder.reports) == 1  # backing off: no retry storm although interval is 1 s
        clock.advance(25)  # past the backoff (15-30 s with jitter)
        recorder.wait(lambda: len(recorder.reports) == 2)
        with pytest.raises(Offline):
            runner.sync_now().result(timeout=10)  # "sync now" still tries at once
    finally:
        started = time.monotonic()
        runner.stop()
        assert time.monotonic() - started < 2


def test_a_refused_station_pauses_until_enrolled_again(central, station, clock):
    seed_sample(central.server)
    station.enroll(central)
    admin.set_station_revoked(central.server, station.id, True)
    recorder = Recorder()
    runner = _runner(station, recorder, clock, interval=1, status_interval=1)
    runner.start()
    try:
        recorder.wait(lambda: recorder.reports)
        assert isinstance(recorder.reports[0][1], AuthRequired)
        recorder.wait(lambda: recorder.statuses[-1].needs_enrollment)
        clock.advance(3600)
        clock.settle()
        assert len(recorder.reports) == 1  # paused, not hammering the server
        admin.set_station_revoked(central.server, station.id, False)
        code = admin.create_enrollment_code(central.server, station_id=station.id)
        me = runner.enroll(central.url, code).result(timeout=15)
        assert me.station_id == station.id
        recorder.wait(
            lambda: recorder.reports[-1][1] is None and not recorder.statuses[-1].needs_enrollment
        )
        assert journal.count_pending(station.reader()) == 0
    finally:
        runner.stop()


def test_sync_now_while_a_round_waits_is_that_round(station, clock):
    runner = _runner(station, Recorder(), clock)
    first = runner.sync_now()
    assert runner.sync_now() is first
    assert runner.sync_now(snapshot=True) is not first  # a snapshot is more than that round
    runner.stop()


def test_a_lookup_that_waited_too_long_is_not_sent(station, clock):
    runner = _runner(station, Recorder(), clock, lookup_wait=10)
    late = runner.trace("sgtin:06901234567892.1")
    clock.advance(11)  # the thread was busy (here: not started) for longer than a clerk waits
    runner.start()
    try:
        with pytest.raises(LookupTooLate):
            late.result(timeout=10)
    finally:
        runner.stop()


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_the_wire_watch_sees_two_requests_of_one_station_at_once(central):
    """The watch the next test trusts: two requests with one credential, sent together, count as
    two at once; the same two sent one after the other count as one."""
    import requests

    thread, watch = watched_server(central.server, hold=0.3)
    try:
        ask = lambda: requests.get(thread.url + "/health", headers={"Authorization": "Bearer x"})  # noqa: E731
        ask()
        ask()
        assert watch.most_at_once() == 1
        both = [threading.Thread(target=ask) for _ in range(2)]
        for t in both:
            t.start()
        for t in both:
            t.join()
        assert watch.most_at_once() == 2
    finally:
        thread.stop()


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_lookups_and_rounds_never_overlap_on_the_wire(central, station, clock):
    """A clerk's trace lookups while rounds push a thousand events: the server never sees two
    requests of this station at once, and lookups go ahead of rounds still waiting."""
    sample = seed_sample(central.server)
    thread, watch = watched_server(central.server, hold=0.01)
    try:
        code = admin.create_enrollment_code(central.server, site="W1")
        station.client.enroll(thread.url, code)
        station.close_client()
        recorder = Recorder()
        runner = _runner(station, recorder, clock, interval=3600, push_batch=50)
        runner.start()
        recorder.wait(lambda: recorder.reports)
        first_round = len(watch.paths)  # the first round asked for a registry snapshot too
        station.append_many(
            [("ObjectEvent", {"action": "OBSERVE", "bizStep": "inspecting", "epcList": [key]})
             for key in sample.items * (1000 // len(sample.items) + 1)][:1000]
        )  # fmt: skip
        rounds = [runner.sync_now(), runner.sync_now(snapshot=True)]
        lookups = [runner.trace(key) for key in sample.items[:20]]
        done, _ = wait(rounds + lookups, timeout=60)
        assert len(done) == len(rounds) + len(lookups)
        assert all(f.exception() is None for f in rounds + lookups)
        assert rounds[0].result().pushed == 1000
        traces = [i for i, path in enumerate(watch.paths) if "/trace/" in path]
        snapshot = next(
            i for i, path in enumerate(watch.paths) if "/snapshots/" in path and i >= first_round
        )
        assert max(traces) < snapshot  # the lookups did not wait for the waiting snapshot round
        assert watch.most_at_once() == 1
        runner.stop()
    finally:
        thread.stop()


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_back_online_the_probe_brings_a_round_before_the_backoff_ends(central, station, clock):
    from sync.server.embedded import ServerThread

    seed_sample(central.server)
    port = free_port()
    first = ServerThread(central.server, port=port).start()
    station.client.enroll(first.url, admin.create_enrollment_code(central.server, site="W1"))
    station.close_client()
    first.stop()  # the network goes
    recorder = Recorder()
    runner = _runner(station, recorder, clock, interval=3600, backoff_base=600, probe_interval=30)
    runner.start()
    again = None
    try:
        recorder.wait(lambda: recorder.reports and recorder.online == [False])
        again = ServerThread(central.server, port=port).start()  # the network is back
        clock.advance(31)  # a probe is due; the backoff (300-600 s) is not
        recorder.wait(lambda: len(recorder.reports) == 2)
        assert recorder.reports[1][1] is None and recorder.online == [False, True]
    finally:
        runner.stop()
        if again is not None:
            again.stop()
