"""Nothing acknowledged is lost, nothing is doubled: SIGKILL a process mid-burst, many times."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.domain.store import journal
from app.domain.store.database import connect, open_database
from tests.support import ROOT

KILLS = int(os.environ.get("YIMA_CRASH_KILLS", "12"))


def _burst_until_killed(db: Path, run: int, rng: random.Random) -> list[tuple[str, str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.support.journal_burst", str(db), str(run)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.05, 0.6))
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    acknowledged = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2:  # a line cut by the kill was never a complete acknowledgement
            acknowledged.append((parts[0], parts[1]))
    return acknowledged


@pytest.mark.slow
def test_sigkill_during_a_burst_loses_and_doubles_nothing(tmp_path):
    db = tmp_path / "station.sqlite3"
    open_database(db)
    rng = random.Random(20261123)
    acknowledged: dict[str, str] = {}
    for run in range(KILLS):
        for event_id, tag in _burst_until_killed(db, run, rng):
            acknowledged[event_id] = tag
        open_database(db)  # the same start-up path the app takes: quick_check, then migrations

        conn = connect(db)
        rows = {
            r["event_id"]: r["payload"]
            for r in conn.execute("SELECT event_id, payload FROM journal")
        }
        missing = [e for e in acknowledged if e not in rows]
        assert missing == [], f"run {run}: acknowledged events lost"
        tags = [tuple(json.loads(p)[k] for k in ("run", "worker", "n")) for p in rows.values()]
        assert len(tags) == len(set(tags)), f"run {run}: an event was written twice"
        assert journal.verify_chain(conn).ok
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    assert len(acknowledged) > KILLS * 10, "the bursts were too short to prove anything"


def test_the_check_notices_a_lost_event(tmp_path):
    """The assertion above can fail: remove an acknowledged event and the same check finds it."""
    db = tmp_path / "station.sqlite3"
    open_database(db)
    acknowledged = dict(_burst_until_killed(db, 0, random.Random(1)))
    raw = sqlite3.connect(db)
    raw.execute("DROP TRIGGER journal_no_delete")
    victim = next(iter(acknowledged))
    raw.execute("DELETE FROM journal WHERE event_id = ?", (victim,))
    raw.commit()
    stored = {r[0] for r in raw.execute("SELECT event_id FROM journal")}
    assert [e for e in acknowledged if e not in stored] == [victim]
