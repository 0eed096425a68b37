"""A real browser for the console's tests: Debian's chromium driven by Playwright, never a
downloaded browser. Without chromium these tests skip, unless ``YIMA_REQUIRE_BROWSER`` is set
(CI sets it), in which case they fail."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from sync.server import admin
from sync.server.console import accounts
from tests.support.sync_data import enroll_station, event, seed_sample, ship

CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        message = "Debian's chromium is not installed (apt-get install -y chromium)"
        if os.environ.get("YIMA_REQUIRE_BROWSER"):
            pytest.fail(f"{message}; YIMA_REQUIRE_BROWSER is set, so this is a failure")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    context.set_default_timeout(60_000)  # a busy 2-core CI machine, not a slow page
    yield context.new_page()
    context.close()


ADMIN_PASSWORD = "总部-管理员-密码-2026"
VIEWER_PASSWORD = "viewer-password-2026"
FINANCE_PASSWORD = "finance-password-2026"


@pytest.fixture
def world(central: Any) -> dict[str, Any]:
    """A day at the server: shipments from a warehouse, a diversion case from an inspector."""
    server = central.server
    sample = seed_sample(server)
    warehouse = enroll_station(central, "wh-1", site="W1")
    inspector = enroll_station(central, "insp-1")
    warehouse.push([ship("wh-1", 1, [sample.cases[0]], dealer="D1", order="SO-1")])
    warehouse.push([ship("wh-1", 2, sample.items[10:13], dealer="D2", order="SO-2")])
    case = {"bizStep": "inspecting", "case_id": "case-1", "code": sample.cases[0],
            "note": "货架第三层", "region_id": "R-GD"}  # fmt: skip
    assert inspector.push([event("insp-1", 1, "DiversionCaseEvent", case)])[0]["status"] == (
        "accepted"
    )
    now = server.clock()
    accounts.create_user(server.db, now, "boss", ADMIN_PASSWORD, "admin")
    accounts.create_user(server.db, now, "looker", VIEWER_PASSWORD, "viewer")
    accounts.create_user(server.db, now, "money", FINANCE_PASSWORD, "finance")
    # an installer whose name is a spreadsheet formula, with a month of claims
    counter = enroll_station(central, "counter-1", dealer_id="D1")
    admin.set_rebate_rule(server, 500, product_id="P1", rule_id="p1")
    card_id, card = admin.issue_card(server, "=cmd|' /C calc'!A0", dealer_id="D1")
    warehouse.push([ship("wh-1", 3, sample.items[0:4], dealer="D1", order="SO-1")])
    claim = {"bizStep": "rebate_claiming", "claim_id": "claim-1", "card": card,
             "epcList": sample.items[0:2]}  # fmt: skip
    assert counter.push([event("counter-1", 1, "RebateClaimEvent", claim)])[0]["status"] == (
        "accepted"
    )
    return {"central": central, "warehouse": warehouse, "sample": sample, "card_id": card_id}


def log_in(page: Any, url: str, user: str, password: str) -> None:
    page.goto(url + "/console/")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    click_and_wait(page, "button[type=submit]")


def click_and_wait(page: Any, target: Any) -> None:
    """Click a form's button or a link (a selector or a locator) and wait for the page that answers.
    The console's forms are plain POSTs: asserting right after a bare click reads the old page, or
    the database before the POST has landed, on a busy machine."""
    locator = page.locator(target) if isinstance(target, str) else target
    with page.expect_navigation():
        locator.click()
