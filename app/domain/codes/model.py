"""The typed value every scan becomes: what the rest of the product reasons about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """Where a code sits in the packaging tree (pallet → case → item)."""

    ITEM = "item"
    CASE = "case"
    PALLET = "pallet"
    PRODUCT = "product"  # a retail EAN/UPC: names a product, not one physical item


class Scheme(StrEnum):
    """Which grammar recognised the code."""

    GS1 = "gs1"  # GS1 element string (DataMatrix, GS1-128, GS1 QR)
    DIGITAL_LINK = "gs1-dl"  # GS1 Digital Link URI
    BRAND = "brand"  # a brand code profile (URL or plain serial)
    RETAIL = "retail"  # EAN-13 / EAN-8 / UPC-A / UPC-E
    COMMAND = "command"  # a Yima Scan command barcode (finish, undo, ...)
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Code:
    """A parsed code.

    ``key`` is canonical: the same physical code gives the same key whichever
    form it arrived in (element string, Digital Link, brand URL, plain serial).
    Key forms: ``sgtin:{gtin14}.{serial}``, ``sscc:{sscc18}``, ``gtin:{gtin14}``
    (retail, not serialized), ``brand:{code}``, ``cmd:{name}``; empty when invalid.
    """

    raw: str
    scheme: Scheme
    key: str = ""
    level: Level | None = None
    gtin: str | None = None
    serial: str | None = None
    batch: str | None = None
    expiry: dt.date | None = None
    production_date: dt.date | None = None
    sscc: str | None = None
    profile: str | None = None  # brand profile name, when scheme is BRAND
    symbology: str | None = None  # AIM identifier such as "]d2", when the scanner sent one
    fields: dict[str, str] = field(default_factory=dict)  # every AI / named group found
    reason: str | None = None  # machine reason code when invalid, e.g. "gs1.check_digit"
    message: str | None = None  # English operator text (translatable template), when invalid
    notes: tuple[str, ...] = ()  # non-fatal observations, e.g. "case_swapped", "gs_substitute"
    detail: str | None = (
        None  # technical detail for IT (the library's own words), never for operators
    )
    text: str = ""  # the normalised text the grammar read (AIM id and ECI prefix removed)

    @property
    def valid(self) -> bool:
        return self.scheme is not Scheme.INVALID

    @property
    def serialized(self) -> bool:
        """True when the code names one physical thing (item, case or pallet)."""
        return self.valid and self.level in (Level.ITEM, Level.CASE, Level.PALLET)

    def as_dict(self) -> dict[str, object]:
        """A JSON-able view, for ``code --json``, logs and sync issue reports."""
        return {
            "raw": self.raw,
            "valid": self.valid,
            "scheme": self.scheme.value,
            "key": self.key,
            "level": self.level.value if self.level else None,
            "gtin": self.gtin,
            "serial": self.serial,
            "batch": self.batch,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "production_date": self.production_date.isoformat() if self.production_date else None,
            "sscc": self.sscc,
            "profile": self.profile,
            "symbology": self.symbology,
            "fields": dict(self.fields),
            "notes": list(self.notes),
            "reason": self.reason,
            "message": self.message,
            "detail": self.detail,
            "text": self.text,
        }
