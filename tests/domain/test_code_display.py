"""Keys read as the text under the barcode, never as the store's ``sgtin:`` form."""

from __future__ import annotations

import pytest

from app.domain.codes.display import readable


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("sgtin:06950123003034.00000061", "(01) 06950123003034 (21) 00000061"),
        ("sscc:069012340000000016", "(00) 069012340000000016"),
        ("gtin:06950123003034", "(01) 06950123003034"),
        ("brand:YM12345678", "YM12345678"),
        ("ASN-8807", "ASN-8807"),
    ],
)
def test_a_key_reads_as_printed_under_the_barcode(key, shown):
    assert readable(key) == shown
