"""ZPL II for Zebra label printers (and the many that speak it): one label per call.

Text fields go through ``^FH`` hex escapes so a ``^`` or ``~`` in a product name cannot
end a field or start a command; ``^CI28`` makes the printer read UTF-8. ``font`` is a
resident font letter such as ``0`` (Latin glyphs only) or a font stored on the printer
such as ``E:SIMSUN.TTF`` (trusted with every character). With a resident font, a line the
font cannot show (a Chinese product name) is drawn by ``rasterise`` and sent as a graphic
field (``^GFA``, ASCII hex with Zebra's compression). GS1 barcodes start with FNC1
(``>8``), so a scanner reads them back as GS1-128 and the station as the same code.
"""

from __future__ import annotations

from itertools import groupby

from app.domain.workflows.labels.content import LabelSize, PackageLabel, Translate
from app.domain.workflows.labels.layout import Placed, lay_out
from app.domain.workflows.labels.pictures import Bitmap, Rasterise, latin

DEFAULT_FONT = "0"
MAX_GRAPHIC_BYTES = 99_999  # ^GF's byte counts go no higher
# Zebra's repeat counts for the hex digit that follows: G..Y are 1..19, g..z are 20..400
REPEAT_ONES = "GHIJKLMNOPQRSTUVWXY"
REPEAT_TWENTIES = "ghijklmnopqrstuvwxyz"


def escape(text: str) -> str:
    """Field data safe inside ``^FH\\...^FD...^FS``: the three special characters as hex."""
    return text.replace("\\", "\\5C").replace("^", "\\5E").replace("~", "\\7E")


def barcode_data(data: str, gs1: bool) -> str:
    """The ^BC field data: an explicit start code, and FNC1 first for GS1."""
    if gs1 and data.isdigit() and len(data) % 2 == 0:
        return ">;>8" + data  # subset C: two digits per symbol
    return (">:>8" if gs1 else ">:") + escape(data)


def stored(font: str) -> bool:
    """A font stored on the printer (``E:SIMSUN.TTF``: a drive and a name), not a resident one."""
    return ":" in font


def shows(font: str, text: str) -> bool:
    """Whether the printer can print ``text`` itself in ``font``."""
    return stored(font) or latin(text)


def repeat(count: int) -> str:
    """Zebra's repeat prefix for ``count`` copies of the hex digit that follows it."""
    prefix = "z" * (count // 400)
    count %= 400
    if count >= 20:
        prefix += REPEAT_TWENTIES[count // 20 - 1]
        count %= 20
    return prefix + (REPEAT_ONES[count - 1] if count else "")


def compress_row(row: str, previous: str | None) -> str:
    """One row of hex digits in Zebra's ASCII compression: ``:`` repeats the row above,
    ``,`` fills the rest of the row with blank (it starts on a whole byte), and runs of a
    digit carry a repeat prefix."""
    if row == previous:
        return ":"
    body = row.rstrip("0")
    body += "0" * (len(body) % 2)
    runs = []
    for digit, run in groupby(body):
        count = len(list(run))
        runs.append((repeat(count) if count > 1 else "") + digit)
    return "".join(runs) + ("," if len(body) < len(row) else "")


def graphic_field(picture: Bitmap) -> str:
    """``^GFA`` for ``picture``: both byte counts are the uncompressed size (as ZPL asks for
    ASCII data), then the bytes per row, then the rows, a set bit printing a dot."""
    rows, previous = [], None
    for row in picture.rows:
        digits = row.hex().upper()
        rows.append(compress_row(digits, previous))
        previous = digits
    return f"^GFA,{picture.size},{picture.size},{picture.bytes_per_row},{''.join(rows)}"


def _font(font: str, height: int) -> str:
    if stored(font):
        return f"^A@N,{height},{height},{font}"
    return f"^A{font}N,{height},{height}"


def _text(field: Placed, font: str, width: int, rasterise: Rasterise | None) -> str:
    if rasterise is not None and not shows(font, field.text):
        picture = rasterise(field.text, field.height)
        if picture is not None and picture.cropped(width).size <= MAX_GRAPHIC_BYTES:
            return f"^FO{field.x},{field.y}{graphic_field(picture.cropped(width))}^FS"
    return (
        f"^FO{field.x},{field.y}{_font(font, field.height)}"
        f"^FB{width},1,0,L,0^FH\\^FD{escape(field.text)}^FS"
    )


def render_zpl(
    package: PackageLabel,
    size: LabelSize,
    translate: Translate = str,
    *,
    font: str = DEFAULT_FONT,
    rasterise: Rasterise | None = None,
    copies: int = 1,
) -> bytes:
    """The whole label as ZPL II bytes (UTF-8), ready for port 9100. Without ``rasterise``
    every line goes as text."""
    layout = lay_out(package, size, translate)
    inner = layout.width - 2 * layout.title.x
    parts = [
        "^XA",
        "^CI28",
        f"^PW{layout.width}",
        f"^LL{layout.height}",
        "^LH0,0",
        _text(layout.title, font, inner, rasterise),
        *(_text(line, font, inner, rasterise) for line in layout.lines),
        f"^FO{layout.barcode.x},{layout.barcode.y}^BY{layout.module},3,{layout.barcode.height}"
        f"^BCN,{layout.barcode.height},N,N,N^FD{barcode_data(layout.barcode.text, layout.gs1)}^FS",
        _text(layout.human, font, inner, rasterise),
        f"^PQ{max(1, copies)}",
        "^XZ",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")
