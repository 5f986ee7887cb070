"""Every filter the prose templates use, through the template environment of each document language,
with the edge cases: 0, negative, None, 1 000 000 000 000, 0,05 %, every day of the month."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_app.export import prose
from minutes_app.export.templating import environment
from minutes_app.model import Gender
from minutes_app.model.period import parse_period


def render(expression: str, language: str = "vi", **values: object) -> str:
    return environment(language).from_string("{{ " + expression + " }}").render(**values)


# --- numbers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "vi", "en"), [
    (0, "0", "0"),
    (-1234.5, "-1.234,5", "-1,234.5"),
    (31597, "31.597", "31,597"),
    (1_000_000_000_000, "1.000.000.000.000", "1,000,000,000,000"),
    (415.5, "415,5", "415.5"),
    (0.005, "0,01", "0.01"),  # half up, as on paper
    (None, "—", "—"),
])
def test_number(value: object, vi: str, en: str) -> None:
    assert render("v | number", "vi", v=value) == vi
    assert render("v | number", "en", v=value) == en


def test_fixed_keeps_its_decimals() -> None:
    assert render("v | fixed(2)", "en", v=1287412.5) == "1,287,412.50"
    assert render("v | fixed(1)", "vi", v=0) == "0,0"
    assert render("v | fixed(0)", "vi", v=-2.5) == "-3"
    assert render("v | fixed(2)", "vi", v=None) == "—"


@pytest.mark.parametrize(("ratio", "vi", "en"), [
    (1.012, "101,2%", "101.2%"),  # one decimal where needed
    (0.36, "36%", "36%"),  # none where not
    (0.938, "93,8%", "93.8%"),
    (0.10999, "11%", "11%"),  # 10,999 rounds to a whole 11
    (0, "0%", "0%"),
    (-0.05, "-5%", "-5%"),
    (0.0005, "0,1%", "0.1%"),  # 0,05 % rounds half up to one decimal
    (0.00049, "0%", "0%"),
    (10_000_000_000, "1.000.000.000.000%", "1,000,000,000,000%"),
    (None, "—", "—"),
])
def test_percent(ratio: object, vi: str, en: str) -> None:
    assert render("r | percent", "vi", r=ratio) == vi
    assert render("r | percent", "en", r=ratio) == en


@pytest.mark.parametrize(("amount", "vi", "en"), [
    (926_147_000_000, "926 tỷ 147 triệu đồng", "VND 926,147,000,000"),
    (895_026_000_000, "895 tỷ 026 triệu đồng", "VND 895,026,000,000"),  # inner groups keep 3 digits
    (612_500_000, "612 triệu 500 nghìn đồng", "VND 612,500,000"),
    (1_000_000_000_000, "1.000 tỷ đồng", "VND 1,000,000,000,000"),
    (187_000_000, "187 triệu đồng", "VND 187,000,000"),
    (999_999, "999.999 đồng", "VND 999,999"),
    (0, "0 đồng", "VND 0"),
    (-5_000_000, "âm 5 triệu đồng", "VND -5,000,000"),
    (None, "—", "—"),
])
def test_money(amount: object, vi: str, en: str) -> None:
    assert render("a | money", "vi", a=amount) == vi
    assert render("a | money", "en", a=amount) == en


@pytest.mark.parametrize(("value", "unit", "vi"), [
    (3325, "ha", "3.325 ha"),
    (5468, " ha ", "5.468 ha"),
    (36, "%", "36%"),
    (17.4, "%", "17,4%"),
    (0.05, "%", "0,05%"),
    (1.32, "%", "1,32%"),  # a rate as typed and as the minutes' table prints it, not "1,3%"
    (0.004, "%", "0%"),
    (0, "xã", "0 xã"),
    (-3, "vụ", "-3 vụ"),
    (926_147_000_000, "đồng", "926 tỷ 147 triệu đồng"),  # money units read as money
    (1_000_000_000_000, "m3", "1.000.000.000.000 m3"),
    (12, "", "12"),
    (None, "ha", "—"),
])
def test_quantity(value: object, unit: str, vi: str) -> None:
    assert render("v | quantity(u)", "vi", v=value, u=unit) == vi


# --- dates and times ---------------------------------------------------------------------------

@pytest.mark.parametrize("day", range(1, 32))
def test_dates_for_every_day_of_the_month(day: int) -> None:
    date = dt.date(2021, 1, day)
    padded = f"{day:02d}" if day < 10 else str(day)
    assert render("d | long_date", "vi", d=date) == f"ngày {padded} tháng 01 năm 2021"
    assert render("d | short_date", "vi", d=date) == f"{day}/1"
    assert render("d | numeric_date", "vi", d=date) == f"{day:02d}/01/2021"
    assert render("d | long_date", "en", d=date) == f"{day} January 2021"
    assert render("d | short_date", "en", d=date) == f"{day} January"


def test_long_date_pads_only_months_one_and_two() -> None:
    assert render("d | long_date", d=dt.date(2020, 12, 29)) == "ngày 29 tháng 12 năm 2020"
    assert render("d | long_date", d=dt.date(2025, 2, 5)) == "ngày 05 tháng 02 năm 2025"
    assert render("d | long_date", d=dt.date(2025, 3, 5)) == "ngày 05 tháng 3 năm 2025"
    assert render("d | short_date", d=dt.date(2020, 12, 29)) == "29/12"


def test_missing_dates_and_times() -> None:
    for name in ("long_date", "short_date", "numeric_date", "time_of_day"):
        assert render(f"v | {name}", v=None) == "—"
    assert render("v | part_of_day", v=None) == ""


@pytest.mark.parametrize(("time", "vi", "en", "clock_vi", "clock_en"), [
    (dt.time(0, 0), "Sáng", "morning", "0 giờ 00", "12:00\u202fAM"),
    (dt.time(7, 30), "Sáng", "morning", "7 giờ 30", "7:30\u202fAM"),
    (dt.time(11, 59), "Sáng", "morning", "11 giờ 59", "11:59\u202fAM"),
    (dt.time(12, 0), "Chiều", "afternoon", "12 giờ 00", "12:00\u202fPM"),
    (dt.time(13, 30), "Chiều", "afternoon", "13 giờ 30", "1:30\u202fPM"),
    (dt.time(17, 59), "Chiều", "afternoon", "17 giờ 59", "5:59\u202fPM"),
    (dt.time(18, 0), "Tối", "evening", "18 giờ 00", "6:00\u202fPM"),
    (dt.time(23, 59), "Tối", "evening", "23 giờ 59", "11:59\u202fPM"),
])
def test_part_of_day_and_time_of_day(time: dt.time, vi: str, en: str, clock_vi: str, clock_en: str) -> None:
    assert render("t | part_of_day", "vi", t=time) == vi
    assert render("t | part_of_day", "en", t=time) == en
    assert render("t | time_of_day", "vi", t=time) == clock_vi
    assert render("t | time_of_day", "en", t=time).replace(" ", "\u202f") == clock_en


def test_the_seed_lead_opens_with_the_part_of_day_and_the_short_date() -> None:
    text = render('(t | part_of_day) ~ " ngày " ~ (d | short_date)', t=dt.time(13, 30), d=dt.date(2020, 12, 29))
    assert text == "Chiều ngày 29/12"
    text = render('"On the " ~ (t | part_of_day) ~ " of " ~ (d | long_date)', "en", t=dt.time(14, 0),
                  d=dt.date(2024, 10, 17))
    assert text == "On the afternoon of 17 October 2024"


# --- words -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("gender", "vi", "en"), [
    (Gender.MALE, "ông", "Mr"),
    (Gender.FEMALE, "bà", "Ms"),
    (Gender.UNSPECIFIED, "", ""),
    ("female", "bà", "Ms"),
    (None, "", ""),
    ("other", "", ""),
])
def test_honorific(gender: object, vi: str, en: str) -> None:
    assert render("g | honorific", "vi", g=gender) == vi
    assert render("g | honorific", "en", g=gender) == en


@pytest.mark.parametrize(("items", "vi", "en"), [
    (["A", "B", "C"], "A, B và C", "A, B and C"),  # no Oxford comma, unlike Babel's English list
    (["A", "B"], "A và B", "A and B"),
    (["A"], "A", "A"),
    ([], "", ""),
    (None, "", ""),
    (["A", "", "  ", None, "B"], "A và B", "A and B"),  # blanks skipped
    ([1, 2, 3], "1, 2 và 3", "1, 2 and 3"),
])
def test_and_list(items: object, vi: str, en: str) -> None:
    assert render("i | and_list", "vi", i=items) == vi
    assert render("i | and_list", "en", i=items) == en


@pytest.mark.parametrize(("text", "expected"), [
    ("Tỷ lệ diện tích lúa", "tỷ lệ diện tích lúa"),
    ("Đẩy mạnh cải cách", "đẩy mạnh cải cách"),
    ("UBND huyện", "UBND huyện"),  # an abbreviation keeps its capitals
    ("HTX mới", "HTX mới"),
    ("Ban Chỉ huy Quân sự xã", "Ban Chỉ huy Quân sự xã"),  # a name
    ("Covid-19 lan rộng", "Covid-19 lan rộng"),  # a name with digits
    ("Đảng ủy xã lãnh đạo", "Đảng ủy xã lãnh đạo"),  # always a capital
    ("Nhà văn hóa ấp", "nhà văn hóa ấp"),
    ("A", "a"),
    ("", ""),
    (None, ""),
])
def test_lower_first(text: object, expected: str) -> None:
    assert render("t | lower_first", t=text) == expected


def test_upper_first_sentence_strip_end_and_closing_mark() -> None:
    assert render("t | upper_first", t="ông Trần Văn Sáu") == "Ông Trần Văn Sáu"
    assert render("t | upper_first", t="") == ""
    assert render("t | upper_first", t=None) == ""
    assert render("t | sentence", t="tình hình ổn định;") == "Tình hình ổn định."
    assert render("t | sentence", t="Đã xong.") == "Đã xong."
    assert render("t | sentence", t="Xong rồi…") == "Xong rồi…"
    assert render("t | sentence", t="") == ""
    assert render("t | strip_end", t="hạn chế; ") == "hạn chế"
    assert render("t | strip_end", t=None) == ""
    assert render("t | closing_mark", t="Kết thúc hội nghị.") == "Kết thúc hội nghị./."
    assert render("t | closing_mark", t="") == ""


def test_previous_period_from_the_period() -> None:
    assert prose.previous_period(parse_period("năm 2020"), "vi") == "năm 2019"
    assert prose.previous_period(parse_period("tháng 02/2025"), "vi") == "cùng kỳ năm 2024"
    assert prose.previous_period(parse_period("Q3 2024"), "en") == "the same period of 2023"
    assert prose.previous_period(parse_period("2023"), "en") == "2022"
    assert prose.previous_period(parse_period("năm học 2023-2024"), "vi") == "năm học 2022-2023"
    assert prose.previous_period(parse_period("học kỳ I năm học 2023-2024"), "vi") == "cùng kỳ năm học 2022-2023"
    assert prose.previous_period(parse_period("đợt thi đua"), "vi") == "cùng kỳ"
    assert prose.previous_period(None, "vi") == "cùng kỳ"
def test_a_huge_figure_typed_by_mistake_is_printed_not_a_crash() -> None:
    assert render("v | number", "vi", v=3e40) == "30" + ".000" * 13
    assert render("v | percent", "en", v=1e30).endswith(",000%")
    assert render("v | money", "vi", v=1e30).endswith("tỷ đồng")
    assert render("v | fixed(2)", "en", v=1.5e308).startswith("150,000")
