"""The product's keys and master-data ids as the URIs an EPCIS document needs.

Codes: ``sgtin:{gtin}.{serial}`` and ``sscc:{sscc}`` become GS1 Digital Link URIs on GS1's
resolver (EPCIS 2.0 accepts them as identifiers, and unlike EPC URNs they need no company
prefix length, which a GTIN alone does not tell); ``gtin:{gtin}`` names a product, not an
item, so it is a class (``epcClass``) with a quantity; ``brand:{code}`` becomes the brand's own
web address for the code, built from the first URL code profile that reads it back.

The brand's master data (stations, locations, dealers, regions, stores, orders, vouchers)
has no GS1 key here, so it gets a URN in the product's namespace; ids are percent-encoded,
so any id makes a valid URI.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from urllib.parse import quote

from app.domain.codes import Profile, default_profiles

DIGITAL_LINK = "https://id.gs1.org"
MASTER_DATA = "urn:yima-scan:"


def _part(text: object) -> str:
    return quote(str(text), safe="")


class Identifiers:
    """Turns keys into URIs; one per export (it holds the brand's URL templates)."""

    def __init__(self, profiles: Sequence[Profile] | None = None) -> None:
        chosen = default_profiles() if profiles is None else profiles
        self._brand_templates = tuple(
            p for p in chosen if p.is_url and "(?P<" not in p.pattern and "{code}" in p.pattern
        )

    def is_class(self, key: str) -> bool:
        """True for a key that names a product (a class), not one physical thing."""
        return key.startswith("gtin:")

    def code(self, key: str) -> str:
        """The URI of a code key (instance or class)."""
        scheme, _, value = key.partition(":")
        if scheme == "sgtin":
            gtin, _, serial = value.partition(".")
            return f"{DIGITAL_LINK}/01/{gtin}/21/{_part(serial)}"
        if scheme == "sscc":
            return f"{DIGITAL_LINK}/00/{value}"
        if scheme == "gtin":
            return f"{DIGITAL_LINK}/01/{value}"
        if scheme == "brand":
            return self._brand(value)
        return f"{MASTER_DATA}code:{_part(key)}"

    def _brand(self, code: str) -> str:
        for profile in self._brand_templates:
            address = profile.pattern.replace("{code}", code)
            if profile.match(address) is not None:
                return address
        return f"{MASTER_DATA}brand-code:{_part(code)}"

    @staticmethod
    def station(station_id: str) -> str:
        return f"{MASTER_DATA}station:{_part(station_id)}"

    @staticmethod
    def location(station_id: str, location_id: str) -> str:
        """A warehouse location: its id is the station's own, so the station qualifies it."""
        return f"{MASTER_DATA}station:{_part(station_id)}:location:{_part(location_id)}"

    @staticmethod
    def master(kind: str, value: str) -> str:
        """Dealer, region, store, order, voucher, claim, case: ``urn:yima-scan:{kind}:{id}``."""
        return f"{MASTER_DATA}{kind}:{_part(value)}"

    @staticmethod
    def event(event_id: str) -> str:
        """An event id as EPCIS's ``eventID``: a UUID as ``urn:uuid:``, a URI as it is."""
        try:
            return uuid.UUID(event_id).urn
        except ValueError:
            pass
        if ":" in event_id:
            return event_id
        return f"{MASTER_DATA}event:{_part(event_id)}"
