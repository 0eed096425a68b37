"""Reading back the pictures a label job carries, the way a printer does: ZPL ``^GFA`` fields
(ASCII hex with Zebra's compression: ``G``..``Y`` repeat 1..19, ``g``..``z`` 20..400, ``,``
blank to the row's end, ``!`` ink to the row's end, ``:`` the row above) and TSPL ``BITMAP``
commands (binary, 0 = a printed dot). Written from the printer manuals, apart from the
renderers, so a misreading on one side shows. ``save_png`` lets a person look at them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from app.domain.workflows.labels import Bitmap

ONES = "GHIJKLMNOPQRSTUVWXY"
TWENTIES = "ghijklmnopqrstuvwxyz"
ZPL_GRAPHIC = re.compile(r"\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([^^]*)\^FS")


@dataclass(frozen=True)
class Picture:
    x: int
    y: int
    ink: np.ndarray  # rows × dots, True where a dot prints
    declared: tuple[int, ...]  # the counts the command declared


def expand_zpl_hex(data: str, per_row: int) -> list[str]:
    """The rows of hex digits ``data`` stands for (each ``per_row`` bytes)."""
    digits_per_row = per_row * 2
    rows: list[str] = []
    row, count = "", 0
    for char in data:
        if char in "\r\n ":
            continue
        if char in ONES:
            count += ONES.index(char) + 1
        elif char in TWENTIES:
            count += (TWENTIES.index(char) + 1) * 20
        elif char in ",!":
            assert len(row) % 2 == 0, "a fill starts on a whole byte"
            row += ("0" if char == "," else "F") * (digits_per_row - len(row))
        elif char == ":":
            assert row == "" and rows, "':' repeats a whole row and needs one above"
            row = rows[-1]
        else:
            assert char in "0123456789ABCDEF", f"not ZPL hex data: {char!r}"
            row += char * max(1, count)
            count = 0
        assert len(row) <= digits_per_row, "a row runs past its bytes per row"
        if len(row) == digits_per_row:
            rows.append(row)
            row = ""
    assert row == "" and count == 0, "data ends inside a row"
    return rows


def zpl_pictures(zpl: str) -> list[Picture]:
    """Every ``^FOx,y^GFA,…^FS`` of a ZPL job; checks its counts agree with its data."""
    pictures = []
    for x, y, binary, total, per_row, data in ZPL_GRAPHIC.findall(zpl):
        rows = expand_zpl_hex(data, int(per_row))
        assert int(binary) == int(total) == len(rows) * int(per_row)
        raw = np.frombuffer(bytes.fromhex("".join(rows)), np.uint8).reshape(len(rows), -1)
        ink = np.unpackbits(raw, axis=1).astype(bool)  # most significant bit leftmost
        pictures.append(Picture(int(x), int(y), ink, (int(binary), int(total), int(per_row))))
    return pictures


def split_tspl(job: bytes) -> tuple[str, list[Picture]]:
    """A TSPL job's commands as text (GBK) with each BITMAP's data cut out, and its pictures."""
    text, pictures, at = b"", [], 0
    while (start := job.find(b"BITMAP ", at)) >= 0:
        head_end = start
        for _ in range(5):  # x, y, width in bytes, height, mode: five commas, then data
            head_end = job.index(b",", head_end) + 1
        x, y, per_row, height, mode = map(int, job[start + 7 : head_end - 1].split(b","))
        data = job[head_end : head_end + per_row * height]
        assert len(data) == per_row * height and job[head_end + len(data) :].startswith(b"\r\n")
        raw = np.frombuffer(data, np.uint8).reshape(height, per_row)
        ink = ~np.unpackbits(raw, axis=1).astype(bool)  # TSPL prints a dot for a 0 bit
        pictures.append(Picture(x, y, ink, (per_row, height, mode)))
        text += job[at:start] + b"BITMAP\r\n"
        at = head_end + len(data) + 2
    return (text + job[at:]).decode("gbk"), pictures


def save_png(pictures: list[Picture], width: int, height: int, path: Path) -> Path:
    """The pictures at their places on a white label ``width`` × ``height`` dots."""
    canvas = np.full((height, width), 255, np.uint8)
    for picture in pictures:
        rows, dots = picture.ink.shape
        area = canvas[picture.y : picture.y + rows, picture.x : picture.x + dots]
        area[picture.ink[: area.shape[0], : area.shape[1]]] = 0
    cv2.imwrite(str(path), canvas)
    return path


def bitmap_from_ink(ink: list[list[bool]]) -> Bitmap:
    """Rows of dots (True = ink) packed into a bitmap as wide as its widest row: a picture a
    test draws itself, to hand the renderers in place of a font."""
    width = max((len(row) for row in ink), default=0)
    per_row = max(1, (width + 7) // 8)
    rows = []
    for row in ink:
        value = 0
        for dot in row:
            value = value << 1 | bool(dot)
        value <<= per_row * 8 - len(row)
        rows.append(value.to_bytes(per_row, "big"))
    return Bitmap(width, tuple(rows))


def inked(bitmap: Bitmap) -> bool:
    return any(any(row) for row in bitmap.rows)
