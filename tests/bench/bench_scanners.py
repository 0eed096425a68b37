"""Scanners: pty gun throughput, wedge cost, camera fps, decode time and decode rate per condition.

Baselines in the same run: a bare pty read loop beside the serial reader, the
capture-only frame rate beside capture+decode, and raw pyzbar, raw zxing-cpp
and OpenCV's own QR and barcode detectors beside ``decode_frame`` on the same
generated frames.
"""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

import cv2

from hardware.camera import CameraSource
from hardware.decode import decode_frame, gray, read_zxing
from hardware.scan import Scan
from hardware.serial_gun import SerialGun
from hardware.simulators import (
    CONDITIONS,
    SYMBOLOGIES,
    VirtualSerialGun,
    carton_codes,
    demo_codes,
    frame_with_codes,
    sample_code,
    write_video,
)
from hardware.source import SourceState
from hardware.spec import parse
from hardware.wedge import Key, KeyKind, WedgeAssembler, WedgeConfig
from tests.bench import Row, Scale, percentile

AREA = "scanners"


# -- serial guns through real ptys -------------------------------------------------------------


class _Counter:
    def __init__(self) -> None:
        self.scans: list[Scan] = []
        self.connected = threading.Event()
        self.done = threading.Event()
        self.expected = 0

    def sink(self, scan: Scan) -> None:
        self.scans.append(scan)
        if len(self.scans) >= self.expected:
            self.done.set()

    def state(self, _source: object, state: SourceState) -> None:
        if state is SourceState.CONNECTED:
            self.connected.set()


def _pty_guns(count: int, guns: int, rate: float = 0.0) -> tuple[float, int, list[float]]:
    """Scans/s received from ``guns`` pty guns typing ``count`` scans each; lost scans; latencies (ms)."""
    with tempfile.TemporaryDirectory() as tmp:
        virtual = [VirtualSerialGun(Path(tmp), f"ttyBENCH{n}") for n in range(guns)]
        counters = [_Counter() for _ in range(guns)]
        readers = []
        for gun, counter in zip(virtual, counters, strict=True):
            counter.expected = count
            reader = SerialGun(parse(f"serial:{gun.path}?baud=115200&terminator=CR"))
            reader.on_state = counter.state
            reader.start(counter.sink)
            readers.append(reader)
        for counter in counters:
            counter.connected.wait(5)
        codes = [[f"{text}G{n}" for text in demo_codes(count)] for n in range(guns)]
        sent_at: list[dict[str, int]] = [{} for _ in range(guns)]

        def type_all(n: int) -> None:
            interval = 1.0 / rate if rate else 0.0
            next_at = time.monotonic()
            for text in codes[n]:
                if interval:
                    delay = next_at - time.monotonic()
                    if delay > 0:
                        time.sleep(delay)
                    next_at += interval
                sent_at[n][text] = time.monotonic_ns()
                virtual[n].scan(text)

        started = time.perf_counter()
        writers = [threading.Thread(target=type_all, args=(n,)) for n in range(guns)]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        for counter in counters:
            counter.done.wait(60)
        elapsed = time.perf_counter() - started
        for reader in readers:
            reader.stop()
        for gun in virtual:
            gun.close()
    received = sum(len(c.scans) for c in counters)
    lost = sum(
        count - sum(1 for a, b in zip(c.scans, codes[n], strict=False) if a.text == b)
        for n, c in enumerate(counters)
    )
    latencies = [
        (scan.mono_ns - sent_at[n][scan.text]) / 1e6
        for n, c in enumerate(counters)
        for scan in c.scans
    ]
    return received / elapsed, lost, latencies


def _pty_rows(scale: Scale) -> list[Row]:
    count = scale.pick(300, 20_000)
    one, lost_one, _ = _pty_guns(count, 1)
    two, lost_two, _ = _pty_guns(count, 2)
    steady = scale.pick(50, 500)
    _, lost_steady, latencies = _pty_guns(steady, 2, rate=25.0)
    return [
        Row(
            AREA,
            "pty gun, full speed, 1 gun",
            one,
            "scans/s",
            "",
            f"{count} scans, {lost_one} lost or out of order",
        ),
        Row(
            AREA,
            "pty gun, full speed, 2 guns",
            two,
            "scans/s",
            ">= 50",
            f"{count} each, {lost_two} lost or out of order",
        ),
        Row(
            AREA,
            "pty gun latency p50 (2 guns at 25/s)",
            percentile(latencies, 50),
            "ms",
            "",
            f"{lost_steady} lost",
        ),
        Row(
            AREA,
            "pty gun latency p99 (2 guns at 25/s)",
            percentile(latencies, 99),
            "ms",
            "",
            "write -> Scan at the sink",
        ),
    ]


# -- keyboard wedge ---------------------------------------------------------------------------


def _wedge_rows(scale: Scale) -> list[Row]:
    scans = scale.pick(2_000, 50_000)
    text = "0106901234567892\x1d21AbCdEf123456"
    keys_per_scan = [
        Key(KeyKind.GS if c == "\x1d" else KeyKind.CHAR, c, 0, c.isupper(), c.upper(), False, None)
        for c in "]d2" + text  # the gun's AIM identifier, which the configured prefix removes
    ]
    out: list[Scan] = []
    assembler = WedgeAssembler(
        WedgeConfig(gs_substitute="~", prefix="]d2"), out.append, lambda tokens: None
    )
    per_scan: list[float] = []
    t = 0
    batch = 100
    for _ in range(scans // batch):
        began = time.perf_counter_ns()
        for _ in range(batch):
            for key in keys_per_scan:
                t += 2_000_000
                assembler.feed(
                    Key(key.kind, key.text, t, key.shift, key.key_char, key.caps_lock, None)
                )
            t += 2_000_000
            assembler.feed(Key(KeyKind.ENTER, "\r", t))
            t += 200_000_000
        per_scan.append((time.perf_counter_ns() - began) / batch / 1000)
    assert len(out) == scans // batch * batch and out[0].text == text
    # baseline: building the same Key values without assembling them
    began = time.perf_counter_ns()
    for _ in range(batch):
        for key in keys_per_scan:
            Key(key.kind, key.text, t, key.shift, key.key_char, key.caps_lock, None)
    baseline = (time.perf_counter_ns() - began) / batch / 1000
    return [
        Row(
            AREA,
            "wedge assembly per scan p50",
            percentile(per_scan, 50),
            "µs",
            "",
            f"{len(keys_per_scan)} keys + Enter",
        ),
        Row(
            AREA,
            "wedge assembly per scan p99",
            percentile(per_scan, 99),
            "µs",
            "",
            f"creating the keys alone: {baseline:.1f} µs",
        ),
    ]


# -- camera pipeline ---------------------------------------------------------------------------


def _camera_rows(scale: Scale) -> list[Row]:
    frames = scale.pick(30, 300)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        pictures = [
            frame_with_codes([sample_code(SYMBOLOGIES[n % 4], n // 20 + 1)], "clean", seed=n % 5)
            for n in range(20)
        ]
        video = write_video(
            Path(tmp) / "bench.avi", (pictures[n % 20] for n in range(frames)), fps=30
        )
        # baseline: capture alone
        capture = cv2.VideoCapture(str(video))
        began = time.perf_counter()
        read = 0
        while capture.read()[0]:
            read += 1
        capture_fps = read / (time.perf_counter() - began)
        capture.release()
        source = CameraSource(parse(f"file:{video}?pace=0"))
        scans: list[Scan] = []
        began = time.perf_counter()
        source.start(scans.append)
        source.wait_finished(600)
        elapsed = time.perf_counter() - began
        source.stop()
        rows.append(
            Row(
                AREA,
                "camera capture+decode at 1280x720",
                source.frames_decoded / elapsed,
                "frames/s",
                ">= 25",
                f"capture alone {capture_fps:.0f} fps; {len(scans)} distinct scans",
            )
        )
    single = [
        gray(frame_with_codes([sample_code("datamatrix", n + 1)], "clean", seed=n))
        for n in range(5)
    ]
    carton = [
        gray(frame_with_codes(carton_codes(24, start=100 * n), "clean", seed=n)) for n in range(3)
    ]
    repeats = scale.pick(4, 40)
    for label, images, target in (("1 code", single, ""), ("24 codes", carton, "<= 100")):
        times, baseline = [], []
        for n in range(repeats):
            image = images[n % len(images)]
            began = time.perf_counter()
            found = decode_frame(image)
            times.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            read_zxing(image)  # baseline: zxing-cpp alone on the same frame, same moment
            baseline.append((time.perf_counter() - began) * 1000)
        note = f"{len(found)} read; zxing-cpp alone p50 {percentile(baseline, 50):.1f} ms"
        rows.append(
            Row(AREA, f"decode_frame {label} p50", percentile(times, 50), "ms/frame", "", note)
        )
        rows.append(
            Row(AREA, f"decode_frame {label} p99", percentile(times, 99), "ms/frame", target, "")
        )
    return rows


# -- decode rate per condition ------------------------------------------------------------------


def _raw_pyzbar(image) -> set[str]:
    from pyzbar import pyzbar

    return {r.data.decode("utf-8", "replace") for r in pyzbar.decode(image)}


def _raw_zxing(image) -> set[str]:
    return {d.text for d in read_zxing(image)}


_qr = cv2.QRCodeDetector()
_barcode = cv2.barcode.BarcodeDetector()


def _opencv(image) -> set[str]:
    texts: set[str] = set()
    try:
        ok, decoded, _points, _ = _qr.detectAndDecodeMulti(image)
        if ok:
            texts.update(t for t in decoded if t)
    except cv2.error:
        pass  # OpenCV throws on some symbols (GS1-mode QR); that counts as not read
    try:
        ok, decoded, _types, _points = _barcode.detectAndDecodeWithType(image)
        if ok:
            texts.update(t for t in decoded if t)
    except cv2.error:
        pass
    return texts


DECODERS = {
    "decode_frame": lambda image: {d.text for d in decode_frame(image)},
    "zxing-cpp": _raw_zxing,
    "pyzbar": _raw_pyzbar,
    "opencv": _opencv,
}


def _rate_rows(scale: Scale) -> list[Row]:
    per_symbology = scale.pick(2, 10)
    rows: list[Row] = []
    conditions = [*CONDITIONS, "24 codes at an angle"]
    for condition in conditions:
        frames: list[tuple[object, set[str]]] = []
        if condition == "24 codes at an angle":
            for n in range(scale.pick(1, 4)):
                codes = carton_codes(24, start=1000 * n)
                frames.append(
                    (gray(frame_with_codes(codes, "perspective", seed=n)), {c.text for c in codes})
                )
        else:
            for symbology in SYMBOLOGIES:
                for n in range(per_symbology):
                    code = sample_code(symbology, n + 1)
                    frames.append((gray(frame_with_codes([code], condition, seed=n)), {code.text}))
        total = sum(len(expected) for _, expected in frames)
        rates = {}
        for name, decoder in DECODERS.items():
            read = sum(len(decoder(image) & expected) for image, expected in frames)
            rates[name] = 100.0 * read / total
        best_other = max(v for k, v in rates.items() if k != "decode_frame")
        note = "  ".join(f"{k} {v:.0f}%" for k, v in rates.items() if k != "decode_frame")
        rows.append(
            Row(
                AREA,
                f"decode rate: {condition}",
                rates["decode_frame"],
                "%",
                f">= {best_other:.0f}",
                f"{total} codes; {note}",
            )
        )
    return rows


def run(scale: Scale) -> list[Row]:
    return [*_pty_rows(scale), *_wedge_rows(scale), *_camera_rows(scale), *_rate_rows(scale)]
