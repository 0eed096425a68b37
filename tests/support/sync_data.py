"""Helpers for the server and sync tests: a tiny API client, event builders, sample master data."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests

from sync.server import admin

REGIONS = [
    {"id": "R-SH", "name": "上海", "name_en": "Shanghai"},
    {"id": "R-ZJ", "name": "浙江", "name_en": "Zhejiang"},
    {"id": "R-GD", "name": "广东", "name_en": "Guangdong"},
]
DEALERS = [
    {"id": "D1", "name": "上海经销", "regions": ["R-SH"]},
    {"id": "D2", "name": "浙江经销", "regions": ["R-ZJ"]},
    {"id": "D3", "name": "广东经销", "regions": ["R-GD"]},
]
PRODUCTS = [
    {
        "id": "P1",
        "gtin": "06901234567892",
        "name": "滤芯",
        "items_per_case": 4,
        "cases_per_pallet": 2,
    },
    {
        "id": "P2",
        "gtin": "06901234567908",
        "name": "净水器",
        "items_per_case": 2,
        "cases_per_pallet": 2,
    },
]


@dataclass
class Sample:
    items: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    pallets: list[str] = field(default_factory=list)
    order_d1: str = ""
    order_d2: str = ""


def seed_sample(server: Any, *, items: int = 20, site: str | None = "W1") -> Sample:
    admin.upsert_master(server, "regions", REGIONS)
    admin.upsert_master(server, "dealers", DEALERS)
    admin.upsert_master(server, "products", PRODUCTS)
    admin.upsert_master(
        server, "stores", [{"id": "S1", "name": "门店一", "region_id": "R-SH", "dealer_id": "D1"}]
    )
    sample = Sample()
    for level, count, target in (
        ("item", items, sample.items),
        ("case", 4, sample.cases),
        ("pallet", 2, sample.pallets),
    ):
        batch, _ = admin.issue_batch(server, "P1", count, level=level, site=site, sequential=True)
        target.extend(admin.batch_codes(server, batch))
    sample.order_d1 = admin.create_order(server, "D1", {"P1": 100}, site=site, order_id="SO-1")
    sample.order_d2 = admin.create_order(server, "D2", {"P1": 100}, site=site, order_id="SO-2")
    return sample


def now_text(offset_s: float = 0) -> str:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=offset_s)).isoformat()


def event(
    station: str,
    seq: int,
    type_: str,
    payload: dict[str, Any],
    *,
    at: str | None = None,
    event_id: str | None = None,
    operator: str = "op1",
) -> dict[str, Any]:
    return {
        "event_id": event_id or str(uuid.uuid4()),
        "seq": seq,
        "type": type_,
        "payload": payload,
        "occurred_at": at or now_text(),
        "operator": operator,
        "station": station,
    }


def claim(station: str, seq: int, card: str, codes: list[str], claim_id: str) -> dict:
    """An installer's rebate claim of ``codes`` with ``card``, as a counter records it."""
    return event(station, seq, "RebateClaimEvent",
                 {"bizStep": "rebate_claiming", "claim_id": claim_id, "card": card, "epcList": codes})  # fmt: skip


def ship(
    station: str,
    seq: int,
    keys: list[str],
    dealer: str = "D1",
    order: str | None = "SO-1",
    **extra: Any,
) -> dict:
    payload = {
        "action": "OBSERVE",
        "bizStep": "shipping",
        "epcList": keys,
        "dealer_id": dealer,
        **extra,
    }
    if order:
        payload["order_id"] = order
    return event(station, seq, "ObjectEvent", payload)


def pack(
    station: str, seq: int, parent: str, children: list[str], action: str = "ADD", **extra: Any
) -> dict:
    return event(station, seq, "AggregationEvent",
                 {"action": action, "parentID": parent, "childEPCs": children, "bizStep": "packing", **extra})  # fmt: skip


class Api:
    """Plain HTTP against the server, as any client would talk to it."""

    def __init__(self, url: str, token: str | None = None) -> None:
        self.url = url
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.session.get(self.url + path, timeout=30, **kw)

    def post(self, path: str, body: Any, **kw: Any) -> requests.Response:
        return self.session.post(self.url + path, json=body, timeout=30, **kw)

    def push(self, events: list[dict]) -> list[dict]:
        response = self.post("/v1/events", {"events": events})
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def pull_all(
        self, stream: str = "ref", cursor: int = 0, limit: int = 1000
    ) -> tuple[list[dict], int]:
        changes = []
        while True:
            page = self.get(
                "/v1/changes", params={"stream": stream, "cursor": cursor, "limit": limit}
            ).json()
            changes.extend(page["changes"])
            cursor = page["next_cursor"]
            if not page["more"]:
                return changes, cursor


def enroll_station(central: Any, station_id: str, **options: Any) -> Api:
    code = admin.create_enrollment_code(central.server, station_id=station_id, **options)
    response = requests.post(
        central.url + "/v1/enroll",
        json={"enrollment_code": code, "station_id": station_id},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return Api(central.url, response.json()["credential"])
