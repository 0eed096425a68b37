"""The console's working pages in a real browser: trace, the rebate ledger, enrollment QR codes,
code and voucher packs, deny list and settings."""

from __future__ import annotations

import csv
import io
from typing import Any

import requests

from tests.web.conftest import (
    ADMIN_PASSWORD,
    FINANCE_PASSWORD,
    VIEWER_PASSWORD,
    click_and_wait,
    log_in,
)


def cookies(page: Any) -> dict[str, str]:
    return {c["name"]: c["value"] for c in page.context.cookies()}


def test_trace_reads_a_code_in_any_form_and_shows_where_it_went(world, page, screenshots):
    central, sample = world["central"], world["sample"]
    gtin, serial = sample.items[0].removeprefix("sgtin:").split(".")
    log_in(page, central.url, "looker", VIEWER_PASSWORD)
    page.goto(central.url + "/console/trace")
    page.fill("input[name=code]", f"https://id.gs1.org/01/{gtin}/21/{serial}")
    with page.expect_navigation():
        page.press("input[name=code]", "Enter")
    assert page.locator("#trace dd").first.inner_text() == sample.items[0]
    assert page.locator("#known").inner_text() == "是"
    assert "出库" in page.locator("#steps").inner_text()
    page.screenshot(path=str(screenshots / "console-trace-zh.png"), full_page=True)
    page.goto(central.url + f"/console/trace?code={sample.cases[0]}")
    assert page.locator("#known").inner_text() == "是"
    page.goto(central.url + "/console/trace?code=%2801%2909506000134352%282I%29SN0001")
    assert "这不是品牌发放的码" in page.locator(".error").inner_text()


def test_finance_approves_a_month_once_and_exports_it_defused(world, page, screenshots):
    central, card_id = world["central"], world["card_id"]
    log_in(page, central.url, "money", FINANCE_PASSWORD)
    page.goto(central.url + "/console/rebates")
    row = page.locator(f"tr[data-card='{card_id}']")
    assert row.locator("td.total").inner_text() == "10.00"  # two units at 5.00 yuan
    page.screenshot(path=str(screenshots / "console-rebates-zh.png"), full_page=True)
    click_and_wait(page, row.locator("button"))
    assert "money" in page.locator(f"tr[data-card='{card_id}'] td.approval").inner_text()
    with central.server.db.read() as tx:
        month = tx.scalar("SELECT month FROM rebate_payouts WHERE card_id = ?", (card_id,))
        assert tx.scalar("SELECT total_cents FROM rebate_payouts") == 1000
    again = requests.post(
        f"{central.url}/console/rebates/{month}/{card_id}/approve",
        data={"csrf": page.locator("input[name=csrf]").first.input_value()},
        cookies=cookies(page), timeout=10, allow_redirects=False,
    )  # fmt: skip
    assert again.status_code == 303
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT count(*) FROM rebate_payouts") == 1
        assert (
            tx.scalar(
                "SELECT result FROM console_audit WHERE action = 'rebate.approve' ORDER BY id DESC"
            )
            == "refused.already"
        )
    exported = requests.get(
        f"{central.url}/console/rebates/{month}.csv", cookies=cookies(page), timeout=10
    )
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[1][2] == "'=cmd|' /C calc'!A0" and rows[1][8] == "10.00"
    book = requests.get(
        f"{central.url}/console/rebates/{month}.xlsx", cookies=cookies(page), timeout=10
    )
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(book.content)).active
    assert sheet["C2"].value == "'=cmd|' /C calc'!A0" and sheet["C2"].data_type == "s"


def test_a_viewer_cannot_approve_a_rebate(world, page):
    central, card_id = world["central"], world["card_id"]
    log_in(page, central.url, "looker", VIEWER_PASSWORD)
    page.goto(central.url + "/console/rebates")
    click_and_wait(page, page.locator(f"tr[data-card='{card_id}'] button"))
    assert "无权" in page.locator(".error").inner_text()
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT count(*) FROM rebate_payouts") == 0


def test_an_enrollment_code_is_shown_as_a_qr_code_that_reads_back(world, page, screenshots):
    import cv2
    import zxingcpp

    central = world["central"]
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.goto(central.url + "/console/stations")
    page.fill("form[action='/console/enroll'] input[name=name]", "二号仓 PC")
    page.fill("form[action='/console/enroll'] input[name=site]", "W2")
    click_and_wait(page, "form[action='/console/enroll'] button")
    code = page.locator("#enroll-code p.code").inner_text()
    shot = screenshots / "console-enroll-zh.png"
    page.locator("#enroll-code svg").screenshot(path=str(shot))
    read = zxingcpp.read_barcodes(cv2.imread(str(shot)))
    assert [r.text for r in read] == [f"YIMA:ENROLL:{code}@{central.url}"]
    enrolled = requests.post(
        central.url + "/v1/enroll",
        json={"enrollment_code": code, "station_id": "w2-pc"},
        timeout=10,
    )
    assert enrolled.status_code == 200, enrolled.text


def test_code_and_voucher_packs_download_once_from_the_post_that_issues_them(world, page):
    central = world["central"]
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.goto(central.url + "/console/settings")
    page.fill("form[action='/console/settings/batch'] input[name=count]", "25")
    with page.expect_download() as download:
        page.click("form[action='/console/settings/batch'] button")
    codes = download.value.path().read_text(encoding="utf-8-sig").split()
    assert codes[0] == "code" and len(codes) == 26
    with central.server.db.read() as tx:
        assert (
            tx.scalar(
                "SELECT count(*) FROM codes WHERE key IN ({})".format(",".join("?" * 25)), codes[1:]
            )
            == 25
        )
    page.fill("form[action='/console/settings/vouchers'] input[name=prize]", "滤芯一支")
    page.fill("form[action='/console/settings/vouchers'] input[name=value]", "9.90")
    page.fill("form[action='/console/settings/vouchers'] input[name=count]", "3")
    with page.expect_download() as download:
        page.click("form[action='/console/settings/vouchers'] button")
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert len(rows) == 4 and all(r[1].startswith("YV1.") for r in rows[1:])
    page.goto(central.url + "/console/settings")
    assert "YV1." not in page.content()  # the console never shows a voucher's token again


def test_deny_list_and_offline_caps_change_from_the_console_and_reach_stations(world, page):
    central, warehouse = world["central"], world["warehouse"]
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.goto(central.url + "/console/settings")
    form = "form[action='/console/settings/deny']:not(:has(input[name=remove]))"
    page.select_option(f"{form} select[name=kind]", "device")
    page.fill(f"{form} input[name=value]", "USB:1234:5678")
    page.fill(f"{form} input[name=reason]", "丢失")
    click_and_wait(page, f"{form} button")
    caps = "form:has(input[value='counter.offline_caps'])"
    page.fill(f"{caps} input[name=value]", '{"vouchers": 5, "value_cents": 10000, "hours": 12}')
    click_and_wait(page, f"{caps} button")
    page.fill(f"{caps} input[name=value]", "not json")
    click_and_wait(page, f"{caps} button")
    assert page.locator(".error").count() == 1
    changes, _ = warehouse.pull_all()
    kinds = {(c["kind"], c["key"]): c["data"] for c in changes}
    assert ("deny", "device:USB:1234:5678") in kinds
    caps_data = [c["data"] for c in changes if c["key"] == "counter.offline_caps"][-1]
    assert "12" in str(caps_data)


def test_an_admin_adds_a_person_and_unlocks_a_locked_one(world, page, browser):
    from sync.server.console import accounts

    central = world["central"]
    for _ in range(accounts.MAX_FAILURES):
        requests.post(
            central.url + "/console/login",
            data={"username": "looker", "password": "wrong"},
            timeout=10,
        )
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.goto(central.url + "/console/users")
    page.fill("form[action='/console/users'] input[name=username]", "财务小张")
    page.fill("form[action='/console/users'] input[name=password]", "short")
    page.select_option("form[action='/console/users'] select[name=role]", "finance")
    click_and_wait(page, "form[action='/console/users'] button")
    assert "至少 10 个字符" in page.locator(".error").inner_text()
    page.fill("form[action='/console/users'] input[name=username]", "财务小张")
    page.fill("form[action='/console/users'] input[name=password]", "财务小张的密码-2026")
    page.select_option("form[action='/console/users'] select[name=role]", "finance")
    click_and_wait(page, "form[action='/console/users'] button")
    assert page.locator("tr[data-user='财务小张']").count() == 1
    click_and_wait(page, page.locator("tr[data-user='looker'] button"))
    assert page.locator("tr[data-user='looker'] button").count() == 0
    for user, password in (("财务小张", "财务小张的密码-2026"), ("looker", VIEWER_PASSWORD)):
        other = browser.new_context(locale="zh-CN")
        try:
            someone = other.new_page()
            log_in(someone, central.url, user, password)
            assert someone.url.endswith("/console/dashboard"), user
        finally:
            other.close()
