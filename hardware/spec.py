"""Source specs: one short string names a scanner and its settings.

Settings, the ``scan-test`` command and the demo all describe a scanner the
same way, so IT can copy a spec from one to the other::

    wedge
    serial:COM3?baud=9600&bytesize=8&parity=N&stopbits=1&terminator=CR&encoding=gbk
    serial:usb:0483:5740[:SERIAL]      (found by USB VID:PID[:serial], whatever COM number it gets)
    tcp:10.0.0.5:2001                  (a network / fixed-mount scanner, via pyserial socket://)
    camera:0 | camera:rtsp://host/stream
    file:carton.avi | image:label.png
    sim
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from hardware.i18n import QT_TRANSLATE_NOOP

KINDS = ("wedge", "serial", "tcp", "camera", "file", "image", "sim")

TERMINATORS = {
    "CR": b"\r",
    "LF": b"\n",
    "CRLF": b"\r\n",
    "TAB": b"\t",
    "ETX": b"\x03",
    "AUTO": b"",  # CR, LF or CRLF, and a pause
    "NONE": b"",  # only a pause ends a read
}

_LINE_OPTIONS = {
    "baud",
    "bytesize",
    "parity",
    "stopbits",
    "terminator",
    "encoding",
    "max_line",
    "idle_ms",
    "rtscts",
    "xonxoff",
    "gs",  # text the gun sends instead of GS (0x1D), turned back into GS
    "prefix",  # stripped from the front of every read that starts with it
    "suffix",  # stripped from the end of every read that ends with it
}
_VIDEO_OPTIONS = {"dedup_s", "preview_fps", "pace", "loop", "width", "height"}
OPTIONS = {
    "wedge": set(),
    "serial": _LINE_OPTIONS,
    "tcp": _LINE_OPTIONS - {"baud", "bytesize", "parity", "stopbits", "rtscts", "xonxoff"},
    "camera": _VIDEO_OPTIONS,
    "file": _VIDEO_OPTIONS,
    "image": set(),
    "sim": {"rate", "text", "count"},
}


class SpecError(ValueError):
    """A spec the operator typed cannot be used; ``message`` says why in plain words."""

    def __init__(self, message: str, **params: str) -> None:
        self.message = message
        self.params = params
        super().__init__(message.format(**params))


@dataclass(frozen=True, slots=True)
class UsbId:
    """A USB serial adapter by identity, so a re-plugged gun is found on any COM number."""

    vid: int
    pid: int
    serial_number: str | None = None

    def __str__(self) -> str:
        text = f"usb:{self.vid:04x}:{self.pid:04x}"
        return f"{text}:{self.serial_number}" if self.serial_number else text


@dataclass(frozen=True, slots=True)
class SourceSpec:
    kind: str
    target: str = ""
    options: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The source name scans carry (``Scan.source``): the spec without its options."""
        return f"{self.kind}:{self.target}" if self.target else self.kind

    def __str__(self) -> str:
        return f"{self.name}?{urlencode(self.options)}" if self.options else self.name

    # -- typed option access ----------------------------------------------------

    def get_int(self, key: str, default: int) -> int:
        return int(self.options.get(key, default))

    def get_float(self, key: str, default: float) -> float:
        return float(self.options.get(key, default))

    def get_bool(self, key: str, default: bool) -> bool:
        value = self.options.get(key)
        return default if value is None else value.lower() in ("1", "true", "yes", "on")

    @property
    def usb(self) -> UsbId | None:
        if self.kind != "serial" or not self.target.lower().startswith("usb:"):
            return None
        return _parse_usb(self.target)

    @property
    def terminator(self) -> str:
        return self.options.get("terminator", "AUTO").upper()

    @property
    def encoding(self) -> str:
        return self.options.get("encoding", "utf-8")

    def with_options(self, **changes: str | None) -> SourceSpec:
        """A copy with options set (or removed when None): the wizard's compensations use it."""
        options = dict(self.options)
        for key, value in changes.items():
            if value is None:
                options.pop(key, None)
            else:
                options[key] = value
        return parse(str(SourceSpec(self.kind, self.target, options)))


def _parse_usb(target: str) -> UsbId:
    parts = target.split(":")
    if len(parts) not in (3, 4):
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "Scanners", "A USB port is written usb:VID:PID or usb:VID:PID:SERIAL, not {target}."
            ),
            target=target,
        )
    try:
        vid, pid = int(parts[1], 16), int(parts[2], 16)
    except ValueError:
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "Scanners",
                "USB vendor and product ids are hexadecimal numbers, as in usb:0483:5740.",
            ),
        ) from None
    return UsbId(vid, pid, parts[3] if len(parts) == 4 and parts[3] else None)


def _split_options(kind: str, rest: str) -> tuple[str, dict[str, str]]:
    """Options follow the last ``?`` when they are this kind's options (a stream URL keeps its own query)."""
    if "?" not in rest:
        return rest, {}
    target, _, query = rest.rpartition("?")
    pairs = parse_qsl(query, keep_blank_values=True)
    known = OPTIONS[kind]
    if pairs and all(key in known for key, _ in pairs):
        return target, dict(pairs)
    if "://" in rest:
        return rest, {}
    unknown = sorted({key for key, _ in pairs} - known) or [query]
    raise SpecError(
        QT_TRANSLATE_NOOP(
            "Scanners", "Unknown setting {name} for a {kind} scanner. Known settings: {known}."
        ),
        name=unknown[0],
        kind=kind,
        known=", ".join(sorted(known)) or "-",
    )


def _check_options(kind: str, options: dict[str, str]) -> None:
    def bad(name: str, allowed: str) -> SpecError:
        return SpecError(
            QT_TRANSLATE_NOOP(
                "Scanners", "The setting {name}={value} is not valid; use {allowed}."
            ),
            name=name,
            value=options[name],
            allowed=allowed,
        )

    numeric = {
        "baud": (50, 4_000_000),
        "bytesize": (5, 8),
        "max_line": (16, 1_000_000),
        "idle_ms": (0, 60_000),
        "width": (16, 10_000),
        "height": (16, 10_000),
        "count": (1, 10_000_000),
    }
    for name, (low, high) in numeric.items():
        if name in options:
            try:
                value = int(options[name])
            except ValueError:
                raise bad(name, f"a whole number from {low} to {high}") from None
            if not low <= value <= high:
                raise bad(name, f"a whole number from {low} to {high}")
    for name in ("dedup_s", "preview_fps", "rate"):
        if name in options:
            try:
                if float(options[name]) < 0:
                    raise ValueError
            except ValueError:
                raise bad(name, "a number of zero or more") from None
    if "parity" in options and options["parity"].upper() not in ("N", "E", "O", "M", "S"):
        raise bad("parity", "N, E, O, M or S")
    if "stopbits" in options and options["stopbits"] not in ("1", "1.5", "2"):
        raise bad("stopbits", "1, 1.5 or 2")
    if "terminator" in options and options["terminator"].upper() not in TERMINATORS:
        raise bad("terminator", ", ".join(TERMINATORS))
    if "encoding" in options:
        try:
            codecs.lookup(options["encoding"])
        except LookupError:
            raise bad("encoding", "utf-8 or gbk") from None
    for name in ("rtscts", "xonxoff", "pace", "loop"):
        if name in options and options[name].lower() not in (
            "0",
            "1",
            "true",
            "false",
            "yes",
            "no",
            "on",
            "off",
        ):
            raise bad(name, "0 or 1")


def parse(text: str) -> SourceSpec:
    """Read a spec string; raise ``SpecError`` with a plain-words message when it cannot be used."""
    text = text.strip()
    head = re.match(r"([A-Za-z]*)(.*)", text, re.DOTALL)
    kind, rest = (head.group(1).lower(), head.group(2)) if head else ("", text)
    if kind not in KINDS:
        raise SpecError(
            QT_TRANSLATE_NOOP("Scanners", "Unknown scanner type {kind}. Use one of: {kinds}."),
            kind=kind or text,
            kinds=", ".join(KINDS),
        )
    if rest.startswith(":"):
        rest = rest[1:]
    elif rest and not rest.startswith("?"):
        raise SpecError(
            QT_TRANSLATE_NOOP("Scanners", "Unknown scanner type {kind}. Use one of: {kinds}."),
            kind=text,
            kinds=", ".join(KINDS),
        )
    if kind in ("wedge", "sim"):
        target, options = _split_options(kind, rest) if rest else ("", {})
        if target:
            raise SpecError(
                QT_TRANSLATE_NOOP("Scanners", "{kind} takes no port or address."), kind=kind
            )
        _check_options(kind, options)
        return SourceSpec(kind, "", options)
    if not rest:
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "Scanners", "{kind} needs a port, address or file after the colon, as in {example}."
            ),
            kind=kind,
            example={
                "serial": "serial:COM3?baud=9600",
                "tcp": "tcp:10.0.0.5:2001",
                "camera": "camera:0",
                "file": "file:video.avi",
                "image": "image:label.png",
            }[kind],
        )
    target, options = _split_options(kind, rest)
    _check_options(kind, options)
    if kind == "serial" and target.lower().startswith("usb:"):
        target = str(_parse_usb(target))
    if kind == "tcp":
        host, sep, port = target.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise SpecError(
                QT_TRANSLATE_NOOP(
                    "Scanners",
                    "A network scanner is written tcp:HOST:PORT, as in tcp:10.0.0.5:2001.",
                ),
            )
    if kind == "camera" and "://" not in target and not target.isdigit():
        raise SpecError(
            QT_TRANSLATE_NOOP(
                "Scanners",
                "A camera is a device number (camera:0) or a stream URL (camera:rtsp://…).",
            ),
        )
    return SourceSpec(kind, target, options)
