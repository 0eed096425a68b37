"""The server's tables, written once for both databases.

``{serial}`` becomes an auto-increment primary key, ``{big}`` a 64-bit integer. Timestamps
are ISO-8601 UTC text, JSON is text: both read the same from either database and sort right.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sync.server.db import Database, Tx

SCHEMA_VERSION = "1"

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', credential_hash TEXT UNIQUE,
    tags TEXT NOT NULL DEFAULT '[]', dealer_id TEXT, site TEXT, region_id TEXT,
    kind TEXT, granted_regions TEXT NOT NULL DEFAULT '[]',
    lat REAL, lon REAL, revoked INTEGER NOT NULL DEFAULT 0, enrolled_at TEXT, last_seen_at TEXT,
    last_obs_at TEXT, run_gtin TEXT, run_serial {big}, run_length INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS enrollment_codes (
    code_hash TEXT PRIMARY KEY, station_id TEXT, name TEXT, tags TEXT NOT NULL DEFAULT '[]',
    dealer_id TEXT, site TEXT, region_id TEXT, kind TEXT, lat REAL, lon REAL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, used_by TEXT);
CREATE TABLE IF NOT EXISTS products (
    id TEXT PRIMARY KEY, gtin TEXT, name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL DEFAULT 'item', items_per_case INTEGER, cases_per_pallet INTEGER);
CREATE TABLE IF NOT EXISTS regions (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '', parent_id TEXT);
CREATE TABLE IF NOT EXISTS dealers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',
    regions TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS stores (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, region_id TEXT, dealer_id TEXT);
CREATE TABLE IF NOT EXISTS orders (
    id TEXT PRIMARY KEY, dealer_id TEXT NOT NULL, region_id TEXT, site TEXT,
    status TEXT NOT NULL DEFAULT 'open', created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS order_lines (
    order_id TEXT NOT NULL, product_id TEXT NOT NULL, qty INTEGER NOT NULL,
    PRIMARY KEY (order_id, product_id));
CREATE TABLE IF NOT EXISTS batches (
    id TEXT PRIMARY KEY, product_id TEXT NOT NULL, level TEXT NOT NULL, count INTEGER NOT NULL,
    site TEXT, created_at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS codes (
    key TEXT PRIMARY KEY, product_id TEXT, batch_id TEXT, level TEXT NOT NULL,
    parent_key TEXT, status TEXT NOT NULL DEFAULT 'issued', dealer_id TEXT, region_id TEXT,
    order_id TEXT, shipped_at TEXT, shipped_by TEXT, ship_event_id TEXT, holder TEXT,
    audience TEXT NOT NULL DEFAULT '*', issued_at TEXT NOT NULL,
    last_seen_at TEXT, last_seen_station TEXT, scan_count INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS codes_parent ON codes (parent_key);
CREATE TABLE IF NOT EXISTS shipments (
    id {serial}, code_key TEXT NOT NULL, dealer_id TEXT NOT NULL, region_id TEXT,
    order_id TEXT, ship_date TEXT NOT NULL, station_id TEXT NOT NULL, event_id TEXT NOT NULL,
    standing INTEGER NOT NULL DEFAULT 1, voided_event_id TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS shipments_code ON shipments (code_key);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, device_seq {big} NOT NULL,
    type TEXT NOT NULL, biz_step TEXT, payload TEXT NOT NULL, payload_hash TEXT NOT NULL,
    occurred_at TEXT NOT NULL, operator TEXT NOT NULL DEFAULT '', received_at TEXT NOT NULL,
    status TEXT NOT NULL, reason TEXT, detail TEXT NOT NULL DEFAULT '{}');
CREATE INDEX IF NOT EXISTS events_station ON events (station_id, device_seq);
CREATE TABLE IF NOT EXISTS code_events (
    code_key TEXT NOT NULL, event_id TEXT NOT NULL, station_id TEXT NOT NULL,
    what TEXT NOT NULL, occurred_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS code_events_code ON code_events (code_key);
CREATE TABLE IF NOT EXISTS changes (
    seq {serial}, stream TEXT NOT NULL, audience TEXT NOT NULL, kind TEXT NOT NULL,
    key TEXT NOT NULL, op TEXT NOT NULL, data TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS changes_stream ON changes (stream, audience, seq);
CREATE TABLE IF NOT EXISTS signing_keys (
    kid TEXT PRIMARY KEY, private_key TEXT NOT NULL, public_key TEXT NOT NULL,
    status TEXT NOT NULL, created_at TEXT NOT NULL, retired_at TEXT);
CREATE TABLE IF NOT EXISTS vouchers (
    id TEXT PRIMARY KEY, kid TEXT NOT NULL, prize TEXT NOT NULL, value_cents INTEGER NOT NULL,
    dealer_id TEXT, expires TEXT, issued_at TEXT NOT NULL, campaign TEXT NOT NULL DEFAULT '',
    token TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'issued');
CREATE TABLE IF NOT EXISTS redemptions (
    voucher_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, event_id TEXT NOT NULL,
    redeemed_at TEXT NOT NULL, operator TEXT NOT NULL DEFAULT '', dealer_id TEXT,
    received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS installer_cards (
    id TEXT PRIMARY KEY, kid TEXT NOT NULL, name TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',
    dealer_id TEXT, expires TEXT, issued_at TEXT NOT NULL, token TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'issued');
CREATE TABLE IF NOT EXISTS rebate_rules (
    id TEXT PRIMARY KEY, product_id TEXT, amount_cents INTEGER NOT NULL,
    valid_from TEXT, valid_to TEXT);
CREATE TABLE IF NOT EXISTS rebate_tiers (
    name TEXT PRIMARY KEY, min_units INTEGER NOT NULL, bonus_cents INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS rebate_claims (
    claim_id TEXT PRIMARY KEY, card_id TEXT NOT NULL, station_id TEXT NOT NULL,
    event_id TEXT NOT NULL, claimed_at TEXT NOT NULL, month TEXT NOT NULL,
    units INTEGER NOT NULL, base_cents INTEGER NOT NULL, status TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS rebate_claims_card ON rebate_claims (card_id, month);
CREATE TABLE IF NOT EXISTS rebate_claim_items (
    code_key TEXT PRIMARY KEY, claim_id TEXT NOT NULL, product_id TEXT,
    amount_cents INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS diversion_cases (
    case_id TEXT PRIMARY KEY, code_key TEXT NOT NULL, verdict TEXT NOT NULL,
    found_region_id TEXT, found_store_id TEXT, dealer_id TEXT, ship_date TEXT, order_id TEXT,
    station_id TEXT NOT NULL, event_id TEXT NOT NULL, operator TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '', photos TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL, opened_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    resolution TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS deny_list (
    kind TEXT NOT NULL, value TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, PRIMARY KEY (kind, value));
CREATE TABLE IF NOT EXISTS anomalies (
    id {serial}, kind TEXT NOT NULL, code_key TEXT, station_id TEXT, event_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS anomalies_code ON anomalies (code_key);
CREATE TABLE IF NOT EXISTS station_chains (
    station_id TEXT PRIMARY KEY, seq {big} NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS station_reports (
    station_id TEXT PRIMARY KEY, version TEXT NOT NULL, backlog {big} NOT NULL,
    clock_offset_s REAL, reported_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS evidence (
    sha256 TEXT PRIMARY KEY, station_id TEXT NOT NULL, size {big} NOT NULL,
    received {big} NOT NULL DEFAULT 0, created_at TEXT NOT NULL, completed_at TEXT);
CREATE INDEX IF NOT EXISTS evidence_station ON evidence (station_id, created_at);
CREATE TABLE IF NOT EXISTS evidence_chunks (
    sha256 TEXT NOT NULL, position {big} NOT NULL, data {blob} NOT NULL,
    PRIMARY KEY (sha256, position));
CREATE TABLE IF NOT EXISTS snapshots (
    id TEXT PRIMARY KEY, scope TEXT NOT NULL, as_of {big} NOT NULL, rows {big} NOT NULL,
    size {big} NOT NULL, sha256 TEXT NOT NULL, path TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS snapshot_builds (scope TEXT PRIMARY KEY, started_at TEXT NOT NULL);
"""

# Columns added after databases were created: (table, column, definition), added when missing
ADDED_COLUMNS = (
    ("stations", "kind", "TEXT"),
    ("stations", "granted_regions", "TEXT NOT NULL DEFAULT '[]'"),
    ("enrollment_codes", "kind", "TEXT"),
)

TYPES = {
    "sqlite": {"serial": "INTEGER PRIMARY KEY AUTOINCREMENT", "big": "INTEGER", "blob": "BLOB"},
    "postgres": {"serial": "BIGSERIAL PRIMARY KEY", "big": "BIGINT", "blob": "BYTEA"},
}


def create_schema(db: Database) -> None:
    """Create what is missing and give a new server its permanent id."""
    ddl = TABLES
    for name, sql_type in TYPES[db.dialect].items():
        ddl = ddl.replace("{" + name + "}", sql_type)
    with db.transaction() as tx:
        tx.lock("schema")
        for statement in ddl.split(";"):
            if statement.strip():
                tx.execute(statement)
        _add_missing_columns(tx, db.dialect)
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
            (SCHEMA_VERSION,),
        )
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('server_id', ?) ON CONFLICT (key) DO NOTHING",
            (f"srv-{secrets.token_hex(6)}",),
        )


def _add_missing_columns(tx: Tx, dialect: str) -> None:
    """A database made before a column existed gets it (``CREATE TABLE IF NOT EXISTS`` does not
    add columns to a table that is there)."""
    for table, column, definition in ADDED_COLUMNS:
        if dialect == "sqlite":
            present = {row[1] for row in tx.rows(f"PRAGMA table_info({table})")}
        else:
            present = {row[0] for row in tx.rows(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                " AND table_schema = current_schema()", (table,))}  # fmt: skip
        if column not in present:
            tx.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
