"""The decision a page shows when the store could not save a scan.

A typed store error (``StoreBusy``, ``DiskFull``…) says what happened and what to
do in its own words; anything else keeps the page's generic "could not be saved".
One function, so the warehouse, counter and inspector pages say the same thing.
"""

from __future__ import annotations

from app.domain.store.errors import StoreError
from app.domain.workflows.base import Decision, Outcome


def failure_decision(error: BaseException, fallback: str, reason: str) -> Decision:
    """An ERROR decision for ``error``; ``fallback`` ("Decisions" template) when it is not typed."""
    if isinstance(error, StoreError):
        return Decision(Outcome.ERROR, error.message, dict(error.message_args), error.reason)
    return Decision(Outcome.ERROR, fallback, {}, reason)
