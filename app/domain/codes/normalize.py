"""Undo what scanners, keyboards and input methods do to a code before the grammar reads it.

A gun in keyboard-wedge mode on a Chinese Windows PC can deliver the same code
as plain ASCII, as full-width characters (IME in 全角 mode), with an AIM
symbology identifier in front, with a Honeywell ECI escape, and with the FNC1
separator as a real GS (0x1D) or as whatever visible stand-in the gun was
configured to send. Normalising here means every grammar below sees one form.

GS stand-ins accepted by default (case-insensitive), and why:

- ``<GS>``, ``{GS}``, ``[GS]``: what scanner set-up tools and several gun vendors
  (Newland, Honeywell data formatting, Zebra's "FNC1 substitution") emit when
  told to make the separator visible, because a wedge cannot type 0x1D everywhere;
- ``^]``: the caret notation of Ctrl+] (= 0x1D), what a terminal or log shows;
- ``\\x1d``, ``\\u001d``: the escape typed by hand from a log or on the command line;
- ``␝`` (U+241D, SYMBOL FOR GROUP SEPARATOR): what some editors display.

Not accepted by default: ``~1`` and similar encoder syntaxes (label software
input, never sent by a gun) and single printable characters such as ``|`` or
``#`` that a site may configure; add those through ``gs_substitutes``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from biip.symbology import GS1Symbology

GS = "\x1d"
MAX_LENGTH = 4096  # characters; the longest real code (GS1 DataMatrix) carries ~2,300

DEFAULT_GS_SUBSTITUTES: tuple[str, ...] = (
    "<GS>",
    "{GS}",
    "[GS]",
    "^]",
    "\\x1d",
    "\\u001d",
    "\u241d",
)

# Symbology identifiers whose data is a GS1 element string, straight from biip's table.
GS1_SYMBOLOGIES: frozenset[str] = frozenset("]" + s.value for s in GS1Symbology.with_gs1_messages())
# Symbologies that carry a bare GTIN (EAN/UPC, ITF-14).
RETAIL_SYMBOLOGIES: frozenset[str] = frozenset("]" + s.value for s in GS1Symbology.with_gtin())

_WHITESPACE = " \t\r\n\x0b\x0c\u3000\ufeff"
_IME_PUNCTUATION = str.maketrans({"。": "."})  # Chinese full stop typed for "." with the IME on
# ISO/IEC 15424: "]", a code character (a letter; biip's table lacks some, e.g. J = DotCode)
# and one modifier character.
_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_ECI = re.compile(r"\\(\d{6})")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# C0/C1 controls except GS, zero-width and bidi-override characters: nothing a barcode carries.
_CONTROLS = re.compile(
    r"[\x00-\x1c\x1e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)


@dataclass(slots=True)
class Normalized:
    """The text the grammars read, or the reason it never got that far."""

    raw: str
    text: str = ""
    symbology: str | None = None
    notes: list[str] = field(default_factory=list)
    reason: str | None = None
    detail: str | None = None


@functools.lru_cache(maxsize=32)
def gs_pattern(substitutes: tuple[str, ...]) -> re.Pattern[str] | None:
    """One precompiled alternation for a set of GS stand-ins (longest first, so ``\\u001d`` wins)."""
    cleaned = sorted({s for s in substitutes if s and s != GS}, key=len, reverse=True)
    if not cleaned:
        return None
    return re.compile("|".join(re.escape(s) for s in cleaned), re.IGNORECASE)


def decode(raw: object) -> tuple[str, str | None, str | None]:
    """Text from what a source handed over: (text, note, reason). UTF-8 first, then GBK."""
    if isinstance(raw, str):
        return raw, None, None
    if isinstance(raw, bytes | bytearray | memoryview):
        data = bytes(raw)
        if len(data) > MAX_LENGTH * 4:
            return data[: MAX_LENGTH * 4].decode("utf-8", "backslashreplace"), None, "too_long"
        try:
            return data.decode("utf-8"), None, None
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("gbk"), "gbk", None
        except UnicodeDecodeError:
            return data.decode("utf-8", "backslashreplace"), None, "bad_encoding"
    return repr(raw), None, "bad_encoding"


def normalize(
    raw: object, gs_substitutes: re.Pattern[str] | None, symbology: str | None = None
) -> Normalized:
    """Strip and unify; sets ``reason`` when the input is unusable before any grammar runs."""
    text, note, reason = decode(raw)
    out = Normalized(raw=text)
    if note:
        out.notes.append(note)
    if reason:
        out.reason = reason
        if reason == "too_long":
            out.detail = f"more than {MAX_LENGTH * 4} bytes"
        elif isinstance(raw, bytes | bytearray | memoryview):
            out.detail = "the bytes are neither UTF-8 nor GBK"
        else:
            out.detail = f"expected text or bytes, got {type(raw).__name__}"
        return out
    if len(text) > MAX_LENGTH:
        out.reason, out.detail = "too_long", f"{len(text)} characters, limit {MAX_LENGTH}"
        return out

    text = text.strip(_WHITESPACE)
    if not text.isascii():
        folded = unicodedata.normalize("NFKC", text).translate(_IME_PUNCTUATION)
        if folded != text:
            out.notes.append("fullwidth")
            text = folded.strip(_WHITESPACE)

    if text.startswith("]"):
        text = _strip_symbology(text, out)
    elif symbology:
        out.symbology = symbology  # a decoder reported it beside the text

    eci = _ECI.match(text)
    if eci:
        text = text[eci.end() :].replace("\\\\", "\\")  # ECI mode doubles every backslash
        out.notes.append("eci_stripped")
        out.notes.append(f"eci:{eci.group(1)}")

    if gs_substitutes is not None:
        replaced = gs_substitutes.sub(GS, text)
        if replaced != text:
            out.notes.append("gs_substitute")
            text = replaced
    text = text.strip(GS + _WHITESPACE)  # a leading GS is FNC1-in-first-position; trailing is noise

    out.text = text
    if not text:
        out.reason = "empty"
    elif _SURROGATES.search(text):
        out.reason, out.detail = "bad_encoding", "text holds undecodable bytes (lone surrogates)"
    else:
        bad = _CONTROLS.search(text)
        if bad:
            out.reason = "control_chars"
            out.detail = f"U+{ord(bad.group()):04X} at position {bad.start()}"
    return out


def _strip_symbology(text: str, out: Normalized) -> str:
    """Remove a leading AIM identifier (``]Q1``, ``]d2``, ``]E0``, ``]J1``...) and remember it."""
    found = _AIM.match(text)
    if found is None:
        return text
    out.symbology = found.group()
    return text[3:]


def substitutes_tuple(extra: Sequence[str] | None) -> tuple[str, ...]:
    """The stand-ins to use: the defaults when None, else exactly what the caller gave."""
    return DEFAULT_GS_SUBSTITUTES if extra is None else tuple(extra)
