"""Case numbers a person can read out over the phone: ``XC-4K7-MZ2-QHE``.

Nine symbols in groups of three after the ``XC`` prefix: eight drawn at random, the last a
check symbol. The alphabet has no 0/O, 1/I/L or U/V, so no symbol sounds or looks like
another; the check symbol catches a misheard symbol and two swapped neighbours. The number is
made on the station, offline, so it must be unique without asking the server: 29⁸ (5·10¹¹)
numbers make two stations drawing the same one unlikely (about 1 in 10,000 after 10,000 cases),
and a station never repeats one it already filed. The server takes a case id as it comes, so
cases filed with the older ``case-<hex>`` ids keep working.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"  # 29 symbols: a prime
PREFIX = "XC"
RANDOM_SYMBOLS = 8
GROUP = 3

_VALUE = {symbol: n for n, symbol in enumerate(ALPHABET)}


def check_symbol(body: str) -> str:
    """The symbol that makes ``1·v₁ + 2·v₂ + … + 9·v₉`` a multiple of 29 (the symbols' values;
    the check is the ninth). 29 is prime and larger than every weight, so one wrong symbol or
    two swapped neighbours always break the sum."""
    base = len(ALPHABET)
    total = sum(weight * _VALUE[symbol] for weight, symbol in enumerate(body, start=1))
    weight = len(body) + 1
    return ALPHABET[(-total * pow(weight, -1, base)) % base]


def is_case_number(text: str) -> bool:
    """Whether ``text`` (any case, with or without its dashes and spaces) is a case number
    with a right check symbol: what a person read back to head office can be checked."""
    symbols = text.upper().replace("-", "").replace(" ", "")
    if not symbols.startswith(PREFIX):
        return False
    body = symbols[len(PREFIX) :]
    if len(body) != RANDOM_SYMBOLS + 1 or any(s not in _VALUE for s in body):
        return False
    return check_symbol(body[:-1]) == body[-1]


def new_case_number(
    taken: Callable[[str], bool] = lambda _number: False,
    draw: Callable[[str], str] = secrets.choice,
) -> str:
    """A fresh case number that ``taken`` (this station's own cases) does not hold yet."""
    while True:
        body = "".join(draw(ALPHABET) for _ in range(RANDOM_SYMBOLS))
        body += check_symbol(body)
        groups = [body[i : i + GROUP] for i in range(0, len(body), GROUP)]
        number = "-".join([PREFIX, *groups])
        if not taken(number):
            return number
