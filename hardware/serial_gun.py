"""Serial (COM / USB virtual COM) and network scanners: one pyserial reader thread per gun.

Every read has a timeout, the line buffer is bounded, and a read that cannot be
a scan (invalid text in the configured encoding, control characters from line
noise or a wrong baud rate, a line longer than ``max_line`` with no terminator)
is reported with its reason through ``on_reject`` while the reader keeps going.
A gun that disappears (unplugged, the scanner rebooted, the network dropped) is
reopened by itself; the state goes connected → scanner disconnected →
reconnecting → connected, which the UI shows. A gun named by USB identity
(``serial:usb:VID:PID[:SERIAL]``) is looked up again on every reconnect, so it
is found whatever COM number Windows gives it after re-plugging.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import serial
from serial.tools import list_ports
from serial.urlhandler import protocol_socket

from hardware.i18n import QT_TRANSLATE_NOOP
from hardware.scan import Scan
from hardware.source import Rejection, Source, SourceState
from hardware.spec import TERMINATORS, SourceSpec, UsbId

READ_TIMEOUT_S = 0.05
RECONNECT_MIN_S = 0.1
RECONNECT_MAX_S = 1.0
DEFAULT_MAX_LINE = 4096
DEFAULT_IDLE_MS = 120
_ALLOWED_CONTROLS = {
    "\x1d",
    "\x1e",
    "\x1c",
    "\x04",
}  # GS, RS, FS, EOT: GS1 and ISO 15434 separators
_HEAD = 48  # bytes of a rejected read kept for diagnosis

PortFinder = Callable[[], Sequence[Any]]


class LineFramer:
    """Cuts a byte stream into reads at the terminator, within a bounded buffer.

    ``feed`` returns ``(payload, terminator)`` pairs. A read that cannot be one
    lands in ``rejected`` as ``(reason, head)``: ``"too_long"`` for a line that
    grew past ``max_line`` (the rest of it, up to the next terminator or the
    next pause, is dropped with it), ``"no_terminator"`` for bytes the gun left
    without its terminator before going quiet. Either way the framer starts
    afresh, so the gun's next code is read whole: a pause always ends a read.
    """

    def __init__(self, terminator: str = "AUTO", max_line: int = DEFAULT_MAX_LINE) -> None:
        self.mode = terminator.upper()
        self.max_line = max_line
        self._buffer = bytearray()
        self._discarding = False
        self.rejected: list[tuple[str, bytes]] = []

    @property
    def pending(self) -> bool:
        """Whether a read is under way (bytes buffered, or an over-long read being dropped)."""
        return bool(self._buffer) or self._discarding

    def feed(self, data: bytes) -> list[tuple[bytes, bytes]]:
        """Complete reads in ``data`` (with what was buffered), each with the terminator that ended it."""
        self._buffer += data
        lines: list[tuple[bytes, bytes]] = []
        if self.mode == "NONE":
            self._check_length()
            return lines
        buffer = self._buffer
        start = 0
        while True:
            end, term_len = self._find_terminator(buffer, start)
            if end < 0:
                break
            payload = bytes(buffer[start:end])
            terminator = bytes(buffer[end : end + term_len])
            start = end + term_len
            if self._discarding:
                self._discarding = False
                continue
            if len(payload) > self.max_line:
                self.rejected.append(("too_long", payload[:_HEAD]))
                continue
            if payload:
                lines.append((payload, terminator))
        del buffer[:start]
        self._check_length()
        return lines

    def take_idle(self) -> bytes | None:
        """The gun went quiet: the read it left, if it is one (AUTO and NONE end reads at a pause).

        With an explicit terminator, bytes left without it are the start of a
        code the gun never finished: reported as ``"no_terminator"`` rather than
        glued to the front of the next code. An over-long read ends here too.
        """
        discarding, self._discarding = self._discarding, False
        if not self._buffer:
            return None
        payload = bytes(self._buffer)
        self._buffer.clear()
        if discarding:
            return None  # the tail of an over-long read, already reported
        if self.mode in ("AUTO", "NONE"):
            return payload
        self.rejected.append(("no_terminator", payload[:_HEAD]))
        return None

    def reset(self) -> bytes:
        """Drop the buffer (the port went away mid-read); returns what was lost."""
        lost = bytes(self._buffer) if not self._discarding else b""
        self._buffer.clear()
        self._discarding = False
        return lost

    def _find_terminator(self, buffer: bytearray, start: int) -> tuple[int, int]:
        if self.mode == "AUTO":
            cr = buffer.find(b"\r", start)
            lf = buffer.find(b"\n", start)
            hits = [i for i in (cr, lf) if i >= 0]
            if not hits:
                return -1, 0
            end = min(hits)
            if buffer[end : end + 2] == b"\r\n":
                return end, 2
            return end, 1
        terminator = TERMINATORS[self.mode]
        return buffer.find(terminator, start), len(terminator)

    def _check_length(self) -> None:
        if len(self._buffer) > self.max_line:
            if not self._discarding:
                self.rejected.append(("too_long", bytes(self._buffer[:_HEAD])))
                self._discarding = True
            self._buffer.clear()


def decode_read(payload: bytes, encoding: str, source: str) -> tuple[str | None, Rejection | None]:
    """The text of one read, or why it cannot be a scan."""
    try:
        text = payload.decode(encoding)
    except UnicodeDecodeError as exc:
        return None, Rejection(
            source,
            "encoding",
            QT_TRANSLATE_NOOP(
                "Scanners",
                "The scanner sent bytes that are not {encoding} text ({bytes}). Set the port's encoding to what the gun sends (utf-8 or gbk).",
            ),
            {"encoding": encoding, "bytes": payload[max(0, exc.start - 4) : exc.end + 4].hex(" ")},
            payload[:_HEAD],
        )
    bad = [
        c for c in text if (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0) and c not in _ALLOWED_CONTROLS
    ]
    if bad or "\ufffd" in text:
        return None, Rejection(
            source,
            "control_chars",
            QT_TRANSLATE_NOOP(
                "Scanners",
                "The scanner sent control characters ({bytes}) that no code contains: line noise or a wrong baud rate or parity. Check the port settings against the gun.",
            ),
            {"bytes": " ".join(f"{ord(c):02x}" for c in (bad or ["\ufffd"])[:8])},
            payload[:_HEAD],
        )
    return text, None


def find_usb_port(usb: UsbId, ports: Sequence[Any]) -> str | None:
    """The device path of the gun with this USB identity among ``ports`` (first by name if several)."""
    matches = sorted(
        p.device
        for p in ports
        if p.vid == usb.vid
        and p.pid == usb.pid
        and (usb.serial_number is None or (p.serial_number or "") == usb.serial_number)
    )
    return matches[0] if matches else None


_FRAMING_MESSAGES = {
    "too_long": QT_TRANSLATE_NOOP(
        "Scanners",
        "The scanner sent more than {limit} bytes without an end-of-code character; the read was dropped. Check the port's terminator setting against the gun's suffix.",
    ),
    "no_terminator": QT_TRANSLATE_NOOP(
        "Scanners",
        "The scanner stopped in the middle of a code (its end-of-code character never came), so it was not read. Scan it again; if this happens on every scan, set the port's terminator to the gun's suffix.",
    ),
}


class _SocketPort(protocol_socket.Serial):
    """pyserial's ``socket://`` port without the input flush at open.

    The flush would drop a scan the scanner sends the moment the connection is
    up (some fixed-mount scanners send a buffered read on connect).
    """

    _opening = False

    def open(self) -> None:
        self._opening = True
        try:
            super().open()
        finally:
            self._opening = False

    def reset_input_buffer(self) -> None:
        if not self._opening:
            super().reset_input_buffer()


Port = serial.Serial | _SocketPort  # what ``SerialGun._open`` reads from


class SerialGun(Source):
    """One serial or TCP gun: ``serial:PORT?...``, ``serial:usb:VID:PID``, ``tcp:HOST:PORT``."""

    def __init__(self, spec: SourceSpec, port_finder: PortFinder = list_ports.comports) -> None:
        super().__init__(spec.name)
        self.spec = spec
        self._port_finder = port_finder
        self.encoding = spec.encoding
        self.max_line = spec.get_int("max_line", DEFAULT_MAX_LINE)
        self.idle_s = spec.get_int("idle_ms", DEFAULT_IDLE_MS) / 1000
        self.gs_substitute = spec.options.get("gs", "")
        self.prefix = spec.options.get("prefix", "")
        self.suffix = spec.options.get("suffix", "")
        self.device = ""  # the port actually opened (the resolved COM number for usb:)
        self.reads = 0
        self.rejections = 0

    # -- opening -------------------------------------------------------------------

    def _url(self) -> str:
        if self.spec.kind == "tcp":
            return f"socket://{self.spec.target}"
        usb = self.spec.usb
        if usb is None:
            return self.spec.target
        device = find_usb_port(usb, self._port_finder())
        if device is None:
            raise serial.SerialException(f"no USB serial port with id {usb} is plugged in")
        return device

    def _open(self) -> Port:
        url = self._url()
        options = self.spec.options
        port: Port
        if self.spec.kind == "tcp":
            port = _SocketPort(url, timeout=READ_TIMEOUT_S, write_timeout=1.0)
        else:
            port = serial.serial_for_url(
                url,
                baudrate=int(options.get("baud", 9600)),
                bytesize=int(options.get("bytesize", 8)),
                parity=options.get("parity", "N").upper(),
                stopbits={"1": 1, "1.5": 1.5, "2": 2}[options.get("stopbits", "1")],
                rtscts=self.spec.get_bool("rtscts", False),
                xonxoff=self.spec.get_bool("xonxoff", False),
                timeout=READ_TIMEOUT_S,
                write_timeout=1.0,
                exclusive=True,
            )
        self.device = url
        return port

    # -- the reader thread ---------------------------------------------------------------

    def _run(self, stop: threading.Event) -> None:
        backoff = RECONNECT_MIN_S
        lost = False
        while not stop.is_set():
            try:
                port = self._open()
            except (serial.SerialException, OSError, ValueError) as exc:
                self.detail = str(exc)
                self._set_state(SourceState.RECONNECTING if lost else SourceState.DISCONNECTED)
                lost = True
                stop.wait(backoff)
                backoff = min(backoff * 2, RECONNECT_MAX_S)
                continue
            backoff = RECONNECT_MIN_S
            self.detail = self.device
            self._set_state(SourceState.CONNECTED)
            framer = LineFramer(self.spec.terminator, self.max_line)
            try:
                self._read_loop(port, framer, stop)
            except (serial.SerialException, OSError) as exc:
                self.detail = str(exc)
                lost = True
                self._set_state(SourceState.DISCONNECTED)
            finally:
                with contextlib.suppress(serial.SerialException, OSError):
                    port.close()
                partial = framer.reset()
                if partial and not stop.is_set():
                    self._reject_read(
                        "disconnected",
                        QT_TRANSLATE_NOOP(
                            "Scanners",
                            "The scanner was disconnected in the middle of a code; scan that code again.",
                        ),
                        {},
                        partial,
                    )
            if lost and not stop.is_set():
                stop.wait(RECONNECT_MIN_S)

    def _read_loop(self, port: Port, framer: LineFramer, stop: threading.Event) -> None:
        last_byte = time.monotonic()
        while not stop.is_set():
            data = port.read(1)
            if data:
                waiting = port.in_waiting
                if waiting:
                    data += port.read(waiting)
                last_byte = time.monotonic()
                lines = framer.feed(data)
                self._report_rejected(framer)
                for payload, terminator in lines:
                    self._deliver(payload, terminator.decode("ascii"))
            elif framer.pending and time.monotonic() - last_byte >= self.idle_s:
                payload = framer.take_idle() or b""
                self._report_rejected(framer)
                code = payload.rstrip(b"\r\n")
                if code:  # a CR or LF the gun sent is its terminator, even where none is awaited
                    self._deliver(code, payload[len(code) :].decode("ascii") or None)

    def _deliver(self, payload: bytes, terminator: str | None) -> None:
        text, rejection = decode_read(payload, self.encoding, self.name)
        if rejection is not None:
            self.rejections += 1
            self._reject(rejection)
            return
        self.reads += 1
        self._emit(
            Scan(
                text=self._compensated(text or ""),
                source=self.name,
                raw=payload,
                terminator=terminator,
            )
        )

    def _compensated(self, text: str) -> str:
        """Undo what the gun adds or replaces (set by the self-test wizard, or by hand)."""
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix) :]
        if self.suffix and text.endswith(self.suffix):
            text = text[: -len(self.suffix)]
        if self.gs_substitute:
            text = text.replace(self.gs_substitute, "\x1d")
        return text

    def _report_rejected(self, framer: LineFramer) -> None:
        """Say why each read the framer dropped was not a scan (in the order it dropped them)."""
        while framer.rejected:
            reason, head = framer.rejected.pop(0)
            message, params = _FRAMING_MESSAGES[reason], {"limit": str(self.max_line)}
            self._reject_read(reason, message, params if reason == "too_long" else {}, head)

    def _reject_read(self, reason: str, message: str, params: dict[str, str], raw: bytes) -> None:
        self.rejections += 1
        self._reject(Rejection(self.name, reason, message, params, raw[:_HEAD]))
