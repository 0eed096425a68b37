"""The dispatcher's filter chain: a scan the filter takes never reaches the page, the others do,
in order; a filter that fails is reported like a failing handler and the next scan still runs."""

from __future__ import annotations

from hardware.dispatch import Dispatcher
from hardware.scan import Scan


def test_a_filter_takes_its_scans_and_the_handler_gets_the_rest():
    dispatcher = Dispatcher()
    seen: list[str] = []
    dispatcher.add_listener(lambda s: seen.append(f"log {s.text}"))
    dispatcher.add_filter(lambda s: s.text == "YIMA:CMD:SYNC" and not seen.append("sync"))
    dispatcher.set_handler(lambda s: seen.append(f"page {s.text}"))
    for text in ("A", "YIMA:CMD:SYNC", "B"):
        dispatcher.dispatch(Scan(text, "sim"))
    assert seen == ["log A", "page A", "log YIMA:CMD:SYNC", "sync", "log B", "page B"]


def test_filters_run_in_the_order_they_were_added_and_the_first_taker_wins():
    dispatcher = Dispatcher()
    taken: list[str] = []

    def hold(scan: Scan) -> bool:
        taken.append(f"held {scan.text}")
        return True

    dispatcher.add_filter(hold)
    dispatcher.add_filter(lambda s: taken.append("never") or True)
    dispatcher.set_handler(lambda s: taken.append("page"))
    dispatcher.dispatch(Scan("X", "sim"))
    assert taken == ["held X"]
    dispatcher.remove_filter(hold)
    dispatcher.dispatch(Scan("Y", "sim"))
    assert taken == ["held X", "never"]


def test_a_failing_filter_is_reported_and_the_next_scan_still_goes_through():
    dispatcher = Dispatcher()
    errors: list[str] = []
    handled: list[str] = []
    dispatcher.on_error(lambda scan, exc: errors.append(f"{scan.text}: {exc}"))

    def picky(scan: Scan) -> bool:
        if scan.text == "bad":
            raise ValueError("boom")
        return False

    dispatcher.add_filter(picky)
    dispatcher.set_handler(lambda s: handled.append(s.text))
    dispatcher.dispatch(Scan("bad", "sim"))
    dispatcher.dispatch(Scan("good", "sim"))
    assert errors == ["bad: boom"] and handled == ["good"]
