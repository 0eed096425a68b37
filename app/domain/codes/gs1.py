"""GS1 element strings, GS1 Digital Link URIs and EAN/UPC, read through biip.

biip owns the GS1 knowledge (the Application Identifier table, check digits,
dates); this module only turns biip's results into the product's terms: a
canonical key, a packaging level, and a stable reason when biip refuses.

Level from a GTIN's indicator digit (the first of 14): 0 is a consumer item,
1-8 a grouping of items (a case), 9 a variable-measure item (treated as an
item). SSCC is a logistic unit (pallet). A GTIN without a serial names a
product, not a physical thing, and keys as ``gtin:{gtin14}`` whichever barcode
carried it, so the EAN-13 on a bottle and ``(01)`` + the same GTIN agree.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from biip import ParseConfig, ParseError
from biip.gs1_application_identifiers import GS1ApplicationIdentifier
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_element_strings import GS1ElementStrings
from biip.gs1_messages import GS1Message
from biip.gtin import Gtin
from biip.upc import Upc

from app.domain.codes.model import Level, Scheme

_CONFIG = ParseConfig()  # separator: GS (0x1D); the normaliser has turned every stand-in into it
_AI_IN_MESSAGE = re.compile(r"GS1 AI \((\d+)\)")


class Failure(NamedTuple):
    reason: str
    detail: str


Fields = dict[str, Any]  # keyword arguments for Code


def element_string(text: str) -> Fields | Failure:
    """A GS1 element string: AI-prefixed with GS separators, or the ``(01)...(21)...`` printed form."""
    try:
        if text.startswith("("):
            message = GS1Message.parse_hri(text, config=_CONFIG)
        else:
            message = GS1Message.parse(text, config=_CONFIG)
    except (ParseError, ValueError) as exc:
        return _classify(exc)
    return _from_elements(message.element_strings, Scheme.GS1)


def digital_link(text: str) -> Fields | Failure | None:
    """A GS1 Digital Link URI on any domain; None when the URL has no GS1 key in its path at all."""
    try:
        uri = GS1DigitalLinkURI.parse(text, config=_CONFIG)
    except (ParseError, ValueError) as exc:
        detail = str(exc)
        if detail.startswith("Expected a primary identifier"):
            return None
        if "GS1 AI" in detail or "Application Identifier" in detail:
            return _classify(exc)
        return Failure("dl.syntax", detail)
    return _from_elements(uri.element_strings, Scheme.DIGITAL_LINK)


def retail(digits: str, symbology: str | None) -> Fields | Failure | None:
    """EAN-13/EAN-8/UPC-A/UPC-E/ITF-14 digits; None when the length fits none of them."""
    n = len(digits)
    if n == 8:
        # Eight digits are EAN-8 or UPC-E. The AIM id says which (]E4 EAN-8, ]E0 UPC-E);
        # without one, UPC-E when it starts with its number system 0/1 and checks out.
        if symbology == "]E4":
            tries = (_gtin,)
        elif symbology == "]E0" or digits[0] in "01":
            tries = (_upc_e, _gtin)
        else:
            tries = (_gtin,)
    elif n in (12, 13, 14):
        tries = (_gtin,)
    else:
        return None
    error = ""
    for attempt in tries:
        try:
            gtin14, name = attempt(digits)
        except ParseError as exc:
            error = error or str(exc)
            continue
        return {
            "scheme": Scheme.RETAIL,
            "key": f"gtin:{gtin14}",
            "level": Level.PRODUCT,
            "gtin": gtin14,
            "fields": {"format": name},
        }
    return Failure("retail.check_digit" if "check digit" in error else "unknown_format", error)


def _gtin(digits: str) -> tuple[str, str]:
    gtin = Gtin.parse(digits, config=_CONFIG)
    return gtin.as_gtin_14(), gtin.format.name.replace("_", "-")


def _upc_e(digits: str) -> tuple[str, str]:
    upc = Upc.parse(digits, config=_CONFIG)
    return upc.as_gtin_14(), "UPC-E"


def _from_elements(elements: GS1ElementStrings, scheme: Scheme) -> Fields | Failure:
    fields: dict[str, str] = {}
    for es in elements:
        error = es.gtin_error or es.sscc_error or es.gln_error
        if error:
            return Failure("gs1.check_digit" if "check digit" in error else "gs1.syntax", error)
        fields.setdefault(es.ai.ai, es.value)
    result: Fields = {"scheme": scheme, "fields": fields}
    by_ai = {es.ai.ai: es for es in elements}
    if "10" in fields:
        result["batch"] = fields["10"]
    if "17" in by_ai:
        result["expiry"] = by_ai["17"].date
    if "11" in by_ai:
        result["production_date"] = by_ai["11"].date
    serial = fields.get("21")
    gtin14 = fields.get("01")
    if gtin14:
        result["gtin"] = gtin14
    if serial is not None:
        result["serial"] = serial
    if "00" in fields:
        sscc = fields["00"]
        result.update(key=f"sscc:{sscc}", level=Level.PALLET, sscc=sscc)
    elif gtin14 and serial:
        level = Level.CASE if gtin14[0] in "12345678" else Level.ITEM
        result.update(key=f"sgtin:{gtin14}.{serial}", level=level)
    elif gtin14:
        result.update(key=f"gtin:{gtin14}", level=Level.PRODUCT)
    else:
        present = ", ".join(f"({ai})" for ai in fields)
        return Failure("gs1.no_identifier", f"no (00) SSCC or (01) GTIN among {present}")
    return result


def _classify(exc: Exception) -> Failure:
    """biip reports failures as English sentences; map them to our stable reason codes."""
    detail = str(exc)
    if "Application Identifier" in detail and ("Failed to get" in detail or "Unknown" in detail):
        return Failure("gs1.unknown_ai", detail)
    if detail.startswith("Failed to parse GS1 AI") and "date" in detail:
        return Failure("gs1.bad_date", detail)
    ai = _AI_IN_MESSAGE.search(detail)
    if ai and _is_date_ai(ai.group(1)):
        return Failure("gs1.bad_date", detail)
    if "check digit" in detail:
        return Failure("gs1.check_digit", detail)
    return Failure("gs1.syntax", detail)


@functools.lru_cache(maxsize=64)
def _is_date_ai(ai: str) -> bool:
    try:
        description = GS1ApplicationIdentifier.extract(ai).description
    except ParseError:
        return False
    return "YYMMDD" in description or "date" in description.lower()
