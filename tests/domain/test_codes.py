"""The code grammar: every form a code arrives in, its canonical key, and every reason it is refused."""

from __future__ import annotations

import datetime as dt
import json
import string

import pytest
from biip.checksums import gs1_standard_check_digit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.codes import (
    COMMANDS,
    DEFAULT_GS_SUBSTITUTES,
    REASONS,
    CodeParser,
    Level,
    Scheme,
    command_text,
    default_profiles,
    parse,
    profiles_from_settings,
    profiles_to_settings,
    reason_message,
)
from app.domain.codes import grammar as grammar_module

GTIN = "09506000134352"  # GS1's own example GTIN (check digit 2)
SERIAL = "XYZ9876"
ITEM_KEY = f"sgtin:{GTIN}.{SERIAL}"
SSCC = "106141412345678908"  # GS1 General Specifications example SSCC
GS = "\x1d"


def with_check(payload: str) -> str:
    return payload + str(gs1_standard_check_digit(payload))


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# --- one physical item, every form it can arrive in ------------------------------------

ITEM_FORMS = [
    f"01{GTIN}21{SERIAL}",
    f"]d201{GTIN}21{SERIAL}",
    f"]d201{GTIN}17261231{GS}10LOT7{GS}21{SERIAL}",
    f"]Q301{GTIN}21{SERIAL}{GS}10LOT7",
    f"]C1{GS}01{GTIN}21{SERIAL}",
    f"]J101{GTIN}21{SERIAL}",
    f"]e001{GTIN}21{SERIAL}",
    f"01{GTIN}10LOT7<GS>21{SERIAL}",
    f"01{GTIN}10LOT7<gs>21{SERIAL}",
    f"01{GTIN}10LOT7{{GS}}21{SERIAL}",
    f"01{GTIN}10LOT7[GS]21{SERIAL}",
    f"01{GTIN}10LOT7^]21{SERIAL}",
    f"01{GTIN}10LOT7\\x1d21{SERIAL}",
    f"01{GTIN}10LOT7\\X1D21{SERIAL}",
    f"01{GTIN}10LOT7\\u001d21{SERIAL}",
    f"01{GTIN}10LOT7\u241d21{SERIAL}",
    f"(01){GTIN}(21){SERIAL}",
    f"(01){GTIN}(17)261231(10)LOT7(21){SERIAL}",
    f"(01) {GTIN} (21) {SERIAL}",
    fullwidth(f"(01){GTIN}(21){SERIAL}"),
    fullwidth(f"01{GTIN}10LOT7<GS>21{SERIAL}"),
    f"  01{GTIN}21{SERIAL}\r\n",
    f"]d2\\00002601{GTIN}21{SERIAL}",
    f"https://id.gs1.org/01/{GTIN}/21/{SERIAL}",
    f"https://id.gs1.org/01/{GTIN}/10/LOT7/21/{SERIAL}?17=261231",
    f"http://t.brand.cn/dl/01/{GTIN}/21/{SERIAL}?utm_source=wechat&17=261231",
    f"HTTPS://EXAMPLE.COM/01/{GTIN}/21/{SERIAL}",
    f"]Q1https://id.gs1.org/01/{GTIN}/21/{SERIAL}",
    f"https://id.gs1.org/01/{GTIN[1:]}/21/{SERIAL}",  # GTIN-13 in the path, zero-filled by biip
    fullwidth(f"https://id.gs1.org/01/{GTIN}/21/{SERIAL}"),
]


@pytest.mark.parametrize("raw", ITEM_FORMS)
def test_every_form_of_one_item_gives_the_same_key(raw):
    code = parse(raw)
    assert code.valid, (code.reason, code.detail)
    assert code.key == ITEM_KEY
    assert code.level is Level.ITEM
    assert code.gtin == GTIN
    assert code.serial == SERIAL
    assert code.scheme in (Scheme.GS1, Scheme.DIGITAL_LINK)
    assert code.serialized


def test_fields_dates_and_symbology_are_read():
    code = parse(f"]d201{GTIN}11250115{GS}17261200{GS}10LOT7{GS}21{SERIAL}")
    assert code.symbology == "]d2"
    assert code.batch == "LOT7"
    assert code.production_date == dt.date(2025, 1, 15)
    assert code.expiry == dt.date(2026, 12, 31)  # day 00 = last day of the month
    assert code.fields == {"01": GTIN, "11": "250115", "17": "261200", "10": "LOT7", "21": SERIAL}
    assert code.reason is None and code.message is None


def test_digital_link_reads_query_attributes_and_percent_encoding():
    code = parse(f"https://x.cn/p/01/{GTIN}/21/A%2FB?10=L1&17=270630&foo=bar")
    assert code.scheme is Scheme.DIGITAL_LINK
    assert code.key == f"sgtin:{GTIN}.A/B"
    assert (code.batch, code.expiry) == ("L1", dt.date(2027, 6, 30))
    assert parse(f"01{GTIN}21A/B").key == code.key


def test_notes_record_what_normalisation_did():
    assert "gs_substitute" in parse(f"01{GTIN}10L<GS>21{SERIAL}").notes
    assert "fullwidth" in parse(fullwidth(f"01{GTIN}21{SERIAL}")).notes
    assert {"eci_stripped", "eci:000026"} <= set(parse(f"]d2\\00002601{GTIN}21{SERIAL}").notes)
    assert parse(f"01{GTIN}21{SERIAL}").notes == ()


def test_eci_mode_doubled_backslashes_are_undone():
    code = parse("]Q2\\000026https://t.brand.cn/q/abcd1234?x=a\\\\b")
    assert code.key == "brand:abcd1234"
    assert code.text.endswith("x=a\\b")


# --- levels ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "level"),
    [("0", Level.ITEM), ("1", Level.CASE), ("5", Level.CASE), ("8", Level.CASE), ("9", Level.ITEM)],
)
def test_gtin_indicator_digit_decides_item_or_case(indicator, level):
    gtin = with_check(indicator + GTIN[1:13])
    code = parse(f"]d201{gtin}21C0001")
    assert code.level is level
    assert code.key == f"sgtin:{gtin}.C0001"


@pytest.mark.parametrize(
    "raw",
    [
        f"]C100{SSCC}",
        f"00{SSCC}",
        f"(00){SSCC}",
        f"https://id.gs1.org/00/{SSCC}",
        f"]C100{SSCC}02{GTIN}37120",
    ],
)
def test_sscc_is_a_pallet(raw):
    code = parse(raw)
    assert (code.scheme in (Scheme.GS1, Scheme.DIGITAL_LINK), code.key, code.level) == (
        True,
        f"sscc:{SSCC}",
        Level.PALLET,
    )
    assert code.sscc == SSCC


def test_a_gtin_without_serial_names_a_product():
    code = parse(f"]d201{GTIN}17261231{GS}10LOT7")
    assert (code.scheme, code.key, code.level) == (Scheme.GS1, f"gtin:{GTIN}", Level.PRODUCT)
    assert not code.serialized


# --- retail ------------------------------------------------------------------------------

EAN13 = with_check("690123456789")  # a Chinese (690-699) EAN-13
EAN8 = with_check("6901234")
UPCA = "036000291452"


@pytest.mark.parametrize(
    ("raw", "gtin14", "fmt"),
    [
        (EAN13, "0" + EAN13, "GTIN-13"),
        (f"]E0{EAN13}", "0" + EAN13, "GTIN-13"),
        (fullwidth(EAN13), "0" + EAN13, "GTIN-13"),
        (EAN8, "000000" + EAN8, "GTIN-8"),
        (f"]E4{EAN8}", "000000" + EAN8, "GTIN-8"),
        (UPCA, "00" + UPCA, "GTIN-12"),
        ("01234565", "00012345000065", "UPC-E"),
        ("]E001234565", "00012345000065", "UPC-E"),
        (f"]I1{with_check('1690123456789')}", with_check("1690123456789"), "GTIN-14"),
        (f"]E3{EAN13}12", "0" + EAN13, "GTIN-13"),
    ],
)
def test_retail_barcodes_name_products(raw, gtin14, fmt):
    code = parse(raw)
    assert (code.scheme, code.level, code.key, code.gtin) == (
        Scheme.RETAIL,
        Level.PRODUCT,
        f"gtin:{gtin14}",
        gtin14,
    )
    assert code.fields["format"] == fmt


def test_retail_and_gs1_forms_of_one_product_agree():
    assert parse(EAN13).key == parse(f"(01)0{EAN13}").key == parse(f"]d201{'0' + EAN13}").key


# --- brand profiles ----------------------------------------------------------------------

BRAND = "12345678901234567890"


@pytest.mark.parametrize(
    "raw",
    [
        f"https://t.brand.cn/q/{BRAND}",
        f"http://t.brand.cn/q/{BRAND}",
        f"https://T.Brand.CN/q/{BRAND}?from=wx#top",
        BRAND,
        f"]Q1{BRAND}",
        f"]Q1https://t.brand.cn/q/{BRAND}",
        fullwidth(BRAND),
        fullwidth(f"https://t.brand.cn/q/{BRAND}"),
        f"ｈｔｔｐｓ：／／ｔ。ｂｒａｎｄ。ｃｎ／ｑ／{BRAND}",  # IME full stops
        f"\t{BRAND}\r\n",
    ],
)
def test_a_brand_code_has_one_key_as_url_or_plain(raw):
    code = parse(raw)
    assert (code.scheme, code.key, code.level) == (Scheme.BRAND, f"brand:{BRAND}", Level.ITEM)


def test_caps_lock_url_is_read_when_the_swapped_form_matches_a_profile():
    code = parse("HTTPS://T.BRAND.CN/Q/AbC123XY")
    assert code.key == "brand:aBc123xy"
    assert code.profile == "brand_url"
    assert "case_swapped" in code.notes
    straight = parse("https://t.brand.cn/q/aBc123xy")
    assert straight.key == code.key and "case_swapped" not in straight.notes


def test_uppercase_digital_link_is_not_case_swapped():
    code = parse(f"HTTPS://ID.GS1.ORG/01/{GTIN}/21/ABC")
    assert code.key == f"sgtin:{GTIN}.ABC"
    assert "case_swapped" not in code.notes


def test_caps_lock_on_a_plain_profile():
    profiles = profiles_from_settings(
        [{"name": "upper", "pattern": "(?P<code>[A-Z]{4}[0-9]{6})", "level": "case"}]
    )
    code = parse("abcd123456", profiles)
    assert (code.key, code.level, code.notes) == ("brand:ABCD123456", Level.CASE, ("case_swapped",))


def test_twenty_digits_that_are_also_an_sscc():
    sscc_like = f"00{SSCC}"
    bare = parse(sscc_like)
    assert bare.key == f"sscc:{SSCC}" and "ambiguous" in bare.notes
    assert parse(f"]Q1{sscc_like}").key == f"brand:{sscc_like}"  # a plain QR code is not GS1
    assert parse(sscc_like, symbology="]Q1").key == f"brand:{sscc_like}"  # reported by a decoder
    assert parse(f"]C1{sscc_like}").notes == ()


def test_a_failed_sscc_is_never_quietly_a_brand_code():
    wrong = f"00{SSCC[:-1]}0"
    code = parse(wrong)
    assert (code.valid, code.reason) == (False, "gs1.lookalike")
    assert "brand_numeric" in code.detail
    assert parse(f"]C1{wrong}").reason == "gs1.check_digit"
    assert parse(f"]Q1{wrong}").key == f"brand:{wrong}"  # not GS1 by the scanner's word


def test_a_profile_can_claim_gs1_lookalikes_for_the_brand():
    entries = [p.to_settings() for p in default_profiles()]
    entries[1]["gs1_lookalikes"] = "brand"
    profiles = profiles_from_settings(entries)
    for raw in (f"00{SSCC}", f"00{SSCC[:-1]}0"):
        code = parse(raw, profiles)
        assert (code.key, code.notes) == (f"brand:{raw}", ())
    assert parse(f"]C100{SSCC}", profiles).key == f"sscc:{SSCC}"  # the AIM id still decides
    assert profiles_from_settings(profiles_to_settings(profiles)) == profiles
    with pytest.raises(ValueError, match="gs1_lookalikes"):
        profiles_from_settings([{**entries[1], "gs1_lookalikes": "maybe"}])


def test_gs1_without_fnc1_in_a_plain_symbol_is_still_read():
    code = parse(f"]d101{GTIN}21{SERIAL}")
    assert code.key == ITEM_KEY and "gs1_without_fnc1" in code.notes


def test_custom_profiles_with_extra_groups_and_levels():
    profiles = profiles_from_settings(
        [
            {
                "name": "case_url",
                "pattern": "https://t.brand.cn/c/{line}/{code}",
                "level": "case",
                "groups": {"line": "[A-Z]\\d", "code": "\\d{12}"},
                "description": "case label",
                "added_by_newer_server": True,
            },
            {
                "name": "pallet_plain",
                "pattern": "(?P<code>P\\d{10})(?:-(?P<site>\\w+))?",
                "level": "PALLET",
            },
        ]
    )
    case = parse("https://t.brand.cn/c/A1/123456789012", profiles)
    assert (case.key, case.level, case.profile) == ("brand:123456789012", Level.CASE, "case_url")
    assert case.fields == {"line": "A1", "code": "123456789012"}
    pallet = parse("P0123456789-WH2", profiles)
    assert (pallet.key, pallet.level, pallet.fields["site"]) == (
        "brand:P0123456789",
        Level.PALLET,
        "WH2",
    )
    assert parse(BRAND, profiles).reason == "unknown_format"  # the defaults are replaced
    assert profiles_from_settings(profiles_to_settings(profiles)) == profiles


def test_default_profiles_round_trip_through_settings():
    defaults = default_profiles()
    assert (
        profiles_from_settings(json.loads(json.dumps(profiles_to_settings(defaults)))) == defaults
    )


@pytest.mark.parametrize(
    ("entries", "words"),
    [
        ("not a list", "list"),
        ([42], "object"),
        ([{"pattern": "x{code}", "level": "item"}], "'name'"),
        ([{"name": "a", "level": "item"}], "'pattern'"),
        ([{"name": "a", "pattern": "{code}"}], "'level'"),
        ([{"name": "a", "pattern": "{code}", "level": "crate"}], "level"),
        ([{"name": "a", "pattern": "{code}", "level": "product"}], "level"),
        ([{"name": "a b", "pattern": "{code}", "level": "item"}], "name"),
        ([{"name": "a", "pattern": "", "level": "item"}], "pattern"),
        ([{"name": "a", "pattern": "https://x.cn/{id}", "level": "item"}], "code"),
        ([{"name": "a", "pattern": "(?P<code>[a-", "level": "item"}], "regular expression"),
        ([{"name": "a", "pattern": "(?P<code>\\d*)", "level": "item"}], "empty"),
        ([{"name": "a", "pattern": "x/{code}/{code}", "level": "item"}], "twice"),
        ([{"name": "a", "pattern": "{code}", "level": "item", "groups": {"code": "("}}], "regular"),
        ([{"name": "a", "pattern": "{code}", "level": "item", "groups": ["x"]}], "groups"),
        ([{"name": "a", "pattern": "{code}", "level": "item", "description": 3}], "description"),
        (
            [
                {"name": "a", "pattern": "{code}", "level": "item"},
                {"name": "a", "pattern": "x{code}", "level": "item"},
            ],
            "twice",
        ),
    ],
)
def test_bad_profiles_are_refused_with_a_clear_message(entries, words):
    with pytest.raises(ValueError, match=r"profile|list|object") as caught:
        profiles_from_settings(entries)
    assert words in str(caught.value)


# --- commands ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_round_trips(name):
    arg = "ship" if name == "switch" else None
    code = parse(command_text(name, arg))
    assert (code.scheme, code.key, code.valid) == (Scheme.COMMAND, f"cmd:{name}", True)
    assert code.fields.get("arg") == arg


def test_command_arguments_and_caps_lock():
    assert command_text("switch", "receive") == "YIMA:CMD:SWITCH:receive"
    code = parse("yima:cmd:switch:RECEIVE")
    assert (code.key, code.fields["arg"]) == ("cmd:switch", "RECEIVE")
    assert parse("]Q1YIMA:CMD:MOVE:A-01:03").fields["arg"] == "A-01:03"
    assert parse(fullwidth("YIMA:CMD:UNDO")).key == "cmd:undo"


@pytest.mark.parametrize(
    ("name", "arg"), [("fly", None), ("switch", None), ("finish", "bad\x07"), ("move", " x")]
)
def test_command_text_refuses_what_parse_would_refuse(name, arg):
    with pytest.raises(ValueError):
        command_text(name, arg)


# --- invalid input: one stable reason each -----------------------------------------------

INVALID = [
    ("", "empty"),
    ("  \r\n", "empty"),
    (GS, "empty"),
    (b"", "empty"),
    ("1" * 5000, "too_long"),
    (b"1" * 100_000, "too_long"),
    ("ABC\x00DEF", "control_chars"),
    ("abc\tdef", "control_chars"),
    ("abc\u202edef", "control_chars"),
    (b"\xff\xfe\xfd", "bad_encoding"),
    ("abc\udcff", "bad_encoding"),
    (None, "bad_encoding"),
    ("中文码", "non_ascii"),
    ("中文码".encode("gbk"), "non_ascii"),
    ("'; DROP TABLE codes;--", "unknown_format"),
    ("<script>alert(1)</script>", "unknown_format"),
    ("hello", "unknown_format"),
    ("12345", "unknown_format"),
    ("https://example.com/path?q=1", "url.unknown"),
    ("https://t.brand.cn/q/short", "url.unknown"),
    (f"]d201{GTIN[:-1]}1{GS}21X", "gs1.check_digit"),
    (f"01{GTIN[:-1]}121X", "gs1.check_digit"),
    (f"https://id.gs1.org/01/{GTIN[:-1]}1/21/X", "gs1.check_digit"),
    (f"]C100{SSCC[:-1]}9", "gs1.check_digit"),
    (f"]d201{GTIN}17261332", "gs1.bad_date"),
    (f"]d201{GTIN}17260231", "gs1.bad_date"),
    (f"]d201{GTIN}11991301", "gs1.bad_date"),
    (f"https://id.gs1.org/01/{GTIN}?17=261399", "gs1.bad_date"),
    (f"]d201{GTIN}{GS}2312", "gs1.unknown_ai"),
    (f"(01){GTIN}(999)X", "gs1.unknown_ai"),
    ("]d20109506", "gs1.bad_length"),
    (f"]d201{GTIN}7007211225211", "gs1.bad_length"),  # (7007) is 6 or 12 digits, not a serial
    (f"]d201{GTIN}21{'S' * 21}", "gs1.bad_length"),  # was gs1.unknown_ai
    (f"01{GTIN}{GS}21", "gs1.syntax"),
    (f"(01){GTIN}(2I)SN0001", "gs1.syntax"),  # a typo in the printed form is not dropped
    (f"(01){GTIN}(21)", "gs1.syntax"),
    (f"(01){GTIN}(10) LOT 7", "gs1.syntax"),  # a space is no GS1 character, not a length problem
    (f"(01){GTIN}(2I)X(21)SN0001", "gs1.syntax"),
    (f"]d201{GTIN}21A{GS}21B", "gs1.repeated_ai"),
    (f"https://id.gs1.org/01/{GTIN}/21/A?21=B", "gs1.repeated_ai"),
    (f"01{GTIN}21ABC{GS}0106901234567892{GS}21XYZ", "gs1.repeated_ai"),  # two items, one read
    (f"https://id.gs1.org/01/{GTIN}?17=261231&17=270101", "gs1.repeated_ai"),
    (f"00{SSCC[:-1]}0", "gs1.lookalike"),  # a failed SSCC is not silently a brand code
    ("]d21726123110ABC", "gs1.no_identifier"),
    ("https://id.gs1.org/414/9506000134352", "gs1.no_identifier"),
    (f"https://id.gs1.org/01/{GTIN}/21", "dl.syntax"),
    (f"https://id.gs1.org/01/{GTIN}/99/A", "dl.syntax"),
    (EAN13[:-1] + str((int(EAN13[-1]) + 1) % 10), "retail.check_digit"),
    ("]E0" + UPCA[:-1] + "3", "retail.check_digit"),
    ("YIMA:CMD:FLY", "command.unknown"),
    ("YIMA:CMD:", "command.unknown"),
    ("YIMA:CMD:SWITCH", "command.missing_arg"),
]


@pytest.mark.parametrize(("raw", "reason"), INVALID)
def test_invalid_input_gets_a_specific_reason_and_message(raw, reason):
    code = parse(raw)
    assert (code.scheme, code.reason) == (Scheme.INVALID, reason), code.detail
    assert code.key == "" and not code.valid and not code.serialized
    assert code.message == reason_message(reason)


def test_every_reason_has_operator_text_and_is_tested():
    tested = {reason for _, reason in INVALID} | {"internal_error"}
    assert tested == set(REASONS)
    for reason in REASONS:
        message = reason_message(reason)
        assert message.endswith(".") and len(message) > 30
    assert reason_message("no.such.reason") == reason_message("unknown_format")


def test_a_program_error_is_an_invalid_code_not_an_exception(monkeypatch, caplog):
    def boom(text):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(grammar_module.gs1, "element_string", boom)
    code = CodeParser().parse(f"]d201{GTIN}21X")
    assert code.reason == "internal_error" and "simulated bug" in code.detail
    assert "code grammar failed" in caplog.text


def test_bytes_are_decoded_as_utf8_then_gbk():
    assert parse(f"https://t.brand.cn/q/{BRAND}".encode()).key == f"brand:{BRAND}"
    gbk = parse(fullwidth(BRAND).encode("gbk"))
    assert gbk.key == f"brand:{BRAND}" and "gbk" in gbk.notes


def test_gs_substitutes_are_configurable():
    piped = f"01{GTIN}10L1|21{SERIAL}"
    assert parse(piped).valid is False
    assert parse(piped, gs_substitutes=(*DEFAULT_GS_SUBSTITUTES, "|")).key == ITEM_KEY
    assert parse(f"01{GTIN}10L1<GS>21{SERIAL}", gs_substitutes=()).batch == "L1<GS>21XYZ9876"


def test_codes_serialise_to_json():
    for raw in (ITEM_FORMS[2], BRAND, EAN13, "YIMA:CMD:UNDO", "bad\x07"):
        data = json.loads(json.dumps(parse(raw).as_dict()))
        assert data["valid"] == (data["reason"] is None)


# --- properties --------------------------------------------------------------------------

KEY_PREFIX = {
    Scheme.GS1: ("sgtin:", "sscc:", "gtin:"),
    Scheme.DIGITAL_LINK: ("sgtin:", "sscc:", "gtin:"),
    Scheme.RETAIL: ("gtin:",),
    Scheme.BRAND: ("brand:",),
    Scheme.COMMAND: ("cmd:",),
}


def _check_contract(code):
    if code.valid:
        assert code.key.startswith(KEY_PREFIX[code.scheme]) and code.reason is None
    else:
        assert code.key == "" and code.reason in REASONS and code.reason != "internal_error"
        assert code.message == reason_message(code.reason)


scanner_text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=string.printable + "\x1d]（）ｑ", max_size=80),
    st.builds(
        lambda a, b: a + b,
        st.sampled_from(["]d2", "]Q1", "]C1", "]E0", "01", "https://", "YIMA:CMD:", "(01)"]),
        st.text(alphabet=string.digits + string.ascii_letters + "\x1d/()?=&", max_size=60),
    ),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scanner_text)
def test_parse_never_raises_on_text(raw):
    _check_contract(parse(raw))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_parse_never_raises_on_bytes(raw):
    _check_contract(parse(raw))


serials = st.text(alphabet=string.ascii_letters + string.digits + "-.", min_size=1, max_size=20)


@settings(max_examples=150, deadline=None)
@given(payload=st.text(alphabet=string.digits, min_size=13, max_size=13), serial=serials)
def test_any_gtin_and_serial_keys_alike_in_every_form(payload, serial):
    gtin = with_check(payload)
    expected = f"sgtin:{gtin}.{serial}"
    forms = [
        f"]d201{gtin}21{serial}",
        f"01{gtin}21{serial}{GS}10B",
        f"(01){gtin}(21){serial}",
        f"https://id.gs1.org/01/{gtin}/21/{serial}",
        fullwidth(f"(01){gtin}(21){serial}"),
    ]
    for raw in forms:
        code = parse(raw)
        assert code.key == expected, (raw, code.reason, code.detail)
        assert code.level is (Level.CASE if gtin[0] in "12345678" else Level.ITEM)


# --- translation -------------------------------------------------------------------------


def test_every_operator_message_has_a_shipped_chinese_translation():
    from PySide6.QtCore import QTranslator

    from app.paths import resources_dir

    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / "codes_zh_CN.qm"))
    for reason in REASONS:
        english = reason_message(reason)
        chinese = translator.translate("Codes", english)
        assert chinese and chinese != english, reason
        assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese), reason


def test_station_settings_build_the_grammar_and_bad_ones_fall_back_to_defaults():
    from app.domain.codes import parser_from_settings

    parser, problem = parser_from_settings(
        [{"name": "case", "pattern": "https://c.brand.cn/{code}", "level": "case"}], ["<GS>", "|"]
    )
    assert problem is None
    assert parser.parse("https://c.brand.cn/AB12").level is Level.CASE
    assert parser.parse(f"01{GTIN}10L|21{SERIAL}").key == ITEM_KEY
    parser, problem = parser_from_settings([{"name": "x", "pattern": "{id}", "level": "item"}], "|")
    assert "code profile #1" in problem
    assert parser.parse(BRAND).key == f"brand:{BRAND}"
    assert parser_from_settings(None, "|")[1].startswith("GS substitutes ignored")
