"""What every scanner source shares: its state, its rejections and its thread discipline.

A source turns some device into ``Scan`` values and hands each one to a sink.
It never knows who listens (the dispatcher decides that) and it never blocks
the caller: blocking I/O runs on the source's own thread, and ``stop()`` joins
that thread with a timeout so quitting the station never hangs on a device.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from hardware.i18n import QT_TRANSLATE_NOOP
from hardware.scan import Scan

log = logging.getLogger(__name__)

Sink = Callable[[Scan], None]


class SourceState(StrEnum):
    """What the operator sees next to each scanner in settings and the status bar."""

    STOPPED = "stopped"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    RECONNECTING = "reconnecting"
    FINISHED = "finished"  # a file or image source that has been read to its end


STATE_LABELS = {
    SourceState.STOPPED: QT_TRANSLATE_NOOP("Scanners", "stopped"),
    SourceState.CONNECTING: QT_TRANSLATE_NOOP("Scanners", "connecting"),
    SourceState.CONNECTED: QT_TRANSLATE_NOOP("Scanners", "connected"),
    SourceState.DISCONNECTED: QT_TRANSLATE_NOOP("Scanners", "scanner disconnected"),
    SourceState.RECONNECTING: QT_TRANSLATE_NOOP("Scanners", "reconnecting"),
    SourceState.FINISHED: QT_TRANSLATE_NOOP("Scanners", "finished"),
}


@dataclass(frozen=True, slots=True)
class Rejection:
    """A read that did not become a scan, and why: nothing is dropped silently.

    ``reason`` is a stable machine code (``"encoding"``, ``"too_long"``,
    ``"control_chars"``); ``message`` is an English operator template for
    ``QT_TRANSLATE_NOOP("Scanners", ...)`` with ``{placeholders}`` filled from
    ``params``; ``raw`` keeps (a bounded head of) the bytes for diagnosis.
    """

    source: str
    reason: str
    message: str
    params: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    mono_ns: int = field(default_factory=time.monotonic_ns)

    def text(self) -> str:
        """The English message with its placeholders filled (logs, the CLI)."""
        return self.message.format(**self.params)


class Source:
    """Base of every source: state bookkeeping and the callbacks the bridge sets.

    Subclasses implement ``_run(stop_event)`` (the blocking loop, on the source's
    thread) and call ``_emit``, ``_reject`` and ``_set_state``. Callbacks run on
    the source's thread; the Qt bridge re-posts them to the GUI thread.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._state = SourceState.STOPPED
        self._sink: Sink | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.on_state: Callable[[Source, SourceState], None] | None = None
        self.on_reject: Callable[[Rejection], None] | None = None
        self.detail = ""  # technical detail for IT: the last OS error, the resolved port

    @property
    def state(self) -> SourceState:
        return self._state

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, sink: Sink) -> None:
        if self.running:
            raise RuntimeError(f"{self.name} is already running")
        self._sink = sink
        self._stop.clear()
        self._set_state(SourceState.CONNECTING)
        self._thread = threading.Thread(
            target=self._guarded_run, name=f"source {self.name}", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> bool:
        """Ask the thread to finish and join it; False if it did not finish in time."""
        self._stop.set()
        thread = self._thread
        finished = True
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            finished = not thread.is_alive()
            if not finished:
                log.warning("%s did not stop within %.1f s", self.name, timeout)
        self._thread = None
        if self._state is not SourceState.FINISHED:
            self._set_state(SourceState.STOPPED)
        return finished

    def wait_finished(self, timeout: float) -> bool:
        """Block until a file/image source has been read to its end (tests, the CLI)."""
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    # -- for subclasses -------------------------------------------------------

    def _run(self, stop: threading.Event) -> None:
        raise NotImplementedError

    def _guarded_run(self) -> None:
        try:
            self._run(self._stop)
        except Exception:  # a bug in a reader must not vanish with its thread
            log.exception("scanner source %s failed", self.name)
            self.detail = "internal error; see the log"
            self._set_state(SourceState.DISCONNECTED)

    def _emit(self, scan: Scan) -> None:
        sink = self._sink
        if sink is not None:
            sink(scan)

    def _reject(self, rejection: Rejection) -> None:
        log.info("%s rejected a read: %s", self.name, rejection.text())
        callback = self.on_reject
        if callback is not None:
            callback(rejection)

    def _set_state(self, state: SourceState) -> None:
        if state is self._state:
            return
        self._state = state
        callback = self.on_state
        if callback is not None:
            callback(self, state)
