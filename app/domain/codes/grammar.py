"""``parse(raw) -> Code``: the one function every scan in the product goes through.

Order of reading, after normalisation (see ``normalize``):

1. ``YIMA:CMD:...``: a command barcode.
2. ``http(s)://...``: brand URL profiles, then GS1 Digital Link, then the URL
   profiles again with the case swapped (Caps Lock on a keyboard-wedge gun).
3. A GS1 symbology identifier (``]d2 ]C1 ]e0 ]Q3 ]J1``), a GS separator or the
   ``(01)`` printed form: a GS1 element string, and nothing else.
4. EAN/UPC/ITF-14 symbology identifiers: a retail GTIN.
5. Anything else, in this order: a GS1 element string when it starts with
   ``00`` + 18 digits or ``01`` + 14 digits and every check digit holds (unless
   a non-GS1 identifier such as ``]Q1`` says otherwise); brand profiles; retail
   digits; a GS1 element string after all (a label printed without FNC1); the
   profiles with the case swapped. Plain digits that a brand profile matches and
   that also look like GS1 (``00`` + 18 digits) are decided by that profile's
   ``gs1_lookalikes`` (see ``profiles``): GS1 by default (``ambiguous`` noted, and
   refused as ``gs1.lookalike`` when GS1's checks fail), or always the brand's.
   Scanners that send AIM identifiers never meet that case.

Each step is a cheap prefix test before any regex or biip call, and profile
matching is one precompiled regex per profile, so the cost is that of biip on
GS1 input and a few microseconds otherwise.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import replace

from app.domain.codes import gs1
from app.domain.codes.commands import is_command, parse_command
from app.domain.codes.messages import reason_message
from app.domain.codes.model import Code, Scheme
from app.domain.codes.normalize import (
    GS,
    GS1_SYMBOLOGIES,
    RETAIL_SYMBOLOGIES,
    Normalized,
    gs_pattern,
    normalize,
    substitutes_tuple,
)
from app.domain.codes.profiles import Profile, default_profiles, profiles_from_settings

log = logging.getLogger(__name__)


class CodeParser:
    """A grammar bound to one set of profiles and GS stand-ins, everything precompiled."""

    def __init__(
        self, profiles: Sequence[Profile] | None = None, gs_substitutes: Sequence[str] | None = None
    ) -> None:
        self.profiles = tuple(default_profiles() if profiles is None else profiles)
        self._url_profiles = tuple(p for p in self.profiles if p.is_url)
        self._plain_profiles = tuple(p for p in self.profiles if not p.is_url)
        self._lookalikes = {p.name: p.gs1_lookalikes for p in self.profiles}
        self._gs = gs_pattern(substitutes_tuple(gs_substitutes))

    def parse(self, raw: str | bytes, symbology: str | None = None) -> Code:
        """Never raises: a program error becomes an invalid code with reason ``internal_error``."""
        try:
            return self._parse(raw, symbology)
        except Exception as exc:  # the hot path must answer every scan
            log.exception(
                "code grammar failed on %r", raw[:200] if isinstance(raw, str | bytes) else raw
            )
            text = raw if isinstance(raw, str) else repr(raw)
            return _invalid(Normalized(raw=text), "internal_error", f"{type(exc).__name__}: {exc}")

    def _parse(self, raw: object, symbology: str | None) -> Code:
        n = normalize(raw, self._gs, symbology)
        if n.reason:
            return _invalid(n, n.reason, n.detail)
        text = n.text
        if is_command(text):
            result = parse_command(n.raw, text)
            if isinstance(result, Code):
                return _with(result, n)
            return _invalid(n, *result)
        if not text.isascii():
            # GS1, Digital Link and EAN/UPC are ASCII by definition; only a profile may allow more.
            return self._profiles(n, self._profiles_for(text)) or _invalid(n, "non_ascii")
        head = text[:8].lower()
        if head.startswith(("http://", "https://")):
            return self._url(n)
        if n.symbology in GS1_SYMBOLOGIES or GS in text or text.startswith("("):
            return _build(n, gs1.element_string(text))
        if n.symbology in RETAIL_SYMBOLOGIES:
            return self._retail(n)
        return self._other(n)

    def _url(self, n: Normalized) -> Code:
        text = n.text
        found = self._profiles(n, self._url_profiles)
        if found:
            return found
        link = gs1.digital_link(text)
        if link is not None:
            return _build(n, link)
        found = self._profiles(n, self._url_profiles, text.swapcase(), "case_swapped")
        return found or _invalid(n, "url.unknown")

    def _retail(self, n: Normalized) -> Code:
        digits = n.text
        if n.symbology == "]E3" and len(digits) in (15, 18):  # EAN-13 + 2/5-digit add-on
            digits, addon = digits[:13], digits[13:]
            n.notes.append(f"addon:{addon}")
        if digits.isdigit():
            result = gs1.retail(digits, n.symbology)
            if result is not None:
                return _build(n, result)
        return _invalid(n, "unknown_format", f"{n.symbology} should carry 8, 12, 13 or 14 digits")

    def _other(self, n: Normalized) -> Code:
        text = n.text
        digits = text.isdigit()
        non_gs1_symbology = n.symbology is not None
        gs1_error: gs1.Failure | None = None
        looks_gs1 = (text.startswith("00") and len(text) >= 20 and text[:20].isdigit()) or (
            text.startswith(("01", "02")) and len(text) >= 16 and text[:16].isdigit()
        )
        if looks_gs1 and not non_gs1_symbology:
            brand = self._profiles(n, self._plain_profiles)
            if brand is not None and self._lookalikes.get(brand.profile or "") == "brand":
                return brand  # the site says numbers of this form are the brand's
            result = gs1.element_string(text)
            if not isinstance(result, gs1.Failure):
                if brand is not None:
                    n.notes.append("ambiguous")  # e.g. a 20-digit brand code that is an SSCC
                return _build(n, result)
            if brand is not None:  # neither a GS1 code nor, by the profile's word, a brand code
                detail = f"{result.detail}; profile {brand.profile!r} leaves GS1 look-alikes to GS1"
                return _invalid(n, "gs1.lookalike", detail)
            gs1_error = result
        found = self._profiles(n, self._plain_profiles)
        if found:
            return found
        if digits:
            product = gs1.retail(text, n.symbology)
            if product is not None and (gs1_error is None or not isinstance(product, gs1.Failure)):
                return _build(n, product)
        if looks_gs1 and non_gs1_symbology:
            result = gs1.element_string(text)
            if not isinstance(result, gs1.Failure):
                n.notes.append("gs1_without_fnc1")
                return _build(n, result)
        if not digits:
            found = self._profiles(n, self._plain_profiles, text.swapcase(), "case_swapped")
            if found:
                return found
        if gs1_error is not None:
            return _invalid(n, gs1_error.reason, gs1_error.detail)
        return _invalid(n, "unknown_format")

    def _profiles_for(self, text: str) -> tuple[Profile, ...]:
        return self._url_profiles if "://" in text else self._plain_profiles

    def _profiles(
        self,
        n: Normalized,
        profiles: tuple[Profile, ...],
        text: str | None = None,
        note: str | None = None,
    ) -> Code | None:
        candidate = n.text if text is None else text
        for profile in profiles:
            groups = profile.match(candidate)
            if groups is None:
                continue
            notes = (*n.notes, note) if note else tuple(n.notes)
            return Code(
                raw=n.raw,
                scheme=Scheme.BRAND,
                key=f"brand:{groups['code']}",
                level=profile.level,
                profile=profile.name,
                symbology=n.symbology,
                fields=groups,
                notes=notes,
                text=candidate,
            )
        return None


def _with(code: Code, n: Normalized) -> Code:
    return replace(code, symbology=n.symbology, notes=tuple(n.notes))


def _build(n: Normalized, result: gs1.Fields | gs1.Failure) -> Code:
    if isinstance(result, gs1.Failure):
        return _invalid(n, result.reason, result.detail)
    return Code(raw=n.raw, symbology=n.symbology, notes=tuple(n.notes), text=n.text, **result)


def _invalid(n: Normalized, reason: str, detail: str | None = None) -> Code:
    return Code(
        raw=n.raw,
        scheme=Scheme.INVALID,
        symbology=n.symbology,
        notes=tuple(n.notes),
        reason=reason,
        message=reason_message(reason),
        detail=detail,
        text=n.text,
    )


@functools.lru_cache(maxsize=16)
def _parser(
    profiles: tuple[Profile, ...] | None, substitutes: tuple[str, ...] | None
) -> CodeParser:
    return CodeParser(profiles, substitutes)


def parse(
    raw: str | bytes,
    profiles: Sequence[Profile] | None = None,
    gs_substitutes: Sequence[str] | None = None,
    *,
    symbology: str | None = None,
) -> Code:
    """Read one scan. ``profiles`` default to ``default_profiles()``; ``gs_substitutes`` replace
    ``DEFAULT_GS_SUBSTITUTES`` when given; ``symbology`` is an AIM id a decoder reported beside
    the text. Never raises. For many scans with one configuration, keep a ``CodeParser``.
    """
    try:
        parser = _parser(
            None if profiles is None else tuple(profiles),
            None if gs_substitutes is None else tuple(gs_substitutes),
        )
    except Exception as exc:  # unhashable or odd arguments: still answer
        log.exception("bad code grammar configuration")
        return _invalid(Normalized(raw=str(raw)[:200]), "internal_error", str(exc))
    return parser.parse(raw, symbology)


def parser_from_settings(
    profiles: object = None, gs_substitutes: object = None
) -> tuple[CodeParser, str | None]:
    """The station's grammar from its settings values (e.g. ``code_profiles``, ``gs_substitutes``).

    A bad setting must not stop a station from scanning: it falls back to the defaults and
    returns the problem as text for the settings dialog or the log.
    """
    problem = None
    chosen: list[Profile] | None = None
    if profiles is not None:
        try:
            chosen = profiles_from_settings(profiles)  # type: ignore[arg-type]
        except ValueError as exc:
            problem = f"code profiles ignored, using the built-in ones: {exc}"
    substitutes: tuple[str, ...] | None = None
    if gs_substitutes is not None:
        if isinstance(gs_substitutes, list | tuple) and all(
            isinstance(s, str) for s in gs_substitutes
        ):
            substitutes = tuple(gs_substitutes)
        else:
            problem = problem or "GS substitutes ignored: they must be a list of strings"
    return CodeParser(chosen, substitutes), problem
