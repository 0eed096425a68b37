"""The demo's round trip: enroll the demo station with the in-process server and sync once.

``python main.py --demo`` starts the reference server on loopback with sample data
(``sync.server.embedded.start_demo``) and calls ``connect_demo_station``. The credential goes
into an in-memory keyring: a throw-away demo must not leave anything in the OS credential store.
"""

from __future__ import annotations

from pathlib import Path

import keyring

from app.domain.store.writer import Writer
from sync.client.client import SyncClient, SyncReport
from sync.client.credentials import MemoryKeyring


def use_memory_keyring() -> None:
    """Keep credentials in this process only (the demo, tests)."""
    if not isinstance(keyring.get_keyring(), MemoryKeyring):
        keyring.set_keyring(MemoryKeyring())


def connect_demo_station(
    db_path: str | Path, writer: Writer, url: str, enrollment_code: str
) -> SyncReport:
    """Enroll the demo station and run one sync round (push, pull); returns what it did."""
    use_memory_keyring()
    client = SyncClient(db_path, writer)
    try:
        client.enroll(url, enrollment_code, station_name="Demo")
        return client.sync_once()
    finally:
        client.close()
