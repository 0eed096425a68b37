"""``python main.py scan-test --source SPEC``: print every scan a scanner delivers, parsed.

IT runs it to check a gun before a rollout, without the station window:
``serial:COM3?baud=9600``, ``serial:usb:VID:PID``, ``tcp:HOST:PORT``,
``camera:0``, ``file:VIDEO``, ``image:PICTURE``. Each scan is printed as it
arrives with the code the station reads from it; reads the scanner sent but
that are not scans (wrong encoding, line noise, no terminator) are printed
with their reason. Connection changes go to stderr. ``--json`` prints one JSON
object per line (scans and rejections) for scripts.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import sys
import time
from typing import Any

NAME = "scan-test"
HELP = "print each scan from a scanner (serial:, tcp:, camera:, file:, image:) and the code read from it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source",
        required=True,
        metavar="SPEC",
        help="serial:PORT?baud=9600&encoding=gbk, serial:usb:VID:PID[:SERIAL], tcp:HOST:PORT, "
        "camera:0, file:VIDEO, image:PICTURE",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--count", type=int, metavar="N", help="stop after N scans")
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="S",
        help="stop after S seconds (default: until Ctrl+C, or the end of a file)",
    )


def run(args: argparse.Namespace) -> int:
    from hardware.source import Source, SourceState
    from hardware.sources import create_source
    from hardware.spec import SpecError, parse

    for stream in (sys.stdout, sys.stderr):
        if hasattr(
            stream, "reconfigure"
        ):  # a console that cannot show a character must not crash us
            stream.reconfigure(errors="backslashreplace")
    try:
        spec = parse(args.source)
    except SpecError as exc:
        print(f"scan-test: {exc}", file=sys.stderr)
        return 2
    if spec.kind == "wedge":
        print(
            "scan-test: a keyboard-wedge gun types into the focused window; test it with "
            "Settings > Scanners > Scanner self-test, or scan into any text editor.",
            file=sys.stderr,
        )
        return 2
    parser = _code_parser()
    events: queue.Queue[tuple[str, Any]] = queue.Queue()
    source: Source = create_source(spec)
    source.on_state = lambda _source, state: events.put(("state", state))
    source.on_reject = lambda rejection: events.put(("reject", rejection))
    source.start(lambda scan: events.put(("scan", scan)))
    deadline = time.monotonic() + args.timeout if args.timeout else None
    scans = 0
    try:
        while args.count is None or scans < args.count:
            wait = 0.2 if deadline is None else min(0.2, deadline - time.monotonic())
            if wait <= 0:
                break
            try:
                kind, value = events.get(timeout=wait)
            except queue.Empty:
                if not source.running and events.empty():
                    break  # a file or picture read to its end
                continue
            if kind == "scan":
                scans += 1
                _print_scan(value, parser, args.json)
            elif kind == "reject":
                _print_rejection(value, args.json)
            else:
                detail = (
                    f" ({source.detail})"
                    if source.detail and value is not SourceState.CONNECTED
                    else ""
                )
                print(f"scan-test: {spec.name} {value.value}{detail}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        pass
    except BrokenPipeError:  # piped into head: the reader has seen enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush from failing
    finally:
        source.stop(timeout=3)
    return 0 if scans else 1


def _code_parser() -> Any:
    """The station's grammar, when the code package is installed (it is, except in a stripped build)."""
    try:
        from app.domain.codes import CodeParser
    except ImportError:
        return None
    return CodeParser()


def _visible(text: str) -> str:
    return "".join(
        "<GS>" if c == "\x1d" else (f"\\x{ord(c):02x}" if ord(c) < 0x20 else c) for c in text
    )


def _print_scan(scan: Any, parser: Any, as_json: bool) -> None:
    code = parser.parse(scan.text, scan.symbology) if parser is not None else None
    if as_json:
        record = {
            "text": scan.text,
            "source": scan.source,
            "symbology": scan.symbology,
            "raw_hex": scan.raw.hex() if scan.raw is not None else None,
            "terminator": scan.terminator,
            "time": scan.wall_time.isoformat(),
            "code": code.as_dict() if code is not None else None,
        }
        print(json.dumps(record, ensure_ascii=False), flush=True)
        return
    stamp = scan.wall_time.astimezone().strftime("%H:%M:%S.%f")[:-3]
    symbology = f"  (AIM {scan.symbology})" if scan.symbology else ""
    lines = [f"{stamp}  {_visible(scan.text)}{symbology}"]
    if code is not None:
        if code.valid:
            level = f"  level {code.level.value}" if code.level else ""
            lines.append(f"    {code.scheme.value}  key {code.key}{level}")
        else:
            lines.append(f"    INVALID {code.reason}: {code.message}")
    print("\n".join(lines), flush=True)


def _print_rejection(rejection: Any, as_json: bool) -> None:
    if as_json:
        record = {
            "rejected": rejection.reason,
            "source": rejection.source,
            "message": rejection.text(),
            "raw_hex": rejection.raw.hex() if rejection.raw else None,
        }
        print(json.dumps(record, ensure_ascii=False), flush=True)
        return
    print(f"REJECTED {rejection.reason}: {rejection.text()}", flush=True)
