"""Chinese on a network label printer: a line the printer's resident font cannot show goes as
a picture (ZPL ``^GFA``, TSPL ``BITMAP``) drawn through the ``Rasterise`` port; Latin lines
and lines in a font stored on the printer still go as text. The pictures are read back by
``tests.support.label_pictures`` (written from the printer manuals), also after crossing a
real loopback socket. ``Blocks`` stands in for the station's Qt drawing here (the domain
has no font engine): one filled square per character, so where the ink must be is known.
Qt's real drawing is read back and looked at in tests/ui/test_label_text_pictures.py."""

from __future__ import annotations

import re

import numpy as np
import pytest

from app.domain.workflows.labels import Bitmap, LabelSize, PackageLabel, render_tspl, render_zpl
from app.domain.workflows.labels.zpl import compress_row, graphic_field
from hardware.label_printer import send_raw
from tests.support.label_pictures import bitmap_from_ink, expand_zpl_hex, split_tspl, zpl_pictures
from tests.support.label_printer import LoopbackPrinter

SIZE = LabelSize(100, 150, 203)
WATER = PackageLabel("brand:X1", "case", "矿泉水", 12, None, ())
ZH = {"CASE": "箱", "Product: {product}": "产品：{product}"}


class Blocks:
    """A rasteriser whose every character is a square of ink with a 2-dot blank border."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int]] = []

    def __call__(self, text: str, height: int) -> Bitmap:
        self.asked.append((text, height))
        row = [0 < i % height - 1 < height - 3 for i in range(len(text) * height)]
        blank = [False] * len(row)
        return bitmap_from_ink([blank, blank, *[row] * (height - 4), blank, blank])


def expected_ink(text: str, height: int) -> np.ndarray:
    bitmap = Blocks()(text, height)
    raw = np.frombuffer(b"".join(bitmap.rows), np.uint8).reshape(bitmap.height, -1)
    return np.unpackbits(raw, axis=1).astype(bool)[:, : bitmap.width]


def zh(text: str) -> str:
    return ZH.get(text, text)


def test_a_chinese_name_goes_to_a_zebra_as_a_graphic_field_with_its_ink_where_the_text_is():
    blocks = Blocks()
    zpl = render_zpl(WATER, SIZE, rasterise=blocks).decode("utf-8")
    ((text, height),) = blocks.asked  # only the Chinese line was drawn
    assert text == "Product: 矿泉水"
    (picture,) = zpl_pictures(zpl)  # its byte counts agree with its data
    assert picture.declared == (picture.ink.size // 8,) * 2 + (picture.ink.shape[1] // 8,)
    assert np.array_equal(picture.ink[:, : len(text) * height], expected_ink(text, height))
    assert not picture.ink[:, len(text) * height :].any()  # the padding prints nothing
    assert "矿泉水" not in zpl  # the name is nowhere as text
    assert "^FH\\^FDCASE^FS" in zpl and "^FH\\^FD12 items^FS" in zpl  # Latin lines stay text
    line_y = int(zpl.split("^FH\\^FDCASE^FS")[1].split("^FO", 2)[1].split(",")[1].split("^")[0])
    assert (picture.y, line_y) == (line_y, picture.y)  # the picture sits where the line was


def test_every_line_in_chinese_is_a_picture_and_latin_text_never_is():
    blocks = Blocks()
    zpl = render_zpl(WATER, SIZE, zh, rasterise=blocks).decode("utf-8")
    assert [text for text, _ in blocks.asked] == ["箱", "产品：矿泉水"]
    assert len(zpl_pictures(zpl)) == 2 and zpl.count("^GFA") == 2
    latin = PackageLabel("brand:X1", "case", "Café crème – 1 L…", 1, None, ())
    assert "^GFA" not in render_zpl(latin, SIZE, rasterise=blocks).decode("utf-8")


def test_a_font_stored_on_the_zebra_gets_the_chinese_as_text():
    zpl = render_zpl(WATER, SIZE, font="E:SIMSUN.TTF", rasterise=Blocks()).decode("utf-8")
    assert "^GFA" not in zpl
    assert re.search(
        r"\^A@N,\d+,\d+,E:SIMSUN\.TTF\^FB\d+,1,0,L,0\^FH\\\^FDProduct: 矿泉水\^FS", zpl
    )


def test_without_a_drawing_the_text_still_goes_as_text():
    for rasterise in (None, lambda text, height: None):  # none given; no Chinese font here
        zpl = render_zpl(WATER, SIZE, rasterise=rasterise).decode("utf-8")
        assert "^GFA" not in zpl and "^FDProduct: 矿泉水^FS" in zpl
        tspl, pictures = split_tspl(render_tspl(WATER, SIZE, rasterise=rasterise))
        assert not pictures and '"Product: 矿泉水"' in tspl


def test_an_empty_picture_is_one_blank_byte_wide_and_prints_nothing():
    empty = bitmap_from_ink([[]] * 20)
    assert (empty.width, empty.bytes_per_row, empty.size) == (0, 1, 20)
    (picture,) = zpl_pictures(f"^FO0,0{graphic_field(empty)}^FS")
    assert picture.ink.shape == (20, 8) and not picture.ink.any()
    assert graphic_field(empty) == "^GFA,20,20,1,," + ":" * 19


@pytest.mark.parametrize(
    "row",
    [
        "00" * 30,
        "FF" * 30,
        "0F" * 30,
        "F0" + "00" * 29,  # an odd count of blank digits at the end: one 0, then the comma
        "A" * 39 + "0" * 21,
        "7" * 830 + "00",  # longer than 400: repeats add up
        "123456789ABCDEF0" * 4,
    ],
)
def test_zebra_compression_reads_back_to_the_same_row(row):
    once, again = compress_row(row, None), compress_row(row, row)
    assert again == ":"
    assert expand_zpl_hex(once + again, len(row) // 2) == [row, row]
    assert len(once) <= len(row)


def test_a_line_wider_than_the_label_is_cut_at_its_edge():
    long = PackageLabel("brand:X1", "case", "超长产品名称" * 10, 1, None, ())
    small = LabelSize(60, 40, 203)
    (picture,) = zpl_pictures(render_zpl(long, small, rasterise=Blocks()).decode("utf-8"))
    inner = small.dots(60) - 2 * small.dots(3)
    assert picture.x + picture.ink.shape[1] <= inner + picture.x + 7  # whole bytes
    assert not picture.ink[:, inner:].any()


def test_tspl_sends_chinese_as_a_bitmap_with_0_for_a_printed_dot():
    blocks = Blocks()
    job = render_tspl(WATER, SIZE, rasterise=blocks)
    ((text, height),) = blocks.asked
    commands, (picture,) = split_tspl(job)
    per_row, rows, mode = picture.declared
    assert (per_row, rows, mode) == ((len(text) * height + 7) // 8, height, 0)
    assert np.array_equal(picture.ink[:, : len(text) * height], expected_ink(text, height))
    assert not picture.ink[:, len(text) * height :].any()
    assert re.search(r'^TEXT \d+,\d+,"3",0,\d+,\d+,"CASE"\r$', commands, re.M)  # on every TSPL
    assert "矿泉水" not in commands and "BITMAP\r\n" in commands


def test_tspl_with_the_printers_chinese_font_sends_the_name_as_text():
    job = render_tspl(WATER, SIZE, font="TSS24.BF2", rasterise=Blocks())
    commands, pictures = split_tspl(job)
    assert not pictures
    assert re.search(r'^TEXT \d+,\d+,"TSS24\.BF2",0,\d+,\d+,"Product: 矿泉水"\r$', commands, re.M)
    assert "矿泉水".encode("gbk") in job


@pytest.mark.parametrize("render", [render_zpl, render_tspl])
def test_a_label_with_pictures_reaches_the_printer_byte_for_byte(render):
    printer = LoopbackPrinter()
    try:
        job = render(WATER, SIZE, zh, rasterise=Blocks())
        send_raw(printer.host, printer.port, job)
        (received,) = printer.wait_for_jobs(1)
    finally:
        printer.close()
    assert received == job
    pictures = (
        zpl_pictures(received.decode("utf-8")) if render is render_zpl else split_tspl(received)[1]
    )
    assert len(pictures) == 2 and all(p.ink.any() for p in pictures)


def test_a_picture_beyond_zpls_byte_counts_goes_as_text_instead():
    huge = LabelSize(220, 400, 600)  # a 945-dot title: 2 characters are 224 kB, ^GF takes 99,999
    zpl = render_zpl(WATER, huge, zh, rasterise=Blocks()).decode("utf-8")
    assert "^FD箱^FS" in zpl  # the title as text
    assert [p.declared[0] <= 99_999 for p in zpl_pictures(zpl)] == [True]  # the product line
