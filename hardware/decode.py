"""Reading codes in camera frames: ``decode_frame(frame) -> list[Decoded]``.

Three readers, each used where it wins on our measurements (``tests/bench/bench_scanners.py``,
README "scanners"):

- zxing-cpp reads the whole frame first: QR, GS1 DataMatrix (ZBar cannot read
  DataMatrix at all), GS1-128 and EAN/UPC, many codes per frame, with GS
  separators intact. It is asked for the plain text (``TextMode.Plain``), not
  its bracketed GS1 rendering, and only for the formats the product uses.
- OpenCV's barcode *detector* (not its decoder, which reads EAN/UPC only)
  finds 1D codes at any angle on a half-size frame in a few milliseconds.
  Each region zxing-cpp has not read yet is straightened and read by ZBar
  (pyzbar), which reads blurred EAN-13/GS1-128 that zxing-cpp misses, then by
  zxing-cpp, then both again on a 2-3x enlargement (small modules). Neither
  reader finds a 1D code turned 30-60° on its own, which is how a carton on
  a counter often lies; and ZBar only ever sees small upright crops, so it
  costs little although it is slow on whole frames.

Text is exactly what the symbol holds: GS (0x1D) for FNC1 separators, no
leading FNC1, no AIM prefix; the AIM identifier is in ``Decoded.aim``.
"""

from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import zxingcpp

Point = tuple[int, int]

_ZX = zxingcpp.BarcodeFormat
ZXING_FORMATS = (
    _ZX.QRCode,
    _ZX.DataMatrix,
    _ZX.Code128,
    _ZX.EAN13,
    _ZX.EAN8,
    _ZX.UPCA,
    _ZX.UPCE,
    _ZX.ITF14,
)
ZXING_LINEAR = (_ZX.Code128, _ZX.EAN13, _ZX.EAN8, _ZX.UPCA, _ZX.UPCE, _ZX.ITF14)
_ZXING_NAMES = {
    _ZX.QRCode: "qr",
    _ZX.DataMatrix: "datamatrix",
    _ZX.Code128: "code128",
    _ZX.EAN13: "ean13",
    _ZX.EAN8: "ean8",
    _ZX.UPCA: "upca",
    _ZX.UPCE: "upce",
    _ZX.ITF14: "itf",
}
LINEAR = {"code128", "ean13", "ean8", "upca", "upce", "itf"}
MATRIX = {"qr", "datamatrix"}
MATRIX_FORMATS = (_ZX.QRCode, _ZX.DataMatrix)
_MANY = 3
_MAX_REGIONS = 6  # unread 1D regions tried per frame: bounds the time a cluttered frame costs


@dataclass(frozen=True, slots=True)
class Decoded:
    """One code found in a frame."""

    symbology: str  # "qr", "datamatrix", "code128", "ean13", "ean8", "upca", "upce", "itf"
    text: str
    aim: str | None = (
        None  # AIM symbology identifier ("]d2" GS1 DataMatrix, "]C1" GS1-128, "]Q1"...)
    )
    corners: tuple[Point, ...] = ()  # in frame pixels, for the preview overlay
    reader: str = "zxing"  # which library read it: "zxing", "zbar", "zxing+cv", "zbar+cv"

    @property
    def center(self) -> tuple[float, float]:
        if not self.corners:
            return (0.0, 0.0)
        xs, ys = zip(*self.corners, strict=True)
        return (sum(xs) / len(xs), sum(ys) / len(ys))


class DecoderMissing(RuntimeError):
    """A decoding library is not installed; ``library`` names it for the operator's IT."""

    def __init__(self, library: str, detail: str) -> None:
        super().__init__(f"{library} is not available: {detail}")
        self.library = library


def gray(frame: Any) -> np.ndarray:
    """A contiguous 8-bit grayscale view of a BGR or grayscale frame."""
    if frame.ndim == 3:
        frame = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    return np.ascontiguousarray(frame)


# -- zxing-cpp --------------------------------------------------------------------------


def read_zxing(
    image: np.ndarray,
    formats: tuple[Any, ...] = ZXING_FORMATS,
    offset: Any = None,
    invert: bool = True,
) -> list[Decoded]:
    """zxing-cpp alone; ``invert`` also looks for light-on-dark codes (laser-etched caps)."""
    results = zxingcpp.read_barcodes(
        image,
        formats=list(formats),  # type: ignore[arg-type]  # zxing-cpp 3 takes a list; its stub lags
        text_mode=zxingcpp.TextMode.Plain,
        try_invert=invert,
    )
    found = []
    for result in results:
        p = result.position
        corners = [(p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y)]
        corners += [(p.bottom_right.x, p.bottom_right.y), (p.bottom_left.x, p.bottom_left.y)]
        if offset is not None:
            corners = _map_back(corners, offset)
        found.append(
            Decoded(
                symbology=_ZXING_NAMES.get(result.format, str(result.format)),
                text=result.text,
                aim=result.symbology_identifier or None,
                corners=tuple(corners),
                reader="zxing",
            )
        )
    return found


# -- ZBar (through pyzbar's ctypes binding) ----------------------------------------------------

_zbar: Any = None
_zbar_lock = threading.Lock()


def _load_zbar() -> Any:
    global _zbar
    with _zbar_lock:
        if _zbar is None:
            try:
                from pyzbar import wrapper
                from pyzbar.pyzbar import ZBarSymbol
            except (
                ImportError,
                OSError,
            ) as exc:  # pyzbar raises ImportError when libzbar is missing
                raise DecoderMissing("ZBar", str(exc)) from exc
            modifiers = wrapper.zbar_function(
                "zbar_symbol_get_modifiers", ctypes.c_uint, ctypes.POINTER(wrapper.zbar_symbol)
            )
            linear = {
                ZBarSymbol.EAN13: "ean13",
                ZBarSymbol.EAN8: "ean8",
                ZBarSymbol.UPCA: "upca",
                ZBarSymbol.UPCE: "upce",
                ZBarSymbol.CODE128: "code128",
                ZBarSymbol.I25: "itf",
            }
            _zbar = (wrapper, modifiers, linear)
    return _zbar


def zbar_available() -> bool:
    try:
        _load_zbar()
    except DecoderMissing:
        return False
    return True


_ZBAR_AIM = {"ean13": "]E0", "ean8": "]E4", "upca": "]E0", "upce": "]E0", "itf": "]I0"}
_Y800 = 0x30303859  # zbar's fourcc for 8-bit grayscale


def read_zbar(image: np.ndarray, offset: Any = None) -> list[Decoded]:
    """ZBar alone, on the 1D symbologies (it cannot read DataMatrix; zxing-cpp reads QR better)."""
    wrapper, get_modifiers, linear = _load_zbar()
    config = wrapper.ZBarConfig
    scanner = wrapper.zbar_image_scanner_create()
    found: list[Decoded] = []
    try:
        wrapper.zbar_image_scanner_set_config(scanner, 0, config.CFG_ENABLE, 0)
        for symbol in linear:
            wrapper.zbar_image_scanner_set_config(scanner, symbol, config.CFG_ENABLE, 1)
        zimage = wrapper.zbar_image_create()
        try:
            height, width = image.shape
            data = image.tobytes()
            wrapper.zbar_image_set_format(zimage, _Y800)
            wrapper.zbar_image_set_size(zimage, width, height)
            wrapper.zbar_image_set_data(
                zimage, ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p), len(data), None
            )
            wrapper.zbar_scan_image(scanner, zimage)
            symbol = wrapper.zbar_image_first_symbol(zimage)
            while symbol:
                name = linear.get(symbol.contents.type)
                if name is not None:
                    raw = ctypes.string_at(
                        wrapper.zbar_symbol_get_data(symbol),
                        wrapper.zbar_symbol_get_data_length(symbol),
                    )
                    gs1 = bool(get_modifiers(symbol) & 1)  # ZBAR_MOD_GS1
                    aim = ("]C1" if gs1 else "]C0") if name == "code128" else _ZBAR_AIM.get(name)
                    points = [
                        (
                            wrapper.zbar_symbol_get_loc_x(symbol, i),
                            wrapper.zbar_symbol_get_loc_y(symbol, i),
                        )
                        for i in range(wrapper.zbar_symbol_get_loc_size(symbol))
                    ]
                    if offset is not None:
                        points = _map_back(points, offset)
                    found.append(
                        Decoded(
                            name, raw.decode("utf-8", "replace"), aim, tuple(_box(points)), "zbar"
                        )
                    )
                symbol = wrapper.zbar_symbol_next(symbol)
        finally:
            wrapper.zbar_image_destroy(zimage)
    finally:
        wrapper.zbar_image_scanner_destroy(scanner)
    return found


def _box(points: list[Point]) -> list[Point]:
    if not points:
        return []
    xs, ys = zip(*points, strict=True)
    return [(min(xs), min(ys)), (max(xs), min(ys)), (max(xs), max(ys)), (min(xs), max(ys))]


# -- OpenCV's 1D detector: find turned barcodes, straighten them, read them again ------------------

_detectors = threading.local()


def _barcode_detector() -> Any:
    detector = getattr(_detectors, "barcode", None)
    if detector is None:
        detector = _detectors.barcode = cv2.barcode.BarcodeDetector()
    return detector


def find_linear_regions(image: np.ndarray, scale: float = 0.5) -> list[np.ndarray]:
    """Corner quads (frame pixels) of 1D barcodes at any angle, found on a downscaled copy."""
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    try:
        ok, points = _barcode_detector().detect(small)
    except cv2.error:
        return []
    if not ok or points is None:
        return []
    return [np.asarray(quad, dtype=np.float32) / scale for quad in points]


def _straighten(image: np.ndarray, quad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The region turned upright with a quiet margin, and the transform back to frame pixels."""
    # order the quad so that the long side runs left to right
    sides = [float(np.linalg.norm(quad[(i + 1) % 4] - quad[i])) for i in range(4)]
    start = int(np.argmax([sides[0] + sides[2], sides[1] + sides[3]]))
    ordered = np.roll(quad, -start, axis=0)
    length = max(sides[start], sides[(start + 2) % 4])
    height = max(sides[(start + 1) % 4], sides[(start + 3) % 4])
    margin = 0.12 * length
    width_out, height_out = int(length + 2 * margin), int(max(height, 12) + 2 * margin)
    target = np.array(
        [
            [margin, margin],
            [margin + length, margin],
            [margin + length, margin + height],
            [margin, margin + height],
        ],
        dtype=np.float32,
    )
    matrix = cv2.getPerspectiveTransform(ordered.astype(np.float32), target)
    upright = cv2.warpPerspective(
        image,
        matrix,
        (width_out, height_out),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )
    return upright, np.linalg.inv(matrix)


def _map_back(points: list[Point], inverse: np.ndarray) -> list[Point]:
    shaped = np.array(points, np.float32).reshape(-1, 1, 2)
    pts = cv2.perspectiveTransform(shaped, inverse).reshape(-1, 2)
    return [(int(x), int(y)) for x, y in pts]


def _covered(quad: np.ndarray, found: list[Decoded]) -> bool:
    """Whether a decoded 1D code already sits inside this region."""
    contour = quad.reshape(-1, 1, 2).astype(np.float32)
    for code in found:
        if code.symbology in LINEAR and code.corners:
            cx, cy = code.center
            if cv2.pointPolygonTest(contour, (float(cx), float(cy)), True) > -10:
                return True
    return False


_ENLARGE_TO = 900  # px along the bars: small modules read after enlarging, not before

# -- together -------------------------------------------------------------------------------


def _merge(found: list[Decoded], more: list[Decoded]) -> None:
    seen = {(d.symbology, d.text) for d in found}
    for code in more:
        key = (code.symbology, code.text)
        if key not in seen:
            seen.add(key)
            found.append(code)


def decode_frame(frame: Any, *, thorough: bool = True) -> list[Decoded]:
    """Every code in a BGR or grayscale frame, each once.

    ``thorough=False`` is zxing-cpp's upright, dark-on-light pass alone, about half
    the time: the camera worker uses it between thorough frames, since a code in
    view stays there for many frames.
    """
    image = gray(frame)
    found = read_zxing(image, invert=thorough)
    if not thorough:
        return found
    if sum(d.symbology in MATRIX for d in found) >= _MANY:
        # A carton seen from an angle: its far caps have small, foreshortened modules. Packing
        # needs every cap, so read once more at 1.5x; this costs a few ms, only on such frames.
        big = cv2.resize(image, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)
        _merge(found, read_zxing(big, MATRIX_FORMATS, offset=np.diag([1 / 1.5, 1 / 1.5, 1.0])))
    with_zbar = zbar_available()
    regions = [quad for quad in find_linear_regions(image) if not _covered(quad, found)]
    for quad in regions[:_MAX_REGIONS]:
        _merge(found, _read_region(image, quad, with_zbar))
    return found


def _read_region(image: np.ndarray, quad: np.ndarray, with_zbar: bool) -> list[Decoded]:
    """Read one straightened 1D region: ZBar first, then zxing-cpp, then both on a 2x-3x enlargement."""
    upright, inverse = _straighten(image, quad)
    attempts = [(upright, inverse)]
    if upright.shape[1] < _ENLARGE_TO:
        factor = _ENLARGE_TO / upright.shape[1]
        big = cv2.resize(upright, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
        attempts.append((big, inverse @ np.diag([1 / factor, 1 / factor, 1.0])))
    for picture, back in attempts:
        more = read_zbar(picture, offset=back) if with_zbar else []
        more = more or read_zxing(picture, ZXING_LINEAR, offset=back)
        if more:
            return [Decoded(d.symbology, d.text, d.aim, d.corners, d.reader + "+cv") for d in more]
    return []
