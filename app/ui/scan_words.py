"""What the scan log's code column says about a scan: words an operator reads, never raw text.

A scan reaches the window as the text the gun sent. Shown as it came, a command barcode reads
``YIMA:CMD:UNDO``, a voucher ``YV1.eyJ…`` and a GS1 code a run of digits with control
characters. ``ScanWords`` turns it into what the operator recognises: the command in words
(撤销, 切换：出库 SO-24001), the voucher's or card's number, a code as the text under its
barcode (``app.domain.codes.display.readable``), read with the station's own grammar.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from app.domain.codes.commands import PREFIX, is_command
from app.domain.codes.display import readable
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.rules.tokens import CARD, VOUCHER, TokenError, peek
from app.domain.workflows.warehouse.model import RETURN_REASONS

MAX_LENGTH = 200

COMMAND_WORDS = {
    "finish": QT_TRANSLATE_NOOP("ScanWords", "Finish"),
    "undo": QT_TRANSLATE_NOOP("ScanWords", "Undo"),
    "cancel": QT_TRANSLATE_NOOP("ScanWords", "Cancel"),
    "confirm": QT_TRANSLATE_NOOP("ScanWords", "Confirm"),
    "switch": QT_TRANSLATE_NOOP("ScanWords", "Switch"),
    "sync": QT_TRANSLATE_NOOP("ScanWords", "Sync now"),
    "move": QT_TRANSLATE_NOOP("ScanWords", "Move here"),
    "unpack": QT_TRANSLATE_NOOP("ScanWords", "Unpack"),
    "relabel": QT_TRANSLATE_NOOP("ScanWords", "Relabel"),
    "type": QT_TRANSLATE_NOOP("ScanWords", "Type a code"),
    "reprint": QT_TRANSLATE_NOOP("ScanWords", "Print the label again"),
}
# What a SWITCH sheet switches to (the warehouse's tasks, the counter's modes).
SWITCH_WORDS = {
    "receive": QT_TRANSLATE_NOOP("ScanWords", "Receive"),
    "ship": QT_TRANSLATE_NOOP("ScanWords", "Ship"),
    "pack": QT_TRANSLATE_NOOP("ScanWords", "Pack"),
    "unpack": QT_TRANSLATE_NOOP("ScanWords", "Unpack"),
    "relabel": QT_TRANSLATE_NOOP("ScanWords", "Relabel"),
    "stocktake": QT_TRANSLATE_NOOP("ScanWords", "Stocktake"),
    "return": QT_TRANSLATE_NOOP("ScanWords", "Returns"),
    "redeem": QT_TRANSLATE_NOOP("ScanWords", "Redeem voucher"),
    "verify": QT_TRANSLATE_NOOP("ScanWords", "Verify product"),
    "rebate": QT_TRANSLATE_NOOP("ScanWords", "Installer rebate"),
}
SWITCH_TO = QT_TRANSLATE_NOOP("ScanWords", "Switch: %1")
TOKEN_WORDS = {
    VOUCHER: QT_TRANSLATE_NOOP("ScanWords", "Voucher %1"),
    CARD: QT_TRANSLATE_NOOP("ScanWords", "Installer card %1"),
}
DAMAGED_TOKEN = {
    VOUCHER: QT_TRANSLATE_NOOP("ScanWords", "Voucher (damaged)"),
    CARD: QT_TRANSLATE_NOOP("ScanWords", "Installer card (damaged)"),
}


class Parser(Protocol):
    def parse(self, raw: str | bytes, symbology: str | None = None) -> Any: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScanWords", text)


def printable(text: str) -> str:
    """GS and other control characters made visible, so a row shows what the gun sent."""
    return "".join(ch if ch.isprintable() else f"<{ord(ch):02X}>" for ch in text)[:MAX_LENGTH]


def command_words(text: str) -> str:
    """``YIMA:CMD:SWITCH:ship:SO-24001`` -> "Switch: Ship SO-24001", in the operator's language."""
    name, _, arg = text[len(PREFIX) :].partition(":")
    name, arg = name.strip().lower(), arg.strip()
    if name not in COMMAND_WORDS:
        return printable(text)
    if name != "switch" or not arg:
        return _tr(COMMAND_WORDS[name]) + (f" {arg}" if arg else "")
    target, _, detail = arg.partition(":")
    words = SWITCH_WORDS.get(target.lower())
    if words is None:
        return _tr(SWITCH_TO).replace("%1", arg)
    if target.lower() == "return" and detail in RETURN_REASONS:
        detail = QCoreApplication.translate("Warehouse", RETURN_REASONS[detail])
    return _tr(SWITCH_TO).replace("%1", f"{_tr(words)} {detail}".strip())


def token_words(text: str) -> str | None:
    """A voucher or installer card by its number; None when ``text`` is not one."""
    prefix = text[:4]
    if prefix not in (f"{VOUCHER}.", f"{CARD}."):
        return None
    kind = prefix[:3]
    try:
        token = peek(text)
    except TokenError:
        return _tr(DAMAGED_TOKEN[kind])
    return _tr(TOKEN_WORDS[kind]).replace("%1", token.id)


class ScanWords:
    """``words(text)``: what the scan log shows for a scanned or typed ``text``, read with the
    station's grammar when there is one (the bare shell has none: codes keep their text)."""

    def __init__(self, parser: Parser | None = None) -> None:
        self.parser = parser

    def __call__(self, text: str) -> str:
        text = text.strip()
        if not text:
            return ""
        if is_command(text):
            return command_words(text)
        token = token_words(text)
        if token is not None:
            return token
        key = self._key(text)
        return readable(key) if key else printable(text)

    def _key(self, text: str) -> str:
        if self.parser is None:
            return text if text.partition(":")[0] in ("sgtin", "sscc", "gtin", "brand") else ""
        code = self.parser.parse(text)
        return code.key if code.valid and code.key and not code.key.startswith("cmd:") else ""
