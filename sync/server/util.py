"""Small helpers the server's modules share: time as text, JSON as text, hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(moment: dt.datetime) -> str:
    """UTC, second precision with microseconds, always with offset: sorts as text."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def parse_time(text: str) -> dt.datetime:
    """An ISO-8601 time; a time without offset is taken as UTC (a station's clock is UTC)."""
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_ASCII = json.JSONEncoder(separators=(",", ":"))


def dumps(value: Any) -> str:
    """Canonical JSON (sorted keys): for hashes and anything compared as text."""
    return _CANONICAL.encode(value)


def compact(value: Any) -> str:
    """JSON as short as it gets, in the order given: for storage and the wire."""
    return _COMPACT.encode(value)


def ascii_json(value: Any) -> bytes:
    """Compact JSON for a large answer, every non-ASCII character escaped: the encoder's fast
    path (push answers: a third less time than ``compact`` and encoding), and text that is not
    valid Unicode (a lone surrogate) goes out as the escape it arrived as."""
    return _ASCII.encode(value).encode("ascii")


def loads(text: str | None, default: Any = None) -> Any:
    return default if text is None else json.loads(text)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
