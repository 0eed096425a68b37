"""ZPL II for Zebra label printers (and the many that speak it): one label per call.

Text fields go through ``^FH`` hex escapes so a ``^`` or ``~`` in a product name cannot
end a field or start a command; ``^CI28`` makes the printer read UTF-8, so Chinese
names print with a font that has the glyphs (``font``: a resident font letter such as
``0``, or a stored font such as ``E:SIMSUN.TTF``). GS1 barcodes start with FNC1
(``>8``), so a scanner reads them back as GS1-128 and the station as the same code.
"""

from __future__ import annotations

from app.domain.workflows.labels.content import LabelSize, PackageLabel, Translate
from app.domain.workflows.labels.layout import Placed, lay_out

DEFAULT_FONT = "0"


def escape(text: str) -> str:
    """Field data safe inside ``^FH\\...^FD...^FS``: the three special characters as hex."""
    return text.replace("\\", "\\5C").replace("^", "\\5E").replace("~", "\\7E")


def barcode_data(data: str, gs1: bool) -> str:
    """The ^BC field data: an explicit start code, and FNC1 first for GS1."""
    if gs1 and data.isdigit() and len(data) % 2 == 0:
        return ">;>8" + data  # subset C: two digits per symbol
    return (">:>8" if gs1 else ">:") + escape(data)


def _font(font: str, height: int) -> str:
    if ":" in font:
        return f"^A@N,{height},{height},{font}"
    return f"^A{font}N,{height},{height}"


def _text(field: Placed, font: str, width: int) -> str:
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
    copies: int = 1,
) -> bytes:
    """The whole label as ZPL II bytes (UTF-8), ready for port 9100."""
    layout = lay_out(package, size, translate)
    inner = layout.width - 2 * layout.title.x
    parts = [
        "^XA",
        "^CI28",
        f"^PW{layout.width}",
        f"^LL{layout.height}",
        "^LH0,0",
        _text(layout.title, font, inner),
        *(_text(line, font, inner) for line in layout.lines),
        f"^FO{layout.barcode.x},{layout.barcode.y}^BY{layout.module},3,{layout.barcode.height}"
        f"^BCN,{layout.barcode.height},N,N,N^FD{barcode_data(layout.barcode.text, layout.gs1)}^FS",
        _text(layout.human, font, inner),
        f"^PQ{max(1, copies)}",
        "^XZ",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")
