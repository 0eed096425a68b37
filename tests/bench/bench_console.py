"""Head office's dashboard on a brand-sized PostgreSQL: page load p50/p95 with 10 M codes and
1 M events (target p95 ≤ 1 s), against a bare ``count(*)`` of the events in the same run.

The data is generated inside PostgreSQL (``generate_series``), spread over 90 days, so the
figures' windows hold realistic slices rather than everything or nothing.
"""

from __future__ import annotations

import time

import requests

from tests.bench import Row, Scale, percentile
from tests.support.pg_cluster import pg_bin, running_cluster

AREA = "console"
DAY = "to_char(now() - (i % 90) * interval '1 day', 'YYYY-MM-DD\"T\"HH24:MI:SS+00:00')"
PASSWORD = "benchmark-password"


def _fill(url: str, codes: int, events: int) -> None:
    import psycopg

    shipped = events
    statements = [
        f"""INSERT INTO codes (key, product_id, batch_id, level, status, dealer_id, region_id,
            issued_at) SELECT 'sgtin:06901234567892.' || lpad(i::text, 12, '0'), 'P' || (i % 20),
            'B1', 'item', CASE WHEN i <= {shipped} THEN 'shipped' ELSE 'issued' END,
            'D' || (i % 50), 'R' || (i % 30), {DAY} FROM generate_series(1, {codes}) AS i""",
        f"""INSERT INTO events (event_id, station_id, device_seq, type, biz_step, payload,
            payload_hash, occurred_at, operator, received_at, status)
            SELECT 'e' || i, 'S' || (i % 1000), i, 'ObjectEvent', 'shipping', '{{}}', 'h',
            {DAY}, 'op', {DAY}, 'accepted' FROM generate_series(1, {events}) AS i""",
        f"""INSERT INTO shipments (code_key, dealer_id, region_id, order_id, ship_date,
            station_id, event_id, standing, created_at)
            SELECT 'sgtin:06901234567892.' || lpad(i::text, 12, '0'), 'D' || (i % 50),
            'R' || (i % 30), 'SO-' || (i % 5000), {DAY}, 'S' || (i % 1000), 'e' || i, 1, {DAY}
            FROM generate_series(1, {shipped}) AS i""",
        f"""INSERT INTO anomalies (kind, code_key, station_id, event_id, created_at)
            SELECT (ARRAY['far_apart', 'too_fast', 'run', 'clock_ahead'])[1 + i % 4],
            'sgtin:x' || i, 'S' || (i % 1000), 'e' || i, {DAY}
            FROM generate_series(1, {events // 20}) AS i""",
        f"""INSERT INTO diversion_cases (case_id, code_key, verdict, found_region_id, station_id,
            event_id, status, opened_at, updated_at)
            SELECT 'case-' || i, 'sgtin:y' || i, 'diverted', 'R' || (i % 30), 'S' || (i % 1000),
            'c' || i, (ARRAY['open', 'confirmed', 'dismissed'])[1 + i % 3], {DAY}, {DAY}
            FROM generate_series(1, {events // 100}) AS i""",
        f"""INSERT INTO redemptions (voucher_id, station_id, event_id, redeemed_at, dealer_id,
            received_at) SELECT 'V' || i, 'S' || (i % 1000), 'r' || i, {DAY}, 'D' || (i % 50),
            {DAY} FROM generate_series(1, {events // 10}) AS i""",
        f"""INSERT INTO rebate_claims (claim_id, card_id, station_id, event_id, claimed_at, month,
            units, base_cents, status) SELECT 'C' || i, 'K' || (i % 2000), 'S' || (i % 1000),
            'q' || i, {DAY}, substr({DAY}, 1, 7), 2, 600, 'accepted'
            FROM generate_series(1, {events // 20}) AS i""",
        """INSERT INTO stations (id, name, last_seen_at) SELECT 'S' || i, 'station ' || i,
            to_char(now(), 'YYYY-MM-DD"T"HH24:MI:SS+00:00') FROM generate_series(0, 999) AS i""",
        "ANALYZE",
    ]
    with psycopg.connect(url, autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)


def _measure(url: str, loads: int) -> tuple[list[float], list[float]]:
    import psycopg

    from sync.server.console import accounts
    from sync.server.db import open_database
    from sync.server.embedded import ServerThread
    from sync.server.service import Server

    db = open_database(url)
    server = Server(db)
    thread = ServerThread(server).start()  # mounting the console creates its indexes
    try:
        accounts.create_user(db, server.clock(), "bench", PASSWORD, "viewer")
        session = requests.Session()
        session.post(
            f"{thread.url}/console/login",
            data={"username": "bench", "password": PASSWORD},
            timeout=60,
            allow_redirects=False,  # the first dashboard load is measured below
        )
        pages, counts = [], []
        with psycopg.connect(url) as conn:
            for _ in range(loads):
                started = time.perf_counter()
                answer = session.get(f"{thread.url}/console/dashboard", timeout=60)
                pages.append(time.perf_counter() - started)
                assert answer.status_code == 200 and "chart" in answer.text
                started = time.perf_counter()
                conn.execute("SELECT count(*) FROM events").fetchone()
                counts.append(time.perf_counter() - started)
    finally:
        thread.stop()
        db.close()
    return pages, counts


def run(scale: Scale) -> list[Row]:
    if pg_bin() is None:
        return [Row(AREA, "dashboard p95", float("nan"), "s", "≤ 1 s", "skipped: no PostgreSQL")]
    codes, events = scale.pick(20_000, 10_000_000), scale.pick(2_000, 1_000_000)
    loads = scale.pick(5, 40)
    with running_cluster() as cluster:
        url = cluster.url(cluster.create_database())
        from sync.server.db import open_database

        open_database(url).close()  # the server's schema
        started = time.perf_counter()
        _fill(url, codes, events)
        filled = time.perf_counter() - started
        pages, counts = _measure(url, loads)
    cold, warm = pages[0], pages[1:]
    p95, base = percentile(warm, 95), percentile(counts, 95)
    data = f"{codes:,} codes, {events:,} events, generated in {filled:.0f} s"
    ratio = f"dashboard/count = {p95 / base:.2f}×"
    return [
        Row(AREA, "dashboard first load (counts the figures)", cold, "s", "", data),
        Row(AREA, "dashboard page load p50", percentile(warm, 50), "s", "", "figures ≤ 60 s old"),
        Row(AREA, "dashboard page load p95", p95, "s", "≤ 1 s", f"{len(warm)} loads"),
        Row(AREA, "bare count(*) of events p95", base, "s", "", ratio),
    ]
