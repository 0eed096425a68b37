"""The server's ``admin export`` writes a station's text through the same guard as the station's
exports (issue 12, item 7): an operator field that is a formula comes out as inert text."""

from __future__ import annotations

import csv

import pytest

from app.domain.export_cells import TRIGGERS
from sync.server import admin
from tests.support.sync_station import Station

FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture
def station(tmp_path, memory_keyring):
    st = Station(tmp_path / "station")
    yield st
    st.close()


def test_exported_events_carry_no_live_formula(central, station, tmp_path):
    station.enroll(central, site="W1")
    station.append("ObjectEvent", {"action": "OBSERVE", "bizStep": "inspecting"}, operator=FORMULA)
    station.client.push()
    out = tmp_path / "events.csv"
    assert admin.export_csv(central.server, "events", out) == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows[0]["operator"] == "'" + FORMULA  # the old export wrote it raw
    cells = [value for row in rows for value in row.values()]
    assert not [c for c in cells if c.startswith(TRIGGERS)]
