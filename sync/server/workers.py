"""Several server processes on one database: what each worker builds for itself.

``main.py server --workers N`` hands uvicorn this module's ``create`` (an import string, as
uvicorn needs to start each worker in its own process); the command line reaches the
workers through the environment. Nothing a worker keeps is needed by another: events,
changes, enrollment, snapshot metadata and build leases are rows in the database, and
snapshot files live in a folder every worker (and host) shares.
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path

from fastapi import FastAPI

from sync.server.app import create_app
from sync.server.db import open_database
from sync.server.service import Server

DB_VARIABLE = "YIMA_SERVER_DB"
SNAPSHOT_VARIABLE = "YIMA_SERVER_SNAPSHOT_DIR"


def environment(db_url: str, snapshot_dir: str | None) -> dict[str, str]:
    """The variables a worker reads in ``create``."""
    values = {DB_VARIABLE: db_url}
    if snapshot_dir:
        values[SNAPSHOT_VARIABLE] = snapshot_dir
    return values


def create() -> FastAPI:
    """One worker's app, with its own connections to the shared database."""
    db = open_database(os.environ[DB_VARIABLE])
    atexit.register(db.close)
    folder = os.environ.get(SNAPSHOT_VARIABLE)
    return create_app(Server(db, snapshot_dir=Path(folder) if folder else None))
