"""The sync thread: rounds on a timer and on demand, backing off while offline.

``SyncRunner`` owns one ``SyncClient`` and runs it on its own thread. A round (push, then pull)
starts every ``interval`` seconds, at once on ``sync_now()``, and after a failure only when the
backoff (exponential, with jitter, capped) has passed. When the server refuses the station
(revoked, unknown credential) rounds stop until the station is enrolled again. Between rounds
it reports the status (events waiting, open issues) every few seconds, so a status bar stays
current while the operator scans.

Callbacks run on the sync thread: a UI hands them to its own thread (see ``app/ui/sync_runner.py``).
``stop()`` ends a wait or a retry at once and joins the thread.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.domain.store.writer import Writer
from sync.client.client import NotEnrolled, SyncClient, SyncReport, SyncStatus
from sync.client.transport import AuthRequired, Offline, Stopped, SyncError

log = logging.getLogger(__name__)

StatusCallback = Callable[[SyncStatus], None]
ProgressCallback = Callable[[str, int, int | None], None]
ReportCallback = Callable[[SyncReport | None, SyncError | None], None]


class SyncRunner:
    def __init__(
        self,
        db_path: str | Path,
        writer: Writer,
        *,
        interval: float = 60.0,
        status_interval: float = 3.0,
        backoff_base: float = 5.0,
        backoff_cap: float = 300.0,
        on_status: StatusCallback | None = None,
        on_progress: ProgressCallback | None = None,
        on_report: ReportCallback | None = None,
        settings: Any = None,
        **client_options: Any,
    ) -> None:
        self.interval = interval
        self.status_interval = status_interval
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.on_status = on_status or (lambda status: None)
        self.on_progress = on_progress or (lambda phase, done, total: None)
        self.on_report = on_report or (lambda report, error: None)
        self.settings = settings
        self._stop = threading.Event()
        self._jobs: queue.Queue[tuple[Callable[[], Any], Future] | None] = queue.Queue()
        self.client = SyncClient(
            db_path, writer, stop=self._stop, progress=self._progress, **client_options
        )
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self._online: bool | None = None
        self._failures = 0
        self._paused = False
        self._next_round = 0.0
        self._last_status: SyncStatus | None = None

    # --- control (any thread) ------------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop waiting and retrying now, then join the thread."""
        self._stop.set()
        self._jobs.put(None)
        if self._thread.is_alive():
            self._thread.join(timeout)

    def sync_now(self, *, snapshot: bool = False) -> Future[SyncReport]:
        """A round right away (the "sync now" button or command barcode); resolves with its report."""
        return self._submit(lambda: self._round(snapshot=snapshot))

    def enroll(self, server_url: str, code: str, *, station_name: str = "") -> Future[Any]:
        """Enroll on the sync thread, then run a round; resolves with the server's ``Whoami``."""

        def job() -> Any:
            me = self.client.enroll(server_url, code, station_name=station_name)
            self._paused = False
            self._round()
            return me

        return self._submit(job)

    def _submit(self, job: Callable[[], Any]) -> Future:
        future: Future = Future()
        if self._stop.is_set():
            future.set_exception(Stopped("sync stopped"))
            return future
        self._jobs.put((job, future))
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
            wait = self.status_interval
            if not self._paused:
                wait = max(0.0, min(wait, self._next_round - time.monotonic()))
            try:
                item = self._jobs.get(timeout=wait)
            except queue.Empty:
                item = ()
            if item is None or self._stop.is_set():
                break
            if item:
                job, future = item
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    future.set_result(job())
                except BaseException as exc:
                    future.set_exception(exc)
            elif not self._paused and time.monotonic() >= self._next_round:
                with contextlib.suppress(SyncError):  # reported by _round through the callbacks
                    self._round()
            else:
                self._report_status()
        self.client.close()

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

    def _round(self, *, snapshot: bool = False) -> SyncReport:
        try:
            report = self.client.sync_once(snapshot=snapshot)
        except (AuthRequired, NotEnrolled) as exc:
            self._paused = True  # nothing to retry until someone enrolls the station
            self._online = True if isinstance(exc, AuthRequired) else None  # the server did answer
            self._finish(None, exc)
            raise
        except Offline as exc:
            self._failures += 1
            delay = min(self.backoff_cap, self.backoff_base * 2 ** (self._failures - 1))
            self._next_round = time.monotonic() + random.uniform(delay / 2, delay)
            self._online = False
            self._finish(None, exc)
            raise
        except SyncError as exc:
            self._next_round = time.monotonic() + self.interval
            self._finish(None, exc)
            raise
        self._failures = 0
        self._paused = False
        self._online = True
        self._next_round = time.monotonic() + self.interval
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
            status = replace(self.client.status(), online=self._online)
        except Exception:
            log.exception("reading the sync status failed")
            return
        if force or status != self._last_status:
            self._last_status = status
            try:
                self.on_status(status)
            except Exception:
                log.exception("status callback failed")
