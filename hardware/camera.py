"""Cameras as scanners: OpenCV capture on one thread, decoding on another.

The capture thread reads frames (a device index, a video file, a stream URL)
and hands them to the decode worker through a two-frame queue: a live camera
drops the oldest frame when decoding falls behind (the newest picture is what
matters), a file waits so every frame is decoded. The worker reads all codes
in a frame and turns each into a ``Scan`` once: a code seen again within
``dedup_s`` of its last sighting is the same code still in view. Preview
frames go to ``on_preview`` at most ``preview_fps`` times a second, with the
codes found in them, for the UI to draw (it converts them to QImage itself).
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

from hardware.decode import Decoded, decode_frame
from hardware.i18n import QT_TRANSLATE_NOOP
from hardware.scan import Scan
from hardware.source import Rejection, Source, SourceState
from hardware.spec import SourceSpec

Preview = Callable[[np.ndarray, list[Decoded]], None]


class Decoder(Protocol):
    """``decode_frame``'s shape: every code in a frame; ``thorough=False`` is the fast pass."""

    def __call__(self, frame: Any, *, thorough: bool = ...) -> list[Decoded]: ...


RECONNECT_S = 1.0
THOROUGH_EVERY = 3  # every third frame gets decode_frame's full effort; the others its fast pass
OPEN_TIMEOUT_MS = 5000
READ_TIMEOUT_MS = 5000


class Deduplicator:
    """A code held in view is one scan: it scans again only after ``window_s`` out of sight."""

    def __init__(self, window_s: float) -> None:
        self.window_s = window_s
        self._last_seen: dict[str, float] = {}
        self._pruned_at = 0.0

    def fresh(self, text: str, now: float) -> bool:
        last = self._last_seen.get(text)
        self._last_seen[text] = now
        if now - self._pruned_at > self.window_s:
            self._pruned_at = now
            cutoff = now - self.window_s
            self._last_seen = {t: seen for t, seen in self._last_seen.items() if seen >= cutoff}
            self._last_seen[text] = now
        return last is None or now - last > self.window_s


def read_image(path: str | Path) -> np.ndarray | None:
    """``cv2.imread`` that also opens non-ASCII paths on Windows (共享/样品.png)."""
    data = np.fromfile(str(path), dtype=np.uint8)
    if data.size == 0:
        return None
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


def _reading_order(codes: list[Decoded]) -> list[Decoded]:
    """Row by row, left to right, so a sheet's codes come out as a person reads them.

    Codes whose centres lie within one code height of a row's first code share that row.
    """
    rows: list[list[Decoded]] = []
    row_top = 0.0
    for code in sorted(codes, key=lambda d: d.center[1]):
        ys = [y for _, y in code.corners] or [0]
        height = max(ys) - min(ys)
        if rows and code.center[1] - row_top <= max(height, 20):
            rows[-1].append(code)
        else:
            rows.append([code])
            row_top = code.center[1]
    return [code for row in rows for code in sorted(row, key=lambda d: d.center[0])]


class CameraSource(Source):
    """``camera:0``, ``camera:rtsp://...``, ``file:carton.avi`` (options: dedup_s, preview_fps, pace, loop, width, height)."""

    def __init__(self, spec: SourceSpec, decoder: Decoder = decode_frame) -> None:
        super().__init__(spec.name)
        self.spec = spec
        self.decoder = decoder
        self.is_file = spec.kind == "file"
        self.dedup = Deduplicator(spec.get_float("dedup_s", 2.0))
        self.preview_interval = 1.0 / max(0.1, spec.get_float("preview_fps", 10.0))
        self.pace = spec.get_bool("pace", True)
        self.loop = spec.get_bool("loop", False)
        self.on_preview: Preview | None = None
        self.frames_read = 0
        self.frames_decoded = 0
        self.frames_dropped = 0
        self.decode_ms: list[float] = []
        self._frames: queue.Queue[np.ndarray | None] = queue.Queue(maxsize=2)
        self._last_preview = 0.0

    # -- capture (the source's own thread) ---------------------------------------------

    def _open(self) -> cv2.VideoCapture:
        target = self.spec.target
        if self.spec.kind == "camera" and target.isdigit():
            capture = cv2.VideoCapture(int(target))
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.spec.get_int("width", 1280))
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.spec.get_int("height", 720))
        elif self.is_file:
            capture = cv2.VideoCapture(target)
        else:
            capture = cv2.VideoCapture(
                target,
                cv2.CAP_FFMPEG,
                [
                    cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
                    OPEN_TIMEOUT_MS,
                    cv2.CAP_PROP_READ_TIMEOUT_MSEC,
                    READ_TIMEOUT_MS,
                ],
            )
        if not capture.isOpened():
            capture.release()
            raise OSError(f"cannot open {target}")
        return capture

    def _run(self, stop: threading.Event) -> None:
        worker = threading.Thread(
            target=self._decode_loop, args=(stop,), name=f"decode {self.name}", daemon=True
        )
        worker.start()
        finished = False
        try:
            finished = self._capture_loop(stop)
        finally:
            self._put(None, stop, wait=True)
            worker.join(5.0)
        if finished:
            self._set_state(SourceState.FINISHED)  # only now: every frame's scans have been emitted

    def _capture_loop(self, stop: threading.Event) -> bool:
        """Capture until stopped (False) or a file has been read to its end (True)."""
        lost = False
        while not stop.is_set():
            try:
                capture = self._open()
            except OSError as exc:
                self.detail = str(exc)
                if self.is_file:
                    self._reject(
                        Rejection(
                            self.name,
                            "unreadable",
                            QT_TRANSLATE_NOOP(
                                "Scanners", "The video {path} cannot be opened or is not a video."
                            ),
                            {"path": self.spec.target},
                        )
                    )
                    return True
                self._set_state(SourceState.RECONNECTING if lost else SourceState.DISCONNECTED)
                lost = True
                stop.wait(RECONNECT_S)
                continue
            self._set_state(SourceState.CONNECTED)
            self.detail = self.spec.target
            try:
                ended = self._read_frames(capture, stop)
            finally:
                capture.release()
            if ended and self.is_file and not self.loop:
                return True
            if ended and not self.is_file:
                lost = True
                self._set_state(SourceState.DISCONNECTED)
                stop.wait(RECONNECT_S)
        return False

    def _read_frames(self, capture: cv2.VideoCapture, stop: threading.Event) -> bool:
        """Read until the stream ends (True) or stop is asked (False)."""
        fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
        started = time.monotonic()
        index = 0
        while not stop.is_set():
            ok, frame = capture.read()
            if not ok or frame is None:
                return True
            self.frames_read += 1
            if self.is_file and self.pace:
                delay = started + index / fps - time.monotonic()
                if delay > 0:
                    stop.wait(delay)
            index += 1
            self._put(frame, stop, wait=self.is_file)
        return False

    def _put(self, frame: np.ndarray | None, stop: threading.Event, wait: bool) -> None:
        if wait:
            while not stop.is_set() or frame is None:
                try:
                    self._frames.put(frame, timeout=0.1)
                    return
                except queue.Full:
                    if frame is None and stop.is_set():
                        self._drain()
            return
        try:
            self._frames.put_nowait(frame)
        except queue.Full:
            self._drain()
            self.frames_dropped += 1
            self._frames.put_nowait(frame)

    def _drain(self) -> None:
        with contextlib.suppress(queue.Empty):
            self._frames.get_nowait()

    # -- decode worker -------------------------------------------------------------

    def _decode_loop(self, stop: threading.Event) -> None:
        while True:
            try:
                frame = self._frames.get(timeout=0.2)
            except queue.Empty:
                if stop.is_set():
                    return
                continue
            if frame is None:
                return
            self.process(frame)

    def process(self, frame: np.ndarray) -> list[Decoded]:
        """Decode one frame, scan what is new, preview if it is time (the worker's step; tests call it)."""
        started = time.perf_counter()
        codes = self.decoder(frame, thorough=self.frames_decoded % THOROUGH_EVERY == 0)
        self.decode_ms.append((time.perf_counter() - started) * 1000)
        if len(self.decode_ms) > 10_000:
            del self.decode_ms[:5_000]
        self.frames_decoded += 1
        now = time.monotonic()
        for code in _reading_order(codes):
            if self.dedup.fresh(code.text, now):
                self._emit(Scan(text=code.text, source=self.name, symbology=code.aim))
        callback = self.on_preview
        if callback is not None and now - self._last_preview >= self.preview_interval:
            self._last_preview = now
            callback(frame, codes)
        return codes


class ImageSource(Source):
    """``image:label.png``: every code in one picture, once, in reading order; then finished."""

    def __init__(self, spec: SourceSpec, decoder: Decoder = decode_frame) -> None:
        super().__init__(spec.name)
        self.spec = spec
        self.decoder = decoder

    def _run(self, stop: threading.Event) -> None:
        image = read_image(self.spec.target) if Path(self.spec.target).is_file() else None
        if image is None:
            self.detail = f"cannot read {self.spec.target}"
            self._reject(
                Rejection(
                    self.name,
                    "unreadable",
                    QT_TRANSLATE_NOOP(
                        "Scanners", "The picture {path} cannot be opened or is not an image."
                    ),
                    {"path": self.spec.target},
                )
            )
            self._set_state(SourceState.FINISHED)
            return
        self._set_state(SourceState.CONNECTED)
        for code in _reading_order(self.decoder(image)):
            self._emit(Scan(text=code.text, source=self.name, symbology=code.aim))
        self._set_state(SourceState.FINISHED)
