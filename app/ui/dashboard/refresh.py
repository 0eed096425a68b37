"""Re-reading a view of the store as work lands, without flooding the reader threads.

A view that shows store figures calls ``changed()`` after each committed write and
``shown()`` when it comes to the front. ``DebouncedRead`` then runs its read on the
``StoreGateway``'s reader threads: at most one at a time, at most one every ``interval_ms``,
never while the view is hidden (it catches up when shown), and once more after a read
if something was committed while that read ran. A slow read (stock at millions of codes)
thereby slows only its own refresh, never the scans or the other reads.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from app.ui.store_gateway import StoreGateway


class DebouncedRead(QObject):
    def __init__(
        self,
        gateway: StoreGateway,
        read: Callable[[], Callable[[sqlite3.Connection], Any]],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        visible: Callable[[], bool],
        interval_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self._make_read = read  # called on the GUI thread: the work for one read
        self._on_done = on_done
        self._on_error = on_error
        self._visible = visible
        self.interval_ms = interval_ms
        self.started = 0  # reads started (tests count them)
        self.running = False
        self._stale = True
        self._last = -interval_ms / 1000
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)

    def changed(self) -> None:
        """Something was committed: read again soon if the view is visible, else when shown."""
        self._stale = True
        if self._visible():
            self._schedule()

    def shown(self) -> None:
        self._stale = True
        self._schedule()

    def _schedule(self) -> None:
        if self.running or self._timer.isActive():
            return  # the read under way (then once more) or the one planned sees the change
        waited_ms = (time.monotonic() - self._last) * 1000
        self._timer.start(int(max(0.0, self.interval_ms - waited_ms)))

    def _start(self) -> None:
        if not self._visible() or self.running:
            return
        self.running = True
        self._stale = False
        self._last = time.monotonic()
        self.started += 1
        self.gateway.read(self._make_read(), self._done, self._failed)

    def _done(self, result: Any) -> None:
        self._on_done(result)
        self._finished()

    def _failed(self, error: BaseException) -> None:
        self._on_error(error)
        self._finished()

    def _finished(self) -> None:
        self.running = False
        if self._stale and self._visible():
            self._schedule()
