"""The one value every scanner source hands to the rest of the product."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class Scan:
    """One read from one source, as received, before any parsing.

    ``text`` keeps GS (0x1D) separators as they arrived; ``raw`` holds the
    bytes for sources that have them (serial, TCP) so an encoding problem can
    be diagnosed. ``mono_ns`` is ``time.monotonic_ns()`` at receipt: latency
    figures and de-duplication use it, never the wall clock. ``symbology`` is
    the AIM identifier (``]d2``, ``]Q1``, ``]C1``...) when the source knows it.
    ``terminator`` is the suffix that ended the read (``"\\r"``, ``"\\t"``...) or
    ``None`` when the source recognised the end by a pause or has no suffixes
    (cameras): the scanner self-test uses it to spot a gun sending no suffix.
    """

    text: str
    source: str  # e.g. "wedge", "serial:/dev/ttyUSB0", "tcp:10.0.0.5:2001", "camera:0", "sim"
    raw: bytes | None = None
    symbology: str | None = None
    wall_time: dt.datetime = field(default_factory=_now)
    mono_ns: int = field(default_factory=time.monotonic_ns)
    terminator: str | None = None
