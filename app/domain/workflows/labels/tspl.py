"""TSPL for TSC label printers and the Chinese printers that speak it (Gprinter, Xprinter…).

TSPL's resident Simplified Chinese font is ``TSS24.BF2``, which reads GB 18030/GBK, so
the whole job is encoded as GBK (ASCII is unchanged in it). A ``"`` inside text is
written ``\\["]`` as TSPL asks. GS1 barcodes use type ``128M`` with FNC1 (``!102``)
after an explicit start code, so a scanner reads them back as GS1-128.
"""

from __future__ import annotations

from app.domain.workflows.labels.content import LabelSize, PackageLabel, Translate
from app.domain.workflows.labels.layout import Placed, lay_out

DEFAULT_FONT = "TSS24.BF2"  # 24×24 dots; scaled by the multipliers below
FONT_DOTS = 24
ENCODING = "gbk"


def quote(text: str) -> str:
    return '"' + text.replace('"', '\\["]') + '"'


def barcode_args(data: str, gs1: bool) -> tuple[str, str]:
    """(type, content) for BARCODE: GS1 as 128M with start code and FNC1, else plain 128."""
    if not gs1:
        return "128", data
    start = "!105" if data.isdigit() and len(data) % 2 == 0 else "!104"
    return "128M", f"{start}!102{data}"


def _text(field: Placed, font: str) -> str:
    scale = max(1, min(10, round(field.height / FONT_DOTS)))
    return f"TEXT {field.x},{field.y},{quote(font)},0,{scale},{scale},{quote(field.text)}"


def render_tspl(
    package: PackageLabel,
    size: LabelSize,
    translate: Translate = str,
    *,
    font: str = DEFAULT_FONT,
    copies: int = 1,
    gap_mm: float = 2.0,
) -> bytes:
    """The whole label as TSPL bytes (GBK), ready for port 9100."""
    layout = lay_out(package, size, translate)
    kind, content = barcode_args(layout.barcode.text, layout.gs1)
    bar = layout.barcode
    parts = [
        f"SIZE {size.width_mm:g} mm,{size.height_mm:g} mm",
        f"GAP {gap_mm:g} mm,0 mm",
        "DIRECTION 1",
        "CLS",
        _text(layout.title, font),
        *(_text(line, font) for line in layout.lines),
        f"BARCODE {bar.x},{bar.y},{quote(kind)},{bar.height},0,0,"
        f"{layout.module},{layout.module * 2},{quote(content)}",
        _text(layout.human, font),
        f"PRINT 1,{max(1, copies)}",
    ]
    return ("\r\n".join(parts) + "\r\n").encode(ENCODING, errors="replace")
