"""Reading EPCIS 2.0 documents that others send, and the facts a query filters events on.

A capture interface must refuse what it cannot store faithfully, and say why in words the
sender can act on: a document that is not an EPCISDocument, an event without a readable time
or offset, an identifier that is not a URI. What it accepts it keeps whole (extension fields
and the prefixes they were declared with), so a query returns what was captured.

``facts`` reduces one event to what the EPCIS query parameters compare: its type, times in
UTC, action, step and disposition (CBV words whichever form they came in), read point,
business location and identifiers, so the server can index them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.epcis.document import OFFSET
from app.domain.epcis.vocabulary import EVENT_TYPES

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")  # a scheme, then no whitespace
MAX_EVENTS = 10_000  # per capture; the REST binding's GS1-EPCIS-Capture-Limit
_CBV_PREFIXES = (
    ("https://ref.gs1.org/cbv/BizStep-", "urn:epcglobal:cbv:bizstep:"),
    ("https://ref.gs1.org/cbv/Disp-", "urn:epcglobal:cbv:disp:"),
)
_EPC_FIELDS = ("epcList", "childEPCs", "inputEPCList", "outputEPCList")
_CLASS_FIELDS = ("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList")


class CaptureRefused(ValueError):
    """The document cannot be captured; the message says which event and what is wrong."""


@dataclass(frozen=True)
class Facts:
    """What the EPCIS query parameters compare, for one event."""

    event_id: str
    event_type: str
    event_time: str  # UTC, fixed width, so text order is time order
    action: str | None
    biz_step: str | None
    disposition: str | None
    read_point: str | None
    biz_location: str | None
    epcs: list[tuple[str, str]] = field(default_factory=list)  # (uri, "epc"/"parent"/"class")


def read_document(document: Any) -> list[dict[str, Any]]:
    """The events of an EPCISDocument, each with an ``eventID`` (assigned from its content when
    the sender gave none) and the document's prefix declarations as its own ``@context``."""
    if not isinstance(document, Mapping) or document.get("type") != "EPCISDocument":
        raise CaptureRefused("the body is not an EPCISDocument (its 'type' must be EPCISDocument)")
    if not document.get("@context"):
        raise CaptureRefused("the document has no @context")
    body = document.get("epcisBody")
    events = body.get("eventList") if isinstance(body, Mapping) else None
    if not isinstance(events, list):
        raise CaptureRefused("epcisBody.eventList is missing or not a list")
    if len(events) > MAX_EVENTS:
        raise CaptureRefused(f"{len(events)} events; at most {MAX_EVENTS} per capture")
    declared = _declarations(document["@context"])
    out = []
    for index, event in enumerate(events):
        where = f"event {index + 1}"
        if not isinstance(event, Mapping):
            raise CaptureRefused(f"{where} is not an object")
        kept = dict(event)
        if declared and "@context" not in kept:
            kept["@context"] = declared
        kept.setdefault("eventID", _content_id(event))
        facts(kept, where)  # refuses what cannot be indexed
        out.append(kept)
    return out


def facts(event: Mapping[str, Any], where: str = "the event") -> Facts:
    """The indexed facts of one event; raises CaptureRefused naming what is wrong."""
    kind = event.get("type")
    if kind not in EVENT_TYPES and not _is_uri(kind):
        raise CaptureRefused(f"{where}: type is neither an EPCIS event type nor a URI")
    offset = event.get("eventTimeZoneOffset")
    if not isinstance(offset, str) or not OFFSET.match(offset):
        raise CaptureRefused(f"{where}: eventTimeZoneOffset must look like +08:00")
    event_id = event.get("eventID")
    if not _is_uri(event_id):
        raise CaptureRefused(f"{where}: eventID must be a URI")
    epcs: list[tuple[str, str]] = []
    for name in _EPC_FIELDS:
        epcs += [(_uri(v, where, name), "epc") for v in _list(event.get(name), where, name)]
    if event.get("parentID") is not None:
        epcs.append((_uri(event["parentID"], where, "parentID"), "parent"))
    for name in _CLASS_FIELDS:
        for item in _list(event.get(name), where, name):
            if not isinstance(item, Mapping):
                raise CaptureRefused(f"{where}: {name} entries must be objects")
            epcs.append((_uri(item.get("epcClass"), where, f"{name}.epcClass"), "class"))
    return Facts(
        event_id=str(event_id),
        event_type=str(kind),
        event_time=utc_text(event.get("eventTime"), where),
        action=_text(event.get("action")),
        biz_step=cbv_word(_text(event.get("bizStep"))),
        disposition=cbv_word(_text(event.get("disposition"))),
        read_point=_place(event.get("readPoint"), where, "readPoint"),
        biz_location=_place(event.get("bizLocation"), where, "bizLocation"),
        epcs=epcs,
    )


def utc_text(value: object, where: str = "the query") -> str:
    """An ISO 8601 time with an offset as fixed-width UTC text (text order = time order).
    Refusals name the place, not the value: a sender's megabyte of text is not sent back."""
    try:
        when = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise CaptureRefused(f"{where}: the time is not an ISO 8601 time") from exc
    if when.tzinfo is None:
        raise CaptureRefused(f"{where}: the time has no offset (add Z or +08:00)")
    try:
        return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    except OverflowError as exc:  # 0001-01-01T00:00+23:59 is before year 1 in UTC
        raise CaptureRefused(f"{where}: the time is outside the years 1 to 9999 in UTC") from exc


def cbv_word(value: str | None) -> str | None:
    """``https://ref.gs1.org/cbv/BizStep-shipping`` and ``urn:epcglobal:cbv:bizstep:shipping``
    are the CBV word ``shipping``; anything else stays as it is."""
    if value is None:
        return None
    for prefixes in _CBV_PREFIXES:
        for prefix in prefixes:
            if value.startswith(prefix):
                return value[len(prefix) :]
    return value


def _declarations(context: Any) -> dict[str, Any] | None:
    """The inline (object) parts of a document's @context: the sender's prefixes."""
    parts = context if isinstance(context, list) else [context]
    merged: dict[str, Any] = {}
    for part in parts:
        if isinstance(part, Mapping):
            merged.update(part)
    return merged or None


def _content_id(event: Mapping[str, Any]) -> str:
    canonical = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"ni:///sha-256;{hashlib.sha256(canonical.encode('utf-8')).hexdigest()}?ver=CBV2.0"


def _is_uri(value: object) -> bool:
    return isinstance(value, str) and _URI.match(value) is not None


def _uri(value: object, where: str, name: str) -> str:
    if not _is_uri(value):
        raise CaptureRefused(f"{where}: {name} holds a value that is not a URI")
    return str(value)


def _list(value: object, where: str, name: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CaptureRefused(f"{where}: {name} must be a list")
    return value


def _place(value: object, where: str, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise CaptureRefused(f"{where}: {name} must be an object with an 'id' URI")
    return _uri(value.get("id"), where, f"{name}.id")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
