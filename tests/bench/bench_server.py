"""Server benchmark: push throughput with 1, 10 and 100 stations pushing at once to 1, 2 and 4
workers (``main.py server --workers N``) on one PostgreSQL with fsync on.

Each figure is events/s over the whole run, the p99 latency of one batch and how many of the
machine's cores were busy. The baseline, measured in the same run on the same database, is the
server judging and committing the same kind of batches in-process without HTTP, batch by batch
beside the one-station figure it is the target of: other jobs on a shared machine move both by
tens of percent within a minute, so each batch pushed over HTTP is paired with one judged alone,
the two take turns going first, and the median of three such rounds is reported. The two
inspect different codes of the same batch: the second to touch a code's row pays for the first
one's fresh row version, which once made the HTTP side look 13 % slower than it was. Stations
inspect codes of their own too, as stations in different shops do; a hundred stations all
inspecting the same thousand codes measured their row locks, not the server.

The stations are threads of this process sending pre-encoded batches, so on a small machine
they compete with the workers and PostgreSQL for the cores: once the cores are busy, more
workers cannot help, and the cores column says when that is.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

from tests.bench import CpuMeter, Row, Scale, median, percentile
from tests.support.pg_cluster import pg_bin, running_cluster
from tests.support.server_workers import start_workers

AREA = "server"
BATCH = 1000


def _prepare(db_url: str, codes: int, stations: int) -> tuple[list[str], list[str]]:
    """Master data, ``codes`` issued items and one enrollment code per station."""
    from sync.server import admin
    from sync.server.db import open_database
    from sync.server.service import Server
    from tests.bench.bench_sync import _master

    db = open_database(db_url)
    try:
        server = Server(db, snapshot_dir=Path(tempfile.gettempdir()))
        _master(server)
        batch, _ = admin.issue_batch(server, "P1", codes, site="W1")
        items = list(admin.batch_codes(server, batch))
        enroll = [admin.create_enrollment_code(server, station_id=f"bench-{n:03d}", site="W1")
                  for n in range(stations)]  # fmt: skip
        return items, enroll
    finally:
        db.close()


def _batches(station: str, items: list[str], count: int, first: int = 0) -> list[bytes]:
    """``count`` batches of inspections of the codes from ``items[first]`` on, encoded once (the
    stations' own cost stays small)."""
    now = dt.datetime.now(dt.UTC).isoformat()
    out = []
    for b in range(count):
        events = [
            {"event_id": str(uuid.uuid4()), "seq": b * BATCH + n, "type": "ObjectEvent",
             "payload": {"bizStep": "inspecting", "epcList": [items[(first + b * BATCH + n) % len(items)]]},
             "occurred_at": now, "operator": "op", "station": station}
            for n in range(BATCH)
        ]  # fmt: skip
        out.append(json.dumps({"events": events}).encode())
    return out


def _push_run(
    url: str, credentials: list[str], items: list[str], per_station: int
) -> tuple[float, float, float]:
    """All stations push at once, each inspecting codes of its own; (events/s over the run, p99
    seconds of one batch, cores busy)."""
    work = [_batches(f"bench-{n:03d}", items, per_station, first=n * per_station * BATCH)
            for n in range(len(credentials))]  # fmt: skip
    latencies: list[float] = []
    failures: list[str] = []
    start = threading.Barrier(len(credentials) + 1)

    def station(n: int) -> None:
        session = requests.Session()
        session.headers.update({"Authorization": f"Bearer {credentials[n]}",
                                "Content-Type": "application/json"})  # fmt: skip
        start.wait()
        for body in work[n]:
            sent = time.perf_counter()
            answer = session.post(url + "/v1/events", data=body, timeout=300)
            latencies.append(time.perf_counter() - sent)
            if answer.status_code != 200:
                failures.append(f"{answer.status_code} {answer.text[:200]}")

    threads = [threading.Thread(target=station, args=(n,)) for n in range(len(credentials))]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    with CpuMeter() as cpu:
        for thread in threads:
            thread.join()
    elapsed = time.perf_counter() - began
    assert not failures, failures[:3]
    return len(credentials) * per_station * BATCH / elapsed, percentile(latencies, 99), cpu.cores


def run(scale: Scale) -> list[Row]:
    if pg_bin() is None:
        return [Row(AREA, "push events/s, workers x stations", float("nan"), "events/s", "",
                    "skipped: PostgreSQL binaries not installed")]  # fmt: skip
    worker_counts = (1, 2) if scale.quick else (1, 2, 4)
    station_counts = (1, 10) if scale.quick else (1, 10, 100)
    events_per_run = scale.pick(2 * BATCH, 40 * BATCH)
    rows: list[Row] = []
    with (
        tempfile.TemporaryDirectory(prefix="yima-bench-server-") as tmp,
        running_cluster(durable=True) as cluster,
    ):
        folder = Path(tmp)
        db_url = cluster.url(cluster.create_database())
        items, codes = _prepare(db_url, scale.pick(5_000, 100_000), max(station_counts))
        credentials: list[str] = []
        baseline = float("nan")
        for workers in worker_counts:
            with start_workers(db_url, folder / f"snapshots-{workers}", workers) as url:
                while len(credentials) < len(codes):  # enrolled once, on the first server
                    n = len(credentials)
                    answer = requests.post(url + "/v1/enroll", timeout=60,
                                           json={"enrollment_code": codes[n], "station_id": f"bench-{n:03d}"})  # fmt: skip
                    credentials.append(answer.json()["credential"])
                _push_run(url, credentials, items, 1)  # warm: every worker and its connections
                for stations in station_counts:
                    per_station = max(1, events_per_run // BATCH // stations)
                    if stations == 1 and workers == 1:
                        rate, p99, baseline, ratio = _paired(db_url, url, credentials[0], items,
                                                             per_station)  # fmt: skip
                        rows.append(Row(AREA, "server-only judge+commit, PostgreSQL", baseline,
                                        "events/s", "", f"baseline: one station's batches of"
                                        f" {BATCH} in-process, no HTTP; median of {ROUNDS} rounds"))  # fmt: skip
                        note = (f"{ratio:.0%} of the server alone (median of {ROUNDS} rounds, each"
                                " batch over HTTP paired with one judged alone)")  # fmt: skip
                    else:
                        rate, p99, cores = _push_run(
                            url, credentials[:stations], items, per_station
                        )
                        note = (f"{rate / baseline:.0%} of the server alone;"
                                f" {cores:.1f} of {os.cpu_count()} cores busy")  # fmt: skip
                    target = "≥ 85 % of baseline" if stations == 1 and workers == 1 else ""
                    rows.append(Row(AREA, f"push events/s, {workers} worker(s), {stations} station(s)",
                                    rate, "events/s", target, f"{note}; p99 batch {p99 * 1000:,.0f} ms"))  # fmt: skip
    return rows


ROUNDS = 3


def _paired(
    db_url: str, url: str, credential: str, items: list[str], batches: int
) -> tuple[float, float, float, float]:
    """The target's figure on a shared machine: in each round, batch by batch, the server alone
    judges and commits a batch in-process and one station pushes a batch to it over HTTP, the
    two taking turns going first and inspecting different codes, so each pair meets the same
    load from other jobs (a baseline measured seconds apart moved by tens of percent); (median
    events/s over HTTP, its p99, median baseline, median of the rounds' ratios)."""
    from sync.protocol import PushRequest
    from sync.server.db import open_database
    from sync.server.service import Server

    db = open_database(db_url)
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {credential}",
                            "Content-Type": "application/json"})  # fmt: skip
    try:
        server = Server(db, snapshot_dir=Path(tempfile.gettempdir()))
        rates, latencies, baselines, ratios = [], [], [], []
        for n in range(ROUNDS):
            station = f"bench-direct-{n}"
            with db.transaction() as tx:
                tx.execute("INSERT INTO stations (id, name) VALUES (?, 'bench')", (station,))
            direct = [PushRequest.model_validate_json(b).events
                      for b in _batches(station, items, batches, first=len(items) // 2)]  # fmt: skip
            alone = over_http = 0.0
            pairs = zip(direct, _batches("bench-000", items, batches), strict=True)
            for number, (events, body) in enumerate(pairs):
                if number % 2:
                    over_http += _over_http(session, url, body, latencies)
                started = time.perf_counter()
                server.push(station, events)
                alone += time.perf_counter() - started
                if not number % 2:
                    over_http += _over_http(session, url, body, latencies)
            baselines.append(batches * BATCH / alone)
            rates.append(batches * BATCH / over_http)
            ratios.append(alone / over_http)
        return median(rates), percentile(latencies, 99), median(baselines), median(ratios)
    finally:
        session.close()
        db.close()


def _over_http(session: requests.Session, url: str, body: bytes, latencies: list[float]) -> float:
    """One batch pushed; its seconds, also kept in ``latencies``."""
    started = time.perf_counter()
    answer = session.post(url + "/v1/events", data=body, timeout=300)
    latencies.append(time.perf_counter() - started)
    assert answer.status_code == 200, f"{answer.status_code} {answer.text[:200]}"
    return latencies[-1]
