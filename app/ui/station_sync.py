"""The station's one sync engine seen from Qt: ``SyncRunner`` (Qt-free, ``sync/client/runner.py``)
with its callbacks turned into signals, which Qt queues to the GUI thread.

The composition root makes one per station and hands it to the pages in their context; the
window's sync controls (``app/ui/sync_controls.py``) start it at the first login and stop it at
quit. Every page and the status bar read the same ``online`` and follow ``onlineChanged``:
there is no other line to the server. Nothing here blocks: every call returns at once and its
outcome arrives as a signal.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from app.domain.store.writer import Writer
from sync.client.client import SyncReport, SyncStatus
from sync.client.runner import SyncRunner
from sync.client.transport import Stopped, SyncError

log = logging.getLogger(__name__)


def error_text(error: BaseException | None) -> str:
    """What to tell the operator about a failed round, in their language."""
    if error is None:
        return ""
    if isinstance(error, SyncError):
        template = QCoreApplication.translate("Sync", error.text)
        try:
            return template.format(detail=error.detail or error.code)
        except (KeyError, IndexError, ValueError):
            return template
    return QCoreApplication.translate("Sync", "Sync failed: {detail}").format(
        detail=type(error).__name__
    )


class StationSync(QObject):
    statusChanged = Signal(object)  # SyncStatus
    onlineChanged = Signal(object)  # True reachable, False unreachable, None not tried / set up
    progressChanged = Signal(str, int, object)  # phase, done, total or None
    roundFinished = Signal(object, object)  # SyncReport or None, the SyncError or None
    enrolled = Signal(object, object)  # Whoami or None, the error or None
    traced = Signal(str, object, object)  # code key, BrandTrace or None, the SyncError or None
    _answered = Signal(str, object, object)  # queued to ``traced``: never inside the asking call

    def __init__(
        self,
        db_path: Path,
        writer: Writer,
        *,
        settings: Any = None,
        parent: QObject | None = None,
        **runner_options: Any,
    ) -> None:
        super().__init__(parent)
        self.status: SyncStatus | None = None
        self.online: bool | None = None
        self.runner = SyncRunner(
            db_path,
            writer,
            settings=settings,
            on_status=self.statusChanged.emit,
            on_online=self.onlineChanged.emit,
            on_progress=lambda phase, done, total: self.progressChanged.emit(phase, done, total),
            on_report=lambda report, error: self.roundFinished.emit(report, error),
            **runner_options,
        )
        self.statusChanged.connect(self._remember_status)
        self.onlineChanged.connect(self._remember_online)
        self._answered.connect(self.traced, Qt.ConnectionType.QueuedConnection)
        self._started = False

    def _remember_status(self, status: SyncStatus) -> None:  # on the GUI thread
        self.status = status

    def _remember_online(self, online: bool | None) -> None:
        self.online = online

    # --- life ------------------------------------------------------------------------------

    def start(self) -> None:
        if not self._started:
            self._started = True
            self.runner.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Join the sync thread (before the writer it writes through stops)."""
        self.runner.stop(timeout)
        self._started = False

    # --- asking ----------------------------------------------------------------------------

    @property
    def worth_asking(self) -> bool:
        """Whether a lookup may reach the server: online, or not tried yet on an enrolled
        station (the lookup's answer then says which; a station with no server is offline)."""
        if self.online is not None:
            return self.online
        return self.status is None or self.status.enrolled

    def sync_now(self, *, snapshot: bool = False) -> None:
        """A round at once (the one waiting, if there is one); its outcome is ``roundFinished``."""
        self.runner.sync_now(snapshot=snapshot)

    def enroll(self, server_url: str, code: str, *, station_name: str = "") -> None:
        future = self.runner.enroll(server_url, code, station_name=station_name)

        def done(fut: Future) -> None:
            error = fut.exception()
            self.enrolled.emit(None if error else fut.result(), error)

        future.add_done_callback(done)

    def trace(self, key: str) -> None:
        """The brand's trace of a code; the answer is ``traced``. Before the sync thread runs
        (no one logged in yet) the answer is at once "could not ask"."""
        if not self._started:
            self._answered.emit(key, None, Stopped("sync not started"))
            return

        def done(fut: Future) -> None:
            error = fut.exception()
            self._answered.emit(key, None if error else fut.result(), error)

        self.runner.trace(key).add_done_callback(done)

    def attach_status_bar(self, bar: Any) -> None:
        """Keep a status bar's online/offline mark current (``StationStatusBar.set_online``)."""
        bar.set_online(self.online)
        self.onlineChanged.connect(bar.set_online)


__all__ = ["StationSync", "SyncReport", "error_text"]
