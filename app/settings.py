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
from pathlib import Path
from typing import Any

SETTINGS_FILENAME = "settings.json"
LANGUAGES = ("zh_CN", "en")

log = logging.getLogger(__name__)


class Settings:
    """Typed access to ``<data-dir>/settings.json`` with defaults for everything missing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = self._load()

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> Settings:
        return cls(Path(data_dir) / SETTINGS_FILENAME)

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

    def _get(self, key: str, kind: type, default: Any) -> Any:
        value = self._values.get(key, default)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        return value if isinstance(value, kind) else default

    def _set(self, key: str, value: Any) -> None:
        self._values[key] = value
        self.save()

    # --- typed accessors ---------------------------------------------------------------

    @property
    def language(self) -> str | None:
        """``zh_CN`` or ``en``; None means follow the system locale."""
        value = self._get("language", str, "")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, value: str | None) -> None:
        if value is not None and value not in LANGUAGES:
            raise ValueError(f"unsupported language {value!r}")
        self._set("language", value or "")

    @property
    def station_name(self) -> str:
        return self._get("station_name", str, "")

    @station_name.setter
    def station_name(self, value: str) -> None:
        self._set("station_name", value.strip())

    @property
    def strict_mode(self) -> bool:
        """Refuse (rather than warn about) codes this station cannot verify."""
        return self._get("strict_mode", bool, False)

    @strict_mode.setter
    def strict_mode(self, value: bool) -> None:
        self._set("strict_mode", bool(value))

    @property
    def sound_volume(self) -> int:
        """0..100."""
        value = self._get("sound_volume", int, 80)
        return max(0, min(100, value)) if not isinstance(value, bool) else 80

    @sound_volume.setter
    def sound_volume(self, value: int) -> None:
        self._set("sound_volume", max(0, min(100, int(value))))

    @property
    def sound_muted(self) -> bool:
        return self._get("sound_muted", bool, False)

    @sound_muted.setter
    def sound_muted(self, value: bool) -> None:
        self._set("sound_muted", bool(value))

    @property
    def flash_enabled(self) -> bool:
        """Flash the feedback panel on each scan (some operators find it tiring)."""
        return self._get("flash_enabled", bool, True)

    @flash_enabled.setter
    def flash_enabled(self, value: bool) -> None:
        self._set("flash_enabled", bool(value))

    @property
    def scanner_sources(self) -> list[str]:
        """Source specs such as ``wedge``, ``serial:COM3?baud=9600``, ``camera:0``.

        A new station listens to keyboard-wedge guns, which most dealers own; an
        explicitly empty list means no scanner at all.
        """
        value = self._get("scanner_sources", list, ["wedge"])
        return [item for item in value if isinstance(item, str)]

    @scanner_sources.setter
    def scanner_sources(self, value: list[str]) -> None:
        self._set("scanner_sources", [str(item) for item in value])

    @property
    def server_url(self) -> str:
        return self._get("server_url", str, "")

    @server_url.setter
    def server_url(self, value: str) -> None:
        self._set("server_url", value.strip().rstrip("/"))

    @property
    def last_operator_id(self) -> str | None:
        """Preselected on the login screen, so the usual operator only types the PIN."""
        return self._get("last_operator_id", str, "") or None

    @last_operator_id.setter
    def last_operator_id(self, value: str | None) -> None:
        self._set("last_operator_id", value or "")

    @property
    def scan_log_length(self) -> int:
        """How many rows the on-screen scan log keeps (the journal keeps everything)."""
        value = self._get("scan_log_length", int, 500)
        return max(10, min(10_000, value)) if not isinstance(value, bool) else 500

    @scan_log_length.setter
    def scan_log_length(self, value: int) -> None:
        self._set("scan_log_length", max(10, min(10_000, int(value))))

    # --- open-ended options for other areas --------------------------------------------

    def get(self, key: str, default: Any = None) -> Any:
        """A value another area stores under its own dotted key, e.g. ``"scanner.wedge"``."""
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value under ``key`` and save at once."""
        json.dumps(value)  # refuse what cannot be saved before touching the file
        self._set(key, value)
