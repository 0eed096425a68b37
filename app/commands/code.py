"""``python main.py code RAW...``: explain codes the way the station reads them.

The tool IT reaches for when a gun is misconfigured: it shows which grammar
read the code, its canonical key and fields, what normalisation did (AIM id,
GS stand-ins, full-width, Caps Lock), or the reason it is refused. A GS can be
typed as ``\\x1d`` or ``<GS>``; ``-`` reads one code per line from stdin (raw
bytes, so encodings can be checked too).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

NAME = "code"
HELP = "explain codes: scheme, level, canonical key, fields, or why one is invalid"

_SHOWN = 160  # characters of a raw value shown in the text output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "raw",
        nargs="+",
        metavar="RAW",
        help="code text as the scanner sends it (type a GS as \\x1d or <GS>); '-' reads lines from stdin",
    )
    parser.add_argument(
        "--json", action="store_true", help="print a JSON array, one object per code"
    )
    parser.add_argument(
        "--profiles",
        metavar="FILE",
        help="JSON file with brand code profiles (a list, or an object with a 'profiles' list) "
        "instead of the built-in ones",
    )


def run(args: argparse.Namespace) -> int:
    from app.domain.codes import CodeParser, profiles_from_settings

    for stream in (sys.stdout, sys.stderr):
        if hasattr(
            stream, "reconfigure"
        ):  # a console that cannot show a character must not crash us
            stream.reconfigure(errors="backslashreplace")
    profiles = None
    if args.profiles:
        try:
            with open(args.profiles, encoding="utf-8") as handle:
                data = json.load(handle)
            if isinstance(data, dict):
                data = data.get("profiles")
            profiles = profiles_from_settings(data if data is not None else [])
        except (OSError, ValueError) as exc:
            print(f"code: cannot use the profiles in {args.profiles}: {exc}", file=sys.stderr)
            return 2
    parser = CodeParser(profiles)
    codes = [parser.parse(raw) for raw in _inputs(args.raw)]
    if args.json:
        json.dump([c.as_dict() for c in codes], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n\n".join(_describe(c) for c in codes))
    return 0 if all(c.valid for c in codes) else 1


def _inputs(values: list[str]) -> list[bytes]:
    """Raw bytes of each argument (undecodable ones come back exactly), or of each stdin line."""
    out: list[bytes] = []
    for value in values:
        if value == "-":
            out.extend(line.rstrip(b"\r\n") for line in sys.stdin.buffer)
        else:
            out.append(os.fsencode(value))
    return out


def _describe(code: Any) -> str:
    raw = _visible(code.raw)
    rows: list[tuple[str, object]] = [("raw", raw)]
    if code.text and _visible(code.text) != raw:
        rows.append(("read as", _visible(code.text)))
    if code.valid:
        rows += [("scheme", code.scheme.value), ("level", code.level.value if code.level else None)]
        rows += [("key", code.key)]
        for name in ("gtin", "serial", "batch", "expiry", "production_date", "sscc", "profile"):
            rows.append((name.replace("_", " "), getattr(code, name)))
        extra = {k: v for k, v in code.fields.items() if not (k in {"code"} and code.profile)}
        if extra:
            rows.append(("fields", "  ".join(f"{k}={_visible(v)}" for k, v in extra.items())))
    else:
        rows += [("INVALID", code.reason), ("message", code.message), ("detail", code.detail)]
    rows += [("symbology", code.symbology), ("notes", ", ".join(code.notes) or None)]
    return "\n".join(f"  {k:<10} {v}" if k != "raw" else f"{v}" for k, v in rows if v is not None)


def _visible(text: str) -> str:
    """Control characters as escapes (GS as <GS>), long values cut, so a terminal shows the truth."""
    shown = "".join(
        "<GS>"
        if ch == "\x1d"
        else (f"\\x{ord(ch):02x}" if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 else ch)
        for ch in text[:_SHOWN]
    )
    if len(text) > _SHOWN:
        shown += f"... ({len(text):,} characters)"
    return shown
