"""The scanner self-test: each misconfiguration is named, with its fix and what the station can compensate."""

from __future__ import annotations

import threading

import pytest

from hardware.layouts import typed_on
from hardware.scan import Scan
from hardware.selftest_sheet import (
    SHEET,
    Compensation,
    apply_to_spec,
    apply_to_wedge,
    check_read,
    diagnose,
)
from hardware.serial_gun import SerialGun
from hardware.simulators import VirtualSerialGun
from hardware.source import Rejection, SourceState
from hardware.spec import parse
from hardware.wedge import GS, Key, KeyKind, WedgeAssembler, WedgeConfig


def wedge_reads(transform=lambda text: text, terminator="\r", codes=SHEET) -> list[Scan]:
    return [Scan(transform(code.expected), "wedge", terminator=terminator) for code in codes]


def kinds(findings) -> list[str]:
    return [f.kind for f in findings]


def only(findings, kind):
    (finding,) = [f for f in findings if f.kind == kind]
    return finding


def test_a_well_set_up_gun_passes():
    findings = diagnose(wedge_reads())
    assert kinds(findings) == ["ok"]
    assert "set up correctly" in findings[0].text()


def test_caps_lock_is_named_with_the_fix_and_the_compensation():
    findings = diagnose(wedge_reads(str.swapcase), wedge=WedgeConfig(caps_lock_correction=False))
    caps = only(findings, "caps_lock")
    assert caps.severity == "error" and "Caps Lock" in caps.fix_text()
    assert caps.compensation.setting == "caps_lock_correction" and caps.compensation.value is True
    assert set(caps.codes) >= {"case", "url"}


def test_a_gun_that_converts_case_cannot_be_compensated():
    findings = diagnose(wedge_reads(str.upper))
    converted = only(findings, "case_converted")
    assert converted.compensation is None and "case conversion" in converted.fix_text()


@pytest.mark.parametrize(("layout", "name"), [("de", "German (QWERTZ)"), ("fr", "French (AZERTY)")])
def test_a_us_gun_on_a_european_keyboard_layout(layout, name):
    findings = diagnose(wedge_reads(lambda text: typed_on(layout, text)))
    found = only(findings, "layout")
    assert name in found.text() and found.compensation.value == layout
    assert "layout" in found.codes
    lossy = [f for f in findings if f.kind == "layout_lossy"]
    dead_key_codes = [("url",)] if layout == "de" else []  # "=" is a dead key in German
    assert [f.codes for f in lossy] == dead_key_codes


def test_the_station_remapping_a_correct_gun_is_caught():
    from hardware.layouts import remap_table

    findings = diagnose(wedge_reads(lambda text: text.translate(remap_table("de"))))
    assert only(findings, "layout_remap_wrong").compensation.value == ""


def test_gs_lost():
    findings = diagnose(wedge_reads(lambda text: text.replace(GS, "")))
    lost = only(findings, "gs_lost")
    assert set(lost.codes) == {"gs1-datamatrix", "gs1-128"} and lost.compensation is None


def test_gs_replaced_by_a_printable_character_is_compensated():
    findings = diagnose(wedge_reads(lambda text: text.replace(GS, "~")))
    replaced = only(findings, "gs_replaced")
    assert replaced.compensation == Compensation(
        "gs_substitute", "~", replaced.compensation.label, {"substitute": "~"}
    )


def test_aim_identifiers_are_fine_and_a_custom_prefix_is_removed():
    aims = iter(["]C0", "]C0", "]d2", "]C1", "]Q1", "]Q1"])
    findings = diagnose(wedge_reads(lambda text: next(aims) + text))
    assert kinds(findings) == ["aim"] and only(findings, "aim").severity == "info"
    findings = diagnose(wedge_reads(lambda text: "#" + text + "$"))
    assert only(findings, "prefix").compensation.value == "#"
    assert only(findings, "suffix").compensation.value == "$"


def test_no_terminator_on_a_wedge_gun_is_a_warning_with_the_gun_fix():
    finding = only(diagnose(wedge_reads(terminator=None)), "no_terminator")
    assert (
        finding.severity == "warning"
        and "CR" in finding.fix_text()
        and finding.compensation is None
    )


def test_missing_codes_name_the_symbology_to_enable():
    findings = diagnose(wedge_reads(codes=[c for c in SHEET if c.symbology != "qr"]))
    missing = [f for f in findings if f.kind in ("missing", "chinese_wedge")]
    assert {k for f in missing for k in f.codes} == {"chinese", "url"}
    assert any("QR Code" in f.fix_text() for f in missing)


def test_a_read_that_is_not_on_the_sheet_is_reported():
    findings = diagnose([*wedge_reads(), Scan("something else entirely", "wedge", terminator="\r")])
    assert only(findings, "unknown").params["text"] == "something else entirely"


def test_utf8_read_as_gbk_on_a_serial_port():
    reads = [
        Scan(
            code.expected.encode("utf-8").decode("gbk", "replace")
            if code.key == "chinese"
            else code.expected,
            "serial:COM3",
            terminator="\r",
        )
        for code in SHEET
    ]
    finding = only(diagnose(reads), "encoding")
    assert finding.compensation.setting == "encoding" and finding.compensation.value == "utf-8"


def test_compensations_make_a_misconfigured_wedge_gun_read_right():
    """Type the sheet as a gun with a prefix and '~' for GS; after the fixes the assembler gives the sheet back."""

    def garble(text: str) -> str:
        return "#" + text.replace(GS, "~")

    findings = diagnose(wedge_reads(garble))
    config = apply_to_wedge(WedgeConfig(), [f.compensation for f in findings if f.compensation])
    assert (config.prefix, config.gs_substitute) == ("#", "~")
    out: list[Scan] = []
    assembler = WedgeAssembler(config, out.append, lambda tokens: None)
    t = 0
    for code in SHEET[:4]:
        for char in garble(code.expected):
            t += 2_000_000
            assembler.feed(Key(KeyKind.CHAR, char, t))
        t += 2_000_000
        assembler.feed(Key(KeyKind.ENTER, "\r", t))
        t += 500_000_000
    assert [s.text for s in out] == [c.expected for c in SHEET[:4]]


def test_a_gbk_serial_gun_on_a_utf8_port_end_to_end(tmp_path):
    """Through a real pty: the sheet's Chinese code is refused, the finding says GBK, the fixed port reads it."""
    received: list[Scan] = []
    rejected: list[Rejection] = []
    with VirtualSerialGun(tmp_path) as gun:
        spec = parse(f"serial:{gun.path}?encoding=utf-8&terminator=CR")
        reader = SerialGun(spec)
        connected = threading.Event()
        reader.on_state = lambda _s, state: state is SourceState.CONNECTED and connected.set()
        reader.on_reject = rejected.append
        reader.start(received.append)
        assert connected.wait(5)
        for code in SHEET:
            gun.scan(code.expected, encoding="gbk")
        for _ in range(100):
            if len(received) + len(rejected) == len(SHEET):
                break
            threading.Event().wait(0.05)
        reader.stop()
        findings = diagnose(received, rejections=rejected)
        fix = only(findings, "encoding")
        assert fix.compensation.value == "gbk" and fix.params == {"sent": "GBK", "read": "UTF-8"}
        fixed = apply_to_spec(spec, [fix.compensation])
        assert fixed.encoding == "gbk"
        again: list[Scan] = []
        reader = SerialGun(fixed)
        connected.clear()
        reader.on_state = lambda _s, state: state is SourceState.CONNECTED and connected.set()
        reader.start(again.append)
        assert connected.wait(5)
        gun.scan(SHEET[4].expected, encoding="gbk")
        for _ in range(100):
            if again:
                break
            threading.Event().wait(0.05)
        reader.stop()
    assert [s.text for s in again] == [SHEET[4].expected]


def test_a_serial_gun_without_terminator_gets_the_pause_compensation():
    rejection = Rejection("serial:COM3", "too_long", "…", {"limit": "4096"}, b"AbCdEf")
    finding = only(diagnose([], rejections=[rejection]), "no_terminator")
    assert finding.compensation.setting == "terminator" and finding.compensation.value == "NONE"
    assert (
        apply_to_spec(parse("serial:COM3?terminator=CR"), [finding.compensation]).terminator
        == "NONE"
    )


def test_serial_compensations_become_port_options():
    spec = apply_to_spec(
        parse("serial:COM3"),
        [
            Compensation("gs_substitute", "~", ""),
            Compensation("prefix", "#", ""),
            Compensation("encoding", "gbk", ""),
        ],
    )
    assert spec.options == {"gs": "~", "prefix": "#", "encoding": "gbk"}


# -- what the gun sent, read by read ------------------------------------------------------------


def test_a_gs1_code_whose_separator_was_lost_arrives_but_is_not_ticked_as_read():
    """Fails on the old wizard, which ticked every code that arrived, GS or not."""
    gs1 = SHEET[2]
    check = check_read(Scan(gs1.expected.replace(GS, ""), "wedge", terminator="\r"))
    assert (check.code.key, check.faults, check.exact) == ("gs1-datamatrix", ("gs_lost",), False)
    assert check_read(Scan(gs1.expected, "wedge", terminator="\r")).exact
    assert check_read(Scan("]d2" + gs1.expected, "wedge", terminator="\r")).exact  # AIM is fine
    assert check_read(Scan("nothing like the sheet", "wedge", terminator="\r")) is None
    lost = only(diagnose(wedge_reads(lambda text: text.replace(GS, ""))), "gs_lost")
    assert lost.severity == "error"


def _typed(config: WedgeConfig, text: str, enter: bool = True) -> list[Scan]:
    out: list[Scan] = []
    assembler = WedgeAssembler(config, out.append)
    t = 0
    for char in text:
        t += 2_000_000
        assembler.feed(Key(KeyKind.CHAR, char, t))
    if enter:
        t += 2_000_000
        assembler.feed(Key(KeyKind.ENTER, "\r", t))
    assembler.poll(t + 2_000_000_000)
    return out


def test_no_terminator_is_judged_from_what_the_gun_sent_not_from_the_settings():
    """A gun that sends Enter, read by a wedge set to wait for the pause: the old self-test said
    "no terminator"; the Enter is heard, and the finding offers to end codes at it."""
    config = WedgeConfig(terminators="none")
    reads = [s for code in SHEET[:4] for s in _typed(config, code.expected)]
    assert [s.terminator for s in reads] == ["\r"] * 4
    findings = diagnose(reads, wedge=config)
    assert "no_terminator" not in kinds(findings)
    ignored = only(findings, "terminator_ignored")
    assert ignored.params == {"terminator": "CR"}
    fixed = apply_to_wedge(config, [ignored.compensation])
    assert fixed.terminators == "enter_or_tab"
    silent = [s for code in SHEET[:4] for s in _typed(config, code.expected, enter=False)]
    assert only(diagnose(silent, wedge=config), "no_terminator").severity == "warning"


def test_a_gun_seen_to_end_every_code_with_enter_is_then_held_to_it():
    findings = diagnose(wedge_reads(), wedge=WedgeConfig())
    framed = only(findings, "framed")
    assert framed.severity == "info" and "ok" in kinds(findings)
    config = apply_to_wedge(WedgeConfig(), [framed.compensation])
    assert config.require_terminator
    assert "framed" not in kinds(diagnose(wedge_reads(), wedge=config))
    pieces = _typed(config, "0106901234567892", enter=False)
    assert pieces == []  # a code that never got its Enter is not read


def test_aim_identifiers_on_every_code_can_be_required():
    aims = iter(["]C0", "]C0", "]d2", "]C1", "]Q1", "]Q1"])
    aim = only(diagnose(wedge_reads(lambda text: next(aims) + text), wedge=WedgeConfig()), "aim")
    assert apply_to_wedge(WedgeConfig(), [aim.compensation]).aim_ids


def test_a_serial_gun_on_auto_is_offered_its_own_terminator():
    reads = [Scan(code.expected, "serial:COM3", terminator="\r\n") for code in SHEET]
    framed = only(diagnose(reads, spec=parse("serial:COM3")), "framed")
    assert apply_to_spec(parse("serial:COM3"), [framed.compensation]).terminator == "CRLF"
    assert "framed" not in kinds(diagnose(reads, spec=parse("serial:COM3?terminator=CRLF")))


def test_codes_the_gun_stopped_in_the_middle_of_are_a_fault():
    cut = Rejection("wedge", "split", "…", {"text": "0106901234"})
    finding = only(diagnose(wedge_reads(codes=SHEET[:4]), rejections=[cut]), "code_cut")
    assert finding.severity == "error" and finding.params == {"count": "1"}


def test_a_serial_gun_sending_cr_on_a_port_set_to_none_is_heard(tmp_path):
    received: list[Scan] = []
    rejected: list[Rejection] = []
    with VirtualSerialGun(tmp_path) as gun:
        spec = parse(f"serial:{gun.path}?terminator=NONE&idle_ms=60")
        reader = SerialGun(spec)
        connected = threading.Event()
        reader.on_state = lambda _s, state: state is SourceState.CONNECTED and connected.set()
        reader.on_reject = rejected.append
        reader.start(received.append)
        assert connected.wait(5)
        for code in SHEET[:2]:
            gun.scan(code.expected)
            threading.Event().wait(0.2)
        for _ in range(100):
            if len(received) == 2:
                break
            threading.Event().wait(0.05)
        reader.stop()
    assert [(s.text, s.terminator) for s in received] == [(c.expected, "\r") for c in SHEET[:2]]
    assert rejected == []  # the old reader refused the CR as a control character
    finding = only(diagnose(received, spec=spec), "terminator_ignored")
    assert apply_to_spec(spec, [finding.compensation]).terminator == "CR"
