"""The single writer thread: the only connection that changes the station database.

One thread owns all writes so that actions never contend for SQLite's lock and
their order is the order they were submitted. Each action runs in its own
savepoint; actions that queue up while a commit is in flight share the next
commit (group commit), which keeps a burst of scans cheap without ever
acknowledging anything before it is durable: a future resolves only after the
COMMIT that contains its action has returned.

SQLite's automatic checkpoint would run inside whichever commit crosses the
threshold, stalling that scan for as long as copying the WAL into a 2 GB file
takes (seconds, measured). The writer turns it off and a checkpointer thread
with its own connection copies the WAL back in PASSIVE mode, which never
blocks the writer; the next commit after a complete checkpoint restarts the WAL.
A restarted WAL keeps its size on disk, though, and after a burst it can hold more
than the database itself: once the station has been idle for a few seconds the
checkpointer truncates it (TRUNCATE mode, with a short busy timeout so a scan that
arrives meanwhile waits milliseconds), which keeps the -wal file bounded and gives a
nearly full disk its space back.

Every submitted action's future resolves: with its result after the commit, with
its own exception if it failed, or with a typed ``StoreError`` (``StoreBusy`` when
another program held the file's lock past the busy timeout, ``DiskFull``…) when
the batch could not be committed at all. A page waiting on a scan is never left
hanging, and the next batch simply tries again.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TypeVar

from app.domain.store.database import BUSY_TIMEOUT_MS, connect
from app.domain.store.errors import typed

T = TypeVar("T")
log = logging.getLogger(__name__)

MAX_ACTIONS_PER_COMMIT = 64
CHECKPOINT_INTERVAL_S = 1.0
IDLE_TRUNCATE_S = 5.0  # idle this long after a commit, the WAL file is truncated
TRUNCATE_BUSY_MS = 50  # how long a truncating checkpoint may wait for the writer or a reader
_STOP = object()


class WriterStopped(RuntimeError):
    """The writer is not running, so the action was not saved."""


class Writer:
    def __init__(
        self,
        path: str | Path,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        idle_truncate_s: float = IDLE_TRUNCATE_S,
    ) -> None:
        self._path = Path(path)
        self._busy_timeout_ms = busy_timeout_ms
        self._idle_truncate_s = idle_truncate_s
        self._last_commit = time.monotonic()  # read by the checkpointer: when to truncate
        self._truncated_at: float | None = None
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._accepting = False
        self._lock = threading.Lock()
        self._checkpointer: threading.Thread | None = None
        self._stopping = threading.Event()

    def start(self) -> None:
        ready: Future[None] = Future()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="store-writer", daemon=True
        )
        self._thread.start()
        ready.result(timeout=30)
        self._accepting = True
        self._stopping.clear()
        self._checkpointer = threading.Thread(
            target=self._checkpoint_loop, name="store-checkpointer", daemon=True
        )
        self._checkpointer.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish every action already submitted, then close the connection."""
        with self._lock:
            if not self._accepting:
                return
            self._accepting = False
            self._queue.put(_STOP)
        if self._thread:
            self._thread.join(timeout)
        self._stopping.set()
        if self._checkpointer:
            self._checkpointer.join(timeout)

    def submit(self, action: Callable[[sqlite3.Connection], T]) -> Future[T]:
        """Queue ``action(conn)``; its future resolves with the result once committed."""
        future: Future[T] = Future()
        with self._lock:
            if not self._accepting:
                future.set_exception(WriterStopped("the station database is closed"))
                return future
            self._queue.put((action, future))
        return future

    def call(self, action: Callable[[sqlite3.Connection], T], timeout: float = 10.0) -> T:
        """Submit and wait: for the CLI, tests and other threads that may block."""
        return self.submit(action).result(timeout)

    def _run(self, ready: Future[None]) -> None:
        try:
            conn = connect(self._path, busy_timeout_ms=self._busy_timeout_ms)
        except Exception as exc:  # surfaced to start(), which re-raises it to the caller
            ready.set_exception(exc)
            return
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        ready.set_result(None)
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                batch = [item]
                stop_after = False
                while len(batch) < MAX_ACTIONS_PER_COMMIT:
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is _STOP:
                        stop_after = True
                        break
                    batch.append(more)
                self._commit_batch(conn, batch)
                if stop_after:
                    return
        finally:
            conn.close()

    def _checkpoint_loop(self) -> None:
        conn = connect(self._path, busy_timeout_ms=TRUNCATE_BUSY_MS)
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            while not self._stopping.wait(min(CHECKPOINT_INTERVAL_S, self._idle_truncate_s)):
                try:
                    if self._idle():
                        self._truncate(conn)
                    else:
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error:  # busy or I/O trouble: the WAL just grows until the next try
                    log.warning("background checkpoint failed", exc_info=True)
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def _idle(self) -> bool:
        """Idle long enough since the last commit, and the WAL not truncated since."""
        last = self._last_commit
        return time.monotonic() - last >= self._idle_truncate_s and (
            self._truncated_at is None or self._truncated_at < last
        )

    def _truncate(self, conn: sqlite3.Connection) -> None:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:  # a reader or a new commit got in the way: try again on the next round
            self._truncated_at = time.monotonic()

    def _commit_batch(self, conn: sqlite3.Connection, batch: list) -> None:
        done: list[tuple[Future, object]] = []
        failed: list[tuple[Future, BaseException]] = []
        running: set[Future] = set()
        try:
            conn.execute("BEGIN IMMEDIATE")
            for action, future in batch:
                if not future.set_running_or_notify_cancel():
                    continue
                running.add(future)
                conn.execute("SAVEPOINT action")
                try:
                    result = action(conn)
                except BaseException as exc:  # the action's own failure: undo just that action
                    if isinstance(exc, sqlite3.Error) and not conn.in_transaction:
                        raise  # SQLite rolled the whole batch back (disk full, I/O error)
                    conn.execute("ROLLBACK TO action")
                    conn.execute("RELEASE action")
                    failed.append((future, typed(exc, self._path)))
                else:
                    conn.execute("RELEASE action")
                    done.append((future, result))
            conn.execute("COMMIT")
            self._last_commit = time.monotonic()
        except sqlite3.Error as exc:
            # BEGIN or COMMIT failed (file locked by another program, disk full, I/O error):
            # nothing in this batch was saved, and every action in it is told so.
            error = typed(exc, self._path)
            log.error("commit failed; %d actions not saved: %s", len(batch), exc)
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:  # SQLite rolls back by itself when it cannot
                    log.warning("rollback after a failed commit failed too", exc_info=True)
            own = dict(failed)
            for _action, future in batch:
                if future.done() or (
                    future not in running and not future.set_running_or_notify_cancel()
                ):
                    continue  # cancelled before it ran
                future.set_exception(own.get(future, error))
            return
        for future, result in done:
            future.set_result(result)
        for future, err in failed:
            future.set_exception(err)
