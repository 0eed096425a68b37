"""Evidence photos: one still frame from the camera, or an image file, as JPEG bytes.

When a camera already runs as a scanner (``hardware.camera.CameraSource``), the photo is its
next frame, so the inspector does not fight the scanner for the device; otherwise the camera
(a device index, or a video file/stream for tests and kiosks) is opened for one picture.
These run on a worker thread; the page only gets the bytes (or the error's words) back.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from app.domain.i18n import QT_TRANSLATE_NOOP

GRAB_TIMEOUT_S = 5.0
WARM_UP_FRAMES = 5  # auto-exposure needs a few frames before a picture is usable


class CameraUnavailable(OSError):
    """No frame came from the camera: ``template`` (English, marked for translation in the
    "Inspector" context) with ``args_`` says what happened, in the operator's language."""

    def __init__(self, template: str, **args: str) -> None:
        super().__init__(template.format(**args))
        self.template = template
        self.args_ = args


def encode_jpeg(frame: Any, quality: int = 88) -> bytes:
    import cv2

    ok, data = cv2.imencode(".jpg", frame, [int(cv2.IMWRITE_JPEG_QUALITY), quality])
    if not ok:
        raise CameraUnavailable(
            QT_TRANSLATE_NOOP("Inspector", "The camera's picture could not be saved as a photo.")
        )
    return bytes(data)


def _from_running(source: Any) -> Any | None:
    """The next preview frame of a running camera scanner, or None if none comes in time."""
    got = threading.Event()
    frames: list[Any] = []
    previous = source.on_preview

    def take(frame: Any, codes: list[Any]) -> None:
        if not got.is_set():
            frames.append(frame.copy())
            got.set()
        if previous is not None:
            previous(frame, codes)

    source.on_preview = take
    try:
        got.wait(GRAB_TIMEOUT_S)
    finally:
        source.on_preview = previous
    return frames[0] if frames else None


def _open_once(target: str) -> Any:
    import cv2

    capture = cv2.VideoCapture(int(target)) if target.isdigit() else cv2.VideoCapture(target)
    try:
        if not capture.isOpened():
            raise CameraUnavailable(
                QT_TRANSLATE_NOOP("Inspector", "The camera {camera} cannot be opened."),
                camera=target,
            )
        frame = None
        for _ in range(WARM_UP_FRAMES if target.isdigit() else 1):
            ok, candidate = capture.read()
            if ok and candidate is not None:
                frame = candidate
        if frame is None:
            raise CameraUnavailable(
                QT_TRANSLATE_NOOP("Inspector", "The camera {camera} gave no picture."),
                camera=target,
            )
        return frame
    finally:
        capture.release()


def grab_photo(target: str = "0", running: Any | None = None) -> bytes:
    """A JPEG of what the camera sees now (``running``: a CameraSource already capturing)."""
    frame = _from_running(running) if running is not None else None
    if frame is None:
        frame = _open_once(target)
    return encode_jpeg(frame)


def read_photo_file(path: Path) -> tuple[bytes, str]:
    """The file's bytes and suffix; any image the station can show (JPEG, PNG...)."""
    data = Path(path).read_bytes()
    return data, Path(path).suffix or ".jpg"


def running_camera(bridge: Any | None) -> Any | None:
    """A camera source the scan bridge already runs, if any."""
    if bridge is None:
        return None
    from hardware.camera import CameraSource

    for info in getattr(bridge, "sources", []):
        source = getattr(info, "source", None)
        if isinstance(source, CameraSource) and not source.is_file:
            return source
    return None
