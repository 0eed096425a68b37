"""The Qt-free wedge assembler: bursts become scans, a person's typing is given back untouched."""

from __future__ import annotations

import pytest

from hardware.layouts import lossy, remap_table, typed_on
from hardware.source import Rejection
from hardware.wedge import GS, Key, KeyKind, WedgeAssembler, WedgeConfig, WedgeSource

MS = 1_000_000


class Harness:
    def __init__(self, **config: object) -> None:
        self.scans = []
        self.replayed: list[object] = []
        self.refused: list[Rejection] = []
        self.assembler = WedgeAssembler(
            WedgeConfig(**config),
            self.scans.append,
            self.replayed.extend,
            reject=self.refused.append,
        )
        self.t = 1_000 * MS
        self.swallowed: list[bool] = []

    def key(
        self,
        kind: KeyKind,
        text: str = "",
        gap_ms: float = 2,
        shift: bool | None = None,
        key_char: str = "",
        caps_lock: bool | None = None,
    ) -> None:
        self.t += int(gap_ms * MS)
        token = (kind, text, self.t)
        self.swallowed.append(
            self.assembler.feed(Key(kind, text, self.t, shift, key_char, caps_lock, token))
        )

    def type(self, text: str, gap_ms: float = 2, end: KeyKind | None = KeyKind.ENTER) -> None:
        for char in text:
            if char == GS:
                self.key(KeyKind.GS, GS, gap_ms)
            else:
                self.key(KeyKind.CHAR, char, gap_ms, shift=char.isupper(), key_char=char.upper())
        if end is not None:
            self.key(end, "\r" if end is KeyKind.ENTER else "\t", gap_ms)

    def wait(self, ms: float) -> None:
        self.t += int(ms * MS)
        self.assembler.poll(self.t)


@pytest.mark.parametrize("gap_ms", [1, 2, 3, 5, 10])
def test_a_fast_burst_with_enter_is_one_scan_and_every_key_is_swallowed(gap_ms):
    h = Harness()
    h.type("0109501101020917", gap_ms=gap_ms)
    h.wait(100)
    assert [s.text for s in h.scans] == ["0109501101020917"]
    assert h.scans[0].terminator == "\r"
    assert h.scans[0].source == "wedge"
    assert all(h.swallowed) and h.replayed == []


def test_a_person_typing_at_80_ms_gets_every_key_back_in_order_and_no_scan():
    h = Harness()
    for char in "hello":
        h.type(char, gap_ms=80, end=None)
        h.wait(40)  # the timer fires after max_gap_ms
    h.key(KeyKind.ENTER, "\r", gap_ms=80)
    assert h.scans == []
    assert "".join(t[1] for t in h.replayed) == "hello"
    assert h.swallowed[-1] is False  # Enter with nothing held goes straight through


def test_a_few_quick_keys_then_enter_are_a_person_and_come_back_with_the_enter():
    h = Harness()
    h.type("ok", gap_ms=10)
    assert h.scans == []
    assert [t[1] for t in h.replayed] == ["o", "k", "\r"]


def test_a_gun_without_suffix_is_ended_by_the_pause_once_it_cannot_be_half_a_code():
    h = Harness(terminators="none")
    h.type("ABC-123", end=None)
    h.wait(100)
    assert h.scans == []  # the gun may still go on: that would make this the first piece
    h.wait(51)
    assert [(s.text, s.terminator) for s in h.scans] == [("ABC-123", None)]
    assert h.refused == [] and h.replayed == []


def test_tab_terminates_and_back_to_back_scans_stay_separate():
    h = Harness()
    h.type("AAAA1111", end=KeyKind.TAB)
    h.type("BBBB2222", end=KeyKind.ENTER)
    assert [(s.text, s.terminator) for s in h.scans] == [("AAAA1111", "\t"), ("BBBB2222", "\r")]


def test_enter_only_gun_keeps_a_tab_out_of_the_scan():
    h = Harness(terminators="enter")
    h.type("AAAA", end=KeyKind.TAB)
    h.key(KeyKind.ENTER, "\r")
    assert [s.text for s in h.scans] == ["AAAA"]


def test_gs_from_ctrl_bracket_and_from_a_substitute_both_become_0x1d():
    h = Harness()
    h.type(f"010950110102091710AB12{GS}21XYZ")
    h2 = Harness(gs_substitute="~")
    h2.type("010950110102091710AB12~21XYZ")
    assert h.scans[0].text == h2.scans[0].text == "010950110102091710AB12\x1d21XYZ"


def test_prefix_and_suffix_are_stripped_and_a_read_without_the_prefix_is_refused():
    h = Harness(prefix="#", suffix="$")
    h.type("#ABCD$")
    h.type("EFGH")  # a gun that starts every code with "#" did not type this from its start
    assert [s.text for s in h.scans] == ["ABCD"]
    assert [(r.reason, r.params["text"]) for r in h.refused] == [("no_start", "EFGH")]
    assert h.replayed == []


# -- a gun that really pauses inside a code -----------------------------------------------------

ISSUE_SPLITS = [
    ("0106950123001016210", "ABC42"),  # a GS1 string cut before its serial
    ("YIMA:CMD:SW", "ITCH:ship:SO-2401"),  # a command barcode cut short
    ("西湖茶酒坊", "0"),  # a one-key tail, which once went into the location box
]


@pytest.mark.parametrize(("head", "tail"), ISSUE_SPLITS)
@pytest.mark.parametrize("pause_ms", [40, 90, 140])
def test_a_code_the_gun_typed_in_two_pieces_is_refused_whole_and_nothing_leaks(
    head, tail, pause_ms
):
    h = Harness()
    h.type(head, end=None)
    h.wait(pause_ms / 2)  # the timer may run inside the pause: it must not end the code yet
    h.t += int(pause_ms / 2 * MS)
    h.type(tail)
    h.wait(500)
    assert h.scans == [] and h.replayed == []
    assert [r.reason for r in h.refused] == ["split"]
    assert h.refused[0].params["text"] == head + tail
    assert "Scan it again" in h.refused[0].text()
    assert all(h.swallowed)


def test_a_gun_that_pauses_only_before_its_enter_still_reads():
    h = Harness()
    h.type("0106950123001016212345", end=None)
    h.wait(60)
    h.key(KeyKind.ENTER, "\r")
    assert [(s.text, s.terminator) for s in h.scans] == [("0106950123001016212345", "\r")]


def test_with_its_enter_verified_a_gun_may_pause_inside_a_code_and_it_arrives_whole():
    h = Harness(require_terminator=True)
    h.type("YIMA:CMD:SW", end=None)
    h.wait(300)
    h.t += 400 * MS
    h.type("ITCH:ship:SO-2401")
    assert [s.text for s in h.scans] == ["YIMA:CMD:SWITCH:ship:SO-2401"]
    assert h.refused == [] and h.replayed == []


def test_with_its_enter_verified_a_code_that_never_ends_is_refused_not_read():
    h = Harness(require_terminator=True)
    h.type("0106950123001016210", end=None)
    h.wait(900)
    assert h.scans == [] and h.refused == []
    h.wait(200)
    assert [(r.reason, r.params["text"]) for r in h.refused] == [("no_end", "0106950123001016210")]
    assert h.replayed == []


def test_with_aim_identifiers_verified_a_read_without_one_is_refused():
    h = Harness(aim_ids=True)
    h.type("]d2010695012300101621ABC")
    h.type("ITCH:ship:SO-2401")
    assert [s.text for s in h.scans] == ["]d2010695012300101621ABC"]  # the grammar reads the id
    assert [r.reason for r in h.refused] == ["no_start"]


def test_the_wedge_source_reports_refusals_like_any_rejected_read():
    source = WedgeSource(WedgeConfig(prefix="#"))
    seen: list[Rejection] = []
    source.on_reject = seen.append
    source.start(lambda scan: None)
    t = 0
    for char in "ABCD":
        t += 2 * MS
        source.assembler.feed(Key(KeyKind.CHAR, char, t))
    source.assembler.feed(Key(KeyKind.ENTER, "\r", t + 2 * MS))
    assert [(r.source, r.reason, r.raw) for r in seen] == [("wedge", "no_start", b"ABCD")]


def test_caps_lock_inverted_letters_are_corrected_from_the_shift_key():
    h = Harness()
    # Caps Lock on, naive gun: Shift+a types "a", plain b types "B".
    h.key(KeyKind.CHAR, "a", shift=True, key_char="A", caps_lock=True)
    h.key(KeyKind.CHAR, "B", shift=False, key_char="B", caps_lock=True)
    h.key(KeyKind.CHAR, "c", shift=True, key_char="C", caps_lock=True)
    h.key(KeyKind.CHAR, "1", shift=False, key_char="1", caps_lock=True)
    h.key(KeyKind.ENTER, "\r")
    assert h.scans[0].text == "AbC1"
    assert h.assembler.caps_lock_seen


def test_caps_lock_correction_can_be_turned_off_for_guns_that_follow_caps_lock():
    h = Harness(caps_lock_correction=False)
    h.key(KeyKind.CHAR, "a", shift=True, key_char="A", caps_lock=True)
    h.type("bcd")
    assert h.scans[0].text == "abcd"


def test_only_keys_that_say_caps_lock_is_on_are_case_corrected():
    h = Harness()
    h.key(KeyKind.CHAR, "A", shift=False, key_char="", caps_lock=True)  # an Alt+numpad character
    h.key(KeyKind.CHAR, "B", shift=False, key_char="B", caps_lock=None)  # the platform does not say
    h.key(KeyKind.CHAR, "C", shift=False, key_char="C", caps_lock=False)  # e.g. a Unicode key event
    h.type("D")
    assert h.scans[0].text == "ABCD"


def test_short_codes_need_a_lower_min_length():
    h = Harness()
    h.type("123")
    assert h.scans == [] and [t[1] for t in h.replayed] == ["1", "2", "3", "\r"]
    h = Harness(min_length=3)
    h.type("123")
    assert [s.text for s in h.scans] == ["123"]


def test_other_keys_inside_a_persons_quick_run_come_back_in_order():
    h = Harness()
    h.type("ab", gap_ms=10, end=None)
    h.key(KeyKind.OTHER, "", gap_ms=10)  # Backspace
    h.wait(50)
    assert [t[0] for t in h.replayed] == [KeyKind.CHAR, KeyKind.CHAR, KeyKind.OTHER]


def test_would_hold_matches_feed():
    h = Harness()
    assert h.assembler.would_hold(KeyKind.CHAR, h.t)
    assert not h.assembler.would_hold(KeyKind.ENTER, h.t)
    h.type("abcd", end=None)
    assert h.assembler.would_hold(KeyKind.ENTER, h.t + MS)
    assert h.assembler.would_hold(KeyKind.ENTER, h.t + 100 * MS)  # a gun's late Enter
    assert not h.assembler.would_hold(KeyKind.ENTER, h.t + 200 * MS)


@pytest.mark.parametrize("layout", ["de", "fr"])
def test_layout_remap_undoes_a_us_gun_on_a_european_layout(layout):
    intended = "yz-qa-wm/0123456789:AbC?x&y.Z;"
    typed = typed_on(layout, intended)
    assert typed != intended
    assert typed.translate(remap_table(layout)) == intended
    h = Harness(layout_remap=layout)
    h.type(typed)
    assert h.scans[0].text == intended


@pytest.mark.parametrize("layout", ["de", "fr"])
def test_layout_tables_are_one_to_one(layout):
    table = remap_table(layout)
    assert len(set(table.values())) == len(table)


def test_characters_on_dead_keys_are_reported_as_lossy():
    assert lossy("de", "a=b") and typed_on("de", "a=b") == "ab"
    assert lossy("fr", "[x]")
    assert not lossy("de", "yz-09")
