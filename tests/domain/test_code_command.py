"""``python main.py code``: the tool IT uses on a misconfigured gun, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import ROOT

GTIN = "09506000134352"


def run_code(*args: str | bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "code", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def as_json(result: subprocess.CompletedProcess[bytes]) -> list[dict]:
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))


def test_json_explains_valid_codes_with_gs_typed_on_the_command_line():
    result = run_code(
        "--json",
        f"]d201{GTIN}17261231\\x1d10LOT7\\x1d21SN1",
        f"01{GTIN}10LOT7<GS>21SN1",
        "HTTPS://T.BRAND.CN/Q/AbC123XY",
        "YIMA:CMD:SWITCH:ship",
    )
    assert result.returncode == 0, result.stderr.decode()
    gs1, substitute, brand, command = as_json(result)
    assert gs1["key"] == substitute["key"] == f"sgtin:{GTIN}.SN1"
    assert (gs1["level"], gs1["expiry"], gs1["batch"], gs1["symbology"]) == (
        "item",
        "2026-12-31",
        "LOT7",
        "]d2",
    )
    assert "gs_substitute" in substitute["notes"]
    assert (brand["key"], brand["notes"]) == ("brand:aBc123xy", ["case_swapped"])
    assert (command["key"], command["fields"]) == ("cmd:switch", {"arg": "ship"})


def test_bad_input_of_every_kind_gets_a_reason_and_exit_status_1():
    result = run_code(
        "--json",
        "1" * 100_000,
        "abc\x07def",
        "'; DROP TABLE codes;--",
        "<script>alert(1)</script>",
        b"\xff\xfe\xfa",
        f"]d201{GTIN[:-1]}1\\x1d21X",
        "6901234567891",
    )
    assert result.returncode == 1
    reasons = [c["reason"] for c in as_json(result)]
    assert reasons == [
        "too_long",
        "control_chars",
        "unknown_format",
        "unknown_format",
        "bad_encoding",
        "gs1.check_digit",
        "retail.check_digit",
    ]


def test_text_output_names_the_reason_and_what_to_do():
    result = run_code(f"01{GTIN}21SN1", "6901234567891")
    out = result.stdout.decode("utf-8")
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert f"key        sgtin:{GTIN}.SN1" in out
    assert "INVALID    retail.check_digit" in out
    assert "Scan again or type the number." in out


def test_long_and_control_values_are_shown_escaped_and_cut():
    out = run_code("9" * 5000 + "\x01").stdout.decode("utf-8")
    assert "(5,001 characters)" in out and "\x01" not in out


def test_stdin_lines_are_read_as_raw_bytes():
    lines = (
        b"12345678901234567890\r\n"
        + "１２３４５６７８９０１２３４５６７８９０".encode("gbk")
        + b"\n"
    )
    codes = as_json(run_code("--json", "-", stdin=lines))
    assert [c["key"] for c in codes] == ["brand:12345678901234567890"] * 2
    assert "gbk" in codes[1]["notes"]


def test_profiles_file_replaces_the_built_in_profiles(tmp_path):
    profiles = tmp_path / "profiles.json"
    profiles.write_text(
        json.dumps(
            {
                "profiles": [
                    {"name": "case", "pattern": "https://c.brand.cn/{code}", "level": "case"}
                ]
            }
        ),
        encoding="utf-8",
    )
    result = run_code(
        "--json", "--profiles", str(profiles), "https://c.brand.cn/AB12", "12345678901234567890"
    )
    case, plain = as_json(result)
    assert (case["key"], case["level"], case["profile"]) == ("brand:AB12", "case", "case")
    assert plain["reason"] == "unknown_format"
    assert result.returncode == 1


def test_a_bad_profiles_file_is_a_clear_error(tmp_path):
    profiles = tmp_path / "profiles.json"
    profiles.write_text('[{"name": "x", "pattern": "{id}", "level": "item"}]', encoding="utf-8")
    result = run_code("--profiles", str(profiles), "ABC")
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert "code profile #1" in err and "'code'" in err and "Traceback" not in err
    missing = run_code("--profiles", str(tmp_path / "nope.json"), "ABC")
    assert missing.returncode == 2 and b"Traceback" not in missing.stderr
