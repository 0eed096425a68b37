"""What a keyboard-wedge gun's keystrokes become when the PC's keyboard layout is not the gun's.

A wedge gun sends key positions for a US keyboard. On a German (QWERTZ) or
French (AZERTY) Windows layout the same positions type other characters: ``y``
arrives as ``z``, ``1`` as ``&``. The self-test recognises the pattern, and the
wedge can map the characters back. Keys that are dead keys on the PC layout
(``^``, ``´``, ``¨``) type nothing on their own, so those cannot be recovered;
``LOSSY`` lists them so the self-test says "fix the gun" instead of promising
a compensation that cannot work.
"""

from __future__ import annotations

from hardware.i18n import QT_TRANSLATE_NOOP

_US_ROWS = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
_US_SHIFT = '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?'

# What each US key position types on the PC layout; "" marks a dead key.
_PC_LAYOUTS = {
    "de": (
        "^1234567890ß´qwertzuiopü+#asdfghjklöäyxcvbnm,.-",
        "°!\"§$%&/()=?`QWERTZUIOPÜ*'ASDFGHJKLÖÄYXCVBNM;:_",
    ),
    "fr": (
        "²&é\"'(-è_çà)=azertyuiop^$*qsdfghjklmùwxcvbn,;:!",
        "³1234567890°+AZERTYUIOP¨£µQSDFGHJKLM%WXCVBN?./§",
    ),
}
_DEAD = {"de": {"^", "´", "`"}, "fr": {"^", "¨"}}

LAYOUT_NAMES = {
    "de": QT_TRANSLATE_NOOP("Scanners", "German (QWERTZ)"),
    "fr": QT_TRANSLATE_NOOP("Scanners", "French (AZERTY)"),
}


def _forward(layout: str) -> dict[str, str]:
    plain, shifted = _PC_LAYOUTS[layout]
    table = dict(zip(_US_ROWS, plain, strict=True))
    table.update(zip(_US_SHIFT, shifted, strict=True))
    return table


def typed_on(layout: str, intended: str) -> str:
    """What a US-configured gun types on ``layout`` for ``intended`` (dead keys type nothing)."""
    table = _forward(layout)
    dead = _DEAD[layout]
    out = []
    for char in intended:
        typed = table.get(char, char)
        if typed not in dead:
            out.append(typed)
    return "".join(out)


def remap_table(layout: str) -> dict[int, str]:
    """``str.translate`` table from what arrived on ``layout`` back to what the gun meant."""
    table = {
        typed: us
        for us, typed in _forward(layout).items()
        if typed not in _DEAD[layout] and typed != us
    }
    return {ord(typed): us for typed, us in table.items()}


def lossy(layout: str, intended: str) -> bool:
    """True when some character of ``intended`` cannot survive ``layout`` (it lands on a dead key)."""
    table = _forward(layout)
    return any(table.get(char, char) in _DEAD[layout] for char in intended)
