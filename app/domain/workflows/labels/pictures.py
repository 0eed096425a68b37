"""Text a label printer's own font cannot show, sent as a picture of the text instead.

A Zebra's resident font ``0`` and TSPL's numbered fonts carry Latin glyphs only, so a
Chinese product name sent as text prints blank or as boxes unless IT stored a Chinese
font on the printer. Label software solves it the same way everywhere: draw the text on
the computer, as a 1-bit picture at the printer's own dots, and send the picture (ZPL
``^GF``, TSPL ``BITMAP``). Drawing needs a font engine, which the domain has none of, so
the renderers take a ``Rasterise`` port; the station's UI supplies one built on Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Bitmap:
    """A 1-bit picture, row by row from the top: each row ``bytes_per_row`` bytes, the
    leftmost dot in the most significant bit, a set bit is ink (a printed dot)."""

    width: int  # dots across; the last byte of a row is padded with blank bits
    rows: tuple[bytes, ...]

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def bytes_per_row(self) -> int:
        return max(1, (self.width + 7) // 8)

    @property
    def size(self) -> int:
        """Bytes in the whole picture (what ZPL calls the graphic field count)."""
        return self.bytes_per_row * self.height

    def cropped(self, width: int) -> Bitmap:
        """The picture cut to ``width`` dots across (a line never runs off the label)."""
        if width >= self.width:
            return self
        per_row = max(1, (width + 7) // 8)
        spare = per_row * 8 - width
        mask = (0xFF << spare) & 0xFF
        rows = tuple(row[: per_row - 1] + bytes([row[per_row - 1] & mask]) for row in self.rows)
        return Bitmap(width, rows)


class Rasterise(Protocol):
    """Draws ``text`` as a bitmap ``height`` dots tall (as wide as the text needs), in a
    font that has the glyphs; ``None`` when it cannot (no such font on this computer):
    then the text goes to the printer as text, as before."""

    def __call__(self, text: str, height: int) -> Bitmap | None: ...


def latin(text: str) -> bool:
    """True when a printer's resident (Latin) font shows every character of ``text``:
    the Windows-1252 repertoire (ASCII, accented letters, the dash and ellipsis labels use),
    which Zebra's font 0 covers under ``^CI28``."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True
