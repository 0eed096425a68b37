"""The scanner self-test: a sheet of codes built to expose a misconfigured gun, and the diagnosis.

Most false errors in the field come from a gun set up wrongly, not from bad
codes: a keyboard layout that swaps y and z, Caps Lock inverting case, the GS
separator of GS1 codes lost or typed as something else, a prefix or suffix the
gun adds, Chinese sent in another encoding, no Enter after a code. The sheet
holds one code per trap; ``diagnose`` compares what arrived with what each code
holds and says, for every difference, what is wrong, how to fix it on the gun,
and which ``Compensation`` the station can apply itself (``apply_to_wedge``,
``apply_to_spec``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from hardware.i18n import QT_TRANSLATE_NOOP
from hardware.layouts import LAYOUT_NAMES, lossy, remap_table, typed_on
from hardware.scan import Scan
from hardware.source import Rejection
from hardware.spec import SourceSpec
from hardware.wedge import GS, WedgeConfig

CONTEXT = "ScannerSelfTest"


@dataclass(frozen=True, slots=True)
class TestCode:
    """One code on the sheet: ``content`` is what is printed (bracketed GS1 for GS1 codes), ``expected`` what must arrive."""

    key: str
    label: str  # English template, translated by the UI (context "ScannerSelfTest")
    symbology: str  # "qr", "datamatrix" or "code128"
    content: str
    expected: str
    gs1: bool = False


SHEET: tuple[TestCode, ...] = (
    TestCode(
        "case",
        QT_TRANSLATE_NOOP("ScannerSelfTest", "1. Upper and lower case"),
        "code128",
        "AbCdEfGh-XyZ-2468",
        "AbCdEfGh-XyZ-2468",
    ),
    TestCode(
        "layout",
        QT_TRANSLATE_NOOP("ScannerSelfTest", "2. Keyboard layout"),
        "code128",
        "yz-qa-wm/0123456789:.;,",
        "yz-qa-wm/0123456789:.;,",
    ),
    TestCode(
        "gs1-datamatrix",
        QT_TRANSLATE_NOOP("ScannerSelfTest", "3. GS1 DataMatrix with separators"),
        "datamatrix",
        "(01)06901234567892(10)AB12(21)Xy7Q",
        f"010690123456789210AB12{GS}21Xy7Q",
        gs1=True,
    ),
    TestCode(
        "gs1-128",
        QT_TRANSLATE_NOOP("ScannerSelfTest", "4. GS1-128 with separators"),
        "code128",
        "(01)06901234567892(10)L9(21)S42",
        f"010690123456789210L9{GS}21S42",
        gs1=True,
    ),
    TestCode(
        "chinese",
        QT_TRANSLATE_NOOP("ScannerSelfTest", "5. Chinese text"),
        "qr",
        "一码扫测试：扫码枪设置",
        "一码扫测试：扫码枪设置",
    ),
    TestCode(
        "url",
        QT_TRANSLATE_NOOP("ScannerSelfTest", "6. Long web address"),
        "qr",
        "https://t.yima.example/q/AbCdEf0123456789?s=9f8E7d6C5b4A3z2Y&lang=zh-CN&ref=scanner-selftest-0001",
        "https://t.yima.example/q/AbCdEf0123456789?s=9f8E7d6C5b4A3z2Y&lang=zh-CN&ref=scanner-selftest-0001",
    ),
)


@dataclass(frozen=True, slots=True)
class Compensation:
    """A setting the station changes to undo what the gun does (``label`` says it to the operator)."""

    setting: str  # "gs_substitute", "prefix", "suffix", "caps_lock_correction", "layout_remap",
    # "encoding", "terminator", "require_terminator", "aim_ids"
    value: str | bool
    label: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the self-test found: what is wrong, and how to fix it."""

    kind: str
    severity: str  # "ok", "info", "warning", "error"
    message: str  # English template with {placeholders}, context "ScannerSelfTest"
    fix: str = ""  # what to change on the gun (or on the PC)
    params: dict[str, str] = field(default_factory=dict)
    compensation: Compensation | None = None
    codes: tuple[str, ...] = ()  # the sheet codes that showed it

    def text(self) -> str:
        return self.message.format(**self.params)

    def fix_text(self) -> str:
        return self.fix.format(**self.params)


# -- explaining one read -------------------------------------------------------------------------

_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")


@dataclass(frozen=True, slots=True)
class _Explanation:
    code: TestCode
    case: str = "ok"  # "ok", "inverted", "upper", "lower"
    layout: str = (
        ""  # "de"/"fr": a US gun on that PC layout; "-de": the app remapped a correct read
    )
    gs: str = "ok"  # "ok", "lost", "substitute", "n/a"
    substitute: str = ""
    prefix: str = ""
    suffix: str = ""
    encoding: str = ""  # "utf-8-read-as-gbk", "utf-8-read-as-latin-1", "gbk-read-as-latin-1"
    truncated: bool = False

    @property
    def cost(self) -> int:
        return (
            (self.case != "ok") * 2
            + bool(self.layout) * 2
            + (self.gs not in ("ok", "n/a"))
            + bool(self.prefix)
            + bool(self.suffix)
            + bool(self.encoding) * 2
            + self.truncated * 3
        )


def _case(text: str, case: str) -> str:
    return {"ok": text, "inverted": text.swapcase(), "upper": text.upper(), "lower": text.lower()}[
        case
    ]


def _variants(code: TestCode) -> Iterable[tuple[str, str, str, str]]:
    """(case, layout, encoding, transformed expected text) from plain to unlikely."""
    text = code.expected
    for case in ("ok", "inverted", "upper", "lower"):
        for layout in ("", "de", "fr", "-de", "-fr"):
            cased = _case(text, case)
            if layout.startswith("-"):
                shown = cased.translate(remap_table(layout[1:]))
            elif layout:
                shown = typed_on(layout, cased)
            else:
                shown = cased
            yield case, layout, "", shown
    if not text.isascii():
        utf8, gbk = text.encode("utf-8"), text.encode("gbk")
        yield "ok", "", "utf-8-read-as-gbk", utf8.decode("gbk", "replace")
        yield "ok", "", "utf-8-read-as-latin-1", utf8.decode("latin-1")
        yield "ok", "", "gbk-read-as-latin-1", gbk.decode("latin-1")
        yield "ok", "", "gbk-read-as-utf-8", gbk.decode("utf-8", "replace")


def _explain(code: TestCode, received: str) -> _Explanation | None:
    best: _Explanation | None = None
    for case, layout, encoding, shown in _variants(code):
        parts = shown.split(GS)
        between = "(.{0,6}?)" if len(parts) > 1 else ""
        core = between.join(re.escape(part) for part in parts)
        match = re.fullmatch(f"(.{{0,12}}?){core}(.{{0,12}})", received, re.DOTALL)
        truncated = False
        if match is None and len(parts) == 1 and len(received) >= 8:
            head = re.fullmatch(r"(.{0,12}?)(.*)", received, re.DOTALL)
            if (
                head
                and len(head.group(2)) >= 8
                and shown.startswith(head.group(2))
                and head.group(2) != shown
            ):
                match, truncated = head, True
        if match is None:
            continue
        groups = match.groups()
        prefix, suffix = groups[0], ("" if truncated else groups[-1])
        separators = groups[1:-1] if not truncated else ()
        gs, substitute = ("n/a", "") if not separators else ("ok", "")
        if separators:
            if all(s == "" for s in separators):
                gs = "lost"
            elif all(s != GS for s in separators) and len(set(separators)) == 1:
                gs, substitute = "substitute", separators[0]
            elif any(s != GS for s in separators):
                continue
        candidate = _Explanation(
            code, case, layout, gs, substitute, prefix, suffix, encoding, truncated
        )
        if best is None or candidate.cost < best.cost:
            best = candidate
        if best.cost == 0:
            break
    return best


@dataclass(frozen=True, slots=True)
class ReadCheck:
    """One test read against the sheet code it is: ``faults`` are the finding kinds it shows."""

    code: TestCode
    faults: tuple[str, ...] = ()

    @property
    def exact(self) -> bool:
        return not self.faults


def check_read(scan: Scan, sheet: Sequence[TestCode] = SHEET) -> ReadCheck | None:
    """Which sheet code a read is and what is wrong with it, or None if it is none of them.

    The wizard ticks a code only when it arrived exactly: a GS1 code whose
    separator was lost has arrived, but wrong, and is marked so at once.
    """
    options = [e for e in (_explain(code, scan.text) for code in sheet) if e is not None]
    if not options:
        return None
    best = min(options, key=lambda e: e.cost)
    faults = {
        "caps_lock": best.case == "inverted",
        "case_converted": best.case in ("upper", "lower"),
        "layout": bool(best.layout),
        "gs_lost": best.gs == "lost",
        "gs_replaced": best.gs == "substitute",
        "prefix": bool(best.prefix) and not _AIM.fullmatch(best.prefix),
        "suffix": bool(best.suffix),
        "encoding": bool(best.encoding),
        "truncated": best.truncated,
        "no_terminator": scan.terminator is None
        and not scan.source.startswith(("camera", "file", "image")),
    }
    return ReadCheck(best.code, tuple(kind for kind, found in faults.items() if found))


# -- the diagnosis ---------------------------------------------------------------------------------


def _finding(
    kind: str,
    severity: str,
    message: str,
    fix: str = "",
    codes: Sequence[str] = (),
    compensation: Compensation | None = None,
    **params: str,
) -> Finding:
    return Finding(kind, severity, message, fix, dict(params), compensation, tuple(codes))


def diagnose(
    received: Sequence[Scan],
    *,
    rejections: Sequence[Rejection] = (),
    wedge: WedgeConfig | None = None,
    spec: SourceSpec | None = None,
    sheet: Sequence[TestCode] = SHEET,
) -> list[Finding]:
    """What is wrong with the gun that scanned the sheet, worst first; one "ok" finding if nothing is.

    ``wedge`` (a keyboard gun's settings) or ``spec`` (a serial/TCP gun's) say how
    the station reads the gun now, so the diagnosis can also offer to rely on
    what the gun was seen to send: its Enter after every code, its symbology
    identifier in front, which make a code split by a pause impossible to read.
    """
    explained: dict[str, _Explanation] = {}
    scans_for: dict[str, Scan] = {}
    unknown: list[Scan] = []
    for scan in received:
        options = [e for e in (_explain(code, scan.text) for code in sheet) if e is not None]
        if not options:
            unknown.append(scan)
            continue
        best = min(options, key=lambda e: e.cost)
        if best.code.key not in explained or best.cost < explained[best.code.key].cost:
            explained[best.code.key] = best
            scans_for[best.code.key] = scan
    findings: list[Finding] = []
    wedge_read = any(s.source == "wedge" for s in scans_for.values())
    findings += _case_findings(explained, wedge, wedge_read)
    findings += _layout_findings(explained, wedge_read, sheet)
    findings += _gs_findings(explained)
    findings += _affix_findings(explained, wedge if wedge_read else None)
    findings += _encoding_findings(explained, rejections, sheet, wedge_read)
    findings += _truncation_findings(explained)
    findings += _terminator_findings(scans_for, rejections, wedge if wedge_read else None, spec)
    findings += _missing_findings(explained, sheet, rejections, findings)
    for scan in unknown:
        findings.append(
            _finding(
                "unknown",
                "warning",
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest", "A read matched no code on the test sheet: {text}"
                ),
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest", "Scan only the codes on the test sheet, one after another."
                ),
                text=scan.text[:60],
            )
        )
    if not findings:
        findings.append(
            _finding(
                "ok",
                "ok",
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    "The scanner is set up correctly: every test code arrived exactly as printed.",
                ),
            )
        )
    findings += _framing_findings(scans_for, wedge if wedge_read else None, spec)
    order = {"error": 0, "warning": 1, "info": 2, "ok": 3}
    return sorted(findings, key=lambda f: order[f.severity])


def _keys(explained: dict[str, _Explanation], test: Callable[..., bool]) -> list[str]:
    return [key for key, e in explained.items() if test(e)]


def _case_findings(
    explained: dict[str, _Explanation], wedge: WedgeConfig | None, wedge_read: bool
) -> list[Finding]:
    findings = []
    inverted = _keys(explained, lambda e: e.case == "inverted")
    if inverted:
        compensation = None
        if wedge_read:
            correcting = wedge.caps_lock_correction if wedge is not None else True
            compensation = Compensation(
                "caps_lock_correction",
                not correcting,
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest", "Stop correcting letters for Caps Lock (this gun follows it)"
                )
                if correcting
                else QT_TRANSLATE_NOOP("ScannerSelfTest", "Correct letters inverted by Caps Lock"),
            )
        findings.append(
            _finding(
                "caps_lock",
                "error",
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    "Upper and lower case arrive swapped (AbC becomes aBc): Caps Lock is on and the gun does not follow it.",
                ),
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    'Turn Caps Lock off. If the gun\'s manual has a "Caps Lock auto-detect" or "ignore Caps Lock" setting, scan it.',
                ),
                inverted,
                compensation,
            )
        )
    for case, message in (
        (
            "upper",
            QT_TRANSLATE_NOOP(
                "ScannerSelfTest", "Every letter arrives in upper case: the gun converts case."
            ),
        ),
        (
            "lower",
            QT_TRANSLATE_NOOP(
                "ScannerSelfTest", "Every letter arrives in lower case: the gun converts case."
            ),
        ),
    ):
        keys = _keys(explained, lambda e, c=case: e.case == c)
        if keys:
            findings.append(
                _finding(
                    "case_converted",
                    "error",
                    message,
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        'Scan the "no case conversion" setting code in the gun\'s manual; codes are case-sensitive.',
                    ),
                    keys,
                )
            )
    return findings


def _layout_findings(
    explained: dict[str, _Explanation], wedge_read: bool, sheet: Sequence[TestCode]
) -> list[Finding]:
    findings = []
    for layout in ("de", "fr"):
        keys = _keys(explained, lambda e, lay=layout: e.layout == lay)
        if keys:
            findings.append(
                _finding(
                    "layout",
                    "error",
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        "Characters arrive changed (y and z, a and q, digits): the gun types for a US keyboard but Windows uses {layout}.",
                    ),
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        'Scan the "keyboard country: {layout}" code in the gun\'s manual, or switch Windows to the English (US) keyboard while scanning.',
                    ),
                    keys,
                    Compensation(
                        "layout_remap",
                        layout,
                        QT_TRANSLATE_NOOP(
                            "ScannerSelfTest", "Map {layout} keys back to what the gun sent"
                        ),
                        {"layout": LAYOUT_NAMES[layout]},
                    )
                    if wedge_read
                    else None,
                    layout=LAYOUT_NAMES[layout],
                )
            )
            lost = [c.key for c in sheet if c.key in keys and lossy(layout, c.expected)]
            if lost:
                findings.append(
                    _finding(
                        "layout_lossy",
                        "warning",
                        QT_TRANSLATE_NOOP(
                            "ScannerSelfTest",
                            "Some characters (such as = in web addresses) are lost on the {layout} keyboard and cannot be put back by the station.",
                        ),
                        QT_TRANSLATE_NOOP(
                            "ScannerSelfTest",
                            "Fix the keyboard country on the gun; mapping keys back is only a stopgap.",
                        ),
                        lost,
                        layout=LAYOUT_NAMES[layout],
                    )
                )
        undone = _keys(explained, lambda e, lay=layout: e.layout == f"-{lay}")
        if undone:
            findings.append(
                _finding(
                    "layout_remap_wrong",
                    "error",
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        "The station maps {layout} keys back, but this gun already types correctly.",
                    ),
                    "",
                    undone,
                    Compensation(
                        "layout_remap",
                        "",
                        QT_TRANSLATE_NOOP("ScannerSelfTest", "Stop mapping keyboard layouts"),
                    ),
                    layout=LAYOUT_NAMES[layout],
                )
            )
    return findings


def _gs_findings(explained: dict[str, _Explanation]) -> list[Finding]:
    findings = []
    lost = _keys(explained, lambda e: e.gs == "lost")
    if lost:
        findings.append(
            _finding(
                "gs_lost",
                "error",
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    "The GS separator of GS1 codes is lost, so batch and serial run together (10AB1221…).",
                ),
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    'Turn on "transmit FNC1 / GS" in the gun (as Ctrl+] for a keyboard gun). If the gun can only replace it, choose a character such as ~ and run this test again: the station will turn it back into GS.',
                ),
                lost,
            )
        )
    substitutes = {
        explained[k].substitute for k in _keys(explained, lambda e: e.gs == "substitute")
    }
    for substitute in sorted(substitutes):
        keys = _keys(explained, lambda e, s=substitute: e.gs == "substitute" and e.substitute == s)
        findings.append(
            _finding(
                "gs_replaced",
                "warning",
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    'The gun sends "{substitute}" where GS1 codes hold the GS separator.',
                ),
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    'Either let the station turn "{substitute}" back into GS, or set the gun to send GS (Ctrl+]).',
                ),
                keys,
                Compensation(
                    "gs_substitute",
                    substitute,
                    QT_TRANSLATE_NOOP("ScannerSelfTest", 'Read "{substitute}" as GS'),
                    {"substitute": substitute},
                ),
                substitute=substitute,
            )
        )
    return findings


def _common(values: list[str]) -> str | None:
    return values[0] if values and all(v == values[0] for v in values) and values[0] else None


def _affix_findings(explained: dict[str, _Explanation], wedge: WedgeConfig | None) -> list[Finding]:
    findings = []
    prefixes = [e.prefix for e in explained.values()]
    if any(prefixes):
        keys = _keys(explained, lambda e: bool(e.prefix))
        if all(_AIM.fullmatch(p) for p in prefixes if p):
            every_code = all(prefixes)
            findings.append(
                _finding(
                    "aim",
                    "info",
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        "The gun puts the symbology identifier in front of each code ({prefix}). The station reads it; nothing to do.",
                    ),
                    "",
                    keys,
                    Compensation(
                        "aim_ids",
                        True,
                        QT_TRANSLATE_NOOP(
                            "ScannerSelfTest",
                            "Refuse a read without its symbology identifier: it is a piece of a code",
                        ),
                    )
                    if every_code and wedge is not None and not wedge.aim_ids
                    else None,
                    prefix=", ".join(sorted({p for p in prefixes if p})),
                )
            )
        else:
            prefix = _common(prefixes)
            findings.append(
                _finding(
                    "prefix",
                    "warning",
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest", 'The gun adds "{prefix}" in front of every code.'
                    ),
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        "Clear the prefix in the gun's settings, or let the station remove it.",
                    ),
                    keys,
                    Compensation(
                        "prefix",
                        prefix,
                        QT_TRANSLATE_NOOP("ScannerSelfTest", 'Remove the prefix "{prefix}"'),
                        {"prefix": prefix},
                    )
                    if prefix
                    else None,
                    prefix=prefix or ", ".join(sorted({p for p in prefixes if p})),
                )
            )
    suffixes = [e.suffix for e in explained.values()]
    if any(suffixes):
        suffix = _common(suffixes)
        findings.append(
            _finding(
                "suffix",
                "warning",
                QT_TRANSLATE_NOOP("ScannerSelfTest", 'The gun adds "{suffix}" after every code.'),
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    "Set the gun's suffix to Enter (CR) only, or let the station remove it.",
                ),
                _keys(explained, lambda e: bool(e.suffix)),
                Compensation(
                    "suffix",
                    suffix,
                    QT_TRANSLATE_NOOP("ScannerSelfTest", 'Remove the suffix "{suffix}"'),
                    {"suffix": suffix},
                )
                if suffix
                else None,
                suffix=suffix or ", ".join(sorted({s for s in suffixes if s})),
            )
        )
    return findings


_ENCODING_FIX = {
    "utf-8-read-as-gbk": ("utf-8", "UTF-8", "GBK"),
    "utf-8-read-as-latin-1": ("utf-8", "UTF-8", "Latin-1"),
    "gbk-read-as-latin-1": ("gbk", "GBK", "Latin-1"),
    "gbk-read-as-utf-8": ("gbk", "GBK", "UTF-8"),
}


def _encoding_findings(
    explained: dict[str, _Explanation],
    rejections: Sequence[Rejection],
    sheet: Sequence[TestCode],
    wedge_read: bool,
) -> list[Finding]:
    findings = []
    for key, explanation in explained.items():
        if explanation.encoding:
            encoding, sent, read = _ENCODING_FIX[explanation.encoding]
            findings.append(
                _finding(
                    "encoding",
                    "error",
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        "Chinese text arrives garbled: the gun sends {sent} but the station reads {read}.",
                    ),
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        "Set the port's encoding to {sent}, or set the gun to send {read}.",
                    ),
                    [key],
                    None
                    if wedge_read
                    else Compensation(
                        "encoding",
                        encoding,
                        QT_TRANSLATE_NOOP("ScannerSelfTest", "Read the port as {sent}"),
                        {"sent": sent},
                    ),
                    sent=sent,
                    read=read,
                )
            )
    for rejection in rejections:
        if rejection.reason != "encoding" or not rejection.raw:
            continue
        for code in (c for c in sheet if not c.expected.isascii()):
            sent_as = next(
                (
                    name
                    for enc, name in (("gbk", "GBK"), ("utf-8", "UTF-8"))
                    if code.expected.encode(enc)[:16] in rejection.raw
                ),
                None,
            )
            if sent_as is None:
                continue
            findings.append(
                _finding(
                    "encoding",
                    "error",
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        "Chinese text was refused: the gun sends {sent} but the station reads {read}.",
                    ),
                    QT_TRANSLATE_NOOP(
                        "ScannerSelfTest",
                        "Set the port's encoding to {sent}, or set the gun to send {read}.",
                    ),
                    [code.key],
                    Compensation(
                        "encoding",
                        sent_as.lower(),
                        QT_TRANSLATE_NOOP("ScannerSelfTest", "Read the port as {sent}"),
                        {"sent": sent_as},
                    ),
                    sent=sent_as,
                    read=rejection.params.get("encoding", "?").upper(),
                )
            )
    chinese = [c.key for c in sheet if not c.expected.isascii()]
    if wedge_read and any(k not in explained for k in chinese):
        findings.append(
            _finding(
                "chinese_wedge",
                "warning",
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    "Chinese text did not arrive: this gun cannot type Chinese as a keyboard in its current mode.",
                ),
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    'If codes with Chinese matter, set the gun to its Unicode ("Alt+keypad") keyboard mode, or switch it to USB virtual COM and add it as a serial scanner.',
                ),
                chinese,
            )
        )
    return findings


def _truncation_findings(explained: dict[str, _Explanation]) -> list[Finding]:
    keys = _keys(explained, lambda e: e.truncated)
    if not keys:
        return []
    return [
        _finding(
            "truncated",
            "error",
            QT_TRANSLATE_NOOP("ScannerSelfTest", "Long codes arrive cut short."),
            QT_TRANSLATE_NOOP(
                "ScannerSelfTest",
                "Raise the gun's maximum code length, and check that the keyboard-wedge delay between keys is not set to drop characters.",
            ),
            keys,
        )
    ]


_TERMINATOR_NAMES = {"\r": "CR", "\n": "LF", "\r\n": "CRLF", "\t": "TAB"}
_UNTERMINATED = ("no_terminator", "no_end", "split")  # reads the gun stopped in the middle of


def _sends_terminators(scans: dict[str, Scan]) -> str | None:
    """The terminator the gun sent after every code it read ("\r"...), or None."""
    sent = {s.terminator for s in scans.values()}
    if len(scans) < 2 or len(sent) != 1:
        return None
    (terminator,) = sent
    return terminator


def _terminator_findings(
    scans: dict[str, Scan],
    rejections: Sequence[Rejection],
    wedge: WedgeConfig | None,
    spec: SourceSpec | None,
) -> list[Finding]:
    """Judged from what the gun sent: a read's ``terminator`` is what followed it, whatever the
    station was set to wait for, so a gun that sends Enter is never told it sends nothing."""
    unterminated = [
        k
        for k, s in scans.items()
        if s.terminator is None and not s.source.startswith(("camera", "file", "image"))
    ]
    cut = [r for r in rejections if r.reason in _UNTERMINATED]
    too_long = [r for r in rejections if r.reason == "too_long"]
    if not unterminated and not too_long and not cut:
        sent = _sends_terminators(scans)
        waiting = (wedge is not None and wedge.terminators == "none") or (
            spec is not None and spec.terminator == "NONE"
        )
        if sent is None or not waiting:
            return []
        return [
            _finding(
                "terminator_ignored",
                "warning",
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    "The gun ends every code with {terminator}, but the station is set to wait for the pause after a code, which is slower.",
                ),
                "",
                list(scans),
                Compensation(
                    "terminator",
                    _TERMINATOR_NAMES.get(sent, "AUTO") if wedge is None else "ENTER",
                    QT_TRANSLATE_NOOP("ScannerSelfTest", "End a code at its {terminator}"),
                    {"terminator": _TERMINATOR_NAMES.get(sent, "CR")},
                ),
                terminator=_TERMINATOR_NAMES.get(sent, "CR"),
            )
        ]
    if cut and not unterminated and not too_long:
        return [
            _finding(
                "code_cut",
                "error",
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    "The gun stopped in the middle of {count} code(s): they arrived without their end and were not read.",
                ),
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    "Hold the gun still until it beeps, then run this test again. If it keeps happening, plug the gun straight into the PC (not through a hub) or try another cable.",
                ),
                count=str(len(cut)),
            )
        ]
    serial = any(s.source.startswith(("serial", "tcp")) for s in scans.values()) or bool(too_long)
    return [
        _finding(
            "no_terminator",
            "warning",
            QT_TRANSLATE_NOOP(
                "ScannerSelfTest",
                "The gun sends nothing after a code (no Enter / CR): the station has to wait for a pause, which is slower and can join two quick scans.",
            ),
            QT_TRANSLATE_NOOP("ScannerSelfTest", "Set the gun's suffix to CR (Enter)."),
            unterminated,
            Compensation(
                "terminator",
                "NONE",
                QT_TRANSLATE_NOOP("ScannerSelfTest", "End a read at the pause after it"),
            )
            if serial
            else None,
        )
    ]


def _framing_findings(
    scans: dict[str, Scan], wedge: WedgeConfig | None, spec: SourceSpec | None
) -> list[Finding]:
    """A gun seen to end every code with its terminator: offer to rely on it, so a pause inside
    a code (a busy USB hub, a gun that hesitates) holds the code instead of splitting it."""
    sent = _sends_terminators(scans)
    if sent is None:
        return []
    if wedge is not None:
        if wedge.require_terminator or wedge.terminators == "none":
            return []
        compensation = Compensation(
            "require_terminator",
            True,
            QT_TRANSLATE_NOOP(
                "ScannerSelfTest",
                "Hold every code until its {terminator}: a pause inside a code can no longer split it",
            ),
            {"terminator": _TERMINATOR_NAMES.get(sent, "CR")},
        )
    elif spec is not None and spec.terminator == "AUTO" and sent in _TERMINATOR_NAMES:
        compensation = Compensation(
            "terminator",
            _TERMINATOR_NAMES[sent],
            QT_TRANSLATE_NOOP(
                "ScannerSelfTest",
                "Hold every code until its {terminator}: a pause inside a code can no longer split it",
            ),
            {"terminator": _TERMINATOR_NAMES[sent]},
        )
    else:
        return []
    return [
        _finding(
            "framed",
            "info",
            QT_TRANSLATE_NOOP(
                "ScannerSelfTest",
                "The gun ends every code with {terminator}, so the station can tell a whole code from a piece of one.",
            ),
            "",
            list(scans),
            compensation,
            terminator=_TERMINATOR_NAMES.get(sent, "CR"),
        )
    ]


def _missing_findings(
    explained: dict[str, _Explanation],
    sheet: Sequence[TestCode],
    rejections: Sequence[Rejection],
    found: list[Finding],
) -> list[Finding]:
    reported = {key for f in found for key in f.codes}
    names = {"qr": "QR Code", "datamatrix": "Data Matrix", "code128": "Code 128 / GS1-128"}
    findings = []
    for code in sheet:
        if code.key in explained or code.key in reported:
            continue
        findings.append(
            _finding(
                "missing",
                "error",
                QT_TRANSLATE_NOOP("ScannerSelfTest", 'Test code "{label}" did not arrive.'),
                QT_TRANSLATE_NOOP(
                    "ScannerSelfTest",
                    "Make sure {symbology} is enabled in the gun (many guns ship with it off), then scan it again.",
                ),
                [code.key],
                label=code.label,
                symbology=names[code.symbology],
            )
        )
    return findings


# -- applying compensations --------------------------------------------------------------------


def apply_to_wedge(config: WedgeConfig, compensations: Iterable[Compensation]) -> WedgeConfig:
    """The wedge settings with the chosen compensations applied (a new value)."""
    changes: dict[str, object] = {}
    for comp in compensations:
        if comp.setting in (
            "gs_substitute",
            "prefix",
            "suffix",
            "caps_lock_correction",
            "layout_remap",
        ):
            changes[comp.setting] = comp.value
        elif comp.setting in ("require_terminator", "aim_ids"):
            changes[comp.setting] = bool(comp.value)
        elif comp.setting == "terminator" and comp.value == "NONE":
            changes["terminators"] = "none"
            changes["require_terminator"] = False
        elif comp.setting == "terminator":
            changes["terminators"] = "enter_or_tab"
    return replace(config, **changes)  # type: ignore[arg-type]


def apply_to_spec(spec: SourceSpec, compensations: Iterable[Compensation]) -> SourceSpec:
    """A serial/TCP spec with the chosen compensations applied as port options."""
    names = {
        "gs_substitute": "gs",
        "prefix": "prefix",
        "suffix": "suffix",
        "encoding": "encoding",
        "terminator": "terminator",
    }
    changes = {names[c.setting]: str(c.value) for c in compensations if c.setting in names}
    return spec.with_options(**changes) if changes else spec
