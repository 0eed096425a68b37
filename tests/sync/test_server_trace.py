"""The trace of a code, anomaly flags from arriving events, and diversion cases."""

from __future__ import annotations

import datetime as dt

from sync.server import admin
from tests.support.sync_data import enroll_station, event, seed_sample, ship


def inspect(station: str, seq: int, keys: list[str], at: dt.datetime, **extra) -> dict:
    return event(station, seq, "ObjectEvent", {"bizStep": "inspecting", "epcList": keys, **extra},
                 at=at.isoformat())  # fmt: skip


def test_anomalies_far_apart_consecutive_runs_too_close_and_blacklisted_devices(central):
    sample = seed_sample(central.server)
    shanghai = enroll_station(central, "sh", region_id="R-SH", lat=31.23, lon=121.47)
    guangzhou = enroll_station(central, "gz", region_id="R-GD", lat=23.13, lon=113.26)
    hangzhou = enroll_station(central, "hz", region_id="R-ZJ")
    admin.deny(central.server, "device", "gun-77", "cloned scanner")
    t0 = dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.UTC)
    i = sample.items
    assert shanghai.push([inspect("sh", 1, [i[0]], t0)])[0]["status"] == "accepted"
    guangzhou.push([inspect("gz", 1, [i[0]], t0 + dt.timedelta(hours=1))])  # 1,200 km in an hour
    hangzhou.push(
        [inspect("hz", 1, [i[0]], t0 + dt.timedelta(hours=1, minutes=30))]
    )  # no coordinates: by region
    shanghai.push(
        [inspect("sh", n + 2, [i[n + 5]], t0 + dt.timedelta(minutes=n + 10)) for n in range(5)]
    )
    shanghai.push([
        inspect("sh", 10, [i[15]], t0 + dt.timedelta(hours=2)),
        inspect("sh", 11, [i[17]], t0 + dt.timedelta(hours=2, milliseconds=80)),
        inspect("sh", 12, ["brand:NEVER-ISSUED"], t0 + dt.timedelta(hours=3), device="gun-77"),
    ])  # fmt: skip
    with central.server.db.read() as tx:
        flags = tx.rows("SELECT kind, code_key, station_id FROM anomalies ORDER BY id")
    assert ("far_apart", i[0], "gz") in flags
    assert ("far_apart", i[0], "hz") in flags
    assert ("consecutive_run", i[9], "sh") in flags
    assert ("too_close", None, "sh") in flags
    assert ("blacklisted_device", None, "sh") in flags
    assert ("unknown_code", "brand:NEVER-ISSUED", "sh") in flags
    assert len(flags) == 6

    trace = shanghai.get(f"/v1/trace/{i[0]}").json()
    assert trace["scan_count"] == 3 and [a["kind"] for a in trace["anomalies"]] == [
        "far_apart",
        "far_apart",
    ]
    assert [s["station"] for s in trace["steps"] if s["what"] == "inspecting"] == ["sh", "gz", "hz"]
    unknown = shanghai.get("/v1/trace/brand:NEVER-ISSUED").json()
    assert unknown["known"] is False and unknown["anomalies"][0]["kind"] == "unknown_code"


def test_diversion_cases_open_against_the_dealer_and_their_status_reaches_the_inspector(central):
    sample = seed_sample(central.server)
    warehouse = enroll_station(central, "wh", site="W1")
    inspector = enroll_station(central, "insp")
    i = sample.items
    warehouse.push([ship("wh", 1, [sample.cases[0]], dealer="D1", order="SO-1")])
    warehouse.push([event("wh", 2, "AggregationEvent", {"action": "ADD", "parentID": sample.cases[1],
                                                        "childEPCs": i[0:2]})])  # fmt: skip
    warehouse.push([ship("wh", 3, [sample.cases[1]], dealer="D1", order="SO-1")])

    def case(seq, case_id, code, **where):
        return event("insp", seq, "DiversionCaseEvent", {"bizStep": "inspecting", "case_id": case_id,
                                                         "code": code, "note": "货架第三层", **where})  # fmt: skip

    results = inspector.push([
        case(1, "k1", i[0], region_id="R-GD"),
        case(2, "k2", i[1], store_id="S1"),
        case(3, "k3", "brand:FAKE", region_id="R-GD"),
        case(4, "k4", i[5], region_id="R-GD"),
        case(5, "k5", i[6]),
    ])  # fmt: skip
    assert [r["status"] for r in results] == [
        "accepted",
        "rejected",
        "accepted",
        "accepted",
        "rejected",
    ]
    assert results[0]["detail"] == {"case_id": "k1", "verdict": "diverted", "dealer": "D1"}
    assert results[1]["reason"] == "case.not_diverted" and results[1]["detail"]["dealer"] == "D1"
    assert results[2]["detail"]["verdict"] == "unknown_code"
    assert results[3]["detail"]["verdict"] == "not_shipped"
    assert results[4]["reason"] == "event.invalid"

    admin.set_case_status(central.server, "k1", "confirmed", "经销商已承认")
    changes, _ = inspector.pull_all()
    cases = {c["key"]: c["data"] for c in changes if c["kind"] == "case"}
    assert cases["k1"]["status"] == "confirmed" and cases["k1"]["resolution"] == "经销商已承认"
    assert cases["k3"]["status"] == "open"
    trace = inspector.get(f"/v1/trace/{i[0]}").json()
    assert trace["ancestors"] == [sample.cases[1]]
    assert "diversion_case" in [s["what"] for s in trace["steps"]]
