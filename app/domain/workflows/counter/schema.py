"""The counter's own tables: redemptions, installer claims, verifications and the override audit.

Whether the server confirmed or refused an action is not copied here: it is the journal's
``sync_state`` for the action's event, which the sync client records. These tables hold what
the counter needs on top: what the voucher promised, who redeemed and who undid it, which
product codes a claim holds (so a code is claimable once), and why a supervisor overrode.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

COUNTER = Migrations("yima.counter")


@COUNTER()
def m001_counter(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE counter_redemptions (
            id INTEGER PRIMARY KEY,
            voucher_id TEXT NOT NULL,
            event_id TEXT NOT NULL UNIQUE,
            token TEXT NOT NULL,
            kid TEXT NOT NULL,
            prize TEXT NOT NULL DEFAULT '',
            value_cents INTEGER NOT NULL DEFAULT 0,
            campaign TEXT NOT NULL DEFAULT '',
            voucher_dealer TEXT,
            expires TEXT,
            redeemed_at TEXT NOT NULL,
            day TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            operator_name TEXT NOT NULL,
            provisional INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'redeemed' CHECK (status IN ('redeemed', 'undone')),
            undo_event_id TEXT,
            undone_at TEXT
        )
        """
    )
    # One standing redemption per voucher here; an undone one may be redeemed again.
    db.execute(
        "CREATE UNIQUE INDEX counter_redemptions_standing ON counter_redemptions (voucher_id)"
        " WHERE status = 'redeemed'"
    )
    db.execute("CREATE INDEX counter_redemptions_day ON counter_redemptions (day)")
    db.execute(
        """
        CREATE TABLE counter_overrides (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            supervisor_id TEXT NOT NULL,
            supervisor_name TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            event_id TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE counter_claims (
            claim_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE,
            card_id TEXT NOT NULL,
            installer TEXT NOT NULL DEFAULT '',
            claimed_at TEXT NOT NULL,
            day TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            operator_name TEXT NOT NULL,
            units INTEGER NOT NULL,
            estimate_cents INTEGER NOT NULL,
            provisional INTEGER NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX counter_claims_day ON counter_claims (day)")
    db.execute(
        """
        CREATE TABLE counter_claim_items (
            claim_id TEXT NOT NULL REFERENCES counter_claims (claim_id),
            code_key TEXT NOT NULL,
            product_id TEXT,
            amount_cents INTEGER NOT NULL,
            PRIMARY KEY (code_key, claim_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE counter_verifications (
            id INTEGER PRIMARY KEY,
            code_key TEXT NOT NULL,
            at TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            event_id TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX counter_verifications_code ON counter_verifications (code_key)")


@COUNTER()
def m002_counter_session(db: Database) -> None:
    """The counter's state between scans (the mode, a voucher waiting for its confirming scan,
    an open installer claim) lives in this one row, not in memory: a restart resumes it, and a
    scan whose transaction rolls back leaves it as it was."""
    db.execute(
        """
        CREATE TABLE counter_session (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            mode TEXT NOT NULL DEFAULT 'redeem',
            pending TEXT,
            draft TEXT
        )
        """
    )
