"""What a workflow answers for one scan: the operator sees it, hears it, and it is already committed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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
