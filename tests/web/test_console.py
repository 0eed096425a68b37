"""Head office's console in a real browser against the live server on loopback."""

from __future__ import annotations

import re
from typing import Any

import pytest
import requests

from sync.server.console import accounts
from tests.web.conftest import ADMIN_PASSWORD, VIEWER_PASSWORD, click_and_wait, log_in


def bar_values(page: Any, title: str) -> dict[str, float]:
    bars = page.locator(f"section[data-title='{title}'] g.bar")
    return {
        bars.nth(n).get_attribute("data-label"): float(bars.nth(n).get_attribute("data-value"))
        for n in range(bars.count())
    }


def test_the_dashboard_shows_what_the_database_holds_in_chinese(world, page, screenshots):
    central = world["central"]
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.wait_for_url("**/console/dashboard")
    assert page.locator("h1").inner_text() == "数据看板"
    with central.server.db.read() as tx:
        events_by_day = dict(
            tx.rows("SELECT substr(occurred_at, 6, 5), count(*) FROM events GROUP BY 1")
        )
        shipped = tx.scalar("SELECT count(*) FROM shipments WHERE standing = 1")
        open_cases = tx.scalar("SELECT count(*) FROM diversion_cases WHERE status = 'open'")
    scans = {day: n for day, n in bar_values(page, "Scans per day").items() if n}
    assert scans == {day: float(n) for day, n in events_by_day.items()}
    assert sum(bar_values(page, "Shipments by dealer (30 days)").values()) == shipped
    assert bar_values(page, "Diversion cases by status") == {"待处理": float(open_cases)}
    page.screenshot(path=str(screenshots / "console-dashboard-zh.png"), full_page=True)

    page.locator("section[data-title='Shipments by dealer (30 days)'] a").first.click()
    page.wait_for_url(re.compile(r".*/console/list/shipments\?dealer=D\d"))
    assert page.locator("table.rows tr").count() > 1


def test_a_case_opens_with_its_chain_and_moves_on_with_the_audit_log_saying_who(
    world, page, screenshots
):
    central = world["central"]
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.goto(central.url + "/console/list/cases?status=open")
    click_and_wait(page, "text=case-1")
    assert page.locator("#status").inner_text() == "待处理"
    assert world["sample"].cases[0] in page.locator("table").inner_text()
    page.screenshot(path=str(screenshots / "console-case-zh.png"), full_page=True)
    page.select_option("select[name=status]", "confirmed")
    page.fill("input[name=note]", "经销商已承认")
    click_and_wait(page, "form.move button")
    assert page.locator("#status").inner_text() == "已确认"
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT status FROM diversion_cases WHERE case_id = 'case-1'") == (
            "confirmed"
        )
    page.goto(central.url + "/console/audit")
    assert "case.status" in page.content() and "boss" in page.content()


def test_revoking_a_station_in_the_console_refuses_it_on_the_station_api(world, page):
    central, warehouse = world["central"], world["warehouse"]
    assert warehouse.get("/v1/whoami").status_code == 200
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.goto(central.url + "/console/stations")
    click_and_wait(page, page.locator("tr[data-station='wh-1'] button"))
    assert page.locator("tr[data-station='wh-1'] td.revoked").count() == 1
    assert warehouse.get("/v1/whoami").status_code == 403


def test_a_viewer_is_refused_a_change_and_the_refusal_is_audited(world, page):
    central = world["central"]
    log_in(page, central.url, "looker", VIEWER_PASSWORD)
    page.goto(central.url + "/console/stations")
    with page.expect_response(lambda r: "/revoke" in r.url) as answer:
        page.locator("tr[data-station='wh-1'] button").click()
    assert answer.value.status == 403
    assert "无权" in page.locator(".error").inner_text()
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT revoked FROM stations WHERE id = 'wh-1'") == 0
        assert (
            tx.scalar("SELECT result FROM console_audit WHERE action = 'station.revoke'")
            == "refused.role"
        )


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(world, page):
    central = world["central"]
    for _ in range(accounts.MAX_FAILURES):
        log_in(page, central.url, "boss", "wrong password")
    assert "锁定" in page.locator(".error").inner_text()
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    assert "/console/login" in page.url
    assert "锁定" in page.locator(".error").inner_text()


def test_a_change_without_the_session_csrf_token_is_refused(world, page):
    central = world["central"]
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.wait_for_url("**/console/dashboard")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    forged = requests.post(
        central.url + "/console/stations/wh-1/revoke",
        data={"csrf": "guessed"},
        cookies=cookies,
        timeout=10,
        allow_redirects=False,
    )
    assert forged.status_code == 403
    cross_site = requests.post(
        central.url + "/console/stations/wh-1/revoke",
        data={"csrf": page.locator("input[name=csrf]").first.input_value()},
        cookies=cookies,
        headers={"Origin": "http://evil.example"},
        timeout=10,
        allow_redirects=False,
    )
    assert cross_site.status_code == 403
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT revoked FROM stations WHERE id = 'wh-1'") == 0


def test_station_credentials_and_console_sessions_do_not_open_each_other(world, page):
    central, warehouse = world["central"], world["warehouse"]
    as_station = warehouse.get("/console/dashboard", allow_redirects=False)
    assert as_station.status_code == 303 and "/console/login" in as_station.headers["location"]
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.wait_for_url("**/console/dashboard")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert requests.get(central.url + "/v1/whoami", cookies=cookies, timeout=10).status_code == 401


def test_no_page_loads_anything_from_another_host(world, page):
    """Pages and their assets come from the server; the one outside address inside a bundled
    asset (ReDoc's vendor logo) is stopped by the server's own policy, not by a missing network."""
    central = world["central"]
    ours = (central.url, "data:", f"blob:{central.url}")
    outside: list[str] = []
    blocked: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(ours) else outside.append(r.url))
    page.on(
        "requestfailed",
        lambda r: blocked.append(r.url) if r.failure == "csp" else None,
    )
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    for path in ("/console/dashboard", "/console/stations", "/console/list/cases",
                 "/console/cases/case-1", "/console/audit", "/docs", "/redoc"):  # fmt: skip
        page.goto(central.url + path)
        page.wait_for_load_state("networkidle")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for url in page.eval_on_selector_all(f"{tag}[{attr}]", f"e => e.map(x => x.{attr})"):
                assert url.startswith(ours), (path, url)
    assert sorted(outside) == sorted(blocked)
    assert "redoc" in page.content()


def test_the_first_admin_comes_from_the_cli_and_there_is_no_default_password(tmp_path):
    import subprocess
    import sys

    from sync.server.db import open_database
    from sync.server.service import Server
    from tests.support import ROOT

    db_path = tmp_path / "server.sqlite3"

    def cli(password: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "admin", "--db", str(db_path),
             "console-user", "boss", "--role", "admin", "--password-stdin"],
            input=password + "\n", capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    weak = cli("short")
    assert weak.returncode == 2 and "at least" in weak.stderr
    created = cli(ADMIN_PASSWORD)
    assert created.returncode == 0, created.stderr
    db = open_database(str(db_path))
    try:
        server = Server(db, snapshot_dir=tmp_path / "snapshots")
        accounts.create_schema(db)
        with pytest.raises(accounts.AccountError, match=r"login\.failed"):
            accounts.log_in(db, server.clock(), "admin", "admin")
        assert accounts.log_in(db, server.clock(), "boss", ADMIN_PASSWORD)
    finally:
        db.close()


def test_a_case_shows_its_uploaded_photos_and_makes_an_evidence_pack(world, page, screenshots):
    import hashlib

    import cv2
    import numpy as np

    from tests.support.sync_data import enroll_station, event

    central, sample = world["central"], world["sample"]
    frame = np.full((240, 320, 3), (40, 120, 200), np.uint8)
    cv2.putText(frame, "SHELF 3", (40, 130), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (255, 255, 255), 3)
    jpeg = cv2.imencode(".jpg", frame)[1].tobytes()
    sha = hashlib.sha256(jpeg).hexdigest()
    inspector = enroll_station(central, "insp-photo")
    case = {"bizStep": "inspecting", "case_id": "case-photo", "code": sample.cases[0],
            "region_id": "R-GD", "photos": [{"sha256": sha, "name": "shelf.jpg"},
                                            {"sha256": "0" * 64, "name": "lost.jpg"}]}  # fmt: skip
    assert inspector.push([event("insp-photo", 1, "DiversionCaseEvent", case)])[0]["status"] == (
        "accepted"
    )
    sent = inspector.session.put(
        f"{central.url}/v1/evidence/{sha}",
        params={"offset": 0, "total": len(jpeg)},
        data=jpeg,
        headers={"Content-Type": "application/octet-stream"},
        timeout=30,
    )
    assert sent.json()["complete"] is True
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    page.goto(central.url + "/console/cases/case-photo")
    shown = page.locator("img.photo")
    assert shown.count() == 1
    assert shown.evaluate("img => img.complete && img.naturalWidth") == 320
    assert "尚未上传" in page.locator(".pending").inner_text()
    page.screenshot(path=str(screenshots / "console-case-photos-zh.png"), full_page=True)
    with page.expect_download() as download:
        page.click("#pack")
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Subtype /Image" in pdf


def test_the_demo_server_names_its_console_and_its_login_opens_it(tmp_path, page):
    from app.demo import registry
    from sync.server.embedded import start_demo

    demo = start_demo(tmp_path / "demo-server.sqlite3", registry())
    try:
        user, password = demo.seed.console_login
        page.goto(demo.console_url)
        page.fill("input[name=username]", user)
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.click("button[type=submit]")
        assert page.url.endswith("/console/dashboard")
        assert page.locator("#online").inner_text() == "0"
    finally:
        demo.stop()


def test_english_is_one_click_away_and_stays(world, page, screenshots):
    central = world["central"]
    log_in(page, central.url, "boss", ADMIN_PASSWORD)
    click_and_wait(page, "text=English")
    page.goto(central.url + "/console/dashboard")
    assert page.locator("h1").inner_text() == "Dashboard"
    assert "Diversion cases" in page.locator("nav").inner_text()
    page.screenshot(path=str(screenshots / "console-dashboard-en.png"), full_page=True)
    click_and_wait(page, "text=中文")
    assert page.locator("h1").inner_text() == "数据看板"
