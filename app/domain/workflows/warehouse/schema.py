"""The warehouse's own tables: jobs, their lines and scans, inbound expectations, locations.

Traceability state (which code is where, packed in what, shipped to whom) lives
in the core ``codes`` table and the journal; these tables hold the work around
it: what a job expects, what each scan counted and what an undo must restore.
``wh_session`` is one row that says which flow and job the station is in, so a
scan submitted before the previous one's answer arrived still lands in the
right job, and a restart after a crash resumes where the operator was.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

WAREHOUSE = Migrations("yima.warehouse")


@WAREHOUSE()
def m001_jobs(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE wh_locations (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_en TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("INSERT INTO wh_locations (id, name, name_en) VALUES ('MAIN', '主仓', 'Main store')")
    db.execute(
        """
        CREATE TABLE wh_inbound (
            id TEXT PRIMARY KEY,
            reference TEXT NOT NULL DEFAULT '',
            supplier TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'received')),
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE wh_inbound_lines (
            inbound_id TEXT NOT NULL REFERENCES wh_inbound (id),
            product_id TEXT NOT NULL REFERENCES products (id),
            qty INTEGER NOT NULL CHECK (qty > 0),
            PRIMARY KEY (inbound_id, product_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE wh_jobs (
            id TEXT PRIMARY KEY,
            flow TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
            unit TEXT NOT NULL DEFAULT 'item',
            parent_key TEXT,
            product_id TEXT,
            capacity INTEGER,
            order_id TEXT,
            dealer_id TEXT,
            inbound_id TEXT,
            location_id TEXT,
            reason TEXT,
            closed_by TEXT,
            operator TEXT NOT NULL,
            station TEXT NOT NULL,
            created_at TEXT NOT NULL,
            finished_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX wh_jobs_open ON wh_jobs (flow, created_at) WHERE status = 'open'")
    db.execute("CREATE INDEX wh_jobs_order ON wh_jobs (order_id) WHERE order_id IS NOT NULL")
    db.execute("CREATE INDEX wh_jobs_finished ON wh_jobs (finished_at) WHERE status != 'open'")
    db.execute(
        """
        CREATE TABLE wh_job_lines (
            job_id TEXT NOT NULL REFERENCES wh_jobs (id),
            product_id TEXT NOT NULL,
            expected INTEGER,
            scanned INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (job_id, product_id)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE wh_job_scans (
            id INTEGER PRIMARY KEY,
            job_id TEXT NOT NULL REFERENCES wh_jobs (id),
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            level TEXT,
            product_id TEXT,
            qty INTEGER NOT NULL DEFAULT 0,
            lines TEXT NOT NULL DEFAULT '{}',
            verified INTEGER NOT NULL DEFAULT 1,
            event_id TEXT,
            event_seq INTEGER,
            undone_seq INTEGER,
            prev TEXT NOT NULL DEFAULT '{}',
            at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX wh_job_scans_job ON wh_job_scans (job_id)")
    db.execute("CREATE INDEX wh_job_scans_key ON wh_job_scans (job_id, key)")
    db.execute(
        """
        CREATE TABLE wh_code_locations (
            key TEXT PRIMARY KEY,
            location_id TEXT NOT NULL REFERENCES wh_locations (id)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX wh_code_locations_loc ON wh_code_locations (location_id)")
    db.execute(
        """
        CREATE TABLE wh_replacements (
            old_key TEXT PRIMARY KEY,
            new_key TEXT NOT NULL,
            at TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE wh_session (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            flow TEXT NOT NULL DEFAULT 'pack',
            job_id TEXT,
            pending TEXT,
            pending_key TEXT
        )
        """
    )
    db.execute("INSERT INTO wh_session (id) VALUES (1)")


@WAREHOUSE()
def m002_numbers_operators_shortfalls(db: Database) -> None:
    """Job numbers from a counter (ids that cannot collide), who made each scan and who
    closed each job (the day's figures per operator), and what a short job left open."""
    db.execute(
        "CREATE TABLE wh_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID"
    )
    db.execute("ALTER TABLE wh_job_scans ADD COLUMN operator TEXT")
    db.execute("ALTER TABLE wh_jobs ADD COLUMN finished_by TEXT")
    db.execute("CREATE INDEX wh_job_scans_at ON wh_job_scans (at)")
    db.execute(
        """
        CREATE TABLE wh_shortfalls (
            job_id TEXT NOT NULL REFERENCES wh_jobs (id),
            product_id TEXT NOT NULL,
            expected INTEGER NOT NULL,
            scanned INTEGER NOT NULL,
            backorder_id TEXT,
            PRIMARY KEY (job_id, product_id)
        ) WITHOUT ROWID
        """
    )


@WAREHOUSE()
def m003_closing_event(db: Database) -> None:
    """The event that closed a job (a shipment's ``shipping``), so UNDO right after FINISH
    can name it in the event that takes it back."""
    db.execute("ALTER TABLE wh_jobs ADD COLUMN closing_event TEXT")
