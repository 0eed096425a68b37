"""Each station's hash chain as the server last saw it: a pushed batch must continue it.

A station's journal is a hash chain (``app/domain/store/journal.py``) and every event it
pushes carries the hash of the event before it and its own. The server keeps the last
(sequence number, hash) it took from each station and refuses the whole batch (409, nothing
judged) when it does not continue them: an event right after the kept one whose
``prev_hash`` is another (the station's history was rewritten and hashed again), or a new
event under a sequence number the server already holds (the station's file went back in
time: a copy put back, a lost -wal). Head office sees each refusal as an anomaly. Events
without hashes (stations older than this check) are taken as they come, and so is a gap
(a row the station set aside as unreadable), which the check cannot bridge.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sync.protocol import EventIn
from sync.server.db import Tx
from sync.server.util import dumps

BROKEN = "chain.broken"
ROLLED_BACK = "chain.rolled_back"


class ChainRefused(Exception):
    """A batch that does not continue the station's chain; ``code`` says how."""

    def __init__(self, code: str, event: EventIn, kept_seq: int) -> None:
        super().__init__(f"{code} at event {event.seq} (the server holds up to {kept_seq})")
        self.code = code
        self.event_id = event.event_id
        self.seq = event.seq
        self.kept_seq = kept_seq

    @property
    def message(self) -> str:
        if self.code == ROLLED_BACK:
            return (
                f"This station already sent events up to number {self.kept_seq}; its database "
                "was rolled back. Nothing was taken."
            )
        return (
            f"Event {self.seq} does not continue the history this station sent before. "
            "Nothing was taken."
        )


@dataclass
class StationChain:
    station_id: str
    seq: int | None = None
    hash: str | None = None
    changed: bool = False

    @classmethod
    def load(cls, tx: Tx, station_id: str) -> StationChain:
        """The kept end of the chain (the push holds the station's lock, so it cannot move)."""
        row = tx.one("SELECT seq, hash FROM station_chains WHERE station_id = ?", (station_id,))
        if row is None:
            return cls(station_id)
        return cls(station_id, int(row["seq"]), row["hash"])

    def follow(self, events: Iterable[EventIn]) -> None:
        """Move the kept end along ``events`` (new ones, in any order) or raise ChainRefused."""
        for event in sorted(events, key=lambda e: e.seq):
            if not event.hash:
                continue
            if self.seq is not None:
                if event.seq <= self.seq:
                    raise ChainRefused(ROLLED_BACK, event, self.seq)
                if event.seq == self.seq + 1 and event.prev_hash != self.hash:
                    raise ChainRefused(BROKEN, event, self.seq)
            self.seq, self.hash, self.changed = event.seq, event.hash, True

    def save(self, tx: Tx) -> None:
        if not self.changed:
            return
        tx.execute(
            "INSERT INTO station_chains (station_id, seq, hash) VALUES (?, ?, ?)"
            " ON CONFLICT (station_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            (self.station_id, self.seq, self.hash),
        )


def kept_seq(tx: Tx, station_id: str) -> int | None:
    """The last sequence number the server holds from the station (for ``whoami``)."""
    row = tx.one("SELECT seq FROM station_chains WHERE station_id = ?", (station_id,))
    return None if row is None else int(row["seq"])


def flag_refusal(tx: Tx, station_id: str, refused: ChainRefused, now: str) -> None:
    """The refusal as an anomaly, so head office sees a station whose history differs."""
    tx.execute(
        "INSERT INTO anomalies (kind, code_key, station_id, event_id, detail, created_at)"
        " VALUES (?, NULL, ?, ?, ?, ?)",
        (refused.code, station_id, refused.event_id,
         dumps({"seq": refused.seq, "server_seq": refused.kept_seq}), now),
    )  # fmt: skip
