"""The sync thread seen from Qt: ``SyncRunner`` (Qt-free, ``sync/client/runner.py``) with its
callbacks turned into signals, which Qt queues to the GUI thread.

The window creates one, starts it after login and stops it at quit. The status bar follows
``onlineChanged``; a "sync now" button or command barcode calls ``sync_now()``; the sync issues
list refreshes on ``roundFinished``; a settings page calls ``enroll()``. Nothing here blocks:
every call returns at once and its outcome arrives as a signal.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.domain.store.writer import Writer
from sync.client.client import SyncReport, SyncStatus
from sync.client.runner import SyncRunner
from sync.client.transport import SyncError

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


class SyncRunnerAdapter(QObject):
    statusChanged = Signal(object)  # SyncStatus
    onlineChanged = Signal(object)  # True reachable, False unreachable, None not set up
    progressChanged = Signal(str, int, object)  # phase, done, total or None
    roundFinished = Signal(object, object)  # SyncReport or None, the SyncError or None
    enrolled = Signal(object, object)  # Whoami or None, the error or None

    def __init__(
        self,
        db_path: Path,
        writer: Writer,
        *,
        settings: Any = None,
        interval: float = 60.0,
        parent: QObject | None = None,
        **client_options: Any,
    ) -> None:
        super().__init__(parent)
        self.status: SyncStatus | None = None
        self._online: object = object()  # nothing reported yet
        self.runner = SyncRunner(
            db_path,
            writer,
            interval=interval,
            settings=settings,
            on_status=self._status,
            on_progress=lambda phase, done, total: self.progressChanged.emit(phase, done, total),
            on_report=lambda report, error: self.roundFinished.emit(report, error),
            **client_options,
        )
        self.statusChanged.connect(self._remember)
        self._started = False

    def _status(self, status: SyncStatus) -> None:  # on the sync thread
        self.statusChanged.emit(status)

    def _remember(self, status: SyncStatus) -> None:  # on the GUI thread
        self.status = status
        if status.enrolled and status.online is None:
            return  # not tried yet: leave the status bar as it is
        online = status.online if status.enrolled else None
        if online != self._online:
            self._online = online
            self.onlineChanged.emit(online)

    def start(self) -> None:
        if not self._started:
            self._started = True
            self.runner.start()

    def stop(self, timeout: float = 10.0) -> None:
        if self._started:
            self.runner.stop(timeout)
            self._started = False

    def sync_now(self, *, snapshot: bool = False) -> None:
        """One round at once; the outcome arrives as ``roundFinished``."""
        self.runner.sync_now(snapshot=snapshot)

    def enroll(self, server_url: str, code: str, *, station_name: str = "") -> None:
        future = self.runner.enroll(server_url, code, station_name=station_name)

        def done(fut: Any) -> None:
            error = fut.exception()
            self.enrolled.emit(None if error else fut.result(), error)

        future.add_done_callback(done)

    def attach_status_bar(self, bar: Any) -> None:
        """Keep a status bar's online/offline mark current (``StationStatusBar.set_online``)."""
        self.onlineChanged.connect(bar.set_online)


__all__ = ["SyncReport", "SyncRunnerAdapter", "error_text"]
