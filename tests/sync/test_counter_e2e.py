"""Counter and inspector end to end with the reference server on loopback (SQLite and PostgreSQL).

Vouchers and installer cards are issued by the server and checked offline with the pulled
key set; two counters redeem the same voucher while offline and sync: one redemption stands,
the other counter shows the refusal with who was first. An inspector downloads the snapshot
and gets every verdict offline, files a case the server opens, and sees its status come back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time

import pytest

from app.domain.codes import command_text
from app.domain.rules.tokens import b64d, b64e, sign
from app.domain.workflows.base import Actor, Outcome
from app.domain.workflows.counter import rebates, redeem, verify
from app.domain.workflows.counter.session import CounterSession
from app.domain.workflows.inspector import checks
from app.domain.workflows.inspector.session import InspectorSession, choose_place
from app.domain.workflows.inspector.verdict import Verdict
from sync.client.transport import Offline
from sync.server import admin
from tests.support.sync_station import Station

CLERK = Actor("op-1", "小张")
BOSS = Actor("op-9", "王店长")
CONFIRM = command_text("confirm")

REGIONS = [
    {"id": "CN", "name": "中国"},
    {"id": "CN-SH", "name": "上海", "parent_id": "CN"},
    {"id": "CN-ZJ", "name": "浙江", "parent_id": "CN"},
    {"id": "CN-ZJ-HZ", "name": "杭州", "parent_id": "CN-ZJ"},
]
DEALERS = [
    {"id": "D001", "name": "上海一码经销", "regions": ["CN-SH"]},
    {"id": "D002", "name": "浙江商贸", "regions": ["CN-ZJ"]},
]
STORES = [
    {"id": "ST-SH-1", "name": "徐汇建材店", "region_id": "CN-SH", "dealer_id": "D001"},
    {"id": "ST-HZ-1", "name": "西湖五金店", "region_id": "CN-ZJ-HZ", "dealer_id": "D002"},
]
pytestmark = pytest.mark.slow  # a real server and four stations per test, on both databases

PRODUCTS = [{"id": "P001", "gtin": "06901234567892", "name": "净水器滤芯"}]


def gun(key: str) -> str:
    """What a gun sends for an SGTIN key: the GS1 element string."""
    gtin, serial = key.removeprefix("sgtin:").split(".")
    return f"01{gtin}21{serial}"


@pytest.fixture
def world(central, tmp_path, memory_keyring):
    server = central.server
    for table, rows in (
        ("regions", REGIONS),
        ("dealers", DEALERS),
        ("stores", STORES),
        ("products", PRODUCTS),
    ):
        admin.upsert_master(server, table, rows)
    batch, _ = admin.issue_batch(server, "P001", 8, sequential=True)
    items = list(admin.batch_codes(server, batch))
    admin.set_rebate_rule(server, 300, rule_id="R-ALL")
    admin.rotate_key(server)  # the signing key the stations pull before going offline
    warehouse = Station(tmp_path / "wh")
    warehouse.enroll(central, name="warehouse")
    warehouse.append("ObjectEvent", {"action": "OBSERVE", "bizStep": "shipping", "epcList": items[0:3],
                                     "dealer_id": "D001", "region_id": "CN-SH", "order_id": None})  # fmt: skip
    warehouse.append("ObjectEvent", {"action": "OBSERVE", "bizStep": "shipping", "epcList": items[3:5],
                                     "dealer_id": "D002", "region_id": "CN-ZJ"})  # fmt: skip
    report = warehouse.client.sync_once()
    assert report.accepted == 2, report
    stations = {}
    for name, dealer in (("A", "D001"), ("B", "D001"), ("INS", None)):
        station = Station(tmp_path / name)
        station.enroll(central, name=f"counter {name}", dealer_id=dealer, region_id="CN-SH")
        station.client.sync_once()
        stations[name] = station
    yield central, items, stations
    for station in [warehouse, *stations.values()]:
        station.close()
        station.writer.stop()


def scan(station: Station, session: CounterSession, text: str, *, online: bool = False):
    return station.writer.call(lambda c: session.handle(c, text, CLERK, online=online))


def test_two_counters_redeem_one_voucher_offline_and_exactly_one_stands(world):
    central, _items, st = world
    (vid, text), *_ = admin.issue_vouchers(
        central.server, 1, prize="滤芯一支", value_cents=9900, dealer_id="D001"
    )
    counter_a, counter_b = CounterSession(), CounterSession()
    for station, session in ((st["A"], counter_a), (st["B"], counter_b)):
        assert scan(station, session, text).decision.reason == "voucher.valid"
        assert scan(station, session, CONFIRM).decision.reason == "voucher.redeemed_provisional"
    st["A"].client.sync_once()
    st["B"].client.sync_once()
    a_row = st["A"].writer.call(lambda c: redeem.redemptions(c))[0]
    b_row = st["B"].writer.call(lambda c: redeem.redemptions(c))[0]
    assert a_row.standing == "confirmed"
    assert b_row.standing == "refused" and b_row.reason == "voucher.already_redeemed"
    assert b_row.first_station == st["A"].id  # who was first ...
    assert b_row.first_at  # ... and when
    assert central.server.voucher_status(vid).redeemed_by == st["A"].id
    # B now knows: scanning it again says where it was redeemed.
    again = scan(st["B"], counter_b, text)
    assert again.decision.reason == "voucher.already_redeemed_elsewhere"
    assert again.decision.args["station"] == st["A"].id


def test_forged_expired_and_tampered_vouchers_are_refused_offline(world):
    central, _items, st = world
    ((_vid, expired),) = admin.issue_vouchers(
        central.server, 1, prize="水杯", value_cents=100, dealer_id="D001", days=-1
    )
    ((_vid2, good),) = admin.issue_vouchers(
        central.server, 1, prize="水杯", value_cents=100, dealer_id="D001"
    )
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    kid = st["A"].client.setting("sync.keyset")["keys"][0]["kid"]
    forged = sign("YV1", {"i": "VFAKE", "p": "大奖", "v": 99900, "d": "D001", "e": "2099-01-01"}, kid,
                  Ed25519PrivateKey.generate())  # fmt: skip
    prefix, body, signature = good.split(".")
    richer = b64d(body).replace(b'"v":100', b'"v":100000')
    tampered = f"{prefix}.{b64e(richer)}.{signature}"
    session = CounterSession()
    results = {name: scan(st["A"], session, text).decision for name, text in
               (("expired", expired), ("forged", forged), ("tampered", tampered))}  # fmt: skip
    assert {n: d.reason for n, d in results.items()} == {
        "expired": "voucher.expired",
        "forged": "voucher.forged",
        "tampered": "voucher.forged",
    }
    assert all(d.outcome is Outcome.ERROR for d in results.values())
    assert scan(st["A"], session, good).decision.reason == "voucher.valid"


def test_undo_with_a_supervisor_reaches_the_server(world):
    central, _items, st = world
    ((vid, text),) = admin.issue_vouchers(
        central.server, 1, prize="购物卡", value_cents=5000, dealer_id="D001"
    )
    session = CounterSession()
    scan(st["A"], session, text, online=True)
    scan(st["A"], session, CONFIRM, online=True)
    st["A"].client.sync_once()
    assert central.server.voucher_status(vid).status == "redeemed"
    ask = scan(st["A"], session, command_text("undo"), online=True)
    st["A"].writer.call(
        lambda c: session.undo_redemption(c, ask.undo, CLERK, BOSS, "扫错了", online=True)
    )
    st["A"].client.sync_once()
    assert central.server.voucher_status(vid).status == "open"
    assert st["A"].writer.call(lambda c: redeem.redemptions(c))[0].standing == "undone"


def test_an_installer_claim_with_a_repeated_code_is_refused(world):
    central, items, st = world
    _cid, card = admin.issue_card(central.server, "王师傅", dealer_id="D001")
    a, b = CounterSession(), CounterSession()
    assert scan(st["A"], a, card).decision.reason == "card.valid"
    assert scan(st["A"], a, gun(items[0])).decision.reason == "claim.code_added"
    assert scan(st["A"], a, gun(items[0])).decision.reason == "claim.code_repeated"
    assert scan(st["A"], a, gun(items[1])).decision.args["total"] == "¥6.00"
    assert scan(st["A"], a, CONFIRM).decision.reason == "claim.registered"
    # Counter B does not know about A's claim yet: the server refuses the repeat at sync.
    scan(st["B"], b, card)
    scan(st["B"], b, gun(items[0]))
    assert scan(st["B"], b, CONFIRM).decision.reason == "claim.registered"
    st["A"].client.sync_once()
    st["B"].client.sync_once()
    assert st["A"].writer.call(lambda c: rebates.claims(c))[0].standing == "confirmed"
    refused = st["B"].writer.call(lambda c: rebates.claims(c))[0]
    assert (refused.standing, refused.reason) == ("refused", "claim.code_already_claimed")
    statement = central.server.rebate_statement(_cid, dt.date.today().strftime("%Y-%m"))
    assert (statement.units, statement.base_cents) == (2, 600)


def test_verify_with_the_brands_trace(world):
    _central, items, st = world
    lookups = st["A"].client
    session = CounterSession()
    local = scan(st["A"], session, gun(items[0])).verification
    trace = lookups.trace(items[0])
    assert trace.known and trace.dealer_id == "D001"
    assert verify.trace_decision(trace, local, "上海一码经销").reason == "verify.genuine"
    fake = "sgtin:06901234567892.999999999"
    never = scan(st["A"], session, gun(fake)).verification
    assert verify.trace_decision(lookups.trace(fake), never, None).reason == "verify.never_issued"


def test_lookups_fail_fast_offline(world):
    _central, items, st = world
    lookups = st["A"].client
    lookups.transport().base_url = "http://127.0.0.1:9"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(Offline):
        lookups.trace(items[0])
    with pytest.raises(Offline):
        lookups.probe()
    assert time.monotonic() - started < 5  # one attempt each, short timeouts: no retry loop


def test_inspector_verdicts_from_the_snapshot_and_a_case_the_server_opens(world):
    central, items, st = world
    inspector = st["INS"]
    report = inspector.client.sync_once(snapshot=True)
    assert report.snapshot_rows == 8
    session = InspectorSession()
    shop = next(p for p in inspector.writer.call(lambda c: checks.places(c)) if p.id == "ST-SH-1")
    inspector.writer.call(lambda c: choose_place(c, shop))
    ME = Actor("op-5", "稽查员老周")

    def check(key):
        return inspector.writer.call(lambda c: session.handle(c, gun(key), ME))

    fake = "sgtin:06901234567892.999999999"
    verdicts = {k: check(k).check.judgement.verdict for k in (items[0], items[3], items[6], fake)}
    assert verdicts == {
        items[0]: Verdict.AUTHORISED,
        items[3]: Verdict.DIVERTED,
        items[6]: Verdict.NOT_SHIPPED,
        fake: Verdict.UNKNOWN,
    }
    diverted = check(items[4])
    assert diverted.decision.args["dealer"] == "浙江商贸"
    filed = inspector.writer.call(lambda c: session.handle(c, CONFIRM, ME))
    assert filed.decision.reason == "inspect.case_filed"
    inspector.client.sync_once()
    assert inspector.writer.call(lambda c: checks.cases(c))[0].status == "open"
    admin.set_case_status(central.server, filed.case_id, "investigating")
    inspector.client.sync_once()
    assert inspector.writer.call(lambda c: checks.cases(c))[0].status == "investigating"
    # Days later, without a sync, the same data is too old to judge.
    later = InspectorSession(clock=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(days=10))
    stale = inspector.writer.call(lambda c: later.handle(c, gun(items[3]), ME))
    assert stale.check.judgement.verdict is Verdict.STALE


def test_a_shipment_after_the_snapshot_arrives_by_the_shipments_stream(world):
    central, items, st = world
    inspector = st["INS"]
    inspector.client.sync_once(snapshot=True)
    late = Station(inspector.path.parent.parent / "wh2")
    late.enroll(central, name="warehouse 2")
    late.append("ObjectEvent", {"action": "OBSERVE", "bizStep": "shipping", "epcList": [items[6]],
                                "dealer_id": "D002", "region_id": "CN-ZJ"})  # fmt: skip
    late.client.sync_once()
    inspector.client.sync_once()
    session = InspectorSession()
    shop = next(p for p in inspector.writer.call(lambda c: checks.places(c)) if p.id == "ST-HZ-1")
    inspector.writer.call(lambda c: choose_place(c, shop))
    reply = inspector.writer.call(lambda c: session.handle(c, gun(items[6]), Actor("op-5", "老周")))
    assert reply.check.judgement.verdict is Verdict.AUTHORISED
    late.close()
    late.writer.stop()


def _diverted_check(inspector: Station, key: str):
    """The inspector, with the snapshot, at the Shanghai shop, has checked ``key`` (shipped to
    Hangzhou: diverted); (its session, the inspector, the check's reply)."""
    inspector.client.sync_once(snapshot=True)
    session = InspectorSession()
    shop = next(p for p in inspector.writer.call(lambda c: checks.places(c)) if p.id == "ST-SH-1")
    inspector.writer.call(lambda c: choose_place(c, shop))
    me = Actor("op-5", "稽查员老周")
    return session, me, inspector.writer.call(lambda c: session.handle(c, gun(key), me))


def test_a_cases_photos_reach_the_server_once_and_head_office_sees_them(world, tmp_path):
    central, items, st = world
    inspector = st["INS"]
    session, me, diverted = _diverted_check(inspector, items[4])
    shots = [bytes([n]) * (300_000 + n) for n in (1, 2)]  # two chunks and more each
    for data in shots:
        photo = checks.save_photo(tmp_path / "evidence", diverted.check.check_id, data)
        inspector.writer.call(
            lambda c, p=photo: checks.attach_photo(
                c, diverted.check.check_id, p, "camera", dt.datetime.now(dt.UTC)
            )
        )
    filed = inspector.writer.call(lambda c: session.handle(c, CONFIRM, me))
    report = inspector.client.sync_once()
    assert report.evidence == 2
    from sync.server import evidence

    for data in shots:
        assert evidence.photo(central.server.db, hashlib.sha256(data).hexdigest()) == data
    assert inspector.client.sync_once().evidence == 0  # sent once, never again
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT photos FROM diversion_cases WHERE case_id = ?", (filed.case_id,))


def test_photos_past_the_case_limit_or_the_days_share_never_stall_the_station(world, tmp_path):
    """An older station's case named 12 photos; the server keeps 10. The two it left out were
    refused 403, which the station reads as 'credential gone' (the round failed, asking to
    enroll again); now 404, recorded as refused once. Past the station's day's share of the
    store (``server.evidence.station_mb_per_day``) the photos wait for a later round, and the
    round itself goes on."""
    from app.domain.rules.evidence import MAX_PHOTOS_PER_CASE
    from sync.client.evidence import REFUSED

    central, items, st = world
    inspector = st["INS"]
    session, me, diverted = _diverted_check(inspector, items[4])
    check_id = diverted.check.check_id
    shots = [bytes([n]) * (200_000 + n) for n in range(MAX_PHOTOS_PER_CASE + 2)]
    for data in shots:  # as an older station without the limit attached them
        photo = checks.save_photo(tmp_path / "evidence", check_id, data)
        inspector.writer.call(
            lambda c, p=photo: c.execute(
                "INSERT INTO inspector_photos (check_id, path, sha256, source, taken_at)"
                " VALUES (?, ?, ?, 'camera', '2026-12-01T00:00:00+00:00')",
                (check_id, str(p.path), p.sha256),
            )
        )
    inspector.writer.call(lambda c: session.handle(c, CONFIRM, me))
    admin.set_setting_value(central.server, "server.evidence.station_mb_per_day", 1)
    assert inspector.client.sync_once().evidence == 5  # 5 x 200 kB fit in 1 MB; the rest wait
    admin.set_setting_value(central.server, "server.evidence.station_mb_per_day", 1024)
    assert inspector.client.sync_once().evidence == MAX_PHOTOS_PER_CASE - 5
    assert inspector.client.sync_once().evidence == 0  # the two left out are never asked again
    refused = (
        inspector.reader()
        .execute("SELECT sha256, detail FROM sync_evidence WHERE outcome = ?", (REFUSED,))
        .fetchall()
    )
    left_out = {hashlib.sha256(data).hexdigest() for data in shots[MAX_PHOTOS_PER_CASE:]}
    assert {sha for sha, _ in refused} == left_out
    assert {detail for _, detail in refused} == {"404 evidence.not_named"}
