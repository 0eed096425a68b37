"""Inspectors' evidence photos go to the server after the case that names them was accepted.

Part of every sync round, on the one sync thread: a photo is sent in chunks, and before each
photo the server says how much of it it already holds, so an upload cut by a weak signal
resumes where it stopped instead of starting again. What became of each photo (uploaded, the
file is gone, the server refused it) is written through the Writer, so a photo is never sent
twice and a refused one is not retried forever.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sync.client.transport import ServerRefused, TooLarge, Transport
from sync.protocol import API_PREFIX

log = logging.getLogger(__name__)

CHUNK_BYTES = 256 * 1024  # small enough to finish between two drops of a weak signal
UPLOADED, MISSING, REFUSED = "uploaded", "missing", "refused"
QUOTA_FULL = "evidence.quota_full"  # the server's reason: this station's day's share is sent

PENDING = """
SELECT p.sha256, min(p.path) FROM inspector_photos p
JOIN inspector_cases c ON c.check_id = p.check_id
JOIN journal j ON j.event_id = c.event_id
LEFT JOIN sync_evidence e ON e.sha256 = p.sha256
WHERE j.sync_state IN ('accepted', 'duplicate') AND e.sha256 IS NULL
GROUP BY p.sha256 ORDER BY min(p.id)
"""


def pending(conn: sqlite3.Connection) -> list[tuple[str, Path]]:
    """Photos of accepted cases that the server does not have yet, oldest first."""
    return [(sha, Path(path)) for sha, path in conn.execute(PENDING)]


def record(conn: sqlite3.Connection, sha256: str, outcome: str, detail: str = "") -> None:
    conn.execute(
        "INSERT INTO sync_evidence (sha256, outcome, detail, at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (sha256) DO UPDATE SET outcome = excluded.outcome,"
        " detail = excluded.detail, at = excluded.at",
        (sha256, outcome, detail, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
    )


def send(transport: Transport, sha256: str, data: bytes) -> None:
    """Send what the server lacks of one photo; ``ServerRefused`` when it will not take it."""
    path = f"{API_PREFIX}/evidence/{sha256}"
    held = transport.get_json(path)
    received = int(held["received"])
    while not held["complete"]:
        chunk = data[received : received + CHUNK_BYTES]
        held = transport.request(
            "PUT",
            path,
            params={"offset": received, "total": len(data)},
            data=chunk,
            headers={"Content-Type": "application/octet-stream"},
        ).json()
        if int(held["received"]) <= received and not held["complete"]:
            raise ServerRefused("the server did not take the chunk")
        received = int(held["received"])


def upload_pending(
    reader: sqlite3.Connection,
    transport: Transport,
    write: Callable[[Callable[[sqlite3.Connection], Any]], Any],
) -> int:
    """Upload every pending photo; returns how many reached the server in this round.

    A network failure propagates (the round fails and is tried again later); a file that is
    gone or a photo the server refuses (one no case kept, one too large) is recorded and never
    tried again, so it never holds up the rest of the round. When the station has sent its
    day's share of photos (``evidence.quota_full``) the rest wait, unrecorded, for a later round.
    """
    sent = 0
    for sha256, path in pending(reader):
        try:
            data = path.read_bytes()
        except OSError as exc:
            log.warning("evidence photo %s is gone: %s", path, exc)
            write(partial(record, sha256=sha256, outcome=MISSING, detail=str(exc)))
            continue
        try:
            send(transport, sha256, data)
        except (ServerRefused, TooLarge) as exc:
            if QUOTA_FULL in str(exc):
                log.info("the server takes more photos later: %s", exc)
                return sent
            log.warning("the server refused evidence photo %s: %s", sha256, exc)
            write(partial(record, sha256=sha256, outcome=REFUSED, detail=str(exc)))
            continue
        write(partial(record, sha256=sha256, outcome=UPLOADED))
        sent += 1
    return sent
