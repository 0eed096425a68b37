"""Signed vouchers and installer cards: the QR format, offline checking with rotated keys, and
redemption at the server (first wins; forged, expired, cancelled and wrong-dealer refused)."""

from __future__ import annotations

import base64
import json

import pytest

from app.domain.rules import tokens
from sync.server import admin
from tests.support.sync_data import enroll_station, event, seed_sample


def _keys(api) -> dict[str, str]:
    changes, _ = api.pull_all()
    keyset = [c for c in changes if c["kind"] == "keyset"][-1]["data"]["keys"]
    return {k["kid"]: k["public_key"] for k in keyset if k["status"] != "revoked"}


def redeem(station: str, seq: int, token: str, action: str = "ADD") -> dict:
    return event(
        station,
        seq,
        "RedemptionEvent",
        {"action": action, "bizStep": "redeeming", "voucher": token},
    )


def test_voucher_qr_is_compact_signed_and_checkable_offline_across_key_rotation(central):
    seed_sample(central.server)
    api = enroll_station(central, "counter-1", dealer_id="D1")
    (vid, old_token), = admin.issue_vouchers(central.server, 1, prize="滤芯一支", value_cents=9900, dealer_id="D1")  # fmt: skip
    assert old_token.startswith("YV1.") and len(old_token) < 300
    body = json.loads(base64.urlsafe_b64decode(old_token.split(".")[1] + "=="))
    assert (
        body["i"] == vid
        and body["p"] == "滤芯一支"
        and body["v"] == 9900
        and body["d"] == "D1"
        and body["k"]
    )

    old_kid = body["k"]
    new_kid = admin.rotate_key(central.server)
    (_, new_token), = admin.issue_vouchers(central.server, 1, prize="P", value_cents=1)  # fmt: skip
    keys = _keys(api)
    assert {old_kid, new_kid} <= set(keys)
    assert tokens.verify(old_token, keys).id == vid  # a retired key still verifies
    assert tokens.verify(new_token, keys).kid == new_kid

    tampered = old_token.replace(old_token.split(".")[1], base64.urlsafe_b64encode(
        json.dumps(dict(body, v=999900)).encode()).rstrip(b"=").decode())  # fmt: skip
    with pytest.raises(tokens.TokenError) as forged:
        tokens.verify(tampered, keys)
    assert forged.value.reason == "forged"
    with pytest.raises(tokens.TokenError) as damaged:
        tokens.verify("YV1.garbage", keys)
    assert damaged.value.reason == "malformed"

    admin.revoke_key(central.server, old_kid)
    assert old_kid not in _keys(api)
    result = api.push([redeem("counter-1", 1, old_token)])[0]
    assert result["reason"] == "voucher.forged"  # signatures of a revoked key no longer count


def test_redemption_first_wins_and_the_loser_learns_who_and_when(central):
    seed_sample(central.server)
    a = enroll_station(central, "counter-a", dealer_id="D1")
    b = enroll_station(central, "counter-b", dealer_id="D1")
    c = enroll_station(central, "counter-c", dealer_id="D2")
    (vid, token), (_, token2), (vid3, token3) = admin.issue_vouchers(
        central.server, 3, prize="购物卡", value_cents=5000, dealer_id="D1"
    )
    (_, expired), = admin.issue_vouchers(central.server, 1, prize="x", value_cents=1, days=-1)  # fmt: skip
    (anywhere_id, anywhere), = admin.issue_vouchers(central.server, 1, prize="y", value_cents=1)  # fmt: skip
    admin.deny(central.server, "voucher", vid3, "reported stolen")

    assert a.push([redeem("counter-a", 1, token)])[0]["status"] == "accepted"
    lost = b.push([redeem("counter-b", 1, token)])[0]
    assert lost["reason"] == "voucher.already_redeemed"
    assert lost["detail"]["station"] == "counter-a" and lost["detail"]["voucher"] == vid

    results = b.push([
        redeem("counter-b", 2, expired),
        redeem("counter-b", 3, token3),
        redeem("counter-b", 4, "YV1.eyJpIjoiViJ9.AAAA"),
        redeem("counter-b", 5, token, action="DELETE"),  # only the counter that redeemed may undo
    ])  # fmt: skip
    assert [r["reason"] for r in results] == [
        "voucher.expired", "voucher.denied", "voucher.forged", "voucher.not_redeemed_here"]  # fmt: skip
    assert c.push([redeem("counter-c", 1, token2)])[0]["reason"] == "voucher.wrong_dealer"
    assert c.push([redeem("counter-c", 2, anywhere)])[0]["status"] == "accepted"

    # undo at the same counter frees the voucher; then another counter may redeem it
    assert a.push([redeem("counter-a", 2, token, action="DELETE")])[0]["status"] == "accepted"
    assert b.push([redeem("counter-b", 6, token)])[0]["status"] == "accepted"
    assert a.get(f"/v1/vouchers/{vid}").json() == {
        "voucher_id": vid, "known": True, "status": "redeemed", "redeemed_by": "counter-b",
        "redeemed_at": a.get(f"/v1/vouchers/{vid}").json()["redeemed_at"]}  # fmt: skip
    assert a.get(f"/v1/vouchers/{vid3}").json()["status"] == "void"

    # dealer D1's counters hear about D1 vouchers; D2's counter does not
    heard_a = {x["key"] for x in a.pull_all()[0] if x["kind"] == "redemption"}
    heard_c = {x["key"] for x in c.pull_all()[0] if x["kind"] == "redemption"}
    assert vid in heard_a and vid not in heard_c and anywhere_id in heard_c


def test_installer_cards_are_signed_tokens_of_their_own_kind(central):
    seed_sample(central.server)
    api = enroll_station(central, "counter-1", dealer_id="D1")
    cid, card = admin.issue_card(central.server, "王师傅", phone="13800000001", dealer_id="D1")
    assert card.startswith("YC1.")
    token = tokens.verify(card, _keys(api))
    assert token.kind == "card" and token.id == cid and token.claims["n"] == "王师傅"
    # a card is not a voucher
    assert api.push([redeem("counter-1", 1, card)])[0]["reason"] == "voucher.forged"
