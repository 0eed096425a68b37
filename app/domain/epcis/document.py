"""Journal events as EPCIS 2.0 events, and the document that carries them.

One builder for the station (its own journal) and the server (every station's accepted
events), so a partner gets the same shape from either. What it guarantees, and why:

- identifiers are URIs (``identifiers``): GS1 Digital Link for GS1 codes, the brand's web
  address for its own codes, URNs for the brand's master data;
- CBV words where CBV has them, the brand's own steps as IRIs in its namespace (``vocabulary``);
- the brand's event kinds (redemption, rebate claim, diversion case) are ObjectEvents with
  ``yima:kind`` and extension fields, not event types a partner's system has never heard of;
- every field that is not EPCIS's is an extension with the declared ``yima:`` prefix, nested
  values too, so JSON-LD processing keeps it instead of silently dropping it;
- ``eventTime`` always has an offset, and ``eventTimeZoneOffset`` is the one the station
  recorded with the event (``eventTimeZoneOffset`` in its payload), else the offset its
  timestamp was written with;
- signed voucher and installer-card tokens are bearer secrets and never leave in an export.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from app.domain.epcis.identifiers import Identifiers
from app.domain.epcis.vocabulary import (
    CBV_BIZ_TRANSACTION_TYPES,
    CBV_SOURCE_DEST_TYPES,
    CONTEXT,
    GS1_CONTEXT_URL,
    biz_step,
    disposition,
    extension,
)

SCHEMA_VERSION = "2.0"
OFFSET = re.compile(r"^[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)$")
BRAND_KINDS = frozenset({"RedemptionEvent", "RebateClaimEvent", "DiversionCaseEvent"})
SECRETS = frozenset({"voucher", "card", "token"})  # signed tokens: whoever holds one can use it
# Payload fields the builder turns into EPCIS's own fields (everything else is an extension).
_CONSUMED = frozenset(
    {
        "action",
        "bizStep",
        "disposition",
        "epcList",
        "parentID",
        "childEPCs",
        "readPoint",
        "bizLocation",
        "bizTransactionList",
        "sourceList",
        "destinationList",
        "eventTimeZoneOffset",
    }
)
_CODE_FIELDS = frozenset({"yima:replaces", "yima:parent", "code"})  # values are code keys
_EVENT_FIELDS = frozenset({"yima:compensates", "undoes"})  # values are event ids


@dataclass(frozen=True, slots=True)
class Record:
    """One event as the journal (station) or the events table (server) holds it."""

    event_id: str
    type: str
    payload: Mapping[str, Any]
    occurred_at: str  # ISO 8601, as the station wrote it (UTC when it has no offset)
    station: str
    operator: str = ""
    recorded_at: str | None = None  # when the server accepted it (EPCIS recordTime)


def document_context() -> list[Any]:
    """GS1's context by its address, then the brand's namespace declared inline."""
    return [GS1_CONTEXT_URL, dict(CONTEXT)]


def document(
    records: Iterable[Record], *, created: dt.datetime, identifiers: Identifiers | None = None
) -> dict[str, Any]:
    """A whole EPCISDocument in memory (for small sets; ``write_document`` streams)."""
    ids = identifiers or Identifiers()
    body = {"eventList": [epcis_event(r, ids) for r in records]}
    return {**_header("EPCISDocument", created), "epcisBody": body}


def query_document(
    events: list[dict[str, Any]], *, created: dt.datetime, query_name: str = "SimpleEventQuery"
) -> dict[str, Any]:
    """Events (already EPCIS) as the EPCISQueryDocument a query answers with."""
    results = {"queryName": query_name, "resultsBody": {"eventList": events}}
    return {**_header("EPCISQueryDocument", created), "epcisBody": {"queryResults": results}}


def write_document(
    records: Iterable[Record],
    out: TextIO,
    *,
    created: dt.datetime,
    identifiers: Identifiers | None = None,
) -> int:
    """Stream an EPCISDocument to ``out`` one event at a time; returns how many were written."""
    ids = identifiers or Identifiers()
    head = json.dumps(_header("EPCISDocument", created), ensure_ascii=False)
    out.write(head[:-1] + ', "epcisBody": {"eventList": [')
    count = 0
    for event in (epcis_event(record, ids) for record in records):
        out.write(("," if count else "") + "\n" + json.dumps(event, ensure_ascii=False))
        count += 1
    out.write("\n]}}\n")
    return count


def _header(kind: str, created: dt.datetime) -> dict[str, Any]:
    return {
        "@context": document_context(),
        "type": kind,
        "schemaVersion": SCHEMA_VERSION,
        "creationDate": _iso(created.astimezone(dt.UTC)),
    }


def epcis_event(record: Record, ids: Identifiers) -> dict[str, Any]:
    """One journal event as an EPCIS 2.0 event; raises ValueError for an unreadable time."""
    payload = {k: v for k, v in record.payload.items() if k not in SECRETS}
    aggregation = record.type == "AggregationEvent"
    event_time, offset = event_times(record.occurred_at, payload.get("eventTimeZoneOffset"))
    event: dict[str, Any] = {
        "type": "AggregationEvent" if aggregation else "ObjectEvent",
        "eventID": ids.event(record.event_id),
        "eventTime": event_time,
        "eventTimeZoneOffset": offset,
    }
    if record.recorded_at:
        event["recordTime"] = event_times(record.recorded_at, None)[0]
    event["action"] = str(payload.get("action") or "OBSERVE")
    if aggregation:
        if payload.get("parentID"):
            event["parentID"] = ids.code(str(payload["parentID"]))
        _what(event, _keys(payload.get("childEPCs")), ids, "childEPCs", "childQuantityList")
    else:
        _what(event, _object_keys(record.type, payload), ids, "epcList", "quantityList")
    if payload.get("bizStep"):
        event["bizStep"] = biz_step(str(payload["bizStep"]))
    if payload.get("disposition"):
        event["disposition"] = disposition(str(payload["disposition"]))
    event["readPoint"] = {"id": ids.station(record.station)}
    location = _location(record, payload, ids)
    if location:
        event["bizLocation"] = {"id": location}
    transactions = _transactions(payload.get("bizTransactionList"), ids)
    if transactions:
        event["bizTransactionList"] = transactions
    for role in ("source", "destination"):
        parties = _parties(payload.get(f"{role}List"), role, ids)
        if parties:
            event[f"{role}List"] = parties
    if record.type in BRAND_KINDS:
        event["yima:kind"] = record.type
    if record.operator:
        event["yima:operator"] = record.operator
    for name, value in payload.items():
        if name in _CONSUMED or value is None:
            continue
        if record.type == "DiversionCaseEvent" and name == "code":
            continue  # it is the event's epcList
        event[extension(name)] = _extension_value(extension(name), name, value, ids)
    return event


def event_times(occurred_at: str, recorded_offset: object) -> tuple[str, str]:
    """(eventTime with an offset, eventTimeZoneOffset): the station's offset when it recorded
    one, else the one its timestamp carries; a timestamp without one is UTC (the journal's)."""
    try:
        when = dt.datetime.fromisoformat(occurred_at.strip().replace("Z", "+00:00"))
    except (AttributeError, ValueError) as exc:
        raise ValueError(f"unreadable event time {occurred_at!r}") from exc
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    if isinstance(recorded_offset, str) and OFFSET.match(recorded_offset):
        offset = recorded_offset
    else:
        offset = _offset_text(when.utcoffset() or dt.timedelta())
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    delta = dt.timedelta(hours=hours, minutes=minutes) * (-1 if offset[0] == "-" else 1)
    return _iso(when.astimezone(dt.timezone(delta))), offset


def _offset_text(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _iso(when: dt.datetime) -> str:
    text = when.isoformat(timespec="milliseconds")
    return text[:-6] + "Z" if text.endswith("+00:00") and when.tzinfo is dt.UTC else text


def _keys(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v]
    return []


def _object_keys(kind: str, payload: Mapping[str, Any]) -> list[str]:
    """What an ObjectEvent is about: its codes, or for a redemption the voucher."""
    if kind == "RedemptionEvent":
        voucher = payload.get("voucher_id")
        return [f"voucher:{voucher}"] if voucher else []
    if kind == "DiversionCaseEvent":
        return _keys(payload.get("code"))
    return _keys(payload.get("epcList"))


def _what(
    event: dict[str, Any], keys: list[str], ids: Identifiers, instances: str, classes: str
) -> None:
    """Instance keys into ``epcList``/``childEPCs``; product (class) keys into quantities."""
    uris: list[str] = []
    counts: dict[str, int] = {}
    for key in keys:
        if key.startswith("voucher:"):
            uris.append(ids.master("voucher", key.removeprefix("voucher:")))
        elif ids.is_class(key):
            uri = ids.code(key)
            counts[uri] = counts.get(uri, 0) + 1
        else:
            uris.append(ids.code(key))
    if uris or not counts:
        event[instances] = uris
    if counts:
        event[classes] = [{"epcClass": uri, "quantity": n} for uri, n in counts.items()]


def _location(record: Record, payload: Mapping[str, Any], ids: Identifiers) -> str | None:
    place = payload.get("bizLocation")
    if isinstance(place, Mapping):
        place = place.get("id")
    if place:
        return ids.location(record.station, str(place))
    store = payload.get("store_id")
    return ids.master("store", str(store)) if store else None


def _transactions(entries: object, ids: Identifiers) -> list[dict[str, str]]:
    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Mapping) or not entry.get("bizTransaction"):
            continue
        kind = str(entry.get("type") or "po")
        out.append(
            {
                "type": kind if kind in CBV_BIZ_TRANSACTION_TYPES else f"yima:{kind}",
                "bizTransaction": ids.master("order", str(entry["bizTransaction"])),
            }
        )
    return out


def _parties(entries: object, role: str, ids: Identifiers) -> list[dict[str, str]]:
    """``{"type": "owning_party", "destination": "D002"}`` with the dealer (or region) as a URN."""
    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Mapping) or not entry.get(role):
            continue
        kind = str(entry.get("type") or "owning_party")
        value = str(entry[role])
        if value.startswith("region:"):
            uri = ids.master("region", value.removeprefix("region:"))
        else:
            uri = ids.master("dealer", value)
        out.append({"type": kind if kind in CBV_SOURCE_DEST_TYPES else f"yima:{kind}", role: uri})
    return out


def _extension_value(field: str, name: str, value: Any, ids: Identifiers) -> Any:
    """An extension's value, with nested names prefixed too (JSON-LD drops unprefixed ones)."""
    if field in _CODE_FIELDS or name in _CODE_FIELDS:
        return ids.code(str(value)) if isinstance(value, str) else value
    if field in _EVENT_FIELDS or name in _EVENT_FIELDS:
        return ids.event(str(value)) if isinstance(value, str) else value
    return _prefixed(value)


def _prefixed(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {extension(str(k)): _prefixed(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_prefixed(v) for v in value if v is not None]
    return value
