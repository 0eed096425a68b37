"""The counter page online, against the reference server on loopback: the brand's answer is
final and shows on screen, confirmed or refused (another counter was first) with who and when."""

from __future__ import annotations

import pytest

from app.domain.codes import command_text
from app.domain.operators import Role
from app.domain.workflows.base import Actor, Outcome
from app.domain.workflows.counter.session import CounterSession
from app.ui.counter.page import CounterPage
from sync.client.client import SyncClient
from sync.server import admin
from tests.support.sync_station import Station

REGIONS = [{"id": "CN-SH", "name": "上海"}]
DEALERS = [{"id": "D001", "name": "上海一码经销", "regions": ["CN-SH"]}]


def enroll(context, central) -> None:
    admin.upsert_master(central.server, "regions", REGIONS)
    admin.upsert_master(central.server, "dealers", DEALERS)
    admin.rotate_key(central.server)
    client = SyncClient(context.db_path, context.gateway.writer)
    client.enroll(central.url, admin.create_enrollment_code(central.server, dealer_id="D001"))
    client.sync_once()
    client.close()


pytestmark = [
    pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True),
    pytest.mark.station(
        operators=[("Zhang", "1111", Role.COUNTER)],
        setup=enroll,
        uses=("central", "memory_keyring"),
        language="en",
    ),
    pytest.mark.window(pages=("app.ui.counter.page",), login=("Zhang", "1111")),
]


@pytest.fixture
def page(qtbot, window) -> CounterPage:
    page = window.page("counter")
    assert isinstance(page, CounterPage)
    qtbot.waitUntil(lambda: page.sync.online, timeout=10000)
    return page


def test_online_the_brand_confirms_or_refuses_on_screen(qtbot, central, window, page, tmp_path):
    (_v1, first), (_v2, second) = admin.issue_vouchers(
        central.server, 2, prize="滤芯一支", value_cents=9900, dealer_id="D001"
    )
    other = Station(tmp_path / "b")
    other.enroll(central, dealer_id="D001")
    other.client.sync_once()
    session = CounterSession()
    actor = Actor("op", "other")
    other.writer.call(lambda c: session.handle(c, first, actor, online=True))
    other.writer.call(lambda c: session.handle(c, command_text("confirm"), actor, online=True))
    other.client.sync_once()  # the other counter was first
    shell = window

    def scan(text):
        with qtbot.waitSignal(page.reply_shown, timeout=5000) as shown:
            page.submit(text)
        return shown.args[0]

    assert scan(first).decision.reason == "voucher.valid"  # this counter has not heard yet
    assert scan(command_text("confirm")).decision.reason == "voucher.redeemed"
    qtbot.waitUntil(
        lambda: shell.feedback.headline.text() == "✖ REFUSED BY THE BRAND", timeout=15000
    )
    assert shell.feedback.outcome is Outcome.ERROR
    assert other.id in shell.feedback.message.text()  # who was first
    qtbot.waitUntil(
        lambda: page.redemptions.rowCount() == 1 and "refused" in page.redemptions.cells(0)[3]
    )

    scan(second)
    scan(command_text("confirm"))
    qtbot.waitUntil(
        lambda: shell.feedback.headline.text() == "✔ CONFIRMED BY THE BRAND", timeout=15000
    )
    qtbot.waitUntil(lambda: page.redemptions.cells(0)[3] == "confirmed")
    other.close()
    other.writer.stop()
