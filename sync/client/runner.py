"""The station's one sync engine: every request to the server, one at a time, on one thread.

``SyncRunner`` owns one ``SyncClient`` and is the only thing on the station that talks to the
server: rounds (push, then pull, and the inspector's snapshot), lookups a person waits for
(a code's trace, a voucher's status, an installer's statement) and the online probe. They run
one after another on the sync thread over one connection, so a lookup never races a round and
there is one answer to "are we online?" (``online``) that every page and the status bar read.

- A round starts every ``interval`` seconds, at once on ``sync_now()``, and after a failure only
  when the backoff (exponential, with jitter, capped) has passed. ``sync_now()`` while a round
  is still waiting returns that round.
- Lookups jump ahead of waiting rounds (never ahead of the one running) and give up, unasked,
  when they waited longer than ``lookup_wait``: the clerk gets the station's own answer instead.
- While offline a cheap probe runs every ``probe_interval``; when it answers, a round follows.
- When the server refuses the station (revoked, unknown credential) rounds stop until the
  station is enrolled again.
- Between rounds it reports the status (events waiting, open issues) every few seconds.

Time comes from ``clock`` and jitter from ``rng`` (tests pass a fake clock and never sleep).
Callbacks run on the sync thread: a UI hands them to its own thread (``app/ui/station_sync.py``).
``stop()`` ends a wait or a retry at once and joins the thread.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from app.domain.store.writer import Writer
from app.domain.workflows.counter.verify import BrandTrace
from sync.client.client import NotEnrolled, SyncClient, SyncReport, SyncStatus
from sync.client.transport import AuthRequired, Offline, Stopped, SyncError
from sync.protocol import RebateStatement, VoucherStatus

log = logging.getLogger(__name__)

T = TypeVar("T")
StatusCallback = Callable[[SyncStatus], None]
ProgressCallback = Callable[[str, int, int | None], None]
ReportCallback = Callable[[SyncReport | None, SyncError | None], None]
OnlineCallback = Callable[[bool | None], None]

LOOKUP, ROUND = 0, 1  # job priorities: lookups first


class LookupTooLate(SyncError):
    """The lookup waited behind a long round past its deadline and was not sent."""

    code = "sync.lookup_late"


class RunnerClock(Protocol):
    def monotonic(self) -> float: ...

    def wait(self, condition: threading.Condition, timeout: float) -> None:
        """Wait on ``condition`` (held) until notified or ``timeout`` seconds pass."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def wait(self, condition: threading.Condition, timeout: float) -> None:
        condition.wait(timeout)


@dataclass(order=True)
class _Job:
    priority: int
    order: int
    run: Callable[[], Any] = field(compare=False)
    future: Future = field(compare=False)
    deadline: float | None = field(compare=False, default=None)


class SyncRunner:
    def __init__(
        self,
        db_path: str | Path,
        writer: Writer,
        *,
        interval: float = 60.0,
        status_interval: float = 3.0,
        probe_interval: float = 30.0,
        lookup_wait: float = 10.0,
        backoff_base: float = 5.0,
        backoff_cap: float = 300.0,
        on_status: StatusCallback | None = None,
        on_progress: ProgressCallback | None = None,
        on_report: ReportCallback | None = None,
        on_online: OnlineCallback | None = None,
        settings: Any = None,
        clock: RunnerClock | None = None,
        rng: random.Random | None = None,
        **client_options: Any,
    ) -> None:
        self.interval = interval
        self.status_interval = status_interval
        self.probe_interval = probe_interval
        self.lookup_wait = lookup_wait
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.on_status = on_status or (lambda status: None)
        self.on_progress = on_progress or (lambda phase, done, total: None)
        self.on_report = on_report or (lambda report, error: None)
        self.on_online = on_online or (lambda online: None)
        self.settings = settings
        self.clock: RunnerClock = clock or SystemClock()
        self.rng = rng or random.Random()
        self._stop = threading.Event()
        self._cv = threading.Condition()
        self._jobs: list[_Job] = []  # a heap: lookups, then rounds and enrollments in order
        self._order = itertools.count()
        self._waiting_round: tuple[bool, Future] | None = None  # (snapshot, its future)
        self.client = SyncClient(
            db_path, writer, stop=self._stop, progress=self._progress, **client_options
        )
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self.online: bool | None = None  # None: not tried yet, or not enrolled
        self._failures = 0
        self._paused = False
        self._next_round = 0.0
        self._next_probe = 0.0
        self._last_status: SyncStatus | None = None

    # --- control (any thread) ------------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop waiting and retrying now, then join the thread; jobs not started fail."""
        self._stop.set()
        with self._cv:
            jobs, self._jobs = self._jobs, []
            self._cv.notify_all()
        for job in jobs:
            if job.future.set_running_or_notify_cancel():
                job.future.set_exception(Stopped("sync stopped"))
        if self._thread.is_alive():
            self._thread.join(timeout)

    def sync_now(self, *, snapshot: bool = False) -> Future[SyncReport]:
        """A round right away (the "sync now" button or command barcode); resolves with its
        report. A round already waiting to start is the same round (unless this one wants the
        snapshot and that one does not)."""
        with self._cv:
            waiting = self._waiting_round
            if waiting is not None and (waiting[0] or not snapshot):
                return waiting[1]
            future = self._submit(lambda: self._round(snapshot=snapshot), ROUND)
            self._waiting_round = (snapshot, future)
            return future

    def enroll(self, server_url: str, code: str, *, station_name: str = "") -> Future[Any]:
        """Enroll on the sync thread, then run a round; resolves with the server's ``Whoami``."""

        def job() -> Any:
            me = self.client.enroll(server_url, code, station_name=station_name)
            self._paused = False
            with contextlib.suppress(SyncError):  # reported through the callbacks
                self._round()
            return me

        return self._submit(job, ROUND)

    def trace(self, key: str) -> Future[BrandTrace]:
        return self._lookup(lambda: self.client.trace(key))

    def voucher_status(self, voucher_id: str) -> Future[VoucherStatus]:
        return self._lookup(lambda: self.client.voucher_status(voucher_id))

    def rebate_statement(self, card_id: str, month: str) -> Future[RebateStatement]:
        return self._lookup(lambda: self.client.rebate_statement(card_id, month))

    def _lookup(self, ask: Callable[[], T]) -> Future[T]:
        deadline = self.clock.monotonic() + self.lookup_wait
        return self._submit(lambda: self._ask(ask), LOOKUP, deadline)

    def _submit(
        self, run: Callable[[], Any], priority: int, deadline: float | None = None
    ) -> Future:
        future: Future = Future()
        with self._cv:
            if self._stop.is_set():
                future.set_exception(Stopped("sync stopped"))
                return future
            heapq.heappush(self._jobs, _Job(priority, next(self._order), run, future, deadline))
            self._cv.notify_all()
        return future

    # --- the thread ----------------------------------------------------------------------------

    def _progress(self, phase: str, done: int, total: int | None) -> None:
        try:
            self.on_progress(phase, done, total)
        except Exception:
            log.exception("progress callback failed")

    def _run(self) -> None:
        self._enroll_from_rollout()
        self._report_status()
        while not self._stop.is_set():
            job = self._take()
            if self._stop.is_set():
                break
            if job is not None:
                self._do(job)
                continue
            now = self.clock.monotonic()
            if not self._paused and now >= self._next_round:
                with contextlib.suppress(SyncError):  # reported by _round through the callbacks
                    self._round()
            elif not self._paused and self.online is False and now >= self._next_probe:
                self._probe()
            else:
                self._report_status()
        self.client.close()

    def _take(self) -> _Job | None:
        """The next job, or None when it is time to look at the timers."""
        with self._cv:
            if not self._jobs and not self._stop.is_set():
                self.clock.wait(self._cv, self._idle_time())
            if not self._jobs:
                return None
            job = heapq.heappop(self._jobs)
            if self._waiting_round is not None and self._waiting_round[1] is job.future:
                self._waiting_round = None  # running now: a new "sync now" is a new round
            return job

    def _idle_time(self) -> float:
        wait = self.status_interval
        if not self._paused:
            now = self.clock.monotonic()
            wait = min(wait, self._next_round - now)
            if self.online is False:
                wait = min(wait, self._next_probe - now)
        return max(0.0, wait)

    def _do(self, job: _Job) -> None:
        if not job.future.set_running_or_notify_cancel():
            return
        try:
            if job.deadline is not None and self.clock.monotonic() > job.deadline:
                raise LookupTooLate("waited behind a sync round")
            job.future.set_result(job.run())
        except BaseException as exc:
            job.future.set_exception(exc)

    def _enroll_from_rollout(self) -> None:
        if self.settings is None:
            return
        from sync.client.rollout import enroll_from_rollout

        try:
            enroll_from_rollout(self.client, self.settings)
        except SyncError as exc:
            log.warning("enrollment from the rollout settings failed: %s", exc)
        except Exception:
            log.exception("enrollment from the rollout settings failed")

    def _set_online(self, online: bool | None) -> None:
        if online == self.online:
            return
        if online and self.online is False:
            self._next_round = self.clock.monotonic()  # back online: sync what waited
        self.online = online
        if online is False:
            self._next_probe = self.clock.monotonic() + self.probe_interval
        try:
            self.on_online(online)
        except Exception:
            log.exception("online callback failed")

    def _ask(self, ask: Callable[[], T]) -> T:
        """A lookup: its answer (or its failure) also says whether the server is reachable."""
        try:
            answer = ask()
        except Stopped:
            raise
        except Offline:
            self._set_online(False)
            raise
        except NotEnrolled:
            self._set_online(None)
            raise
        except SyncError:  # the server answered, with a refusal
            self._set_online(True)
            raise
        self._set_online(True)
        try:
            self.client.save_clock()
        except Exception:
            log.exception("could not keep the server's time")
        return answer

    def _probe(self) -> None:
        self._next_probe = self.clock.monotonic() + self.probe_interval
        with contextlib.suppress(SyncError):  # the answer (or none) sets ``online``
            self._ask(self.client.probe)

    def _round(self, *, snapshot: bool = False) -> SyncReport:
        try:
            report = self.client.sync_once(snapshot=snapshot)
        except (AuthRequired, NotEnrolled) as exc:
            self._paused = True  # nothing to retry until someone enrolls the station
            self._set_online(True if isinstance(exc, AuthRequired) else None)  # it did answer
            self._finish(None, exc)
            raise
        except Offline as exc:
            self._failures += 1
            delay = min(self.backoff_cap, self.backoff_base * 2 ** (self._failures - 1))
            self._next_round = self.clock.monotonic() + self.rng.uniform(delay / 2, delay)
            self._set_online(False)
            self._finish(None, exc)
            raise
        except SyncError as exc:
            self._next_round = self.clock.monotonic() + self.interval
            self._finish(None, exc)
            raise
        self._failures = 0
        self._paused = False
        self._set_online(True)
        self._next_round = self.clock.monotonic() + self.interval
        self._finish(report, None)
        return report

    def _finish(self, report: SyncReport | None, error: SyncError | None) -> None:
        try:
            self.on_report(report, error)
        except Exception:
            log.exception("report callback failed")
        self._report_status(force=True)

    def _report_status(self, *, force: bool = False) -> None:
        try:
            status = replace(self.client.status(), online=self.online)
        except Exception:
            log.exception("reading the sync status failed")
            return
        if force or status != self._last_status:
            self._last_status = status
            try:
                self.on_status(status)
            except Exception:
                log.exception("status callback failed")
