"""The EPCIS builder's edges, one rule each: times and offsets, identifiers, secrets, products."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.codes import profiles_from_settings
from app.domain.epcis import Identifiers, Record, document, epcis_event, event_times
from tests.support.epcis import schema_errors

CREATED = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("occurred_at", "recorded", "expected"),
    [
        ("2026-12-06T09:00:00.123+00:00", "+08:00", ("2026-12-06T17:00:00.123+08:00", "+08:00")),
        ("2026-12-06T09:00:00Z", "-05:30", ("2026-12-06T03:30:00.000-05:30", "-05:30")),
        ("2026-12-06T09:00:00", None, ("2026-12-06T09:00:00.000Z", "+00:00")),  # journal: UTC
        ("2026-12-06T17:00:00+08:00", None, ("2026-12-06T17:00:00.000+08:00", "+08:00")),
        ("2026-12-06T09:00:00Z", "+8", ("2026-12-06T09:00:00.000Z", "+00:00")),  # not an offset
    ],
)
def test_event_time_carries_the_recorded_offset(occurred_at, recorded, expected):
    assert event_times(occurred_at, recorded) == expected


def test_an_unreadable_time_is_an_error_naming_it():
    with pytest.raises(ValueError, match="yesterday"):
        event_times("yesterday", None)


def test_identifiers():
    ids = Identifiers()
    assert ids.code("sgtin:09506000134352.A/1%") == (
        "https://id.gs1.org/01/09506000134352/21/A%2F1%25"
    )
    assert ids.code("sscc:106141412345678908") == "https://id.gs1.org/00/106141412345678908"
    assert ids.code("brand:LJ00000001") == "https://t.brand.cn/q/LJ00000001"
    assert ids.code("brand:x") == "urn:yima-scan:brand-code:x"  # too short for the URL profile
    only_numeric = Identifiers(
        profiles_from_settings([{"name": "n", "pattern": r"(?P<code>\d{20})", "level": "item"}])
    )
    assert only_numeric.code("brand:" + "1" * 20) == "urn:yima-scan:brand-code:" + "1" * 20
    assert ids.master("dealer", "D 1/2") == "urn:yima-scan:dealer:D%201%2F2"
    assert ids.event("0b0f6d5e-1c2a-4a51-9a59-0d5e3f1d2c11").startswith("urn:uuid:")
    assert ids.event("evt-7") == "urn:yima-scan:event:evt-7"


def _record(kind: str, payload: dict, event_id: str = "evt-1") -> Record:
    return Record(event_id, kind, payload, "2026-12-06T09:00:00.000+00:00", "ST-1", "op-1")


def test_products_are_counted_as_classes_and_items_listed_as_instances():
    event = epcis_event(
        _record(
            "ObjectEvent",
            {
                "action": "OBSERVE",
                "bizStep": "inspecting",
                "epcList": [
                    "gtin:09506000134352",
                    "gtin:09506000134352",
                    "sscc:106141412345678908",
                ],
            },
        ),
        Identifiers(),
    )
    assert event["epcList"] == ["https://id.gs1.org/00/106141412345678908"]
    assert event["quantityList"] == [
        {"epcClass": "https://id.gs1.org/01/09506000134352", "quantity": 2}
    ]
    only_products = epcis_event(
        _record("ObjectEvent", {"action": "OBSERVE", "epcList": ["gtin:09506000134352"]}),
        Identifiers(),
    )
    assert "epcList" not in only_products and only_products["quantityList"]


def test_secrets_never_leave_and_nested_extensions_are_prefixed():
    event = epcis_event(
        _record(
            "RedemptionEvent",
            {
                "action": "DELETE",
                "bizStep": "redeeming",
                "voucher": "YV1.secret",
                "card": "YC1.secret",
                "token": "t",
                "voucher_id": "V1",
                "undoes": "0b0f6d5e-1c2a-4a51-9a59-0d5e3f1d2c11",
                "override": {"supervisor": "s1", "reason": None},
            },
        ),
        Identifiers(),
    )
    assert "secret" not in str(event) and "yima:token" not in event
    assert event["epcList"] == ["urn:yima-scan:voucher:V1"]
    assert event["yima:kind"] == "RedemptionEvent"
    assert event["yima:undoes"] == "urn:uuid:0b0f6d5e-1c2a-4a51-9a59-0d5e3f1d2c11"
    assert event["yima:override"] == {"yima:supervisor": "s1"}


def test_every_edge_above_still_validates():
    records = [
        _record("ObjectEvent", {"action": "OBSERVE", "epcList": ["gtin:09506000134352"]}, "a"),
        _record("RedemptionEvent", {"action": "ADD", "voucher_id": "V1", "voucher": "x"}, "b"),
        _record(
            "AggregationEvent",
            {
                "action": "DELETE",
                "parentID": "sscc:106141412345678908",
                "childEPCs": ["gtin:09506000134352"],
            },
            "c",
        ),
        _record(
            "ObjectEvent",
            {
                "action": "OBSERVE",
                "bizTransactionList": [{"type": "custom", "bizTransaction": "X 1"}],
                "sourceList": [{"type": "holder", "source": "region:R1"}],
            },
            "d",
        ),
    ]
    built = document(records, created=CREATED)
    assert schema_errors(built) == []
    last = built["epcisBody"]["eventList"][-1]
    assert last["bizTransactionList"] == [
        {"type": "yima:custom", "bizTransaction": "urn:yima-scan:order:X%201"}
    ]
    assert last["sourceList"] == [{"type": "yima:holder", "source": "urn:yima-scan:region:R1"}]
