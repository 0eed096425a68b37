"""Generate the sample images in resources/samples (run once; the PNGs are committed).

The frozen self-test decodes these files from inside the bundle, which proves
that the bundled image reader (OpenCV), zxing-cpp and the zbar library all
load on the installed PC. They are drawn the way a camera sees a label, not as
perfect pixels: slightly rotated, blurred and on a grey, noisy background.

    python installer/make_samples.py
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import zxingcpp

OUT = Path(__file__).resolve().parent.parent / "resources" / "samples"

# (file name, zxing-cpp format, content, GS1 element string?)
SAMPLES = (
    (
        "gs1-datamatrix.png",
        zxingcpp.BarcodeFormat.DataMatrix,
        "(01)06901234567892(21)SAMPLE0001(10)B42",
        True,
    ),
    ("ean13.png", zxingcpp.BarcodeFormat.EAN13, "6901234567892", False),
    ("brand-qr.png", zxingcpp.BarcodeFormat.QRCode, "https://t.brand.cn/q/SAMPLE0002", False),
)


def camera_like(symbol: np.ndarray, *, angle: float, seed: int) -> np.ndarray:
    """Pad, rotate a little, blur and add sensor noise, deterministically."""
    padded = np.pad(symbol, 40, constant_values=255).astype(np.float32)
    height, width = padded.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    rotated = cv2.warpAffine(padded, matrix, (width, height), borderValue=255)
    blurred = cv2.GaussianBlur(rotated, (5, 5), 1.2)
    noise = np.random.default_rng(seed).normal(0, 6, blurred.shape)
    grey = blurred * 0.8 + 30 + noise  # paper is never white, ink never black
    return np.clip(grey, 0, 255).astype(np.uint8)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for seed, (name, fmt, content, gs1) in enumerate(SAMPLES):
        barcode = (
            zxingcpp.create_barcode(content, fmt, gs1=gs1)
            if gs1
            else zxingcpp.create_barcode(content, fmt)
        )
        symbol = np.array(barcode.to_image(scale=5 if fmt != zxingcpp.BarcodeFormat.EAN13 else 3))
        image = camera_like(symbol, angle=4.0 + seed, seed=seed)
        ok, data = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 9])
        if not ok:
            raise RuntimeError(f"could not encode {name}")
        (OUT / name).write_bytes(data.tobytes())
        print(f"wrote {OUT / name} ({image.shape[1]}x{image.shape[0]})")


if __name__ == "__main__":
    main()
