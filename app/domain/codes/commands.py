"""Command barcodes: how an operator with only a gun says "finish", "undo" or "switch to shipping".

A command sheet printed from the station carries codes such as
``YIMA:CMD:FINISH`` or ``YIMA:CMD:SWITCH:ship``. The prefix and the name are
read case-insensitively (a gun on a PC with Caps Lock on swaps case); the
argument is kept as printed, and workflows compare it case-insensitively.
"""

from __future__ import annotations

from app.domain.codes.model import Code, Scheme

PREFIX = "YIMA:CMD:"
COMMANDS: tuple[str, ...] = (
    "finish",
    "undo",
    "cancel",
    "confirm",
    "switch",
    "sync",
    "move",
    "unpack",
    "relabel",
    "type",  # open the box for typing a code by hand (a damaged label)
    "reprint",  # print the package label just printed again (jammed, torn, unreadable)
)
NEEDS_ARG: frozenset[str] = frozenset({"switch"})  # switch to which flow


def is_command(text: str) -> bool:
    return text[: len(PREFIX)].upper() == PREFIX


def command_text(name: str, arg: str | None = None) -> str:
    """The text to print in a command barcode; raises ValueError for what ``parse`` would refuse."""
    name = name.strip().lower()
    if name not in COMMANDS:
        raise ValueError(f"unknown command {name!r}; known: {', '.join(COMMANDS)}")
    if arg is None or arg == "":
        if name in NEEDS_ARG:
            raise ValueError(f"command {name!r} needs an argument")
        return f"{PREFIX}{name.upper()}"
    if not arg.isprintable() or not arg.isascii() or arg != arg.strip():
        raise ValueError("a command argument must be printable ASCII without surrounding spaces")
    return f"{PREFIX}{name.upper()}:{arg}"


def parse_command(raw: str, text: str) -> Code | tuple[str, str]:
    """The command Code, or (reason, detail) when the sheet is from another version or damaged."""
    body = text[len(PREFIX) :]
    name, _, arg = body.partition(":")
    name = name.strip().lower()
    if name not in COMMANDS:
        return "command.unknown", f"unknown command {name!r}"
    arg = arg.strip()
    if name in NEEDS_ARG and not arg:
        return (
            "command.missing_arg",
            f"{name!r} needs an argument, e.g. {PREFIX}{name.upper()}:ship",
        )
    return Code(
        raw=raw,
        scheme=Scheme.COMMAND,
        key=f"cmd:{name}",
        fields={"arg": arg} if arg else {},
        text=text,
    )
