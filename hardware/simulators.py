"""Scanners without hardware: for the tests, the benchmark and the demo.

- ``SimSource``: an in-process gun (spec ``sim``) that scans a list of codes
  at a rate, or whatever ``push()`` is given; works on every OS.
- ``VirtualSerialGun``: a serial gun on a real pseudo-terminal. The station
  opens its port path with pyserial exactly as it opens ``/dev/ttyUSB0``; the
  gun can type scans at a given rate, be unplugged and plugged in again.
- ``TcpGunServer``: a network scanner on loopback, for ``tcp:HOST:PORT``.
- ``frame_with_codes`` / ``write_video``: camera frames with codes drawn in
  under rotation, perspective, blur, noise, low contrast, glare and small modules.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import queue
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hardware.scan import Scan
from hardware.source import Source, SourceState
from hardware.spec import SourceSpec

GS = "\x1d"


def demo_codes(count: int, gtin: str = "06901234567892", prefix: str = "SIM") -> list[str]:
    """GS1 element strings for serialized items (AI 01 + 21), as a gun would send them."""
    return [f"01{gtin}21{prefix}{n:06d}" for n in range(1, count + 1)]


class SimSource(Source):
    """A gun in the same process: ``sim?rate=2&text=A|B|C&count=10``, plus ``push()`` for the demo."""

    def __init__(self, spec: SourceSpec) -> None:
        super().__init__(spec.name)
        self.rate = spec.get_float("rate", 0.0)
        texts = spec.options.get("text")
        self.texts = texts.split("|") if texts else demo_codes(100)
        self.count = spec.get_int("count", len(self.texts)) if self.rate else 0
        self._pushed: queue.Queue[str] = queue.Queue()

    def push(self, text: str) -> None:
        """Scan ``text`` now (the demo's "simulate a scan" button)."""
        self._pushed.put(text)

    def _run(self, stop: threading.Event) -> None:
        self._set_state(SourceState.CONNECTED)
        interval = 1.0 / self.rate if self.rate else None
        sent = 0
        next_at = time.monotonic()
        while not stop.is_set():
            timeout = (
                0.1
                if interval is None or sent >= self.count
                else max(0.0, next_at - time.monotonic())
            )
            try:
                text = self._pushed.get(timeout=min(timeout, 0.1))
            except queue.Empty:
                text = None
            if text is not None:
                self._emit(Scan(text=text, source=self.name, terminator="\r"))
                continue
            if interval is not None and sent < self.count and time.monotonic() >= next_at:
                self._emit(
                    Scan(text=self.texts[sent % len(self.texts)], source=self.name, terminator="\r")
                )
                sent += 1
                next_at += interval


class VirtualSerialGun:
    """A serial gun on a pseudo-terminal; ``path`` is a stable symlink that survives re-plugging.

    Unplugging closes the pty master, exactly what the kernel does to a
    USB-serial port pulled out: the reader's next read fails with EIO. Plugging
    in again opens a new pty (a new ``/dev/pts/N``, like a new COM number) and
    points ``path`` at it.
    """

    def __init__(self, directory: Path, name: str = "ttyGUN0") -> None:
        self.path = Path(directory) / name
        self.device = ""
        self._master: int | None = None
        self._slave: int | None = None
        self._lock = threading.Lock()
        self.plug()

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def plug(self) -> str:
        """Connect (again); returns the new device path."""
        import tty

        with self._lock:
            if self._master is not None:
                return self.device
            master, slave = os.openpty()
            tty.setraw(slave)  # no echo, no CR/LF translation: bytes arrive as the gun sent them
            self._master, self._slave = master, slave
            self.device = os.ttyname(slave)
            tmp = self.path.with_name(self.path.name + ".new")
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            tmp.symlink_to(self.device)
            tmp.replace(self.path)
            return self.device

    def unplug(self) -> None:
        with self._lock:
            for fd in (self._master, self._slave):
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.close(fd)
            self._master = self._slave = None

    def write(self, data: bytes) -> None:
        """Send bytes as the gun would (blocks while the station's reader is behind, as a UART does)."""
        view = memoryview(data)
        while view:
            master = self._master
            if master is None:
                raise ConnectionError("the virtual gun is unplugged")
            try:
                written = os.write(master, view)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EINTR):
                    time.sleep(0.001)
                    continue
                raise ConnectionError(str(exc)) from exc
            view = view[written:]

    def scan(self, text: str, terminator: bytes = b"\r", encoding: str = "utf-8") -> None:
        self.write(text.encode(encoding) + terminator)

    def scan_many(self, texts: Iterable[str], rate: float = 0.0, terminator: bytes = b"\r") -> int:
        """Type ``texts`` at ``rate`` scans/s (0: as fast as the port takes them); returns how many."""
        interval = 1.0 / rate if rate else 0.0
        next_at = time.monotonic()
        sent = 0
        for text in texts:
            if interval:
                delay = next_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                next_at += interval
            self.scan(text, terminator)
            sent += 1
        return sent

    def close(self) -> None:
        self.unplug()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def __enter__(self) -> VirtualSerialGun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class TcpGunServer:
    """A fixed-mount network scanner on loopback: it accepts the station and sends it scans."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._listener = socket.create_server((host, port))
        self._listener.settimeout(0.1)
        self.host, self.port = self._listener.getsockname()[:2]
        self._client: socket.socket | None = None
        self._connected = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="tcp gun", daemon=True)
        self._thread.start()

    @property
    def spec(self) -> str:
        return f"tcp:{self.host}:{self.port}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            old, self._client = self._client, client
            if old is not None:
                with contextlib.suppress(OSError):
                    old.close()
            self._connected.set()

    def wait_connected(self, timeout: float = 5.0) -> bool:
        return self._connected.wait(timeout)

    def scan(self, text: str, terminator: bytes = b"\r", encoding: str = "utf-8") -> None:
        client = self._client
        if client is None:
            raise ConnectionError("no station connected")
        client.sendall(text.encode(encoding) + terminator)

    def drop_connection(self) -> None:
        """The scanner reboots or the cable is pulled: the station must reconnect by itself."""
        self._connected.clear()
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()

    def close(self) -> None:
        self._stop.set()
        self.drop_connection()
        self._listener.close()
        self._thread.join(2)

    def __enter__(self) -> TcpGunServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- camera frames -------------------------------------------------------------------------

CONDITIONS = (
    "clean",
    "rotation",
    "perspective",
    "blur",
    "noise",
    "low_contrast",
    "glare",
    "small_modules",
)
SYMBOLOGIES = ("qr", "datamatrix", "gs1-128", "ean13")
FRAME_SIZE = (1280, 720)


@dataclass(frozen=True, slots=True)
class DrawnCode:
    """A code to draw: ``content`` is what the writer takes, ``text`` what a reader must return."""

    symbology: str
    content: str
    text: str


def _ean13(body12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def sample_code(symbology: str, n: int) -> DrawnCode:
    """The n-th sample code of a symbology, shaped like the product's real codes."""
    gtin = "06901234567892"
    if symbology == "qr":
        text = f"https://t.yima.example/q/Yk{n:05d}aZ"
        return DrawnCode("qr", text, text)
    if symbology == "datamatrix":
        serial, batch = f"Sn{n:06d}", f"L{n % 97:02d}A"
        return DrawnCode(
            "datamatrix", f"(01){gtin}(21){serial}(10){batch}", f"01{gtin}21{serial}{GS}10{batch}"
        )
    if symbology == "gs1-128":
        batch = f"B{n:04d}"
        return DrawnCode("gs1-128", f"(01){gtin}(10){batch}", f"01{gtin}10{batch}")
    if symbology == "ean13":
        text = _ean13(f"690{n:09d}"[:12])
        return DrawnCode("ean13", text, text)
    raise ValueError(f"unknown symbology {symbology}")


def code_modules(code: DrawnCode) -> Any:
    """The code as a 0/255 uint8 image at one pixel per module, quiet zone included."""
    import numpy as np
    import zxingcpp

    formats = {
        "qr": zxingcpp.BarcodeFormat.QRCode,
        "datamatrix": zxingcpp.BarcodeFormat.DataMatrix,
        "gs1-128": zxingcpp.BarcodeFormat.Code128,
        "ean13": zxingcpp.BarcodeFormat.EAN13,
    }
    options = {"gs1": True} if code.symbology in ("datamatrix", "gs1-128") else {}
    barcode = zxingcpp.create_barcode(code.content, formats[code.symbology], **options)
    image = np.array(barcode.to_image(scale=1, add_quiet_zones=True), dtype=np.uint8)
    if code.symbology in ("gs1-128", "ean13"):
        image = np.repeat(
            image[:1], max(12, image.shape[1] // 5), axis=0
        )  # bars, one module tall -> a label
    return image


def _label(code: DrawnCode, module_px: float) -> Any:
    import cv2

    modules = cv2.copyMakeBorder(
        code_modules(code), 4, 4, 4, 4, cv2.BORDER_CONSTANT, value=255
    )  # the paper
    height, width = modules.shape
    size = (max(1, round(width * module_px)), max(1, round(height * module_px)))
    return cv2.resize(
        modules, size, interpolation=cv2.INTER_AREA if module_px < 1.5 else cv2.INTER_NEAREST
    )


def _background(rng: Any, size: tuple[int, int]) -> Any:
    import cv2
    import numpy as np

    width, height = size
    coarse = rng.integers(90, 200, size=(9, 16), dtype=np.uint8)
    return cv2.resize(coarse, (width, height), interpolation=cv2.INTER_CUBIC)


def _place(
    canvas: Any, label: Any, center: tuple[float, float], angle: float, tilt: float, rng: Any
) -> None:
    """Warp the label onto the canvas: rotated by ``angle``, with ``tilt`` of perspective."""
    import cv2
    import numpy as np

    h, w = label.shape
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    corners = src - np.array([w / 2, h / 2], np.float32)
    if tilt:
        squeeze = 1 - tilt * rng.uniform(0.5, 1.0)
        side = rng.integers(0, 4)
        if side == 0:
            corners[[0, 1], 0] *= squeeze  # top edge shorter: leaning away
        elif side == 1:
            corners[[2, 3], 0] *= squeeze
        elif side == 2:
            corners[[1, 2], 1] *= squeeze
        else:
            corners[[0, 3], 1] *= squeeze
    theta = np.deg2rad(angle)
    rotation = np.array(
        [[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]], np.float32
    )
    dst = corners @ rotation.T + np.array(center, np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    size = (canvas.shape[1], canvas.shape[0])
    warped = cv2.warpPerspective(label, matrix, size, flags=cv2.INTER_LINEAR, borderValue=255)
    mask = cv2.warpPerspective(np.full_like(label, 255), matrix, size, flags=cv2.INTER_NEAREST)
    canvas[mask > 0] = warped[mask > 0]


def frame_with_codes(
    codes: list[DrawnCode],
    condition: str = "clean",
    seed: int = 0,
    size: tuple[int, int] = FRAME_SIZE,
) -> Any:
    """A BGR camera frame with ``codes`` on labels, under one imaging ``condition``.

    One code sits near the middle; several are laid out in a grid (a camera over
    an open carton). Deterministic for a given seed, so decoders are compared
    on the same frames.
    """
    import cv2
    import numpy as np

    if condition not in CONDITIONS:
        raise ValueError(f"unknown condition {condition}")
    rng = np.random.default_rng(seed)
    width, height = size
    canvas = _background(rng, size)
    columns = min(6, math.ceil(math.sqrt(len(codes) * width / height))) if len(codes) > 1 else 1
    rows = -(-len(codes) // columns)
    cell_w, cell_h = width / columns, height / rows
    centers: list[tuple[float, float, int]] = []
    for index, code in enumerate(codes):
        module_px = 2.0 if condition == "small_modules" else (4.0 if len(codes) == 1 else 3.0)
        if code.symbology in ("gs1-128", "ean13"):
            module_px = 1.6 if condition == "small_modules" else (3.0 if len(codes) == 1 else 2.2)
        label = _label(code, module_px)
        label_h, label_w = label.shape
        fit = min(1.0, 0.86 * cell_w / label_w, 0.86 * cell_h / label_h)
        if fit < 1.0:
            label = cv2.resize(
                label,
                (max(1, int(label_w * fit)), max(1, int(label_h * fit))),
                interpolation=cv2.INTER_AREA,
            )
        row, column = divmod(index, columns)
        jitter = 0.06 * min(cell_w, cell_h)
        half_w, half_h = label.shape[1] * 0.6, label.shape[0] * 0.6 + label.shape[1] * 0.1
        center = (  # jittered, but never pushed over the frame's edge (that would cut the quiet zone)
            float(
                np.clip(
                    (column + 0.5) * cell_w + rng.uniform(-jitter, jitter), half_w, width - half_w
                )
            ),
            float(
                np.clip(
                    (row + 0.5) * cell_h + rng.uniform(-jitter, jitter), half_h, height - half_h
                )
            ),
        )
        angle = rng.uniform(-8, 8)
        if condition == "rotation":
            angle = rng.uniform(15, 345)
        tilt = 0.35 if condition == "perspective" else 0.0
        _place(canvas, label, center, angle, tilt, rng)
        centers.append((center[0], center[1], max(label.shape)))
    image = canvas.astype(np.float32)
    if condition == "low_contrast":
        image = 120 + (image - image.mean()) * 0.22
    elif condition == "blur":
        image = cv2.GaussianBlur(image, (0, 0), 1.7)
    elif condition == "noise":
        image = image + rng.normal(0, 32, image.shape)
    elif condition == "glare":
        glare = np.zeros_like(image)
        for cx, cy, extent in centers:  # a reflection over part of every label
            offset = rng.uniform(-0.35, 0.35, 2) * extent
            axes = (int(extent * rng.uniform(0.3, 0.5)), int(extent * rng.uniform(0.2, 0.35)))
            center_px = (int(cx + offset[0]), int(cy + offset[1]))
            cv2.ellipse(glare, center_px, axes, rng.uniform(0, 180), 0, 360, 150, -1)
        image = image + cv2.GaussianBlur(
            glare, (0, 0), max(4.0, float(np.median([c[2] for c in centers])) / 8)
        )
    image = cv2.GaussianBlur(image, (0, 0), 0.6)  # every camera blurs a little
    gray = np.clip(image, 0, 255).astype(np.uint8)
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)


def carton_codes(count: int = 24, symbology: str = "datamatrix", start: int = 1) -> list[DrawnCode]:
    """The caps a camera sees over an open carton."""
    return [sample_code(symbology, start + n) for n in range(count)]


def write_video(
    path: Path, frames: Iterable[Any], fps: float = 30.0, size: tuple[int, int] = FRAME_SIZE
) -> Path:
    """Write frames as an MJPG .avi (OpenCV can always read it back, no codec licence needed)."""
    import cv2

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    if not writer.isOpened():
        raise OSError(f"cannot write video {path}")
    try:
        for frame in frames:
            writer.write(frame)
    finally:
        writer.release()
    return path
