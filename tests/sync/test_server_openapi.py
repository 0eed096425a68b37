"""The OpenAPI document is served, names every path the station uses, and real answers of the
running server (success and error) match the schemas it declares."""

from __future__ import annotations

import re
from typing import Any

import requests

from sync.server import admin
from sync.server.app import create_app
from tests.support.sync_data import Api, enroll_station, event, seed_sample, ship

CLIENT_PATHS = {
    ("get", "/v1/info"), ("post", "/v1/enroll"), ("get", "/v1/whoami"), ("post", "/v1/events"),
    ("get", "/v1/changes"), ("get", "/v1/snapshots/latest"), ("get", "/v1/snapshots/{snapshot_id}"),
    ("get", "/v1/trace/{key}"), ("get", "/v1/vouchers/{voucher_id}"), ("get", "/v1/rebates/{card_id}/{month}"),
}  # fmt: skip


def _resolve(doc: dict, schema: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = doc["components"]["schemas"][name]
    return schema


def validate(doc: dict, schema: dict, value: Any, where: str = "$") -> list[str]:
    """The subset of JSON Schema FastAPI emits: $ref, type, properties, required, items,
    anyOf, enum, const, additionalProperties. Returns the problems found."""
    schema = _resolve(doc, schema)
    if "anyOf" in schema:
        if any(not validate(doc, option, value, where) for option in schema["anyOf"]):
            return []
        return [f"{where}: {value!r} matches none of anyOf"]
    problems: list[str] = []
    kind = schema.get("type")
    checks = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list,
              "object": dict, "null": type(None)}  # fmt: skip
    if (kind and not isinstance(value, checks[kind])) or (
        kind in ("integer", "number") and isinstance(value, bool)
    ):
        return [f"{where}: {value!r} is not {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        problems.append(f"{where}: {value!r} is not {schema['const']!r}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                problems.append(f"{where}: missing {name}")
        for name, item in value.items():
            if name in properties:
                problems += validate(doc, properties[name], item, f"{where}.{name}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{where}: unexpected {name}")
            elif isinstance(schema.get("additionalProperties"), dict):
                problems += validate(doc, schema["additionalProperties"], item, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for n, item in enumerate(value):
            problems += validate(doc, schema["items"], item, f"{where}[{n}]")
    return problems


def _template(doc: dict, method: str, url_path: str) -> str:
    for template in doc["paths"]:
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^?]+", template) + "$"
        if method in doc["paths"][template] and re.match(pattern, url_path):
            return template
    raise AssertionError(f"{method.upper()} {url_path} is not in the OpenAPI document")


def check(doc: dict, response: requests.Response) -> None:
    path = requests.utils.urlparse(response.url).path
    method = response.request.method.lower()
    operation = doc["paths"][_template(doc, method, path)][method]
    declared = operation["responses"].get(str(response.status_code))
    assert declared, (
        f"{method.upper()} {path} answered {response.status_code}, which it does not declare"
    )
    content = declared.get("content", {})
    if "application/json" in content:
        problems = validate(doc, content["application/json"]["schema"], response.json())
        assert not problems, f"{method.upper()} {path} {response.status_code}: {problems}"


def test_the_served_document_is_the_apps_and_answers_match_it(central):
    doc = requests.get(central.url + "/openapi.json", timeout=10).json()
    assert doc == create_app(central.server).openapi()
    assert doc["openapi"].startswith("3.")
    served = {(m, p) for p, ops in doc["paths"].items() for m in ops}
    assert served >= CLIENT_PATHS
    assert "HTTPBearer" in doc["components"]["securitySchemes"]
    assert requests.get(central.url + "/docs", timeout=10).status_code == 200

    sample = seed_sample(central.server)
    anonymous = Api(central.url)
    check(doc, anonymous.get("/v1/info"))
    code = admin.create_enrollment_code(central.server, station_id="st-1")
    check(doc, anonymous.post("/v1/enroll", {"enrollment_code": code, "station_id": "st-1"}))
    check(doc, anonymous.post("/v1/enroll", {"enrollment_code": code, "station_id": "st-1"}))  # 403
    check(doc, anonymous.post("/v1/enroll", {"station_id": "st-1"}))  # 422
    check(doc, anonymous.get("/v1/whoami"))  # 401

    api = enroll_station(central, "st-2", site="W1", dealer_id="D1")
    check(doc, api.get("/v1/whoami"))
    (vid, voucher), = admin.issue_vouchers(central.server, 1, prize="奖品", value_cents=100, dealer_id="D1")  # fmt: skip
    cid, card = admin.issue_card(central.server, "师傅")
    batch = [
        ship("st-2", 1, [sample.items[0]]),
        ship("st-2", 2, ["brand:unknown"]),
        event("st-2", 3, "RedemptionEvent", {"voucher": voucher}),
        event(
            "st-2",
            4,
            "RebateClaimEvent",
            {"claim_id": "c1", "card": card, "epcList": [sample.items[0]]},
        ),
    ]
    check(doc, api.post("/v1/events", {"events": batch}))
    check(doc, api.post("/v1/events", {"events": batch}))  # duplicates with original_status
    admin.set_setting_value(central.server, "server.push_batch_limit", 1)
    check(doc, api.post("/v1/events", {"events": batch}))  # 413
    check(doc, api.get("/v1/changes", params={"cursor": 0, "limit": 50}))
    check(doc, api.get("/v1/changes", params={"stream": "shipments"}))
    check(doc, api.get("/v1/changes", params={"stream": "nonsense"}))  # 422
    central.server.build_snapshot()
    check(doc, api.get("/v1/snapshots/latest"))
    check(doc, api.get("/v1/snapshots/snap-missing"))  # 404
    check(doc, api.get(f"/v1/trace/{sample.items[0]}"))
    check(doc, api.get("/v1/trace/brand:unknown"))
    check(doc, api.get(f"/v1/vouchers/{vid}"))
    check(doc, api.get(f"/v1/rebates/{cid}/2026-01"))
    admin.set_station_revoked(central.server, "st-2", True)
    check(doc, api.get("/v1/changes"))  # 403


def test_the_check_catches_an_answer_that_breaks_the_schema(central):
    doc = create_app(central.server).openapi()
    info = {"$ref": "#/components/schemas/ServerInfo"}
    good = {
        "server_id": "s",
        "api_version": 1,
        "push_batch_limit": 5,
        "pull_page_limit": 5,
        "server_time": "t",
    }
    assert validate(doc, info, good) == []
    assert validate(doc, info, {**good, "api_version": "1"}) == [
        "$.api_version: '1' is not integer"
    ]
    assert validate(doc, info, {k: v for k, v in good.items() if k != "server_id"}) == [
        "$: missing server_id"
    ]
    result = {"$ref": "#/components/schemas/EventResult"}
    assert validate(doc, result, {"event_id": "e", "status": "lost"})
