"""The counter's and inspector's line to the brand's server, kept off the GUI thread.

One worker thread runs, in order, the short lookups a person waits for (trace, reachability)
and the "sync now" rounds (push, pull, and the inspector's snapshot download with progress).
Results come back as signals, queued to the GUI thread; the worker never touches a widget.
``online`` is what the last contact said: the counter redeems provisionally within the caps
while it is False, and takes the server's answer as final while it is True.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.workflows.counter.online import ServerLookups
from app.ui.context import ShellContext
from sync.client.client import SyncClient
from sync.client.transport import SyncError

log = logging.getLogger(__name__)

PROBE_MS = 30_000


class ServerLink(QObject):
    onlineChanged = Signal(bool)
    traced = Signal(str, object, object)
    synced = Signal(object, object)  # SyncReport or None, error text or None
    progress = Signal(str, int, object)  # phase, done, total or None

    def __init__(self, context: ShellContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.online = False
        self.busy_syncing = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="counter-link")
        self._stop = threading.Event()
        self._lookups: ServerLookups | None = None
        self._client: SyncClient | None = None
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self.probe)
        self.onlineChanged.connect(self._remember)
        self.synced.connect(self._sync_done)

    def start(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
            self.probe()

    def _remember(self, online: bool) -> None:
        self.online = online

    def _submit(self, fn: Any) -> None:
        if not self._closed:
            self._pool.submit(self._guard, fn)

    @staticmethod
    def _guard(fn: Any) -> None:
        try:
            fn()
        except Exception:  # a bug must not kill the worker: later lookups still run
            log.exception("server link task failed")

    def _lookup(self) -> ServerLookups:
        if self._lookups is None:
            self._lookups = ServerLookups(self.context.db_path, self.context.gateway.writer)
        return self._lookups

    def _sync_client(self) -> SyncClient:
        if self._client is None:
            self._client = SyncClient(
                self.context.db_path,
                self.context.gateway.writer,
                stop=self._stop,
                progress=lambda phase, done, total: self.progress.emit(phase, done, total),
            )
        return self._client

    def _set_online(self, online: bool) -> None:
        self.onlineChanged.emit(online)

    # --- work --------------------------------------------------------------------------------

    def probe(self) -> None:
        def run() -> None:
            self._set_online(self._lookup().reachable())

        self._submit(run)

    def trace(self, key: str) -> None:
        def run() -> None:
            try:
                answer = self._lookup().trace(key)
            except SyncError as exc:
                self._set_online(False)
                self.traced.emit(key, None, exc.code)
                return
            self._set_online(True)
            self.traced.emit(key, answer, None)

        self._submit(run)

    def sync_now(self, *, snapshot: bool = False) -> None:
        """Push and pull now (and download the inspector snapshot when asked)."""
        self.busy_syncing = True

        def run() -> None:
            try:
                report = self._sync_client().sync_once(snapshot=snapshot)
            except SyncError as exc:
                self._set_online(False)
                self.synced.emit(None, exc.code)
                return
            except Exception as exc:  # the file system or the database: say so, keep going
                log.exception("sync now failed")
                self.synced.emit(None, type(exc).__name__)
                return
            self._set_online(True)
            self.synced.emit(report, None)

        self._submit(run)

    def _sync_done(self, *_: object) -> None:
        self.busy_syncing = False

    def close(self, timeout: float = 5.0) -> None:
        self._closed = True
        self._timer.stop()
        self._stop.set()
        waiter = threading.Thread(target=self._pool.shutdown, kwargs={"cancel_futures": True})
        waiter.start()
        waiter.join(timeout)
        for thing in (self._lookups, self._client):
            if thing is not None:
                try:
                    thing.close()
                except Exception:
                    log.exception("closing the server link")


def shared_link(window: QObject, context: ShellContext) -> ServerLink:
    """One link per window, shared by the counter and inspector pages, closed at quit."""
    link = getattr(window, "_yima_server_link", None)
    if link is None:
        from PySide6.QtCore import QCoreApplication

        link = ServerLink(context, window)
        window._yima_server_link = link  # type: ignore[attr-defined]
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(link.close)
    return link
