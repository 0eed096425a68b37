"""Numbers a person can read out over the phone: ``XC-4K7-MZ2-QHE``, ``FL-8RT-2KW-QHE-MZ4``.

A fixed prefix names what the number is (a diversion case, a rebate claim); then symbols in
groups of three, all drawn at random but the last, a check symbol. The alphabet has no 0/O,
1/I/L or U/V, so no symbol sounds or looks like another; the check symbol catches a misheard
symbol and two swapped neighbours. A station makes its numbers offline, so they are unique
without asking the server only by their count: each kind of number draws enough symbols for
how many of it a brand files (see its ``ReadableNumbers``), and a station never repeats one it
already holds (``taken``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"  # 29 symbols: a prime
GROUP = 3

_VALUE = {symbol: n for n, symbol in enumerate(ALPHABET)}


def check_symbol(body: str) -> str:
    """The symbol that makes ``1·v₁ + 2·v₂ + … + n·vₙ`` a multiple of 29 (the symbols' values;
    the check is the last). 29 is prime and larger than every weight, so one wrong symbol or
    two swapped neighbours always break the sum."""
    base = len(ALPHABET)
    total = sum(weight * _VALUE[symbol] for weight, symbol in enumerate(body, start=1))
    weight = len(body) + 1
    return ALPHABET[(-total * pow(weight, -1, base)) % base]


@dataclass(frozen=True, slots=True)
class ReadableNumbers:
    """One kind of number: its prefix and how many random symbols it draws (the check symbol
    comes on top; random plus check is a multiple of three, and fewer than 29)."""

    prefix: str
    random_symbols: int

    def holds(self, text: str) -> bool:
        """Whether ``text`` (any case, with or without its dashes and spaces) is a number of
        this kind with a right check symbol: what a person read back can be checked."""
        symbols = text.upper().replace("-", "").replace(" ", "")
        if not symbols.startswith(self.prefix):
            return False
        body = symbols[len(self.prefix) :]
        if len(body) != self.random_symbols + 1 or any(s not in _VALUE for s in body):
            return False
        return check_symbol(body[:-1]) == body[-1]

    def new(
        self,
        taken: Callable[[str], bool] = lambda _number: False,
        draw: Callable[[str], str] = secrets.choice,
    ) -> str:
        """A fresh number that ``taken`` (this station's own) does not hold yet."""
        while True:
            body = "".join(draw(ALPHABET) for _ in range(self.random_symbols))
            body += check_symbol(body)
            groups = [body[i : i + GROUP] for i in range(0, len(body), GROUP)]
            number = "-".join([self.prefix, *groups])
            if not taken(number):
                return number
