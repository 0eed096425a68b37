"""Finding the place by keyboard (order, search, near me) and case numbers read by phone."""

from __future__ import annotations

import itertools

from app.domain.workflows.inspector.case_numbers import (
    ALPHABET,
    check_symbol,
    is_case_number,
    new_case_number,
)
from app.domain.workflows.inspector.checks import Place
from app.domain.workflows.inspector.place_finder import matching, nearest_first, ordered, steps

PARENTS = {"CN": None, "CN-SH": "CN", "CN-ZJ": "CN", "CN-ZJ-HZ": "CN-ZJ", "CN-JS": "CN"}
NAMES = {"CN": "中国", "CN-SH": "上海", "CN-ZJ": "浙江", "CN-ZJ-HZ": "杭州", "CN-JS": "江苏"}
PLACES = [
    Place("store", "ST-HZ-1", "西湖五金店", "CN-ZJ-HZ"),
    Place("region", "CN-ZJ-HZ", "杭州", "CN-ZJ-HZ"),
    Place("store", "ST-SH-2", "浦东超市", "CN-SH"),
    Place("region", "CN-SH", "上海", "CN-SH"),
    Place("store", "ST-ZJ-1", "宁波商行", "CN-ZJ"),
    Place("region", "CN-ZJ", "浙江", "CN-ZJ"),
    Place("store", "ST-SH-1", "徐汇建材店", "CN-SH"),
]


def ids(places):
    return [p.id for p in places]


def test_regions_read_top_down_each_with_its_stores_by_name():
    assert ids(ordered(PLACES, PARENTS, NAMES, name_key={"上海": 1, "浙江": 2, "杭州": 3,
               "西湖五金店": 1, "浦东超市": 1, "徐汇建材店": 2, "宁波商行": 1}.get)) == [
        "CN-SH", "ST-SH-2", "ST-SH-1", "CN-ZJ", "ST-ZJ-1", "CN-ZJ-HZ", "ST-HZ-1",
    ]  # fmt: skip


def test_search_by_chinese_name_code_or_region_every_word():
    assert ids(matching(PLACES, "徐汇", NAMES)) == ["ST-SH-1"]
    assert ids(matching(PLACES, "st-sh", NAMES)) == ["ST-SH-2", "ST-SH-1"]
    assert ids(matching(PLACES, "杭州", NAMES)) == ["ST-HZ-1", "CN-ZJ-HZ"]
    assert ids(matching(PLACES, "上海 超市", NAMES)) == ["ST-SH-2"]
    assert matching(PLACES, "北京", NAMES) == []
    assert ids(matching(PLACES, "  ", NAMES)) == ids(PLACES)


def test_near_me_counts_steps_through_the_region_tree():
    assert steps("CN-SH", "CN-SH", PARENTS) == 0
    assert steps("CN-ZJ-HZ", "CN-ZJ", PARENTS) == 1
    assert steps("CN-ZJ-HZ", "CN-SH", PARENTS) == 3
    assert steps("CN-SH", "NOWHERE", PARENTS) == 3
    near = nearest_first(ordered(PLACES, PARENTS, NAMES), "CN-ZJ-HZ", PARENTS)
    assert ids(near)[:2] == ["CN-ZJ-HZ", "ST-HZ-1"]
    assert ids(near)[2:4] == ["CN-ZJ", "ST-ZJ-1"]
    assert set(ids(near)[4:]) == {"CN-SH", "ST-SH-1", "ST-SH-2"}


def test_case_numbers_have_no_confusable_symbols_and_a_check_that_catches_mistakes():
    numbers = {new_case_number() for _ in range(500)}
    assert len(numbers) == 500
    for number in numbers:
        prefix, *groups = number.split("-")
        assert prefix == "XC" and [len(g) for g in groups] == [3, 3, 3]
        assert not set("".join(groups)) & set("0O1ILUV")
        assert is_case_number(number) and is_case_number(number.lower().replace("-", " "))
    body = "4K7MZ2QH"
    number = body + check_symbol(body)
    for i, wrong in itertools.product(range(len(number)), ALPHABET):
        if wrong != number[i]:
            assert not is_case_number("XC" + number[:i] + wrong + number[i + 1 :])
    for i in range(len(number) - 1):
        swapped = number[:i] + number[i + 1] + number[i] + number[i + 2 :]
        if swapped != number:
            assert not is_case_number("XC" + swapped)
    assert not is_case_number("case-f7e6a5157e4043e9")


def test_a_case_number_this_station_already_holds_is_never_drawn_again():
    draws = iter("2" * 8 + "3" * 8)
    first = new_case_number(draw=lambda _alphabet: next(draws))
    draws = iter("2" * 8 + "3" * 8)
    second = new_case_number(lambda n: n == first, draw=lambda _alphabet: next(draws))
    assert first.startswith("XC-222-222-22") and second.startswith("XC-333-333-33")
