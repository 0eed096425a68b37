"""Case numbers a person can read out over the phone: ``XC-4K7-MZ2-QHE``
(``app.domain.readable_numbers``).

Eight random symbols and a check symbol: 29⁸ (5·10¹¹) numbers make two stations drawing the
same one unlikely (about 1 in 10,000 after 10,000 cases), and a station never repeats one it
already filed. The server takes a case id as it comes, so cases filed with the older
``case-<hex>`` ids keep working.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from app.domain.readable_numbers import ALPHABET, ReadableNumbers, check_symbol

__all__ = ["ALPHABET", "CASE_NUMBERS", "check_symbol", "is_case_number", "new_case_number"]

CASE_NUMBERS = ReadableNumbers("XC", 8)


def is_case_number(text: str) -> bool:
    """Whether ``text`` is a case number with a right check symbol."""
    return CASE_NUMBERS.holds(text)


def new_case_number(
    taken: Callable[[str], bool] = lambda _number: False,
    draw: Callable[[str], str] = secrets.choice,
) -> str:
    """A fresh case number that ``taken`` (this station's own cases) does not hold yet."""
    return CASE_NUMBERS.new(taken, draw)
