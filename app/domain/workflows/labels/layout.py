"""Where things go on a label, in printer dots, shared by the ZPL and TSPL renderers.

Both printer languages place text and barcodes at dot positions, so the layout is
worked out once: a title, the text lines, then the barcode with its text under it,
sized from the roll (``LabelSize``) so a 100×150 mm pallet label and a 60×40 mm case
label both read from a metre away.
"""

from __future__ import annotations

from dataclasses import dataclass

import barcode  # type: ignore[import-untyped]  # python-barcode ships no types

from app.domain.workflows.labels.content import LabelSize, PackageLabel, Translate

MARGIN_MM = 3.0


@dataclass(frozen=True)
class Placed:
    x: int
    y: int
    height: int  # text: character height; barcode: bar height
    text: str


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    title: Placed
    lines: list[Placed]
    barcode: Placed  # text: the barcode data
    module: int  # narrowest bar, dots
    human: Placed  # the text under the barcode
    gs1: bool


def code128_modules(data: str, gs1: bool) -> int:
    """How many modules wide the Code 128 symbol of ``data`` is (FNC1 first when GS1)."""
    kind = "gs1_128" if gs1 else "code128"
    return len(barcode.get_barcode_class(kind)(data).build()[0])


def text_width(text: str, height: int) -> int:
    """Roughly how wide ``text`` prints at character ``height``: CJK square, Latin narrower."""
    return sum(height if ord(ch) > 0x2E7F else height * 6 // 10 for ch in text)


def fit(text: str, height: int, width: int) -> str:
    """``text`` cut with "…" to what one line of ``width`` dots holds (label text never wraps)."""
    if text_width(text, height) <= width:
        return text
    while text and text_width(text + "…", height) > width:
        text = text[:-1]
    return text + "…"


def lay_out(package: PackageLabel, size: LabelSize, translate: Translate) -> Layout:
    width, height = size.dots(size.width_mm), size.dots(size.height_mm)
    margin = size.dots(MARGIN_MM)
    inner = width - 2 * margin
    title_h = max(24, height // 10)
    text_h = max(18, min(height // 16, inner // 24))
    human_h = max(16, text_h * 3 // 4)
    module = max(1, min(4, inner // code128_modules(package.barcode, package.gs1)))
    bar_h = max(size.dots(10), height // 4)
    y = margin
    title = Placed(margin, y, title_h, package.title(translate))
    y += title_h + text_h // 2
    lines = []
    for text in package.lines(translate):
        lines.append(Placed(margin, y, text_h, fit(text, text_h, inner)))
        y += text_h + text_h // 3
    bar_y = max(y + text_h // 2, height - margin - bar_h - human_h - text_h // 2)
    code = Placed(margin, bar_y, bar_h, package.barcode)
    human = Placed(margin, bar_y + bar_h + text_h // 4, human_h, package.human)
    return Layout(width, height, title, lines, code, module, human, package.gs1)
