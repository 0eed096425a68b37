"""How a code key reads to a person.

Keys such as ``sgtin:06950123003034.00000061`` are the store's canonical form and never shown
to an operator: a key on screen, in a PDF or in a message is the GS1 human-readable text printed
under the barcode, which is what the operator can compare with the carton in their hand.
"""

from __future__ import annotations


def readable(key: str) -> str:
    """The text under the barcode for ``key``: GS1 with application identifiers in brackets,
    the code alone for brand codes; anything that is not a key comes back unchanged."""
    scheme, sep, body = key.partition(":")
    if not sep:
        return key
    if scheme == "sscc":
        return f"(00) {body}"
    if scheme == "sgtin":
        gtin, _, serial = body.partition(".")
        return f"(01) {gtin} (21) {serial}"
    if scheme == "gtin":
        return f"(01) {body}"
    if scheme == "brand":
        return body
    return key
