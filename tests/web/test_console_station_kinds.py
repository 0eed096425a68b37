"""Head office changes what a station is and whose it is in the console (issue 17): the change
reaches the station API at once and is a row of the audit log; a viewer cannot make it."""

from __future__ import annotations

import json

from sync.server.console import accounts
from tests.web.conftest import ADMIN_PASSWORD, VIEWER_PASSWORD, click_and_wait, log_in


def test_an_admin_changes_a_station_kind_and_the_audit_log_says_so(world, page):
    central, sample = world["central"], world["sample"]
    warehouse = world["warehouse"]
    assert warehouse.get(f"/v1/trace/{sample.items[0]}").status_code == 200  # no kind: hq_test
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.goto(central.url + "/console/stations")
    assert page.locator("tr:has-text('wh-1') td.kind").inner_text() == "总部测试"
    form = "form[action='/console/stations/role']"
    page.fill(f"{form} input[name=station]", "wh-1")
    page.select_option(f"{form} select[name=kind]", "dealer_counter")
    page.fill(f"{form} input[name=dealer]", "D2")
    click_and_wait(page, f"{form} button")
    assert page.locator("tr:has-text('wh-1') td.kind").inner_text() == "经销商柜台"
    # shipped to D1: not this dealer's any more
    refused = warehouse.get(f"/v1/trace/{sample.items[0]}")
    assert (refused.status_code, refused.json()["error"]) == (403, "access.not_yours")
    row = accounts.audit_rows(central.server.db)[0]
    assert (row["username"], row["action"], row["target"], row["result"]) == (
        "boss",
        "station.role",
        "wh-1",
        "ok",
    )
    detail = json.loads(row["detail"])
    assert detail["kind"] == "dealer_counter" and detail["before"]["kind"] is None


def test_a_viewer_cannot_change_a_station_kind(world, page):
    central = world["central"]
    log_in(page, central.url, "looker", VIEWER_PASSWORD)
    page.goto(central.url + "/console/stations")
    form = "form[action='/console/stations/role']"
    page.fill(f"{form} input[name=station]", "wh-1")
    click_and_wait(page, f"{form} button")
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT kind FROM stations WHERE id = 'wh-1'") is None
    assert accounts.audit_rows(central.server.db)[0]["result"] == "refused.role"
