"""Why a code is invalid: stable reason codes and the operator text for each.

Reason codes are part of the product's interface (logs, sync issue reports,
tests, ``code --json``), so they never change meaning. The text is an English
template marked for Qt's translation system under the ``Codes`` context; the
UI shows ``QCoreApplication.translate("Codes", code.message)``. Each message
says what is wrong and what the operator can do about it, in plain words.
"""

from __future__ import annotations

from app.domain.i18n import QT_TRANSLATE_NOOP

REASON_MESSAGES: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP(
        "Codes", "Nothing was read. Aim the scanner at the code and scan again."
    ),
    "too_long": QT_TRANSLATE_NOOP(
        "Codes",
        "This is far too long to be a product code: several scans may have run together. "
        "Scan one code at a time.",
    ),
    "control_chars": QT_TRANSLATE_NOOP(
        "Codes",
        "The scanner sent invisible control characters. Scan again; if it keeps happening, "
        "ask IT to check the scanner settings.",
    ),
    "bad_encoding": QT_TRANSLATE_NOOP(
        "Codes",
        "The scanner sent characters that could not be read. Ask IT to set the scanner to "
        "UTF-8 or GBK, then scan again.",
    ),
    "non_ascii": QT_TRANSLATE_NOOP(
        "Codes",
        "The code contains Chinese characters or symbols that barcodes do not carry: the input "
        "method may be on. Switch the keyboard to English (press Shift) and scan again.",
    ),
    "unknown_format": QT_TRANSLATE_NOOP(
        "Codes",
        "This is not a code this station knows. Check that you scanned the right label; "
        "if it is a new kind of code, ask IT to add a code profile.",
    ),
    "url.unknown": QT_TRANSLATE_NOOP(
        "Codes",
        "This web address is not a product code this station knows. Check that you scanned "
        "the brand's code; if it is a new kind of code, ask IT to add a code profile.",
    ),
    "gs1.check_digit": QT_TRANSLATE_NOOP(
        "Codes",
        "The check digit does not match: the label may be damaged or misread. "
        "Scan again or type the code.",
    ),
    "gs1.bad_date": QT_TRANSLATE_NOOP(
        "Codes",
        "The date in the code is not a real date: the label may be damaged or misprinted. "
        "Scan again; if it fails again, set the item aside and report the label.",
    ),
    "gs1.unknown_ai": QT_TRANSLATE_NOOP(
        "Codes",
        "The code contains a field that GS1 does not define: the label may be misprinted "
        "or the scanner may drop separators. Scan again; if it keeps failing, ask IT.",
    ),
    "gs1.syntax": QT_TRANSLATE_NOOP(
        "Codes",
        "The GS1 code is incomplete or badly formed: part may be missing or the scanner may "
        "drop separators. Scan again; if it keeps failing, ask IT to check the scanner.",
    ),
    "gs1.bad_length": QT_TRANSLATE_NOOP(
        "Codes",
        "A field in the GS1 code is too long or too short: the label may be misprinted or the "
        "scanner may drop separators. Scan again; if it keeps failing, ask IT to check the scanner.",
    ),
    "gs1.repeated_ai": QT_TRANSLATE_NOOP(
        "Codes",
        "The code carries the same field twice with different values: two labels may have been "
        "read as one. Scan one label at a time; if it keeps failing, report the label.",
    ),
    "gs1.lookalike": QT_TRANSLATE_NOOP(
        "Codes",
        "This number looks like a GS1 pallet or product code but does not check out, so it "
        "was not taken as a brand code either. Scan again; if it keeps failing, ask IT to "
        "check the code profile.",
    ),
    "gs1.no_identifier": QT_TRANSLATE_NOOP(
        "Codes",
        "This GS1 code has no product number (GTIN) or pallet number (SSCC). "
        "Scan the other code on the label.",
    ),
    "dl.syntax": QT_TRANSLATE_NOOP(
        "Codes",
        "This GS1 web address is badly formed. Scan again; if it keeps failing, "
        "set the item aside and report the label.",
    ),
    "retail.check_digit": QT_TRANSLATE_NOOP(
        "Codes",
        "The barcode's check digit does not match: it may be damaged or misread. "
        "Scan again or type the number.",
    ),
    "command.unknown": QT_TRANSLATE_NOOP(
        "Codes",
        "This command barcode is not known to this version of Yima Scan. "
        "Use the command sheet printed from this station.",
    ),
    "command.missing_arg": QT_TRANSLATE_NOOP(
        "Codes",
        "This command barcode is incomplete. Use the command sheet printed from this station.",
    ),
    "internal_error": QT_TRANSLATE_NOOP(
        "Codes",
        "This code could not be checked because of a program error. Scan again; "
        "if it keeps happening, tell IT.",
    ),
}

REASONS: tuple[str, ...] = tuple(REASON_MESSAGES)


def reason_message(reason: str) -> str:
    """The operator text for a reason code; unknown reasons get the generic one, never a KeyError."""
    return REASON_MESSAGES.get(reason, REASON_MESSAGES["unknown_format"])
