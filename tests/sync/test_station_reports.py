"""After each round a station tells head office its version, its backlog and its clock offset,
and the console's station list shows them."""

from __future__ import annotations

import requests

from app import __version__
from sync.server.console import accounts
from tests.support.sync_station import Station

PASSWORD = "report-reader-2026"


def test_a_station_reports_after_each_round_and_head_office_sees_it(
    central, tmp_path, memory_keyring
):
    station = Station(tmp_path / "st")
    try:
        station.enroll(central, name="counter")
        for n in range(3):
            station.append("ObjectEvent", {"action": "OBSERVE", "bizStep": "inspecting", "n": n})
        station.client.sync_once()
        with central.server.db.read() as tx:
            row = tx.one("SELECT * FROM station_reports WHERE station_id = ?", (station.id,))
        assert row["version"] == __version__ and row["backlog"] == 0
        assert abs(row["clock_offset_s"]) < 5  # same machine, same clock
        db = central.server.db
        accounts.create_user(db, central.server.clock(), "it", PASSWORD, "viewer")
        console = requests.Session()
        console.post(
            f"{central.url}/console/login",
            data={"username": "it", "password": PASSWORD},
            timeout=30,
        )
        page = console.get(f"{central.url}/console/stations", timeout=30).text
        assert f'<td class="version">{__version__}</td>' in page
        assert '<td class="backlog">0</td>' in page
    finally:
        station.close()
        station.writer.stop()


def test_a_report_out_of_range_is_refused_and_changes_nothing(central, tmp_path, memory_keyring):
    station = Station(tmp_path / "st")
    try:
        station.enroll(central, name="counter")
        transport = station.client.transport()
        answer = transport.session.post(
            f"{central.url}/v1/station-report",
            json={"version": "1.0<script>", "backlog": -1},
            timeout=30,
        )
        assert answer.status_code == 422
        with central.server.db.read() as tx:
            assert tx.scalar("SELECT count(*) FROM station_reports") == 0
    finally:
        station.close()
        station.writer.stop()


def test_a_report_with_a_subnormal_clock_offset_is_kept_to_the_millisecond(
    central, tmp_path, memory_keyring
):
    station = Station(tmp_path / "st")
    try:
        station.enroll(central, name="counter")
        answer = station.client.transport().session.post(
            f"{central.url}/v1/station-report",
            json={"version": "1.0", "backlog": 0, "clock_offset_s": 5e-324},
            timeout=30,
        )
        assert answer.status_code == 204, answer.text
        with central.server.db.read() as tx:
            assert tx.scalar("SELECT clock_offset_s FROM station_reports") == 0
    finally:
        station.close()
        station.writer.stop()
