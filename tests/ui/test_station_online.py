"""One online state for the whole station, against the reference server on loopback.

Reported in use: the first product check after login said "offline" while the status bar said
"online" (the counter had its own line to the server, with its own idea of online). Now the
station's one sync engine answers both, and they agree from the first scan on.
"""

from __future__ import annotations

import pytest

from app.domain.operators import Role
from app.ui.counter.page import CounterPage
from sync.server import admin

PRODUCT = "010690123456789221A1"  # GS1: GTIN + serial


def enroll(context, central) -> None:
    admin.upsert_master(central.server, "regions", [{"id": "CN-SH", "name": "上海"}])
    admin.upsert_master(
        central.server, "dealers", [{"id": "D001", "name": "上海一码经销", "regions": ["CN-SH"]}]
    )
    context.sync.runner.client.enroll(
        central.url, admin.create_enrollment_code(central.server, dealer_id="D001")
    )
    context.sync.runner.client.close()


pytestmark = [
    pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True),
    pytest.mark.station(
        operators=[("Zhang", "1111", Role.COUNTER)],
        setup=enroll,
        uses=("central", "memory_keyring"),
        sync={"interval": 3600},
        language="en",
    ),
]


def test_the_first_product_check_after_login_is_online_like_the_status_bar(
    qtbot, central, make_station, context
):
    window = make_station(login=("Zhang", "1111")).window  # its sync controls start the engine
    page = window.page("counter")
    assert isinstance(page, CounterPage)
    with qtbot.waitSignal(page.reply_shown, timeout=10000):
        page.submit(PRODUCT)  # at once: the engine's first round may still be running
    qtbot.waitUntil(lambda: page.verify_source.text() == "The brand's trace", timeout=15000)
    assert window.feedback.headline.text() != "⚠ NOT KNOWN HERE"  # the brand answered
    assert context.sync.online is True
    assert "Online" in window.status.connection_label.text()
    assert "Online" in page.online_badge.text()
