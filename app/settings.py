"""Station options an operator or installer changes: one JSON file in the data directory.

Qt-free so that commands, tests and the UI read the same values. The file is
small and written rarely, so every change rewrites it atomically (temp file,
fsync, rename): a power cut leaves either the old or the new file, never half.
Unknown keys are kept, so a newer version's options survive a downgrade, and a
damaged file falls back to defaults (and is kept aside) instead of stopping a
station at start-up.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

SETTINGS_FILENAME = "settings.json"
LANGUAGES = ("zh_CN", "en")
LABEL_PRINTERS = ("none", "system", "zpl", "tspl")

log = logging.getLogger(__name__)

T = TypeVar("T")


def _keep(value: Any) -> Any:
    return value


class Option(Generic[T]):
    """One station option, declared once: its type, default and meaning (its ``label``).

    Stored in the file under the attribute's name. ``clean`` turns a value into
    what is stored (clamps, trims, or raises ValueError to refuse it) and is
    applied to what is read too, so a hand-edited file cannot hand out a value
    a setter would refuse; ``show`` turns the stored value into what callers see
    (``""`` → None). A stored value of the wrong type reads as the default.
    """

    def __init__(
        self,
        kind: type,
        default: T,
        label: str,
        *,
        clean: Callable[[Any], Any] = _keep,
        show: Callable[[Any], T] = _keep,
    ) -> None:
        self.kind, self.default, self.label = kind, default, label
        self.clean, self.show = clean, show
        self.__doc__ = label
        self.key = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = name

    def __get__(self, settings: Settings | None, owner: type) -> Any:
        if settings is None:
            return self
        value = settings.get(self.key, self.default)
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.kind) or (self.kind is not bool and isinstance(value, bool)):
            value = self.default
        try:
            return self.show(self.clean(value))
        except ValueError:
            return self.show(self.default)

    def __set__(self, settings: Settings, value: Any) -> None:
        settings.set(self.key, self.clean(value))


def _language(value: str | None) -> str:
    if value and value not in LANGUAGES:
        raise ValueError(f"unsupported language {value!r}")
    return value or ""


def _one_of(allowed: tuple[str, ...]) -> Callable[[Any], str]:
    def clean(value: Any) -> str:
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {allowed}")
        return str(value)

    return clean


def _clamp(low: int, high: int) -> Callable[[Any], int]:
    return lambda value: max(low, min(high, int(value)))


class Settings:
    """Typed access to ``<data-dir>/settings.json`` with defaults for everything missing.

    Each option is declared once below; other areas keep their own options under a
    dotted key through ``get``/``set``.
    """

    language = Option[str | None](
        str,
        "",
        "The language of the station: zh_CN or en; None follows the system locale.",
        clean=_language,
        show=lambda value: value or None,
    )
    station_name = Option(str, "", "The station's name, as people call it.", clean=str.strip)
    strict_mode = Option(
        bool, False, "Refuse (rather than warn about) codes this station cannot verify.", clean=bool
    )
    sound_volume = Option(int, 80, "Sound volume, 0 to 100.", clean=_clamp(0, 100))
    sound_muted = Option(bool, False, "All sounds off.", clean=bool)
    flash_enabled = Option(
        bool, True, "Flash the feedback panel on each scan (some find it tiring).", clean=bool
    )
    scanner_sources = Option(
        list,
        ["wedge"],
        "Scanner specs such as wedge, serial:COM3?baud=9600, camera:0. A new station listens "
        "to keyboard-wedge guns, which most dealers own; an empty list means no scanner.",
        clean=lambda value: [str(item) for item in value if isinstance(item, str)],
    )
    server_url = Option(
        str, "", "The sync server's address.", clean=lambda value: value.strip().rstrip("/")
    )
    last_operator_id = Option[str | None](
        str,
        "",
        "Preselected on the login screen, so the usual operator only types the PIN.",
        clean=lambda value: value or "",
        show=lambda value: value or None,
    )
    scan_log_length = Option(
        int,
        500,
        "How many rows the on-screen scan log keeps (the journal keeps everything).",
        clean=_clamp(10, 10_000),
    )

    label_printer = Option(
        str,
        "none",
        "Where case and pallet labels print: system (the computer's printer), zpl or tspl "
        "(a network label printer on its raw port), or none.",
        clean=_one_of(LABEL_PRINTERS),
    )
    label_printer_host = Option(
        str, "", "The network label printer's address, e.g. 192.168.1.50.", clean=str.strip
    )
    label_printer_port = Option(
        int,
        9100,
        "The network label printer's raw port (9100 on nearly all).",
        clean=_clamp(1, 65535),
    )
    label_width_mm = Option(int, 100, "Label width in millimetres.", clean=_clamp(20, 220))
    label_height_mm = Option(int, 150, "Label height in millimetres.", clean=_clamp(15, 400))
    label_dpi = Option(
        int,
        203,
        "The label printer's resolution in dots per inch (203, 300 or 600).",
        clean=_clamp(100, 600),
    )
    label_font = Option(
        str,
        "",
        "The network label printer's font for text: empty uses its own Latin font (ZPL 0, "
        "TSPL 3) and the station sends Chinese text as a picture; a Chinese font stored on the "
        "printer (ZPL E:SIMSUN.TTF, TSPL TSS24.BF2) gets all text as text.",
        clean=str.strip,
    )
    verify_labels = Option(
        list,
        ["pallet"],
        "Package levels (case, pallet) whose new label must be scanned back before the "
        "station goes on: a label roll out of step shows at once, not at the customer.",
        clean=lambda value: [v for v in ("case", "pallet") if v in value],
    )
    print_delivery_note = Option(
        bool,
        False,
        "Also print the delivery note on the computer's printer when a shipment finishes "
        "(it is always saved as a PDF).",
        clean=bool,
    )

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = self._load()

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> Settings:
        return cls(Path(data_dir) / SETTINGS_FILENAME)

    @classmethod
    def options(cls) -> dict[str, Option]:
        """Every declared option by its key (for documentation and checks)."""
        return {k: v for k, v in vars(cls).items() if isinstance(v, Option)}

    # --- storage -----------------------------------------------------------------------

    def _load(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        try:
            values = json.loads(text)
            if not isinstance(values, dict):
                raise ValueError("settings file does not hold an object")
        except ValueError as exc:
            aside = self.path.with_name(self.path.name + ".damaged")
            os.replace(self.path, aside)
            log.warning("settings file unreadable (%s); kept as %s, using defaults", exc, aside)
            return {}
        return values

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self._values, ensure_ascii=False, indent=2, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str, default: Any = None) -> Any:
        """The value stored under ``key`` (another area's dotted key, e.g. ``"scanner.wedge"``)."""
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value under ``key`` and save at once."""
        json.dumps(value)  # refuse what cannot be saved before touching the file
        self._values[key] = value
        self.save()
