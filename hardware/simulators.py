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
import os
import queue
import socket
import threading
import time
from collections.abc import Iterable
from pathlib import Path

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
