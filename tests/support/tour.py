"""A walk through every screen of a demo station, as an administrator sees it, with work on it.

The screenshot test and the test that reads every visible word both take this walk, so what
is looked at and what is checked are the same screens. ``prepare`` makes the folder a demo
station (the demo's products, orders and codes) with one refused event in the sync issues list;
``walk`` logs in, does a little work on each page (a delivery being received, an order being
shipped, a case being packed, a product checked at the counter and on site) so tables have
rows, and yields each screen by name with the top-level widget that shows it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app import demo
from app.domain.store.database import connect
from app.domain.workflows.warehouse import Flow
from app.paths import database_path
from app.ui.main_window import MainWindow
from app.ui.station import Station
from app.ui.warehouse.page import FLOW_ORDER
from hardware.scan import Scan
from tests.support.shell import log_in

ADMIN = ("管理员", "1234")  # the demo's administrator


def prepare(data_dir: Path) -> None:
    """The demo station, and a shipment the server refused (so F6 has a row to show)."""
    demo.prepare(data_dir)
    conn = connect(database_path(data_dir))
    try:
        case = conn.execute(
            "SELECT key FROM codes WHERE level = 'case' AND status = 'in_stock' ORDER BY key"
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO sync_issues (event_id, seq, type, biz_step, reason, detail, codes,"
            " operator, occurred_at, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "ev-tour-1",
                7,
                "ObjectEvent",
                "shipping",
                "code.already_shipped",
                json.dumps({"station": "S-WH2", "dealer": "D002", "at": "2026-03-02T09:15:00"}),
                json.dumps([case]),
                "",
                "2026-03-02T09:20:00+00:00",
                "2026-03-02T10:00:00+00:00",
            ),
        )
        conn.commit()
    finally:
        conn.close()


def _gun(data_dir: Path, english_label_start: str) -> str:
    """The demo gun's scan whose English label starts with ``english_label_start``."""
    for entry in demo.demo_codes(data_dir):
        if entry["label_en"].startswith(english_label_start):
            return entry["text"]
    raise LookupError(english_label_start)


def _scan(qtbot, window: MainWindow, text: str) -> None:
    with qtbot.waitSignal(window.decision_shown, timeout=10_000):
        window.deliver_scan(Scan(text, "sim"))


def _settle(qtbot) -> None:
    """Readers answer and layouts settle (lists refresh REFRESH_DELAY_MS after a result)."""
    qtbot.wait(400)


def walk(qtbot, station: Station, data_dir: Path) -> Iterator[tuple[str, QWidget]]:
    """Every screen of the station in turn, each already on screen when it is yielded."""
    window = station.window
    _settle(qtbot)
    yield "login", window
    log_in(qtbot, window, *ADMIN)
    window.set_current_page("warehouse")
    page = window.page("warehouse")
    page.open_files = False
    for flow in FLOW_ORDER:
        with qtbot.waitSignal(page.result_shown, timeout=10_000):
            page.switch_flow(flow)
        if flow is Flow.RECEIVE:
            page.inbound_combo.setCurrentIndex(page.inbound_combo.count() - 1)  # ASN-8807
            with qtbot.waitSignal(page.result_shown, timeout=10_000):
                page.start_receive.click()
            _scan(qtbot, window, _gun(data_dir, "Rice wine case 000001"))
        elif flow is Flow.SHIP:
            with qtbot.waitSignal(page.result_shown, timeout=10_000):
                page.start_ship.click()
            _scan(qtbot, window, _gun(data_dir, "Baijiu case 000001"))
            _scan(qtbot, window, _gun(data_dir, "Beer case 000081"))
        elif flow is Flow.PACK:
            _scan(qtbot, window, _gun(data_dir, "Empty case label 000091"))
            _scan(qtbot, window, _gun(data_dir, "Loose beer can 00002041"))
        _settle(qtbot)
        yield f"warehouse-{flow.value}", window
    yield from _other_tabs(qtbot, window, page.tabs, "warehouse")
    for key in window.page_keys():
        if key == "warehouse":
            continue
        window.set_current_page(key)
        if key == "inspector":
            window.page(key).choose_place("S001")  # a shop of the demo's, so checks judge
        if key in ("counter", "inspector"):
            _scan(qtbot, window, _gun(data_dir, "Loose baijiu bottle"))
        _settle(qtbot)
        yield key, window
        yield from _other_modes(qtbot, window, key)
    counter = window.page("counter")
    counter.open_day_close()
    _settle(qtbot)
    yield "counter-day-close", counter.day_close_dialog
    counter.day_close_dialog.close()
    issues = station.sync.open_issues()
    assert issues is not None, "an administrator may always see the sync issues"
    _settle(qtbot)
    yield "sync-issues", issues
    issues.close()
    dialog = window.open_settings()
    for row in range(dialog.nav.count()):
        dialog.nav.setCurrentRow(row)
        _settle(qtbot)
        yield f"settings-{row + 1}", dialog
        wizard = getattr(dialog.stack.currentWidget(), "open_wizard", None)
        if wizard is not None:  # the scanner page's self-test
            wizard()
            _settle(qtbot)
            yield "scanner-self-test", dialog.stack.currentWidget().wizard
            dialog.stack.currentWidget().wizard.close()
    dialog.close()


def _other_modes(qtbot, window: MainWindow, key: str) -> Iterator[tuple[str, QWidget]]:
    """The counter's other modes and the inspector's other tabs, each as its own screen."""
    page = window.page(key)
    modes = getattr(page, "mode_buttons", None)
    for number, button in enumerate(modes.buttons() if modes is not None else [], start=1):
        if not button.isChecked():
            button.click()
            _settle(qtbot)
            yield f"{key}-mode{number}", window
    tabs = getattr(page, "tabs", None)
    if modes is None and tabs is not None:
        yield from _other_tabs(qtbot, window, tabs, key)


def _other_tabs(qtbot, window: MainWindow, tabs: Any, key: str) -> Iterator[tuple[str, QWidget]]:
    """Each tab after the first that this operator sees, then back to the first."""
    for index in range(1, tabs.count()):
        if tabs.isTabVisible(index):
            tabs.setCurrentIndex(index)
            _settle(qtbot)
            yield f"{key}-tab{index + 1}", window
    tabs.setCurrentIndex(0)
