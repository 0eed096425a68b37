"""The reference server over HTTP on loopback, on SQLite and PostgreSQL: enrollment, push, pull."""

from __future__ import annotations

import requests

from sync.server import admin
from tests.support.sync_data import Api, enroll_station, event, pack, seed_sample, ship


def test_enrollment_is_one_time_and_every_request_is_authenticated(central):
    api = enroll_station(central, "st-1", site="W1", dealer_id="D1")
    me = api.get("/v1/whoami").json()
    assert me["station_id"] == "st-1"
    assert {"*", "station:st-1", "site:W1", "dealer:D1"} <= set(me["tags"])

    assert Api(central.url).get("/v1/whoami").status_code == 401
    assert Api(central.url, "ys1_forged").get("/v1/changes").status_code == 401
    assert Api(central.url, "ys1_forged").post("/v1/events", {"events": []}).status_code == 401

    code = admin.create_enrollment_code(central.server, station_id="st-2")
    first = requests.post(
        central.url + "/v1/enroll", json={"enrollment_code": code, "station_id": "st-2"}, timeout=10
    )
    again = requests.post(
        central.url + "/v1/enroll", json={"enrollment_code": code, "station_id": "st-2"}, timeout=10
    )
    assert first.status_code == 200
    assert again.status_code == 403 and again.json()["error"] == "enrollment.code_used"
    wrong = admin.create_enrollment_code(central.server, station_id="st-3")
    answer = requests.post(
        central.url + "/v1/enroll",
        json={"enrollment_code": wrong, "station_id": "st-x"},
        timeout=10,
    )
    assert answer.status_code == 403 and answer.json()["error"] == "enrollment.other_station"
    # the code is accepted however IT typed it: lower case, no dashes
    loose = admin.create_enrollment_code(central.server).replace("-", "").lower()
    assert requests.post(central.url + "/v1/enroll", json={"enrollment_code": loose, "station_id": "st-4"},
                         timeout=10).status_code == 200  # fmt: skip

    admin.set_station_revoked(central.server, "st-1", True)
    refused = api.get("/v1/whoami")
    assert refused.status_code == 403 and refused.json()["error"] == "station.revoked"
    admin.set_station_revoked(central.server, "st-1", False)
    assert api.get("/v1/whoami").status_code == 200


def test_push_answers_each_event_and_is_idempotent_forever(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    good = ship("st-1", 1, [sample.items[0]])
    unknown = ship("st-1", 2, ["sgtin:06901234567892.999999999999"])
    again = ship("st-1", 3, [sample.items[0]], dealer="D2", order="SO-2")
    results = api.push([good, unknown, again])
    assert [r["status"] for r in results] == ["accepted", "rejected", "rejected"]
    assert results[1]["reason"] == "code.unknown"
    assert results[2]["reason"] == "code.already_shipped"
    assert results[2]["detail"]["dealer"] == "D1" and results[2]["detail"]["station"] == "st-1"

    # the same events again: duplicates that say what the first delivery was answered
    repeat = api.push([good, unknown])
    assert [r["status"] for r in repeat] == ["duplicate", "duplicate"]
    assert [r["original_status"] for r in repeat] == ["accepted", "rejected"]
    assert repeat[1]["reason"] == "code.unknown"

    # the same id with a different payload is refused as such, and changes nothing
    tampered = dict(good, payload=dict(good["payload"], dealer_id="D2"))
    assert api.push([tampered])[0]["reason"] == "event.id_reused"
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT COUNT(*) FROM events") == 3
        assert tx.scalar("SELECT dealer_id FROM codes WHERE key = ?", (sample.items[0],)) == "D1"
        assert tx.scalar("SELECT COUNT(*) FROM shipments WHERE standing = 1") == 1


def test_a_station_may_push_only_its_own_events(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    enroll_station(central, "st-2", site="W1")
    results = api.push([ship("st-2", 1, [sample.items[0]])])
    assert results[0]["status"] == "rejected" and results[0]["reason"] == "auth.not_own_event"
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT COUNT(*) FROM events") == 0


def test_shipping_checks_dealer_order_and_region(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    i = sample.items
    results = api.push([
        ship("st-1", 1, [i[0]], dealer="D9", order=None),
        ship("st-1", 2, [i[1]], dealer="D1", order="SO-404"),
        ship("st-1", 3, [i[2]], dealer="D1", order="SO-2"),
        ship("st-1", 4, [i[3]], dealer="D1", order=None, region_id="R-GD"),
        event("st-1", 5, "ObjectEvent", {"bizStep": "shipping", "epcList": [i[4]]}),
        event("st-1", 6, "Nonsense", {}),
    ])  # fmt: skip
    assert [r["reason"] for r in results] == [
        "dealer.unknown",
        "order.unknown",
        "order.wrong_dealer",
        "dealer.region_not_authorised",
        "event.invalid",
        "event.invalid",
    ]
    admin.set_order_status(central.server, "SO-1", "closed")
    assert api.push([ship("st-1", 7, [i[5]])])[0]["reason"] == "order.closed"


def test_packing_then_shipping_a_pallet_ships_everything_inside_in_one_batch(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    c1, c2 = sample.cases[:2]
    pallet = sample.pallets[0]
    i = sample.items
    results = api.push([
        pack("st-1", 1, c1, i[0:4]),
        pack("st-1", 2, c2, i[4:8]),
        pack("st-1", 3, pallet, [c1, c2]),
        pack("st-1", 4, c2, [i[0]]),  # already in c1
        pack("st-1", 5, i[9], [i[10]]),  # an item is no parent
        pack("st-1", 6, c1, [pallet]),  # a pallet does not go into a case
        ship("st-1", 7, [pallet]),
        pack("st-1", 8, pallet, [sample.cases[2]]),  # shipped already
        ship("st-1", 9, [i[5]], dealer="D2", order="SO-2"),  # inside the shipped pallet
    ])  # fmt: skip
    assert [r["status"] for r in results] == ["accepted"] * 3 + ["rejected"] * 3 + ["accepted"] + [
        "rejected"
    ] * 2
    assert (
        results[3]["reason"] == "aggregation.child_in_other_parent"
        and results[3]["detail"]["other"] == c1
    )
    assert results[4]["reason"] == "aggregation.level_mismatch"
    assert results[5]["reason"] == "aggregation.level_mismatch"
    assert results[7]["reason"] == "aggregation.parent_shipped"
    assert results[8]["reason"] == "code.already_shipped"
    with central.server.db.read() as tx:
        shipped = tx.scalar(
            "SELECT COUNT(*) FROM codes WHERE dealer_id = 'D1' AND status = 'shipped'"
        )
    assert shipped == 11  # pallet + 2 cases + 8 items
    trace = api.get(f"/v1/trace/{i[5]}").json()
    assert (
        trace["dealer_id"] == "D1" and trace["region_id"] == "R-SH" and trace["order_id"] == "SO-1"
    )
    assert trace["ancestors"] == [c2, pallet]
    assert [s["what"] for s in trace["steps"]][:2] == ["issued", "aggregation_add"]
    assert "shipped" in [s["what"] for s in trace["steps"]]

    # a return voids the pallet's shipment; an item unpacked from it can then ship on its own
    results = api.push([
        event("st-1", 10, "ObjectEvent", {"bizStep": "receiving", "disposition": "returned", "epcList": [pallet]}),
        pack("st-1", 11, c1, [i[0]], action="DELETE"),
        pack("st-1", 12, c1, [i[0]], action="DELETE"),
        ship("st-1", 13, [i[0]], dealer="D2", order="SO-2"),
    ])  # fmt: skip
    assert [r["status"] for r in results] == ["accepted", "accepted", "rejected", "accepted"]
    assert results[2]["reason"] == "aggregation.not_child"
    with central.server.db.read() as tx:
        assert tx.rows("SELECT code_key, dealer_id FROM shipments WHERE standing = 1") == [
            (i[0], "D2")
        ]
        assert tx.scalar("SELECT COUNT(*) FROM shipments WHERE standing = 0") == 11
        assert tx.scalar("SELECT parent_key FROM codes WHERE key = ?", (i[0],)) is None


def test_two_stations_ship_the_same_code_offline_and_exactly_one_shipment_stands(central):
    sample = seed_sample(central.server)
    a = enroll_station(central, "st-a", site="W1")
    b = enroll_station(central, "st-b", site="W1")
    ev_a = ship("st-a", 1, [sample.cases[0]], dealer="D1", order="SO-1")
    ev_b = ship("st-b", 1, [sample.cases[0]], dealer="D2", order="SO-2")
    assert a.push([ev_a])[0]["status"] == "accepted"
    loser = b.push([ev_b])[0]
    assert loser["status"] == "rejected" and loser["reason"] == "code.already_shipped"
    assert loser["detail"]["station"] == "st-a" and loser["detail"]["dealer"] == "D1"
    with central.server.db.read() as tx:
        assert tx.rows("SELECT code_key, dealer_id FROM shipments WHERE standing = 1") == [
            (sample.cases[0], "D1")
        ]


def test_pull_gives_each_station_what_it_may_see_page_by_page(central):
    sample = seed_sample(central.server, items=30)
    w1 = enroll_station(central, "st-w1", site="W1")
    w2 = enroll_station(central, "st-w2", site="W2")
    changes, cursor = w1.pull_all(limit=7)
    kinds = {c["kind"] for c in changes}
    assert {"region", "dealer", "product", "order", "code"} <= kinds
    assert {c["key"] for c in changes if c["kind"] == "code"} == set(
        sample.items + sample.cases + sample.pallets
    )
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))
    other, _ = w2.pull_all()
    assert not [c for c in other if c["kind"] in ("code", "order")]  # W2 is not their site
    assert {c["kind"] for c in other} >= {"region", "dealer", "product"}

    # nothing new -> an empty page at the same cursor; a shipment -> only the new change
    page = w1.get("/v1/changes", params={"cursor": cursor}).json()
    assert page["changes"] == [] and page["next_cursor"] == cursor and page["more"] is False
    w1.push([ship("st-w1", 1, [sample.items[0]])])
    more, _ = w1.pull_all(cursor=cursor)
    assert [(c["kind"], c["key"], c["data"]["status"]) for c in more] == [
        ("code", sample.items[0], "shipped")
    ]
    ships, _ = w2.pull_all(stream="shipments")
    assert ships[-1]["key"] == sample.items[0] and ships[-1]["data"]["dealer_id"] == "D1"


def test_batches_over_the_advertised_limit_are_refused_with_413(central):
    seed_sample(central.server)
    api = enroll_station(central, "st-1")
    admin.set_setting_value(central.server, "server.push_batch_limit", 3)
    info = api.get("/v1/info").json()
    assert info["push_batch_limit"] == 3
    events = [
        event("st-1", n, "ObjectEvent", {"bizStep": "inspecting", "epcList": ["brand:X"]})
        for n in range(4)
    ]
    response = api.post("/v1/events", {"events": events})
    assert response.status_code == 413 and response.json()["error"] == "batch.too_large"
    answers = api.push(events[:3])  # nothing of the refused batch was judged or stored
    assert len(answers) == 3 and not [a for a in answers if a["status"] == "duplicate"]


def test_the_warehouse_pages_event_shapes_and_their_undos(central):
    """EPCIS lists for dealer and order, and compensating events (``void_…``, ``yima:compensates``)."""
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    case, items = sample.cases[0], sample.items[:4]
    shipping = event("st-1", 2, "ObjectEvent", {
        "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit", "epcList": [case],
        "destinationList": [{"type": "owning_party", "destination": "D1"},
                            {"type": "location", "destination": "region:R-SH"}],
        "bizTransactionList": [{"type": "po", "bizTransaction": "SO-1"}],
    })  # fmt: skip
    void = event("st-1", 3, "ObjectEvent", {"bizStep": "void_shipping", "epcList": [case],
                                            "yima:compensates": shipping["event_id"]})  # fmt: skip
    results = api.push([pack("st-1", 1, case, items), shipping, void])
    assert [r["status"] for r in results] == ["accepted"] * 3
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT COUNT(*) FROM shipments WHERE standing = 1") == 0
        assert tx.scalar("SELECT status FROM codes WHERE key = ?", (items[0],)) == "in_stock"

    again = ship("st-1", 4, [case])
    returned = event(
        "st-1",
        5,
        "ObjectEvent",
        {"bizStep": "returning", "disposition": "returned", "epcList": [case]},
    )
    undo_return = event("st-1", 6, "ObjectEvent", {"bizStep": "returning", "disposition": "in_transit",
                                                   "epcList": [case], "yima:compensates": returned["event_id"]})  # fmt: skip
    assert [r["status"] for r in api.push([again, returned])] == ["accepted", "accepted"]
    assert (
        api.push([undo_return])[0]["status"] == "accepted"
    )  # across batches: read back from the database
    with central.server.db.read() as tx:
        standing = tx.rows(
            "SELECT code_key, dealer_id FROM shipments WHERE standing = 1 ORDER BY code_key"
        )
    assert standing == sorted([(k, "D1") for k in [case, *items]])

    # relabel: the new label takes the old one's place in the case and its shipment; undo restores it
    spare = sample.items[10]
    relabel = event("st-1", 7, "ObjectEvent", {"action": "ADD", "bizStep": "relabelling", "epcList": [spare],
                                               "yima:replaces": items[0]})  # fmt: skip
    assert api.push([relabel])[0]["status"] == "accepted"
    with central.server.db.read() as tx:
        assert tx.one("SELECT parent_key, dealer_id, status FROM codes WHERE key = ?", (spare,)) == {
            "parent_key": case, "dealer_id": "D1", "status": "shipped"}  # fmt: skip
        assert tx.scalar("SELECT status FROM codes WHERE key = ?", (items[0],)) == "void"
    undo = event("st-1", 8, "ObjectEvent", {"action": "DELETE", "bizStep": "void_relabelling", "epcList": [spare],
                                            "yima:replaces": items[0]})  # fmt: skip
    assert api.push([undo])[0]["status"] == "accepted"
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT parent_key FROM codes WHERE key = ?", (items[0],)) == case
        assert tx.scalar("SELECT status FROM codes WHERE key = ?", (spare,)) == "issued"
    # an undo whose original the server refused changes nothing and is not an issue
    stray = event("st-1", 9, "ObjectEvent", {"bizStep": "void_shipping", "epcList": [sample.items[15]],
                                             "yima:compensates": "never-accepted"})  # fmt: skip
    assert api.push([stray])[0]["status"] == "accepted"


def _receipt(station: str, seq: int, keys: list[str], at: str, undoes: str | None = None) -> dict:
    payload = {"bizStep": "void_receiving" if undoes else "receiving", "epcList": keys,
               "disposition": "sellable_not_accessible"}  # fmt: skip
    if undoes:
        payload["yima:compensates"] = undoes
    return event(station, seq, "ObjectEvent", payload, at=at)


def _state(central, key: str) -> tuple:
    with central.server.db.read() as tx:
        row = tx.one("SELECT status, holder, dealer_id FROM codes WHERE key = ?", (key,))
    return row["status"], row["holder"], row["dealer_id"]


def test_undoing_a_receipt_puts_each_code_back_as_it_was(central):
    """``void_receiving`` (the warehouse's undo of a receipt) reverts it, in one batch or later."""
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    case, items = sample.cases[0], sample.items[:4]
    assert api.push([pack("st-1", 1, case, items)])[0]["status"] == "accepted"

    # in one batch: received into stock, then undone -> issued again, held by nobody
    first = _receipt("st-1", 2, [case], "2025-03-01T08:00:00+00:00")
    undo = _receipt("st-1", 3, [case], "2025-03-01T08:01:00+00:00", undoes=first["event_id"])
    assert [r["status"] for r in api.push([first, undo])] == ["accepted", "accepted"]
    assert {_state(central, k) for k in [case, *items]} == {("issued", None, None)}

    # across batches: the trace says what the code was before the receipt
    again = _receipt("st-1", 4, [case], "2025-03-01T09:00:00+00:00")
    assert api.push([again])[0]["status"] == "accepted"
    assert _state(central, items[0]) == ("in_stock", "st-1", None)
    late = _receipt("st-1", 5, [case], "2025-03-01T09:05:00+00:00", undoes=again["event_id"])
    assert api.push([late])[0]["status"] == "accepted"
    assert {_state(central, k) for k in [case, *items]} == {("issued", None, None)}

    # a dealer's station receives shipped goods; its undo leaves them shipped to that dealer
    dealer = enroll_station(central, "st-d1", site="W9", dealer_id="D1")
    assert api.push([ship("st-1", 6, [case])])[0]["status"] == "accepted"
    got = _receipt("st-d1", 1, [case], "2025-03-02T10:00:00+00:00")
    assert dealer.push([got])[0]["status"] == "accepted"
    assert _state(central, items[1]) == ("received", "st-d1", "D1")
    back = _receipt("st-d1", 2, [case], "2025-03-02T10:02:00+00:00", undoes=got["event_id"])
    assert dealer.push([back])[0]["status"] == "accepted"
    assert {_state(central, k) for k in [case, *items]} == {("shipped", None, "D1")}

    # an undo of a receipt the server never took changes nothing
    loose = sample.items[12]
    stray = _receipt("st-1", 7, [loose], "2025-03-03T08:00:00+00:00", undoes="never-accepted")
    assert api.push([stray])[0]["status"] == "accepted"
    assert _state(central, loose)[0] == "issued"


def test_undoing_a_return_written_as_void_returning_restores_the_shipment(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    keys = sample.items[:2]
    returned = event("st-1", 2, "ObjectEvent",
                     {"bizStep": "returning", "disposition": "returned", "epcList": keys})  # fmt: skip
    undo = event("st-1", 3, "ObjectEvent", {"bizStep": "void_returning", "epcList": keys,
                                            "yima:compensates": returned["event_id"]})  # fmt: skip
    results = api.push([ship("st-1", 1, keys), returned, undo])  # one batch
    assert [r["status"] for r in results] == ["accepted"] * 3
    assert {_state(central, k) for k in keys} == {("shipped", None, "D1")}

    returned2 = event("st-1", 4, "ObjectEvent",
                      {"bizStep": "returning", "disposition": "returned", "epcList": keys})  # fmt: skip
    assert api.push([returned2])[0]["status"] == "accepted"
    assert _state(central, keys[0])[0] == "returned"
    undo2 = event("st-1", 5, "ObjectEvent", {"bizStep": "void_returning", "epcList": keys,
                                             "yima:compensates": returned2["event_id"]})  # fmt: skip
    assert api.push([undo2])[0]["status"] == "accepted"  # across batches
    assert {_state(central, k) for k in keys} == {("shipped", None, "D1")}
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT COUNT(*) FROM shipments WHERE standing = 1") == 2
