"""EPCIS 2.0 export (issue 14): a real demo day exported by the server and by the station
validates against GS1's own schema with 0 errors, in the standard's words and identifiers,
with the station's time zone and without secrets; JSON-LD processing works offline."""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections import Counter
from collections.abc import Iterator

import pytest

from app.cli import main
from app.domain.epcis import context_files, offline_loader
from app.domain.epcis.vocabulary import (
    CBV_BIZ_STEPS,
    CBV_DISPOSITIONS,
    CONTEXT,
    GS1_CONTEXT_URL,
)
from app.paths import resources_dir
from sync.server import admin
from tests.support.epcis import (
    EXAMPLES,
    GS1_CONTEXT,
    demo_day,
    journal_rows,
    key_paths,
    leaf_values,
    schema_errors,
)

URI_PREFIXES = ("https://id.gs1.org/", "https://t.brand.cn/q/", "urn:yima-scan:", "urn:uuid:")
ZONE = "Asia/Shanghai"  # the station's zone for the day: +08:00, never the UTC it stores


@contextlib.contextmanager
def _in_zone(zone: str) -> Iterator[None]:
    """This process's local time zone set to ``zone`` (the station's), then put back."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """The station's and the server's export of one demo day run in Shanghai time."""
    folder = tmp_path_factory.mktemp("epcis-day")
    with _in_zone(ZONE), demo_day(folder / "station") as day:
        station_file, server_file = folder / "station.jsonld", folder / "server.jsonld"
        argv = ["export", "epcis", "--data-dir", str(day.folder), "--out", str(station_file)]
        assert main(argv) == 0
        admin.export_epcis(day.server, server_file)
        journal = journal_rows(day.station_db)
    return {
        "station": json.loads(station_file.read_text(encoding="utf-8")),
        "server": json.loads(server_file.read_text(encoding="utf-8")),
        "text": station_file.read_text(encoding="utf-8") + server_file.read_text("utf-8"),
        "journal": journal,
        "folder": day.folder,
    }


def test_the_validator_passes_gs1s_examples_and_catches_the_old_export():
    assert len(EXAMPLES) == 3
    for example in EXAMPLES:
        errors = schema_errors(json.loads(example.read_text(encoding="utf-8")))
        # GS1 names each example document "_:document1", a JSON-LD blank node that the schema's
        # format "uri" does not admit; nothing else in them breaks the schema.
        assert errors == ["id: '_:document1' is not a 'uri'"], example.name
    old = {  # what the server exported before issue 14, cut to one event
        "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": "2026-12-06T09:00:00+00:00",
        "epcisBody": {
            "eventList": [
                {
                    "type": "RedemptionEvent",
                    "eventTime": "2026-12-06T09:00:00",
                    "eventTimeZoneOffset": "+00:00",
                    "action": "ADD",
                },
                {
                    "type": "ObjectEvent",
                    "eventTime": "2026-12-06T09:00:00+00:00",
                    "eventTimeZoneOffset": "+00:00",
                    "action": "OBSERVE",
                    "bizStep": "returning",
                    "epcList": ["sgtin:16950123001013.000091"],
                    "bizLocation": "MAIN",
                    "bizTransactionList": [{"type": "po", "bizTransaction": "SO 24002"}],
                    "destinationList": [{"type": "owning_party", "destination": "D 002"}],
                    "job": "J1",
                },
            ]
        },
    }
    errors = "\n".join(schema_errors(old))
    for broken in ("0/eventTime", "1/bizLocation", "bizTransaction", "destination", "1: "):
        assert broken in errors


@pytest.mark.parametrize("side", ["station", "server"])
def test_the_demo_day_validates_with_zero_errors(exports, side):
    document = exports[side]
    assert document["epcisBody"]["eventList"]
    assert schema_errors(document) == []


def test_every_kind_of_event_is_exported_in_the_standards_words(exports):
    station = exports["station"]["epcisBody"]["eventList"]
    server = exports["server"]["epcisBody"]["eventList"]
    kinds = {e.get("yima:kind", e["type"]) for e in station}
    product_kinds = {
        "ObjectEvent",
        "AggregationEvent",
        "RedemptionEvent",
        "RebateClaimEvent",
        "DiversionCaseEvent",
    }
    assert kinds == product_kinds
    assert {e.get("yima:kind", e["type"]) for e in server} == product_kinds
    assert {e["type"] for e in station + server} == {"ObjectEvent", "AggregationEvent"}
    steps = {e["bizStep"] for e in station}
    assert {"receiving", "shipping", "staging_outbound", "packing", "unpacking"} <= steps
    assert {"cycle_counting", "inspecting"} <= steps
    brand_steps = {s for s in steps if s not in CBV_BIZ_STEPS}
    assert brand_steps == {
        "urn:yima-scan:bizstep:" + s
        for s in ("returning", "void_receiving", "relabelling", "redeeming", "rebate_claiming")
    }
    for event in station + server:
        assert event.get("disposition", "in_progress") in CBV_DISPOSITIONS or event[
            "disposition"
        ].startswith("urn:yima-scan:disposition:")
        for name in event:
            assert name in _EPCIS_FIELDS or name.startswith("yima:"), name


_EPCIS_FIELDS = {
    "type",
    "eventID",
    "eventTime",
    "recordTime",
    "eventTimeZoneOffset",
    "action",
    "epcList",
    "quantityList",
    "parentID",
    "childEPCs",
    "childQuantityList",
    "bizStep",
    "disposition",
    "readPoint",
    "bizLocation",
    "bizTransactionList",
    "sourceList",
    "destinationList",
}


def test_identifiers_locations_parties_and_transactions_are_uris(exports):
    for event in exports["station"]["epcisBody"]["eventList"]:
        uris = [event["eventID"], event["readPoint"]["id"], *event.get("epcList", [])]
        uris += event.get("childEPCs", []) + ([event["parentID"]] if "parentID" in event else [])
        uris += [q["epcClass"] for q in event.get("quantityList", [])]
        uris += [event["bizLocation"]["id"]] if "bizLocation" in event else []
        uris += [t["bizTransaction"] for t in event.get("bizTransactionList", [])]
        uris += [d["destination"] for d in event.get("destinationList", [])]
        for uri in uris:
            assert uri.startswith(URI_PREFIXES), uri
    shipped = next(
        e for e in exports["server"]["epcisBody"]["eventList"] if e["bizStep"] == "shipping"
    )
    assert shipped["epcList"] == ["https://id.gs1.org/00/069501230000010018"]  # pallet 1001
    assert shipped["bizTransactionList"] == [
        {"type": "po", "bizTransaction": "urn:yima-scan:order:SO-24002"}
    ]
    assert {"type": "owning_party", "destination": "urn:yima-scan:dealer:D002"} in shipped[
        "destinationList"
    ]


def test_times_carry_the_zone_the_station_recorded(exports):
    for side in ("station", "server"):
        for event in exports[side]["epcisBody"]["eventList"]:
            assert event["eventTimeZoneOffset"] == "+08:00"
            assert event["eventTime"].endswith("+08:00")
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00", event["eventTime"])
    recorded = {json.loads(r["payload"])["eventTimeZoneOffset"] for r in exports["journal"]}
    assert recorded == {"+08:00"}


def test_no_voucher_or_card_token_leaves_in_an_export(exports):
    tokens = [
        value
        for row in exports["journal"]
        for name, value in json.loads(row["payload"]).items()
        if name in ("voucher", "card")
    ]
    assert len(tokens) == 3 and all(t.startswith(("YV1.", "YC1.")) for t in tokens)
    for token in tokens:
        assert token not in exports["text"]
        assert token.split(".")[1][:20] not in exports["text"]


def test_server_and_station_say_the_same_about_each_accepted_event(exports):
    station = {e["eventID"]: e for e in exports["station"]["epcisBody"]["eventList"]}
    server = exports["server"]["epcisBody"]["eventList"]
    assert len(server) == len(station) - 1  # the relabel to a code the brand never issued
    for event in server:
        assert {k: v for k, v in event.items() if k != "recordTime"} == station[event["eventID"]]


# --- JSON-LD, offline ----------------------------------------------------------------------


def _loader():
    return offline_loader(context_files(GS1_CONTEXT, resources_dir()))


def test_the_shipped_context_is_the_one_documents_declare():
    shipped = json.loads((resources_dir() / "epcis" / "yima-context.jsonld").read_text("utf-8"))
    assert shipped == {"@context": CONTEXT}


def test_json_ld_expansion_works_offline_and_drops_no_field(exports):
    from pyld import jsonld

    options = {"documentLoader": _loader()}
    for side in ("station", "server"):
        document = exports[side]
        expanded = jsonld.expand(document, options)
        assert expanded and "urn:yima-scan:epcis:operator" in json.dumps(expanded)
        # Compacting the expansion again gives back every value and every extension field by
        # name: nothing was dropped (EPCIS's own fields may come back under their aliases,
        # such as "id" for eventID, or readPoint as a bare IRI).
        again = jsonld.compact(expanded, {"@context": document["@context"]}, options)
        assert Counter(leaf_values(document)) == Counter(leaf_values(again))
        extensions = {p for p in key_paths(document) if "yima:" in p}
        assert len(extensions) > 10 and extensions <= key_paths(again)


def test_gs1_examples_expand_offline_with_the_same_loader():
    from pyld import jsonld

    for example in EXAMPLES:
        expanded = jsonld.expand(
            json.loads(example.read_text("utf-8")), {"documentLoader": _loader()}
        )
        assert "https://ref.gs1.org/epcis/eventTime" in json.dumps(expanded)


def test_the_loader_refuses_every_other_address():
    from app.domain.epcis import ContextUnavailable

    with pytest.raises(ContextUnavailable, match=r"example\.com"):
        _loader()("https://example.com/context.jsonld")
    assert (
        _loader()(GS1_CONTEXT_URL)["document"]["@context"]["epcis"] == "https://ref.gs1.org/epcis/"
    )


@pytest.mark.parametrize("before", [True, False])
def test_the_station_export_says_what_is_missing(tmp_path, capsys, before):
    out = tmp_path / "day.jsonld"
    where = ["--data-dir", str(tmp_path / "empty")]
    argv = [*where, "export", "epcis"] if before else ["export", "epcis", *where]
    assert main([*argv, "--out", str(out)]) == 2
    assert "there is no station database" in capsys.readouterr().err
    assert not out.exists()


def test_the_station_exports_the_local_days_asked_for(exports, tmp_path):
    folder, out = str(exports["folder"]), tmp_path / "days.jsonld"
    everything = len(exports["station"]["epcisBody"]["eventList"])
    days = sorted(e["eventTime"][:10] for e in exports["station"]["epcisBody"]["eventList"])
    with _in_zone(ZONE):  # the station's local days are Shanghai's
        for since, until, expected in (
            (days[0], days[-1], everything),
            ("2000-01-01", "2000-01-02", 0),
        ):
            argv = ["export", "epcis", "--data-dir", folder, "--out", str(out)]
            assert main([*argv, "--since", since, "--until", until]) == 0
            assert len(json.loads(out.read_text("utf-8"))["epcisBody"]["eventList"]) == expected
