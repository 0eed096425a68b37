"""Every migration set the station database applies, in order.

Each area that owns tables keeps its own sqlite-utils ``Migrations`` set in its
own module and lists it here, so areas never edit each other's schema.
"""

from __future__ import annotations

import importlib
import sqlite3

import sqlite_utils
from sqlite_utils.migrations import Migrations

MIGRATION_SETS = (
    "app.domain.store.schema:CORE",
    "app.domain.workflows.warehouse.schema:WAREHOUSE",
    "app.domain.workflows.counter.schema:COUNTER",
    "app.domain.workflows.inspector.schema:INSPECTOR",
    "sync.client.state:SYNC",
)


def migration_sets() -> list[Migrations]:
    sets = []
    for spec in MIGRATION_SETS:
        module_name, attr = spec.split(":")
        sets.append(getattr(importlib.import_module(module_name), attr))
    return sets


def apply_all(conn: sqlite3.Connection) -> None:
    db = sqlite_utils.Database(conn)
    for migrations in migration_sets():
        migrations.apply(db)
