"""What every workflow shares: who acts (``Actor``) and what it answers for one scan
(``Decision``: the operator sees it, hears it, and it is already committed)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from app.domain.store import journal

T = TypeVar("T")


class Outcome(StrEnum):
    """Drives the feedback panel's colour and the sound."""

    OK = "ok"  # green, success sound
    WARNING = "warning"  # amber, warning sound: accepted but look (e.g. unverified code)
    ERROR = "error"  # red, error sound: refused, nothing changed
    DONE = "done"  # green, job-complete sound: the scan closed a job (case full, order done)


@dataclass(frozen=True, slots=True)
class Decision:
    """The result of one scan or command in a workflow.

    ``message`` is an English template marked with ``QT_TRANSLATE_NOOP("Decisions", ...)``;
    the UI translates it and then formats it with ``args``. ``reason`` is a stable machine
    code (for tests, logs and sync issues). ``event_seq`` is the journal sequence number
    of the event this decision committed, or None when nothing was written.
    """

    outcome: Outcome
    message: str
    args: dict[str, str | int] = field(default_factory=dict)
    reason: str | None = None
    event_seq: int | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts, and how: copied into every event a workflow writes.

    The journal's ``operator`` field holds ``operator_id`` (stable across renames, and what
    sync issues and the server match on); ``operator_name`` is for what people read
    (paperwork, the day's close, "approved by …"). Events written before ids were used hold a
    name there; readers show a value that is no operator id as it is. ``station`` empty means
    this station's own id (``app.domain.store.database.station_id``).
    """

    operator_id: str
    operator_name: str = ""
    station: str = ""
    language: str = "zh_CN"  # the language of the paperwork this actor's work prints
    strict: bool = False  # the station-wide strict-mode setting (warehouse)


def typed(action: Callable[[sqlite3.Connection], T]) -> Callable[[sqlite3.Connection], T]:
    """The writer ``action`` for a code typed by hand: every event it writes is marked
    ``entry: typed`` in the journal (and so in sync, EPCIS and the paperwork), so a typed code
    is never taken for one read off the item."""

    def marked(conn: sqlite3.Connection) -> T:
        token = journal.ENTRY.set("typed")
        try:
            return action(conn)
        finally:
            journal.ENTRY.reset(token)

    return marked
