"""The server's reason for refusing a redemption or a claim, in the operator's words.

The sync protocol sends a reason code (``claim.code_not_sold``) and its detail (the code, who
was first, when); ``sync.protocol.REASONS`` holds the English words for each code. This is the
one place the counter turns them into text: translated, with a code key shown as the text under
its barcode and a time as the station's local time, so no reason code or key reaches a person
(the refusal on screen, the lists and the day's close all use it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.codes.display import readable
from app.domain.i18n import QT_TRANSLATE_NOOP
from sync.protocol import REASONS

# A reason this station's version does not know yet: said without its code.
UNKNOWN_REASON = QT_TRANSLATE_NOOP(
    "Counter", "The brand refused it for a reason this station does not know yet."
)
UNKNOWN_TODO = QT_TRANSLATE_NOOP("Counter", "Update the station, or call the brand's hotline.")
TIME_FIELDS = ("at", "claimed_at", "redeemed_at")


def _value(name: str, value: Any) -> str:
    text = str(value)
    if name in TIME_FIELDS:
        try:
            return dt.datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return text
    return readable(text)


def explain(reason: str | None, detail: Mapping[str, Any] | None = None) -> tuple[str, str]:
    """What happened and what to do next, translated and filled in."""
    words = REASONS.get(reason or "")
    if words is None:
        return (
            QCoreApplication.translate("Counter", UNKNOWN_REASON),
            QCoreApplication.translate("Counter", UNKNOWN_TODO),
        )
    args = {k: _value(k, v) for k, v in (detail or {}).items()}

    def fill(template: str) -> str:
        text = QCoreApplication.translate("SyncReasons", template)
        try:
            return text.format_map(_Blank(args))
        except (IndexError, ValueError):
            return text

    what, todo = words
    return fill(what), fill(todo) if todo else ""


def what_happened(reason: str | None, detail: Mapping[str, Any] | None = None) -> str:
    """The first half of ``explain``: for a list's cell or a report's column."""
    return explain(reason, detail)[0]


class _Blank(dict[str, str]):
    """A placeholder the detail does not fill is left out, not shown as ``{code}``."""

    def __missing__(self, key: str) -> str:
        return "—"
