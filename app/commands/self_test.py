"""``python main.py self-test``: can this machine run a station? One line per part, non-zero on failure.

IT runs it after installing, and support asks a dealer to run it before anything
else. Each check uses the real part (a real SQLite file, a real barcode image
decoded by the real decoders, Qt started offscreen, the shipped translations)
and says in one line why it failed, so the answer is actionable without a log.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

NAME = "self-test"
HELP = "check the database, decoders, Qt, sounds and translations; exit non-zero on failure"


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the results as JSON")


def check_database() -> str:
    """A fresh store in a temporary folder: create, migrate, append through the writer, verify."""
    from app.domain.store import journal
    from app.domain.store.database import check_integrity, connect, open_database
    from app.domain.store.writer import Writer

    with tempfile.TemporaryDirectory(prefix="yima-self-test-") as folder:
        path = Path(folder) / "station.sqlite3"
        open_database(path)
        open_database(path)  # a second start finds every migration applied
        writer = Writer(path)
        writer.start()
        try:
            event = writer.call(
                lambda conn: journal.append(
                    conn, "ObjectEvent", {"action": "OBSERVE"}, operator="self-test", station="ST"
                )
            )
        finally:
            writer.stop()
        conn = connect(path, readonly=True)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            missing = {"journal", "operators", "codes", "settings"} - tables
            if missing:
                raise RuntimeError("migrations did not create " + ", ".join(sorted(missing)))
            chain = journal.verify_chain(conn)
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        finally:
            conn.close()
        check_integrity(path, full=True)
        if not chain.ok or chain.count != 1:
            raise RuntimeError(f"journal chain does not verify ({chain})")
        if event.seq != 1:
            raise RuntimeError(f"first event got sequence {event.seq}")
    return f"migrated {len(tables)} tables, journal mode {mode}, appended and verified one event"


def check_station_database(data_dir: Path) -> str:
    """The station's own file, read-only: SQLite's full integrity check, the whole journal's
    hash chain (an event edited in the file names its sequence number), and what is still
    waiting to be sent."""
    from app.domain.store import journal
    from app.domain.store.database import check_integrity, connect
    from app.paths import database_path

    path = database_path(data_dir)
    if not path.exists():
        return f"{path} not created yet (the first start creates it)"
    check_integrity(path, full=True)
    conn = connect(path, readonly=True)
    try:
        chain = journal.verify_chain(conn)
        waiting = journal.count_pending(conn)
    finally:
        conn.close()
    if not chain.ok:
        raise RuntimeError(
            f"{path}: the journal's history was changed outside Yima Scan at event "
            f"{chain.first_bad_seq} (the {chain.count} events before it verify); "
            "call IT and do not delete the file"
        )
    damaged = (
        f", {len(chain.damaged)} unreadable events set aside ({', '.join(map(str, chain.damaged))})"
        if chain.damaged
        else ""
    )
    return (
        f"{path}: intact, journal chain verified ({chain.count} events){damaged}, "
        f"{waiting} events waiting to be sent"
    )


def check_decoders() -> str:
    """Draw a GS1 DataMatrix and a brand QR, read them back with zxing-cpp and pyzbar, parse them."""
    import numpy as np
    import zxingcpp
    from pyzbar import pyzbar

    from app.domain.codes import parse

    gs1 = zxingcpp.create_barcode(
        "(01)06901234567892(21)SELFTEST1(10)B42", zxingcpp.BarcodeFormat.DataMatrix, gs1=True
    )
    image = np.pad(np.array(gs1.to_image(scale=6)), 24, constant_values=255)
    found = zxingcpp.read_barcodes(image, text_mode=zxingcpp.TextMode.Plain)
    if not found:
        raise RuntimeError("zxing-cpp did not read a generated GS1 DataMatrix")
    code = parse(found[0].symbology_identifier + found[0].text)
    if code.key != "sgtin:06901234567892.SELFTEST1" or code.batch != "B42":
        raise RuntimeError(f"GS1 DataMatrix read as {found[0].text!r} -> {code.key or code.reason}")
    url = "https://t.brand.cn/q/SELFTEST2"
    qr = np.pad(
        np.array(zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode).to_image(scale=6)),
        24,
        constant_values=255,
    )
    zbar = [r.data.decode("utf-8") for r in pyzbar.decode(qr)]
    if zbar != [url]:
        raise RuntimeError(f"pyzbar read {zbar!r} instead of the QR code")
    return f"zxing-cpp read GS1 DataMatrix ({code.key}); pyzbar read QR"


# The bundled sample photos (resources/samples, made by installer/make_samples.py) and what they hold.
SAMPLE_KEYS = {
    "gs1-datamatrix.png": "sgtin:06901234567892.SAMPLE0001",
    "ean13.png": "gtin:06901234567892",
    "brand-qr.png": "brand:SAMPLE0002",
}


def check_samples() -> str:
    """The shipped sample photos decode: OpenCV reads the PNGs, zxing-cpp and zbar find the codes.

    Unlike the generated images above, these files come from the install folder,
    so this also proves the bundle carries its resources, OpenCV and the zbar library.
    """
    import cv2
    import numpy as np
    import zxingcpp
    from pyzbar import pyzbar

    from app.domain.codes import parse
    from app.paths import resources_dir

    folder = resources_dir() / "samples"
    for name, key in SAMPLE_KEYS.items():
        if not (folder / name).is_file():
            raise RuntimeError(f"{folder / name} is missing from the installation")
        image = cv2.imdecode(np.fromfile(folder / name, dtype=np.uint8), cv2.IMREAD_GRAYSCALE)
        if image is None:
            raise RuntimeError(f"OpenCV could not read {folder / name}")
        found = zxingcpp.read_barcodes(image, text_mode=zxingcpp.TextMode.Plain)
        read = parse(found[0].symbology_identifier + found[0].text).key if found else None
        if read != key:
            raise RuntimeError(f"zxing-cpp read {name} as {read!r}, expected {key!r}")
    ean = folder / "ean13.png"
    image = cv2.imdecode(np.fromfile(ean, dtype=np.uint8), cv2.IMREAD_GRAYSCALE)
    zbar = [r.data.decode("ascii") for r in pyzbar.decode(image)]
    if zbar != ["6901234567892"]:
        raise RuntimeError(f"zbar read {zbar!r} from {ean.name}")
    return f"{len(SAMPLE_KEYS)} sample photos read by zxing-cpp, the EAN-13 also by zbar"


def check_serial_loop() -> str:
    """A GS1 read goes out and back through pyserial's loop:// port, byte for byte.

    Serial guns are opened by URL, and pyserial imports each URL handler by
    name, which a frozen app only has if the bundle collected it; the socket
    handler (network guns) is checked too.
    """
    import importlib

    import serial

    payload = b"]d2010690123456789221SERIAL01\x1d10B42\r"
    port = serial.serial_for_url("loop://", timeout=1, write_timeout=1)
    try:
        port.write(payload)
        echoed = port.read_until(b"\r", size=len(payload) + 16)
    finally:
        port.close()
    if echoed != payload:
        raise RuntimeError(f"loop:// returned {echoed!r} instead of {payload!r}")
    importlib.import_module("serial.urlhandler.protocol_socket")
    return f"loop:// echoed a {len(payload)}-byte read; socket:// handler present"


def _qt(name: str) -> Callable[[], str]:
    def run() -> str:
        from app.ui import self_check

        return getattr(self_check, name)()

    return run


def run_checks(data_dir: Path | None) -> list[CheckResult]:
    checks: list[tuple[str, Callable[[], str]]] = [
        ("database", check_database),
        ("decoders", check_decoders),
        ("sample photos", check_samples),
        ("serial", check_serial_loop),
        ("qt", _qt("check_qt")),
        ("sounds", _qt("check_sounds")),
        ("translations", _qt("check_translations")),
    ]
    if data_dir is not None:
        checks.insert(1, ("station database", lambda: check_station_database(data_dir)))
    results = []
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail, ok = check(), True
        except ImportError as exc:
            detail, ok = f"missing library: {exc}", False
        except Exception as exc:  # each failure is reported, and the next check still runs
            detail, ok = f"{type(exc).__name__}: {exc}", False
        results.append(CheckResult(name, ok, detail, round(time.perf_counter() - started, 3)))
    return results


def _table(results: list[CheckResult]) -> str:
    width = max(len(r.name) for r in results)
    lines = [f"{'check':<{width}}  result  seconds  detail"]
    for r in results:
        lines.append(
            f"{r.name:<{width}}  {'ok' if r.ok else 'FAILED':<6}  {r.seconds:>7.2f}  {r.detail}"
        )
    failed = [r.name for r in results if not r.ok]
    lines.append("all checks passed" if not failed else "FAILED: " + ", ".join(failed))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir).expanduser() if getattr(args, "data_dir", None) else None
    results = run_checks(data_dir)
    if args.json:
        json.dump([asdict(r) for r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(_table(results))
    return 0 if all(r.ok for r in results) else 1
