"""Build Yima Scan for this platform: the one-folder bundle, then (with makensis) the Windows installer.

    python installer/build.py                      # bundle + NSIS script (+ installer if makensis exists)
    python installer/build.py --no-installer       # only the bundle
    python installer/build.py --installer-only     # installer from the bundle already in dist/
    python installer/build.py --check              # does dist/ carry zbar, its runtime, resources?
    python installer/build.py --installer-only --payload DIR --version 9.9.9 --outfile X.exe
                                                   # installer around any folder (installer tests)

The bundle build is reproducible: PyInstaller runs with PYTHONHASHSEED=0 and
SOURCE_DATE_EPOCH set to the last commit's time (it stamps the Windows
executables with it), from a clean work folder, and the spec sorts what it
collects. ``dist/YimaScan.sha256`` lists every file's hash, so two builds can
be compared with ``diff``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_layout as layout

NSIS_BUILD_DIR = layout.BUILD_ROOT / "build" / "nsis"
NSI_SCRIPT = layout.INSTALLER_DIR / "yima_scan.nsi"
MANIFEST_NAME = "install-manifest.txt"
FALLBACK_EPOCH = 315_532_800  # 1980-01-01, the earliest time a zip entry can hold


def source_date_epoch() -> int:
    """The last commit's time, so the same commit always stamps the same time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=layout.ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return FALLBACK_EPOCH


def build_bundle() -> Path:
    """Run PyInstaller on the spec in a child process with the reproducibility environment."""
    layout.write_version_info()  # the Windows .exe properties; kept current on every platform
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"  # set sets and dicts of strings in marshalled code in one order
    env["SOURCE_DATE_EPOCH"] = str(source_date_epoch())
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(layout.DIST_DIR),
        "--workpath",
        str(layout.WORK_DIR),
        str(layout.INSTALLER_DIR / "yima_scan.spec"),
    ]
    started = time.monotonic()
    subprocess.run(command, cwd=layout.ROOT, env=env, check=True)
    print(f"bundle built in {time.monotonic() - started:.0f} s: {layout.bundle_dir()}")
    write_sha256_manifest(layout.bundle_dir(), layout.DIST_DIR / f"{layout.BUNDLE_NAME}.sha256")
    return layout.bundle_dir()


def bundle_files(folder: Path) -> list[Path]:
    """Every file under ``folder``, relative, in a platform-independent order."""
    return sorted(
        (p.relative_to(folder) for p in folder.rglob("*") if p.is_file()),
        key=lambda p: p.as_posix(),
    )


def write_sha256_manifest(folder: Path, target: Path) -> Path:
    lines = []
    for rel in bundle_files(folder):
        digest = hashlib.sha256((folder / rel).read_bytes()).hexdigest()
        lines.append(f"{digest}  {rel.as_posix()}\n")
    target.write_text("".join(lines), encoding="utf-8", newline="\n")
    return target


PE_MACHINE_AMD64 = 0x8664


def pe_machine(path: Path) -> int:
    """The CPU a Windows DLL is built for (IMAGE_FILE_HEADER.Machine)."""
    data = path.read_bytes()[:4096]
    offset = int.from_bytes(data[0x3C:0x40], "little")
    if data[:2] != b"MZ" or data[offset : offset + 4] != b"PE\0\0":
        return 0
    return int.from_bytes(data[offset + 4 : offset + 6], "little")


def check_bundle(folder: Path, *, windows: bool = sys.platform == "win32") -> list[str]:
    """What is wrong with a built bundle: the parts PyInstaller cannot see for itself."""
    problems = []
    internal = folder / "_internal"
    exes = (
        [f"{layout.BUNDLE_NAME}.exe", f"{layout.CLI_NAME}.exe"] if windows else [layout.BUNDLE_NAME]
    )
    problems += [f"{name} missing" for name in exes if not (folder / name).is_file()]
    if windows:
        for dll in ("libzbar-64.dll", "libiconv.dll", "msvcr120.dll"):
            path = internal / "pyzbar" / dll
            if not path.is_file():
                problems.append(f"_internal/pyzbar/{dll} missing (zbar cannot load)")
            elif pe_machine(path) != PE_MACHINE_AMD64:
                problems.append(f"_internal/pyzbar/{dll} is not a 64-bit DLL")
    elif not (internal / "libzbar.so.0").is_file():
        problems.append("_internal/libzbar.so.0 missing (zbar cannot load)")
    resources = internal / "resources"
    for pattern in ("samples/*.png", "sounds/*.wav", "i18n/*.qm"):
        if not list(resources.glob(pattern)):
            problems.append(f"no resources/{pattern} in the bundle")
    if list(resources.glob("i18n/*.ts")):
        problems.append("translation sources (.ts) were bundled")
    for module in ("QtWebEngineCore", "Qt3DCore", "QtCharts", "QtDataVisualization"):
        if list((internal / "PySide6").glob(f"{module}.*")):
            problems.append(f"excluded Qt module {module} is in the bundle")
    return problems


def nsis_path(path: Path | str) -> str:
    """A path inside an NSIS run-time string: ``$`` must be doubled, quotes cannot occur."""
    text = str(path)
    if '"' in text:
        raise ValueError(f"cannot put a quote into an NSIS path: {text}")
    return text.replace("$", "$$")


def write_nsis_inputs(payload: Path) -> tuple[Path, Path]:
    """The File commands for ``payload`` and the install manifest the installer leaves behind.

    The manifest lists every installed file, then every folder deepest first
    (with a trailing backslash). An upgrade deletes what the previous version's
    manifest lists before copying the new files, so files a new version no
    longer ships do not linger; the uninstaller deletes the same list and
    nothing else, so the station's data and anything IT put there survive.
    """
    NSIS_BUILD_DIR.mkdir(parents=True, exist_ok=True)
    files = bundle_files(payload)
    if not files:
        raise SystemExit(f"nothing to pack in {payload}")
    if any(rel.as_posix() == MANIFEST_NAME for rel in files):
        raise SystemExit(f"{payload} must not contain {MANIFEST_NAME}")
    lines = ["; Generated by installer/build.py: the files of one build. Do not edit.", ""]
    lines.append("!macro YIMA_INSTALL_FILES")
    current = None
    for rel in files:
        folder = rel.parent
        if folder != current:
            inside = "" if folder == Path(".") else "\\" + nsis_path(str(folder).replace("/", "\\"))
            lines.append(f'  SetOutPath "$INSTDIR{inside}"')
            current = folder
        source = str((payload / rel).resolve())  # read at compile time: no $ expansion
        if '"' in source:
            raise ValueError(f"cannot pack a file whose path holds a quote: {source}")
        lines.append(f'  File "{source}"')
    lines.append('  SetOutPath "$INSTDIR"')
    lines.append("!macroend")
    files_nsh = NSIS_BUILD_DIR / "files.nsh"
    # With a BOM, makensis reads the file as UTF-8 whatever the build machine's code page.
    files_nsh.write_text("\n".join(lines) + "\n", encoding="utf-8-sig", newline="\n")

    folders = sorted(
        {parent for rel in files for parent in rel.parents if parent != Path(".")},
        key=lambda p: (-len(p.parts), p.as_posix()),
    )
    entries = [str(rel).replace("/", "\\") for rel in files]
    entries += [str(folder).replace("/", "\\") + "\\" for folder in folders]
    manifest = NSIS_BUILD_DIR / MANIFEST_NAME
    # UTF-16LE with a BOM: what the installer's FileReadUTF16LE reads, whatever the file names.
    manifest.write_bytes(
        "\ufeff".encode("utf-16-le") + "".join(e + "\r\n" for e in entries).encode("utf-16-le")
    )
    return files_nsh, manifest


def render_nsi(version: str) -> str:
    numbers = ".".join(str(n) for n in layout.version_tuple(version))
    return (
        "; Yima Scan Windows installer. Generated by installer/build.py from app.__version__;\n"
        "; the install, upgrade and uninstall logic is in yima_scan_installer.nsh.\n"
        "; build.py passes -D overrides for BUILD_DIR and OUTFILE when it packs another folder.\n"
        f'!define /ifndef VERSION "{version}"\n'
        f'!define /ifndef VI_VERSION "{numbers}"\n'
        f'!define /ifndef APP_EXE "{layout.BUNDLE_NAME}.exe"\n'
        f'!define /ifndef CLI_EXE "{layout.CLI_NAME}.exe"\n'
        '!define /ifndef BUILD_DIR "..\\build\\nsis"\n'
        f'!define /ifndef OUTFILE "..\\dist\\{layout.BUNDLE_NAME}-${{VERSION}}-setup.exe"\n'
        '!include "yima_scan_installer.nsh"\n'
    )


def write_nsi() -> Path:
    text = render_nsi(layout.version())
    if not NSI_SCRIPT.exists() or NSI_SCRIPT.read_text(encoding="utf-8") != text:
        NSI_SCRIPT.write_text(text, encoding="utf-8", newline="\n")
    return NSI_SCRIPT


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "NSIS" / "makensis.exe").exists():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def build_installer(
    payload: Path, *, version: str | None, outfile: Path | None, fast: bool = False
) -> Path | None:
    """Compile the installer around ``payload``; None (with a note) when makensis is missing."""
    write_nsi()
    write_nsis_inputs(payload)
    makensis = find_makensis()
    if makensis is None:
        print(f"makensis not found: wrote {NSI_SCRIPT}; install NSIS to build the installer")
        return None
    version = version or layout.version()
    outfile = (outfile or layout.DIST_DIR / f"{layout.BUNDLE_NAME}-{version}-setup.exe").resolve()
    outfile.parent.mkdir(parents=True, exist_ok=True)
    numbers = ".".join(str(n) for n in layout.version_tuple(version))
    command = [
        makensis,
        "-V2",
        f"-DVERSION={version}",
        f"-DVI_VERSION={numbers}",
        f"-DBUILD_DIR={NSIS_BUILD_DIR}",
        f"-DOUTFILE={outfile}",
        *(["-DFAST"] if fast else []),
        str(NSI_SCRIPT),
    ]
    subprocess.run(command, check=True)
    print(f"installer: {outfile} ({outfile.stat().st_size / 1e6:.1f} MB)")
    return outfile


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--no-installer", action="store_true", help="build only the bundle")
    which.add_argument(
        "--installer-only", action="store_true", help="pack the bundle already built"
    )
    which.add_argument(
        "--check",
        action="store_true",
        help="only check the built bundle (zbar, runtime, resources)",
    )
    parser.add_argument(
        "--payload", type=Path, help="pack this folder instead of the bundle (tests)"
    )
    parser.add_argument(
        "--fast",
        action="store_true",
        help="installer without compression (quick check of the script)",
    )
    parser.add_argument("--version", help="installer version (default: app.__version__)")
    parser.add_argument(
        "--outfile", type=Path, help="installer path (default: dist/YimaScan-VERSION-setup.exe)"
    )
    args = parser.parse_args(argv)

    try:
        if args.payload and not args.installer_only:
            parser.error("--payload needs --installer-only")
        payload = args.payload.resolve() if args.payload else layout.bundle_dir()
        if args.check:
            problems = check_bundle(layout.bundle_dir())
            for problem in problems:
                print(f"bundle check: {problem}", file=sys.stderr)
            print(
                "bundle check: ok" if not problems else f"bundle check: {len(problems)} problem(s)"
            )
            return 1 if problems else 0
        if not args.installer_only:
            build_bundle()
            problems = check_bundle(layout.bundle_dir())
            if problems:
                raise SystemExit("bundle check failed: " + "; ".join(problems))
        if args.no_installer:
            write_nsi()
            return 0
        if not payload.is_dir():
            print(f"{payload} does not exist: build the bundle first", file=sys.stderr)
            return 2
        build_installer(payload, version=args.version, outfile=args.outfile, fast=args.fast)
    except layout.MissingBuildPart as exc:
        print(f"cannot build: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(
            f"build step failed ({exc.returncode}): {' '.join(map(str, exc.cmd))}", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
