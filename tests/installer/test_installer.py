"""The packaging pieces that run without building the bundle: NSIS script, manifest, version resource."""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest

from tests.support import ROOT

sys.path.insert(0, str(ROOT / "installer"))

import build
import bundle_layout as layout


@pytest.fixture
def nsis_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "nsis"
    monkeypatch.setattr(build, "NSIS_BUILD_DIR", folder)
    return folder


def payload(root: Path) -> Path:
    (root / "_internal" / "resources" / "sounds").mkdir(parents=True)
    (root / "YimaScan.exe").write_bytes(b"MZ not really")
    (root / "_internal" / "base_library.zip").write_bytes(b"zip")
    (root / "_internal" / "resources" / "sounds" / "ok.wav").write_bytes(b"RIFF")
    (root / "_internal" / "resources" / "提示.txt").write_text("non-ASCII name", encoding="utf-8")
    (root / "_internal" / "odd$name.txt").write_text("a dollar sign in a file name")
    return root


def test_manifest_lists_files_then_folders_deepest_first(nsis_dir: Path, tmp_path: Path) -> None:
    files_nsh, manifest = build.write_nsis_inputs(payload(tmp_path / "app"))
    raw = manifest.read_bytes()
    assert raw[:2] == b"\xff\xfe"  # the BOM the installer skips
    lines = raw[2:].decode("utf-16-le").split("\r\n")[:-1]
    assert lines == [
        "YimaScan.exe",
        "_internal\\base_library.zip",
        "_internal\\odd$name.txt",
        "_internal\\resources\\sounds\\ok.wav",
        "_internal\\resources\\提示.txt",
        "_internal\\resources\\sounds\\",
        "_internal\\resources\\",
        "_internal\\",
    ]
    text = files_nsh.read_text(encoding="utf-8-sig")
    assert 'SetOutPath "$INSTDIR\\_internal\\resources\\sounds"' in text
    assert 'File "' + str(tmp_path / "app" / "_internal" / "odd$name.txt") + '"' in text


def test_makensis_builds_the_installer_and_the_same_input_gives_the_same_bytes(
    nsis_dir: Path, tmp_path: Path
) -> None:
    assert build.find_makensis(), "makensis missing: apt-get install nsis"
    app = payload(tmp_path / "app")
    first = build.build_installer(app, version="1.2.3", outfile=tmp_path / "a" / "setup.exe")
    second = build.build_installer(app, version="1.2.3", outfile=tmp_path / "b" / "setup.exe")
    assert first is not None and second is not None
    data = first.read_bytes()
    assert data[:2] == b"MZ" and build.pe_machine(first) == build.PE_MACHINE_AMD64
    assert data == second.read_bytes()
    assert "1.2.3".encode("utf-16-le") in data  # version resource of the installer


def test_generated_nsi_matches_the_app_version() -> None:
    assert build.NSI_SCRIPT.read_text(encoding="utf-8") == build.render_nsi(layout.version())


def test_version_info_parses_and_carries_the_app_version(monkeypatch: pytest.MonkeyPatch) -> None:
    # The reader needs Windows-only modules only for writing into an .exe; stand in for them.
    import PyInstaller.compat

    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    text = layout.render_version_info(layout.version())
    assert (ROOT / "installer" / "version_info.txt").read_text(encoding="utf-8") == text
    info = versioninfo.load_version_info_from_text_file(
        str(ROOT / "installer" / "version_info.txt")
    )
    major, minor, patch, _ = layout.version_tuple(layout.version())
    assert info.ffi.fileVersionMS == (major << 16) | minor
    assert info.ffi.fileVersionLS >> 16 == patch
    assert f"StringStruct('ProductVersion', '{layout.version()}')" in str(info)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.2.3", (1, 2, 3, 0)), ("2.0", (2, 0, 0, 0)), ("1.4.0rc2+g1", (1, 4, 0, 2))],
)
def test_version_tuple(text: str, expected: tuple[int, int, int, int]) -> None:
    assert layout.version_tuple(text)[:3] == expected[:3]


def test_bundle_contents_leave_out_sources_and_unused_qt() -> None:
    datas = layout.resource_datas()
    assert datas == sorted(datas)
    names = [Path(src).name for src, _ in datas]
    assert not [n for n in names if n.endswith(".ts")]
    assert {"ok.wav", "gs1-datamatrix.png"} <= set(names)
    assert "PySide6.QtWebEngineCore" in layout.excluded_modules()
    assert layout.keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not layout.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not layout.keep_data("PySide6/Qt/qml/QtQuick/Controls/qmldir")
    assert layout.keep_data("resources/i18n/shell_zh_CN.qm")


def test_bundle_check_names_missing_zbar_parts(tmp_path: Path) -> None:
    folder = tmp_path / "YimaScan"
    pyzbar = folder / "_internal" / "pyzbar"
    pyzbar.mkdir(parents=True)
    for name in ("YimaScan.exe", "yima-scan.exe"):
        (folder / name).write_bytes(b"MZ")
    shutil.copytree(
        ROOT / "resources",
        folder / "_internal" / "resources",
        ignore=shutil.ignore_patterns("*.ts"),
    )
    amd64 = (
        b"MZ"
        + b"\0" * 0x3A
        + (0x40).to_bytes(4, "little")
        + b"PE\0\0"
        + (0x8664).to_bytes(2, "little")
    )
    i386 = amd64[:-2] + (0x14C).to_bytes(2, "little")
    (pyzbar / "libzbar-64.dll").write_bytes(amd64)
    (pyzbar / "libiconv.dll").write_bytes(amd64)
    assert build.check_bundle(folder, windows=True) == [
        "_internal/pyzbar/msvcr120.dll missing (zbar cannot load)"
    ]
    (pyzbar / "msvcr120.dll").write_bytes(i386)
    assert build.check_bundle(folder, windows=True) == [
        "_internal/pyzbar/msvcr120.dll is not a 64-bit DLL"
    ]
    (pyzbar / "msvcr120.dll").write_bytes(amd64)
    assert build.check_bundle(folder, windows=True) == []
    assert "_internal/libzbar.so.0 missing (zbar cannot load)" in build.check_bundle(
        folder, windows=False
    )
