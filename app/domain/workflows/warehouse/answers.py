"""How a warehouse action answers: a Decision, or a Refusal raised to change nothing.

A flow raises ``refuse(...)`` from however deep it is; the station catches it
at the top of the action, so the transaction holds no half-done change.
"""

from __future__ import annotations

import datetime as dt

from app.domain.workflows.base import Decision, Outcome


class Refusal(Exception):
    """Raised inside a flow to answer with an error and change nothing."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.reason)
        self.decision = decision


def decide(
    outcome: Outcome, reason: str, message: str, event_seq: int | None = None, /, **args: str | int
) -> Decision:
    return Decision(outcome, message, dict(args), reason, event_seq)


def refuse(reason: str, message: str, /, **args: str | int) -> Refusal:
    return Refusal(decide(Outcome.ERROR, reason, message, **args))


def label(key: str) -> str:
    """The part of a key a worker can find on the printed label (serial, SSCC or brand code)."""
    scheme, _, body = key.partition(":")
    if scheme == "sgtin":
        return body.partition(".")[2] or body
    return body or key


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
