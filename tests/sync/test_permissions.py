"""Least privilege (issue 17): every station kind x every endpoint x its own / another dealer's
(or region's) object -> the answer, on the live server over SQLite and PostgreSQL.

``EXPECTED`` is written out here by hand, not derived from ``sync.server.permissions``: a
permission widened in the table shows up as a difference (``test_the_matrix_catches_...``).
"""

from __future__ import annotations

import datetime as dt
import gzip
from dataclasses import dataclass
from typing import Any

import pytest

from app.demo import registry
from app.domain.workflows.inspector.verdict import judge
from app.domain.workflows.knowledge import ShipRow
from sync.client.transport import NotAllowed
from sync.server import admin, permissions
from sync.server.console import accounts
from sync.server.db import open_database
from sync.server.embedded import start_demo
from sync.server.service import Server
from sync.server.util import loads
from tests.support import ROOT
from tests.support.sync_data import Api, enroll_station, event, seed_sample, ship
from tests.support.sync_station import Station

MONTH = "2026-12"
A, K, N, OK = "403 access.kind", "403 access.not_yours", "422 snapshot.unknown_scope", "200"

# kind -> endpoint -> (own object, other dealer's or region's object)
EXPECTED: dict[str, dict[str, tuple[str, str]]] = {
    "brand_warehouse": {
        "whoami": (OK, OK), "changes.ref": (OK, OK), "changes.shipments": (OK, OK),
        "snapshot.all": (OK, OK), "snapshot.region": (OK, N), "snapshot.file": (OK, OK),
        "trace": (OK, OK), "voucher": (A, A), "rebate": (A, A),
        "epcis.capture": ("404", "404"), "epcis.query": (A, A), "evidence": (A, A),
    },
    "dealer_warehouse": {
        "whoami": (OK, OK), "changes.ref": (OK, OK), "changes.shipments": (A, A),
        "snapshot.all": (A, A), "snapshot.region": (A, A), "snapshot.file": (A, A),
        "trace": (OK, K), "voucher": (A, A), "rebate": (A, A),
        "epcis.capture": (A, A), "epcis.query": (A, A), "evidence": (A, A),
    },
    "dealer_counter": {
        "whoami": (OK, OK), "changes.ref": (OK, OK), "changes.shipments": (A, A),
        "snapshot.all": (A, A), "snapshot.region": (A, A), "snapshot.file": (A, A),
        "trace": (OK, K), "voucher": (OK, K), "rebate": (OK, K),
        "epcis.capture": (A, A), "epcis.query": (A, A), "evidence": (A, A),
    },
    "inspector": {
        "whoami": (OK, OK), "changes.ref": (OK, OK), "changes.shipments": (OK, OK),
        "snapshot.all": (A, A), "snapshot.region": (OK, K), "snapshot.file": (OK, K),
        "trace": (OK, K), "voucher": (A, A), "rebate": (A, A),
        "epcis.capture": (A, A), "epcis.query": (A, A),
        "evidence": ("404 evidence.not_named", "404 evidence.not_named"),  # allowed: own photos
    },
    "hq_test": {
        "whoami": (OK, OK), "changes.ref": (OK, OK), "changes.shipments": (OK, OK),
        "snapshot.all": (OK, OK), "snapshot.region": (OK, N), "snapshot.file": (OK, OK),
        "trace": (OK, OK), "voucher": (OK, OK), "rebate": (OK, OK),
        "epcis.capture": ("404", "404"), "epcis.query": (OK, OK),
        "evidence": ("404 evidence.not_named", "404 evidence.not_named"),  # allowed: own photos
    },
}  # fmt: skip

# kind -> the event types it may push (the rest are rejected auth.not_authorised)
EXPECTED_PUSH = {
    "brand_warehouse": {"ObjectEvent", "AggregationEvent"},
    "dealer_warehouse": {"ObjectEvent"},
    "dealer_counter": {"ObjectEvent", "RedemptionEvent", "RebateClaimEvent"},
    "inspector": {"ObjectEvent", "DiversionCaseEvent"},
    "hq_test": {"ObjectEvent", "AggregationEvent", "RedemptionEvent", "RebateClaimEvent",
                "DiversionCaseEvent"},
}  # fmt: skip
EVENT_TYPES = sorted(EXPECTED_PUSH["hq_test"])


@dataclass
class World:
    """Dealer D1 in Shanghai (R-SH) is "own", dealer D2 in Zhejiang (R-ZJ) is "other"."""

    central: Any
    stations: dict[str, Api]
    objects: dict[str, tuple[str, str]]  # endpoint -> (own path, other path)


def build_world(central: Any) -> World:
    server = central.server
    sample = seed_sample(server)
    hq = enroll_station(central, "hq", kind="hq_test", site="W1", region_id="R-SH")
    results = hq.push([ship("hq", 1, sample.items[:5], "D1", "SO-1"),
                       ship("hq", 2, sample.items[5:10], "D2", "SO-2")])  # fmt: skip
    assert [r["status"] for r in results] == ["accepted", "accepted"], results
    (v_own, _), (v_other, _) = (
        admin.issue_vouchers(server, 1, prize="P", value_cents=100, dealer_id=d)[0]
        for d in ("D1", "D2")
    )
    c_own, c_other = (admin.issue_card(server, "installer", dealer_id=d)[0] for d in ("D1", "D2"))
    snaps = {scope: server.build_snapshot(scope).snapshot_id
             for scope in ("all", "region:R-SH", "region:R-ZJ")}  # fmt: skip
    owners = {
        "brand_warehouse": {"site": "W1", "region_id": "R-SH"},
        "dealer_warehouse": {"dealer_id": "D1", "region_id": "R-SH"},
        "dealer_counter": {"dealer_id": "D1", "region_id": "R-SH"},
        "inspector": {"region_id": "R-SH"},
    }
    stations = {"hq_test": hq}
    for kind, owner in owners.items():
        stations[kind] = enroll_station(central, f"st-{kind}", kind=kind, **owner)
    photo = "0" * 64
    objects = {
        "whoami": ("/v1/whoami", "/v1/whoami"),
        "changes.ref": ("/v1/changes?stream=ref",) * 2,
        "changes.shipments": ("/v1/changes?stream=shipments",) * 2,
        "snapshot.all": ("/v1/snapshots/latest?scope=all",) * 2,
        "snapshot.region": ("/v1/snapshots/latest?scope=region:R-SH",
                            "/v1/snapshots/latest?scope=region:R-ZJ"),
        "snapshot.file": (f"/v1/snapshots/{snaps['region:R-SH']}",
                          f"/v1/snapshots/{snaps['region:R-ZJ']}"),
        "trace": (f"/v1/trace/{sample.items[0]}", f"/v1/trace/{sample.items[5]}"),
        "voucher": (f"/v1/vouchers/{v_own}", f"/v1/vouchers/{v_other}"),
        "rebate": (f"/v1/rebates/{c_own}/{MONTH}", f"/v1/rebates/{c_other}/{MONTH}"),
        "epcis.capture": ("/epcis/capture/none",) * 2,
        "epcis.query": ("/epcis/events",) * 2,
        "evidence": (f"/v1/evidence/{photo}",) * 2,
    }  # fmt: skip
    return World(central, stations, objects)


def outcome(api: Api, path: str) -> str:
    """The answer as ``status`` or ``status error`` (for a refusal with a reason code)."""
    response = api.get(path)
    if response.status_code in (403, 422) or (
        response.status_code == 404 and response.json().get("error")
    ):
        return f"{response.status_code} {response.json().get('error')}"
    return str(response.status_code)


def matrix_differences(world: World, kinds: list[str] | None = None) -> list[str]:
    """Every cell where the server's answer is not ``EXPECTED``'s (empty when all agree)."""
    differences = []
    for kind in kinds or list(EXPECTED):
        api = world.stations[kind]
        for endpoint, paths in world.objects.items():
            cells = zip(("own", "other"), paths, EXPECTED[kind][endpoint], strict=True)
            for which, path, expected in cells:
                got = outcome(api, path)
                if got != expected:
                    differences.append(f"{kind} {endpoint} {which}: {got}, expected {expected}")
        for seq, type_ in enumerate(EVENT_TYPES, start=100):
            result = api.push([event(f"st-{kind}" if kind != "hq_test" else "hq", seq, type_, {})])
            refused = result[0]["reason"] == "auth.not_authorised"
            if refused == (type_ in EXPECTED_PUSH[kind]):
                differences.append(f"{kind} push {type_}: {'refused' if refused else 'judged'}")
    return differences


def test_every_kind_every_endpoint_own_and_other(central):
    world = build_world(central)
    differences = matrix_differences(world)
    assert differences == [], "\n".join(differences)
    # every endpoint of the table is in the matrix (a new one must be added here)
    assert set(permissions.READS) <= set(EXPECTED["hq_test"])
    # every refusal is logged for head office
    with central.server.db.read() as tx:
        logged = tx.scalar("SELECT COUNT(*) FROM anomalies WHERE kind = 'access.denied'")
    assert logged >= 40


def test_the_matrix_catches_a_widened_permission(central, monkeypatch):
    world = build_world(central)
    assert matrix_differences(world, ["dealer_counter"]) == []
    widened = dict(permissions.READS["snapshot.all"], dealer_counter=permissions.Own.ANY)
    monkeypatch.setitem(permissions.READS, "snapshot.all", widened)
    pushes = permissions.PUSH["dealer_counter"] | {"AggregationEvent"}
    monkeypatch.setitem(permissions.PUSH, permissions.Kind.DEALER_COUNTER, pushes)
    assert matrix_differences(world, ["dealer_counter"]) == [
        "dealer_counter snapshot.all own: 200, expected 403 access.kind",
        "dealer_counter snapshot.all other: 200, expected 403 access.kind",
        "dealer_counter push AggregationEvent: judged",
    ]


def test_a_dealer_trace_is_its_own_view(central):
    world = build_world(central)
    own_key = world.objects["trace"][0].removeprefix("/v1/trace/")
    full = world.stations["hq_test"].get(f"/v1/trace/{own_key}").json()
    dealer = world.stations["dealer_counter"].get(f"/v1/trace/{own_key}").json()
    assert full["steps"] and any(s["station"] == "hq" for s in full["steps"])
    assert dealer["known"] and dealer["product_id"] == full["product_id"]
    assert dealer["batch_id"] == full["batch_id"] and dealer["dealer_id"] == "D1"
    assert all(s["station"] in (None, "st-dealer_counter", "st-dealer_warehouse")
               for s in dealer["steps"])  # fmt: skip
    assert "hq" not in str(dealer["steps"]) and dealer["anomalies"] == []
    # an unknown code: "not authentic", and nothing more
    unknown = world.stations["dealer_counter"].get("/v1/trace/sgtin:06901234567892.999").json()
    assert unknown["known"] is False and unknown["steps"] == []


def test_an_inspector_pulls_the_shipments_of_its_region_only(central):
    world = build_world(central)
    changes, _ = world.stations["inspector"].pull_all("shipments")
    shipped = {c["key"]: c["data"] for c in changes if c["data"].get("dealer_id")}
    own, other = world.objects["trace"][0][10:], world.objects["trace"][1][10:]
    assert shipped[own]["dealer_id"] == "D1" and shipped[own]["order_id"] == "SO-1"
    # shipped elsewhere: "not here", to whom and under which order not said
    assert shipped[other] == {"dealer_id": permissions.ELSEWHERE, "region_id": None,
                              "ship_date": None, "order_id": None, "void": False}  # fmt: skip
    assert "D2" not in str(changes) and "SO-2" not in str(changes)
    latest = world.stations["inspector"].get("/v1/snapshots/latest").json()  # no scope named
    assert latest["scope"] == "region:R-SH"
    text = gzip.decompress(world.stations["inspector"].get(latest["url"]).content).decode()
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in text.splitlines()}
    assert rows[own][0] == "D1" and rows[other] == [permissions.ELSEWHERE, "", "", ""]
    assert "D2" not in text and "SO-2" not in text


def test_kind_and_owner_change_only_through_the_audited_path(central):
    server = central.server
    seed_sample(server)
    api = enroll_station(central, "st-1", kind="dealer_counter", dealer_id="D1", region_id="R-SH")
    assert "kind:dealer_counter" in api.get("/v1/whoami").json()["tags"]
    with pytest.raises(admin.AdminError):
        admin.create_enrollment_code(server, kind="superuser")
    admin.set_station_role(server, "st-1", kind="inspector", region_id="R-SH",
                           granted_regions=["R-ZJ"], actor="cli:it")  # fmt: skip
    assert api.get("/v1/snapshots/latest", params={"scope": "region:R-ZJ"}).status_code in (
        200,
        503,  # granted: being built
    )
    # its default snapshot is its own region and the granted neighbour, in one
    server.build_snapshot("region:R-SH,R-ZJ")
    assert api.get("/v1/snapshots/latest").json()["scope"] == "region:R-SH,R-ZJ"
    other = api.get("/v1/snapshots/latest", params={"scope": "region:R-GD,R-SH"})
    assert (other.status_code, other.json()["error"]) == (403, "access.not_yours")
    with pytest.raises(admin.AdminError):
        admin.set_station_role(server, "nobody", kind="inspector", actor="cli:it")
    rows = accounts.audit_rows(server.db)
    assert [(r["username"], r["action"], r["target"], r["result"]) for r in rows[:2]] == [
        ("cli:it", "station.role", "nobody", "unknown"),
        ("cli:it", "station.role", "st-1", "ok"),
    ]
    assert '"before"' in rows[1]["detail"] and "dealer_counter" in rows[1]["detail"]


def test_a_station_without_a_kind_keeps_working_as_before(central):
    """Stations enrolled before kinds existed are head office's test kind: nothing refused."""
    sample = seed_sample(central.server)
    api = enroll_station(central, "legacy", site="W1")
    assert api.get(f"/v1/trace/{sample.items[0]}").status_code == 200
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT kind FROM stations WHERE id = 'legacy'") is None
    assert permissions.DEFAULT_KIND == "hq_test"


def test_the_table_is_written_down_once():
    """The README and the OpenAPI document show the table the routes use."""
    assert permissions.table_markdown() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_each_route_says_who_may_use_it(central):
    document = Api(central.url).get("/openapi.json").json()
    trace = next(op for path, item in document["paths"].items() if "/trace/" in path
                 for op in item.values())  # fmt: skip
    assert "dealer_counter (own_dealer)" in trace["description"]
    assert "access.not_yours" in trace["description"]
    assert "| snapshot.all |" in document["info"]["description"]


def test_a_refused_lookup_is_not_allowed_and_the_station_stays_enrolled(central, tmp_path):
    """The station shows "not allowed for this station" (NotAllowed), not "enroll again", and
    its next sync round still works."""
    sample = seed_sample(central.server)
    enroll_station(central, "hq", kind="hq_test", site="W1")
    station = Station(tmp_path / "counter")
    try:
        station.enroll(central, kind="dealer_counter", dealer_id="D1", region_id="R-SH")
        with pytest.raises(NotAllowed) as refused:
            station.client.trace(sample.items[0])  # issued, never shipped to D1
        assert "access.not_yours" in refused.value.detail
        assert "Not allowed for this station" in refused.value.text
        assert station.client.sync_once().pushed == 0  # still enrolled, still syncing
    finally:
        station.close()


def _snapshot_rows(api: Api, scope: str | None = None) -> dict[str, ShipRow]:
    params = {"scope": scope} if scope else {}
    info = api.get("/v1/snapshots/latest", params=params).json()
    text = gzip.decompress(api.get(info["url"]).content).decode()
    return {
        cells[0]: ShipRow(cells[0], *(cell or None for cell in cells[1:]))
        for cells in (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    }


def test_in_the_demo_world_dealer_b_cannot_learn_who_bought_dealer_a_goods(tmp_path):
    """Two dealers' counters and an inspector (``seed.STATIONS``): D003's counter learns nothing
    of D001's goods; the inspector's verdicts from its region's snapshot are the full map's."""
    demo = start_demo(tmp_path / "demo.sqlite3", registry())
    try:
        assert demo.seed is not None
        apis = {}
        codes = {**demo.seed.station_codes, "demo-station": demo.enrollment_code}
        for name, code in codes.items():
            answer = Api(demo.url).post("/v1/enroll", {"enrollment_code": code, "station_id": name})
            assert answer.status_code == 200, answer.text
            apis[name] = Api(demo.url, answer.json()["credential"])
        db = open_database(str(tmp_path / "demo.sqlite3"))
        server = Server(db, snapshot_dir=tmp_path / "snapshots")
        for scope in ("all", "region:SH"):
            server.build_snapshot(scope)
        with db.read() as tx:
            sold_a = [r[0] for r in tx.rows("SELECT key FROM codes WHERE dealer_id = 'D001'")]
            orders_a = [r[0] for r in tx.rows("SELECT id FROM orders WHERE dealer_id = 'D001'")]
            parents = dict(tx.rows("SELECT id, parent_id FROM regions"))
            dealer_regions = {
                d: tuple(loads(r)) for d, r in tx.rows("SELECT id, regions FROM dealers")
            }
        assert sold_a and orders_a

        b = apis["counter-D003"]
        for key in sold_a[:20]:
            answer = b.get(f"/v1/trace/{key}")
            assert (answer.status_code, answer.json()["error"]) == (403, "access.not_yours")
        for path in ("/v1/changes?stream=shipments", "/v1/snapshots/latest?scope=all"):
            assert b.get(path).status_code == 403, path
        pulled = str(b.pull_all("ref")[0])
        assert not [k for k in sold_a if k in pulled] and not [o for o in orders_a if o in pulled]
        assert apis["counter-D001"].get(f"/v1/trace/{sold_a[0]}").json()["dealer_id"] == "D001"

        # the inspector in Shanghai: its own region's snapshot by default, same verdicts
        inspector = _snapshot_rows(apis["inspector-SH"])
        full = _snapshot_rows(apis["demo-station"], "all")
        assert set(inspector) == set(full)
        now = dt.datetime.now(dt.UTC)

        def verdict(row: ShipRow | None) -> str:
            regions = dealer_regions.get(row.dealer_id, ()) if row else ()
            return judge(row, "SH", regions, parents, synced_at=now, now=now,
                         max_age_hours=72).verdict.value  # fmt: skip

        verdicts = {key: verdict(row) for key, row in full.items()}
        assert {key: verdict(row) for key, row in inspector.items()} == verdicts
        assert {"authorised", "diverted", "not_shipped"} <= set(verdicts.values())
        assert verdict(inspector.get("sgtin:unknown")) == "unknown"
        assert "D003" not in str([r for r in inspector.values() if r.dealer_id != "D001"])
        db.close()
    finally:
        demo.stop()


def test_a_dealer_station_pulls_the_code_registry_without_other_dealers_buyers(central):
    """Codes issued for every station (no site) come to a dealer's counter as the registry its
    offline authenticity check needs, but never with another dealer, order or station."""
    server = central.server
    sample = seed_sample(server, site=None)
    hq = enroll_station(central, "hq", kind="hq_test")
    hq.push([ship("hq", 1, sample.items[:2], "D1", "SO-1"),
             ship("hq", 2, sample.items[2:4], "D2", "SO-2")])  # fmt: skip
    counter = enroll_station(central, "c-1", kind="dealer_counter", dealer_id="D1")
    codes = {c["key"]: c["data"] for c in counter.pull_all("ref")[0] if c["kind"] == "code"}
    assert set(sample.items) <= set(codes)
    assert codes[sample.items[0]]["dealer_id"] == "D1" and codes[sample.items[0]]["by"] is None
    other = codes[sample.items[2]]
    assert other["status"] == "shipped" and other["dealer_id"] is None
    assert other["order_id"] is None and other["by"] is None
    assert "D2" not in str(codes) and "SO-2" not in str(codes) and '"hq"' not in str(codes)
    full = {c["key"]: c["data"] for c in hq.pull_all("ref")[0] if c["kind"] == "code"}
    assert full[sample.items[2]]["dealer_id"] == "D2" and full[sample.items[2]]["by"] == "hq"
