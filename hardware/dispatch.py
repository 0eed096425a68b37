"""The one place scans go: the scan log's listeners, then a chain of filters, then the active
workflow's handler.

Sources never know which workflow is open; the UI sets the handler when a
page becomes active. A filter sees every scan before the handler and may take it: command
barcodes that mean the same on every page (``YIMA:CMD:SYNC``), a dialog that holds scans
while it is open. Filters are installed once, by the station's composition root, and stay:
nothing wraps or replaces the handler to add behaviour. Called on the GUI thread only (the Qt bridge re-posts
scans from reader threads), so no locking is needed. A scan that arrives while
a handler is still running (a modal dialog spins the event loop) is queued and
handled after it, in arrival order: scans are never lost and never reordered.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable

from hardware.scan import Scan

log = logging.getLogger(__name__)

Handler = Callable[[Scan], object]
Listener = Callable[[Scan], None]
Filter = Callable[[Scan], bool]  # True: the filter took the scan, nobody after it sees it


class Dispatcher:
    def __init__(self) -> None:
        self._handler: Handler | None = None
        self._listeners: list[Listener] = []
        self._unhandled: list[Listener] = []
        self._filters: list[Filter] = []
        self._errors: list[Callable[[Scan, Exception], None]] = []
        self._queue: deque[Scan] = deque()
        self._busy = False
        self.last_scan: Scan | None = None
        self.count = 0

    @property
    def handler(self) -> Handler | None:
        return self._handler

    def set_handler(self, handler: Handler | None) -> Handler | None:
        """Route scans to ``handler`` (None: nobody); returns the previous one so a wizard can restore it."""
        previous, self._handler = self._handler, handler
        return previous

    def add_listener(self, listener: Listener) -> None:
        """Every scan, before the handler (the scan log, the settings page's "last scan")."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def add_filter(self, scan_filter: Filter) -> None:
        """Offer every scan to ``scan_filter`` before the handler, after the filters added
        before it; a filter that returns True took the scan."""
        self._filters.append(scan_filter)

    def remove_filter(self, scan_filter: Filter) -> None:
        if scan_filter in self._filters:
            self._filters.remove(scan_filter)

    def on_unhandled(self, listener: Listener) -> None:
        """Scans that arrive while no workflow is active: the UI tells the operator to open one."""
        self._unhandled.append(listener)

    def on_error(self, callback: Callable[[Scan, Exception], None]) -> None:
        """A handler raised: the UI shows an error instead of losing the scan silently."""
        self._errors.append(callback)

    def dispatch(self, scan: Scan) -> None:
        self._queue.append(scan)
        if self._busy:
            return
        self._busy = True
        try:
            while self._queue:
                self._deliver(self._queue.popleft())
        finally:
            self._busy = False

    def _deliver(self, scan: Scan) -> None:
        self.last_scan = scan
        self.count += 1
        for listener in list(self._listeners):
            self._call(listener, scan)
        for scan_filter in list(self._filters):
            try:
                if scan_filter(scan):
                    return
            except Exception as exc:
                self._failed(scan, exc)
                return
        handler = self._handler
        if handler is None:
            for listener in list(self._unhandled):
                self._call(listener, scan)
            return
        try:
            handler(scan)
        except Exception as exc:
            self._failed(scan, exc)

    def _failed(self, scan: Scan, exc: Exception) -> None:
        log.error("the scan handler failed on %r", scan.text, exc_info=exc)
        for callback in list(self._errors):
            try:
                callback(scan, exc)
            except Exception:
                log.exception("the scan error callback failed")

    @staticmethod
    def _call(listener: Listener, scan: Scan) -> None:
        try:
            listener(scan)
        except Exception:
            log.exception("a scan listener failed")
