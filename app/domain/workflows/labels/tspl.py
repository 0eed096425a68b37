"""TSPL for TSC label printers and the Chinese printers that speak it (Gprinter, Xprinter…).

Text goes in the printer's font ``3`` (16×24 dots, on every TSPL printer, ASCII only)
unless the settings name another: ``TSS24.BF2`` (the Simplified Chinese font of the
Chinese-market models, which reads GB 18030/GBK) or a font stored on the printer are
trusted with every character. With a numbered (resident) font, a line that is not plain
ASCII is drawn by ``rasterise`` and sent as ``BITMAP`` (binary, 0 = a printed dot). Text
is encoded as GBK (ASCII is unchanged in it); a ``"`` inside text is written ``\\["]`` as
TSPL asks. GS1 barcodes use type ``128M`` with FNC1 (``!102``) after an explicit start
code, so a scanner reads them back as GS1-128.
"""

from __future__ import annotations

from app.domain.workflows.labels.content import LabelSize, PackageLabel, Translate
from app.domain.workflows.labels.layout import Placed, lay_out
from app.domain.workflows.labels.pictures import Bitmap, Rasterise

DEFAULT_FONT = "3"  # 16×24 dots; scaled by the multipliers below
FONT_DOTS = 24
ENCODING = "gbk"
OVERWRITE = 0  # BITMAP mode: the picture replaces what is under it


def quote(text: str) -> str:
    return '"' + text.replace('"', '\\["]') + '"'


def barcode_args(data: str, gs1: bool) -> tuple[str, str]:
    """(type, content) for BARCODE: GS1 as 128M with start code and FNC1, else plain 128."""
    if not gs1:
        return "128", data
    start = "!105" if data.isdigit() and len(data) % 2 == 0 else "!104"
    return "128M", f"{start}!102{data}"


def resident(font: str) -> bool:
    """The printer's numbered bitmap fonts (``1``…``8``, ``0`` scalable) and ``ROMAN.TTF``:
    Latin glyphs only. Any other name (``TSS24.BF2``, a stored TTF) is trusted with all text."""
    return font.isdigit() or font.upper() == "ROMAN.TTF"


def shows(font: str, text: str) -> bool:
    """Whether the printer can print ``text`` itself in ``font``."""
    return not resident(font) or text.isascii()


def bitmap_command(x: int, y: int, picture: Bitmap) -> bytes:
    """``BITMAP x,y,width in bytes,height in dots,mode,data``: the data is binary, a row
    after the other, and TSPL prints a dot for a 0 bit, so the ink bits are inverted."""
    head = f"BITMAP {x},{y},{picture.bytes_per_row},{picture.height},{OVERWRITE},"
    data = bytes(0xFF ^ byte for row in picture.rows for byte in row)
    return head.encode("ascii") + data + b"\r\n"


def _line(command: str) -> bytes:
    return (command + "\r\n").encode(ENCODING, errors="replace")


def _text(field: Placed, font: str, width: int, rasterise: Rasterise | None) -> bytes:
    if rasterise is not None and not shows(font, field.text):
        picture = rasterise(field.text, field.height)
        if picture is not None:
            return bitmap_command(field.x, field.y, picture.cropped(width))
    scale = max(1, min(10, round(field.height / FONT_DOTS)))
    return _line(f"TEXT {field.x},{field.y},{quote(font)},0,{scale},{scale},{quote(field.text)}")


def render_tspl(
    package: PackageLabel,
    size: LabelSize,
    translate: Translate = str,
    *,
    font: str = DEFAULT_FONT,
    rasterise: Rasterise | None = None,
    copies: int = 1,
    gap_mm: float = 2.0,
) -> bytes:
    """The whole label as TSPL bytes (text in GBK), ready for port 9100. Without
    ``rasterise`` every line goes as text."""
    layout = lay_out(package, size, translate)
    inner = layout.width - 2 * layout.title.x
    kind, content = barcode_args(layout.barcode.text, layout.gs1)
    bar = layout.barcode
    parts = [
        _line(f"SIZE {size.width_mm:g} mm,{size.height_mm:g} mm"),
        _line(f"GAP {gap_mm:g} mm,0 mm"),
        _line("DIRECTION 1"),
        _line("CLS"),
        _text(layout.title, font, inner, rasterise),
        *(_text(line, font, inner, rasterise) for line in layout.lines),
        _line(
            f"BARCODE {bar.x},{bar.y},{quote(kind)},{bar.height},0,0,"
            f"{layout.module},{layout.module * 2},{quote(content)}"
        ),
        _text(layout.human, font, inner, rasterise),
        _line(f"PRINT 1,{max(1, copies)}"),
    ]
    return b"".join(parts)
