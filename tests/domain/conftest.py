"""Fixtures the domain tests share, defined once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.warehouse_data import Station


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "warehouse_station(**options): the ``st`` station's operator or station id"
    )


@pytest.fixture
def st(request: pytest.FixtureRequest, tmp_path) -> Iterator[Station]:
    """A seeded warehouse station database with its writer running (see warehouse_data.py)."""
    marker = request.node.get_closest_marker("warehouse_station")
    station = Station(tmp_path, **(marker.kwargs if marker else {}))
    yield station
    station.stop()
