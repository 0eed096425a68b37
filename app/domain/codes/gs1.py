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
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, unquote, urlsplit

from biip import ParseConfig, ParseError
from biip.gs1_application_identifiers import GS1ApplicationIdentifier
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_element_strings import GS1ElementString
from biip.gtin import Gtin
from biip.upc import Upc

from app.domain.codes.model import Level, Scheme

_CONFIG = ParseConfig()  # separator: GS (0x1D); the normaliser has turned every stand-in into it
_AI_IN_MESSAGE = re.compile(r"GS1 AI \((\d+)\)")
_NOT_CSET82 = re.compile(r'[^!"%-?A-Z_a-z]')  # GS1's 82 characters: anything else is noise
_PRINTED = re.compile(r" *\((\d{1,5})\)([^()]*)")
GS = "\x1d"


class Failure(NamedTuple):
    reason: str
    detail: str


Fields = dict[str, Any]  # keyword arguments for Code
Pair = tuple[GS1ApplicationIdentifier, str]  # an AI and its data, as the text carried them


def element_string(text: str) -> Fields | Failure:
    """A GS1 element string: AI-prefixed with GS separators, or the ``(01)...(21)...`` printed form.

    The text is cut into (AI, data) pairs by GS1's own rule before biip reads each pair:
    a variable-length AI's data runs to the next GS or the end, never into what biip's
    pattern happens to stop at (which read ``7007`` + 9 digits as a date and a serial).
    Every character must belong to a pair, so a typo in printed text is an error, not a gap.
    """
    pairs = _printed_pairs(text) if text.startswith("(") else _pairs(text)
    if isinstance(pairs, Failure):
        return pairs
    elements: list[GS1ElementString] = []
    for ai, data in pairs:
        try:
            elements.append(GS1ElementString.parse(ai.ai + data, config=_CONFIG))
        except (ParseError, ValueError) as exc:
            return _refused(ai, data, exc)
    return _from_elements(elements, Scheme.GS1)


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
    problem = _query_problem(text)
    if problem:
        return problem
    return _from_elements(uri.element_strings, Scheme.DIGITAL_LINK)


def _pairs(text: str) -> list[Pair] | Failure:
    """(AI, data) pairs of an element string; a GS between pairs is FNC1 and may be superfluous."""
    pairs: list[Pair] = []
    at = 0
    while at < len(text):
        if text[at] == GS:
            at += 1
            continue
        ai = _ai(text[at : at + 4])
        if ai is None:
            return Failure(
                "gs1.unknown_ai",
                f"no GS1 Application Identifier at position {at}: {text[at : at + 8]!r}",
            )
        start = at + len(ai.ai)
        end = text.find(GS, start)
        end = len(text) if end < 0 else end
        data = text[start:end]
        if not ai.separator_required:  # predefined length: the next AI may follow directly
            fixed = re.match(ai.pattern.removesuffix("$"), text[at:end])
            if fixed is not None:
                data = text[start : at + fixed.end()]
        pairs.append((ai, data))
        at = start + len(data)
    return pairs


def _printed_pairs(text: str) -> list[Pair] | Failure:
    """(AI, data) pairs of the printed form ``(01)09506000134352(21)A1``; every character counts."""
    pairs: list[Pair] = []
    at = 0
    for found in _PRINTED.finditer(text):
        if found.start() != at:
            break
        digits, data = found.group(1), found.group(2).strip(" ")
        ai = _ai(digits)
        if ai is None or ai.ai != digits:
            return Failure("gs1.unknown_ai", f"({digits}) is not a GS1 Application Identifier")
        if not data:
            return Failure("gs1.syntax", f"({digits}) has no data after it")
        pairs.append((ai, data))
        at = found.end()
    if at != len(text) or not pairs:
        shown = text[at : at + 12]
        return Failure(
            "gs1.syntax", f"cannot read {shown!r} at position {at}: expected (AI) and data"
        )
    return pairs


def _ai(text: str) -> GS1ApplicationIdentifier | None:
    try:
        return GS1ApplicationIdentifier.extract(text)
    except ParseError:
        return None


def _refused(ai: GS1ApplicationIdentifier, data: str, exc: Exception) -> Failure:
    """Why biip refused one pair: wrong length, an impossible date, or bad characters."""
    if not data:
        return Failure("gs1.syntax", f"({ai.ai}) has no data after it")
    stray = _NOT_CSET82.search(data)
    if stray is not None:
        return Failure(
            "gs1.syntax", f"({ai.ai}) data holds {stray.group()!r}, which GS1 data never carries"
        )
    low, high = _lengths(ai.format)
    prefix = re.match(ai.pattern.removesuffix("$"), ai.ai + data)
    cut_short = prefix is not None and prefix.end() < len(ai.ai + data)  # e.g. 7007 + 9 digits
    if cut_short or not low <= len(data) <= high:
        return Failure(
            "gs1.bad_length",
            f"({ai.ai}) data has incorrect length: {len(data)} characters, format {ai.format}",
        )
    return _classify(exc)


def _lengths(data_format: str) -> tuple[int, int]:
    """Shortest and longest data a format such as ``N2+N6[+N6]`` or ``N2+X..20`` allows."""
    low = high = 0
    for part in data_format.split("+")[1:]:
        optional = part.startswith("[")
        size = re.search(r"(\.\.)?(\d+)", part)
        if size is None:
            continue
        count = int(size.group(2))
        high += count
        if not optional:
            low += 1 if size.group(1) else count
    return low, high


def _query_problem(text: str) -> Failure | None:
    """What biip lets pass in a Digital Link's query and GS1 forbids: an AI twice (in the path
    and the query, or twice in the query; biip keeps one), an AI with no value, and a
    numeric-only name that is not an AI (such names are reserved for AIs)."""
    parts = urlsplit(text)
    seen = _path_ais(parts.path)
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if not name.isdigit():
            continue
        ai = _ai(name)
        if ai is None or ai.ai != name:
            return Failure("gs1.unknown_ai", f"query parameter {name!r} is not a GS1 AI")
        if not value:
            return Failure("dl.syntax", f"({name}) has no value in the query")
        if name in seen:
            return _repeat_failure(name, seen[name], value)
        seen[name] = value
    return None


def _path_ais(path: str) -> dict[str, str]:
    """The AI/value pairs at the end of a Digital Link path (what comes before them is a stem)."""
    segments = [unquote(s) for s in path.split("/")]
    found: dict[str, str] = {}
    while len(segments) >= 2 and segments[-2].isdigit() and _ai(segments[-2]) is not None:
        value, name = segments.pop(), segments.pop()
        found[name] = value
    return found


def _repeat_failure(ai: str, first: str, second: str) -> Failure:
    return Failure(
        "gs1.repeated_ai", f"({ai}) appears twice with different values: {first!r} and {second!r}"
    )


def retail(digits: str, symbology: str | None) -> Fields | Failure | None:
    """EAN-13/EAN-8/UPC-A/UPC-E/ITF-14 digits; None when the length fits none of them."""
    n = len(digits)
    tries: tuple[Callable[[str], tuple[str, str]], ...]
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


def _from_elements(elements: Sequence[GS1ElementString], scheme: Scheme) -> Fields | Failure:
    fields: dict[str, str] = {}
    for es in elements:
        error = es.gtin_error or es.sscc_error or es.gln_error
        if error:
            return Failure("gs1.check_digit" if "check digit" in error else "gs1.syntax", error)
        if fields.setdefault(es.ai.ai, es.value) != es.value:
            return _repeat_failure(es.ai.ai, fields[es.ai.ai], es.value)
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
