"""Settings IT gave the installer for a mass rollout, taken over by the station on start.

The Windows installer writes ``rollout.json`` into the install folder from
``/SERVER= /ENROLL= /LANG=`` or a ``yima-rollout.ini`` beside it (UTF-16 with a
BOM, as NSIS writes it). The install folder is shared by every user of a PC
and may be read-only to them, so the station copies the values into its own
settings (in its data folder) instead of reading them there each time.

Each distinct file is applied once: its SHA-256 is remembered, so an operator
who later changes the server in the settings dialog is not overruled at the
next start, while IT re-running the installer with a new ``/SERVER=`` is
applied. A damaged file is logged and ignored; the station still starts.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from app.settings import LANGUAGES, Settings

ROLLOUT_FILENAME = "rollout.json"
ENV_FILE = "YIMA_ROLLOUT_FILE"  # another file, for tests and for running from source
ENROLL_CODE_KEY = "rollout.enroll_code"  # read by enrollment; empty once used
APPLIED_KEY = "rollout.applied_sha256"

log = logging.getLogger(__name__)


class RolloutInvalid(ValueError):
    """The rollout file cannot be used; the message says which value is wrong."""


@dataclass(frozen=True)
class Rollout:
    server_url: str = ""
    enroll_code: str = ""
    language: str = ""


def default_path() -> Path | None:
    """``rollout.json`` beside the installed executable; None when running from source."""
    if os.environ.get(ENV_FILE):
        return Path(os.environ[ENV_FILE])
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent / ROLLOUT_FILENAME
    return None


def parse(raw: bytes) -> Rollout:
    """The file's values, checked; UTF-16 (with BOM, from NSIS) or UTF-8."""
    try:
        text = (
            raw.decode("utf-16")
            if raw[:2] in (b"\xff\xfe", b"\xfe\xff")
            else raw.decode("utf-8-sig")
        )
        data = json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise RolloutInvalid(f"not a JSON file ({exc})") from exc
    if not isinstance(data, dict):
        raise RolloutInvalid("the file does not hold a JSON object")
    values = {}
    for key in ("server_url", "enroll_code", "language"):
        value = data.get(key, "")
        if not isinstance(value, str):
            raise RolloutInvalid(f"{key} must be text")
        values[key] = value.strip()
    url = values["server_url"]
    if url and not url.lower().startswith(("https://", "http://")):
        raise RolloutInvalid(f"server_url {url!r} must start with https:// or http://")
    if values["language"] and values["language"] not in LANGUAGES:
        raise RolloutInvalid(
            f"language {values['language']!r} must be one of {', '.join(LANGUAGES)}"
        )
    return Rollout(**values)


def apply(settings: Settings, path: Path | None = None) -> Rollout | None:
    """Copy a new rollout file's values into ``settings``; the Rollout applied, or None."""
    path = path or default_path()
    if path is None:
        return None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("rollout file %s unreadable (%s); ignored", path, exc)
        return None
    digest = hashlib.sha256(raw).hexdigest()
    if settings.get(APPLIED_KEY) == digest:
        return None
    try:
        rollout = parse(raw)
    except RolloutInvalid as exc:
        log.warning("rollout file %s ignored: %s", path, exc)
        return None
    if rollout.server_url:
        settings.server_url = rollout.server_url
    if rollout.language:
        settings.language = rollout.language
    if rollout.enroll_code:
        settings.set(ENROLL_CODE_KEY, rollout.enroll_code)
    settings.set(APPLIED_KEY, digest)
    log.info(
        "rollout settings from %s applied: server %s, language %s, enrollment code %s",
        path,
        rollout.server_url or "(unchanged)",
        rollout.language or "(unchanged)",
        "given" if rollout.enroll_code else "not given",
    )
    return rollout
