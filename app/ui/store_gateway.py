"""How widgets reach the station database without ever running SQL on the GUI thread.

Reads run on a small pool with their own read-only connections; writes go to
the store's single Writer. Either way the caller passes a function of a
connection and gets the result (or the exception) back on the GUI thread
through a queued signal, so a slow disk never freezes the window and no
worker ever touches a widget. Pages use it the way Anki's operations use the
collection: they hand over work, not widgets.
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from app.domain.store.database import connect
from app.domain.store.writer import Writer

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class StoreGateway(QObject):
    """Runs store work off the GUI thread and delivers results back to it."""

    _delivered = Signal(int, object, object)  # request id, result, exception
    committed = Signal()  # a write committed (views that show store figures re-read)

    def __init__(
        self, db_path: Path, writer: Writer, parent: QObject | None = None, *, readers: int = 2
    ) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.writer = writer
        self._pool = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="store-read")
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._writes: set[int] = set()
        self._closed = False
        self._delivered.connect(self._deliver)

    def read(
        self,
        fn: Callable[[sqlite3.Connection], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """Run ``fn(readonly_conn)`` on a reader thread; callbacks run on the GUI thread."""
        if self._closed:
            return
        self._track(self._pool.submit(lambda: fn(self._reader_connection())), on_done, on_error)

    def write(
        self,
        fn: Callable[[sqlite3.Connection], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """Run ``fn(conn)`` as one writer transaction; ``on_done`` runs only after the commit."""
        if self._closed:
            return
        self._track(self.writer.submit(fn), on_done, on_error, write=True)

    def close(self, timeout: float = 5.0) -> None:
        """Stop taking work, wait for running reads and close the reader connections."""
        self._closed = True
        self._callbacks.clear()
        self._writes.clear()
        waiter = threading.Thread(target=self._pool.shutdown, kwargs={"cancel_futures": True})
        waiter.start()
        waiter.join(timeout)
        with self._connections_lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()

    def _reader_connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.db_path, readonly=True)
            self._local.conn = conn
            with self._connections_lock:
                self._connections.append(conn)
        return conn

    def _track(
        self, future: Future, on_done: Done | None, on_error: Failed | None, *, write: bool = False
    ) -> None:
        request = next(self._ids)
        self._callbacks[request] = (on_done, on_error)
        if write:
            self._writes.add(request)

        def finished(fut: Future) -> None:
            if fut.cancelled():
                return
            error = fut.exception()
            self._delivered.emit(request, None if error else fut.result(), error)

        future.add_done_callback(finished)

    @Slot(int, object, object)
    def _deliver(self, request: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error = self._callbacks.pop(request, (None, None))
        wrote = request in self._writes
        self._writes.discard(request)
        if wrote and error is None and not self._closed:
            self.committed.emit()
        if self._closed or not (_receiver_alive(on_done) and _receiver_alive(on_error)):
            return
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            log.error("store work failed with nobody to tell", exc_info=error)


def _receiver_alive(callback: Callable[..., Any] | None) -> bool:
    """False for a bound method of a widget Qt has already deleted (a page closed mid-read)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
