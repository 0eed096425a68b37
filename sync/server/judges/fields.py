"""Reading an event's payload: plain fields or their EPCIS 2.0 spellings, one way each."""

from __future__ import annotations

from typing import Any

from sync.protocol import Reason
from sync.server.batch import Rejected


def biz_step(payload: dict[str, Any]) -> str:
    """``urn:epcglobal:cbv:bizstep:shipping`` / ``https://ref.gs1.org/cbv/BizStep-shipping`` -> ``shipping``."""
    step = str(payload.get("bizStep") or "")
    for sep in (":", "/", "-"):
        step = step.rsplit(sep, 1)[-1]
    return step.lower()


def disposition(payload: dict[str, Any]) -> str:
    """``urn:epcglobal:cbv:disp:returned`` / ``.../Disp-returned`` -> ``returned``."""
    return str(payload.get("disposition") or "").rsplit(":", 1)[-1].rsplit("-", 1)[-1].lower()


def first(payload: dict[str, Any], *names: str) -> Any:
    """The first of these fields that is present and not empty."""
    for name in names:
        if payload.get(name) not in (None, ""):
            return payload[name]
    return None


def text_of(payload: dict[str, Any], name: str) -> str | None:
    """A field that names something by id (a region, a store): text or absent; a number, list
    or object there is ``event.invalid`` (as a statement parameter it failed the whole batch,
    then the event as ``server.error``)."""
    value = first(payload, name)
    if value is None or isinstance(value, str):
        return value
    raise Rejected(Reason.EVENT_INVALID, error=f"{name} must be text")


def dealer_of(payload: dict[str, Any]) -> Any:
    """The destination dealer: a plain field, or EPCIS ``destinationList``'s owning party."""
    found = first(payload, "dealer_id", "yima:dealer", "destination", "dealer")
    if found is None:
        for party in _entries(payload.get("destinationList")):
            if str(party.get("type", "")).endswith("owning_party"):
                return party.get("destination")
    return found


def order_of(payload: dict[str, Any]) -> Any:
    """The order: a plain field, or the first EPCIS ``bizTransactionList`` entry."""
    found = first(payload, "order_id", "yima:order", "order")
    if found is None:
        for tx in _entries(payload.get("bizTransactionList")):
            if tx.get("bizTransaction"):
                return tx["bizTransaction"]
    return found


def _entries(value: Any) -> list[dict[str, Any]]:
    """The objects of an EPCIS list field (``destinationList``, ``bizTransactionList``); a
    number or text there holds none (iterating it failed the whole batch, then the event as
    ``server.error``)."""
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def replaced_of(payload: dict[str, Any]) -> Any:
    """The old code a relabel replaces."""
    return first(payload, "replaces", "yima:replaces")


def undone_of(payload: dict[str, Any]) -> str | None:
    """The id of the event an undo compensates, when the station names it."""
    undoes = first(payload, "yima:compensates", "compensates")
    return undoes if isinstance(undoes, str) else None


def keys(value: Any) -> list[str]:
    """A list of code keys (``epcList``, ``childEPCs``), or ``event.invalid``."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(k, str) and k for k in value):
        raise Rejected(Reason.EVENT_INVALID, error="a code list must be a list of code keys")
    return value


def keys_or_none(value: Any) -> list[str]:
    """``keys`` for the loader, which reads what it can and leaves refusing to the judge."""
    try:
        return keys(value)
    except Rejected:
        return []
