"""Vietnamese (and English) number formats as statistics offices type them."""

from __future__ import annotations

import pytest

from minutes_app.importing import NotANumber, parse_number


@pytest.mark.parametrize(("text", "unit", "expected"), [
    ("31.597", "", 31597),
    ("1.234.567,8", "", 1234567.8),
    ("101,2", "", 101.2),
    ("101,2%", "%", 101.2),
    ("101,2 %", "%", 101.2),
    ("-3,5", "%", -3.5),
    ("31 597", "", 31597),
    ("926 tỷ", "đồng", 926_000_000_000),
    ("926 tỷ 147 triệu", "đồng", 926_147_000_000),
    ("926 tỷ 147 triệu đồng", "đồng", 926_147_000_000),
    ("1,5 triệu", "", 1_500_000),
    ("40 nghìn", "", 40_000),
    ("926 tỷ 147 triệu", "tỷ đồng", 926.147),
    ("1,5 tỷ", "triệu đồng", 1500),
    # A thousands group has three digits: "94.5" and "1.5" can only be decimals, as in the editor's cells.
    ("94.5", "", 94.5),
    ("1.5 triệu", "", 1_500_000),
])
def test_import_vietnamese_numbers(text: str, unit: str, expected: float) -> None:
    assert parse_number(text, "vi", unit) == pytest.approx(expected)


def test_import_whole_numbers_stay_integers() -> None:
    assert isinstance(parse_number("31.597", "vi"), int)
    assert isinstance(parse_number("926 tỷ", "vi"), int)


def test_import_cells_that_are_already_numbers_pass_through() -> None:
    assert parse_number(31597, "vi") == 31597
    assert parse_number(101.2, "vi") == 101.2


@pytest.mark.parametrize("text", [None, "", "  ", "-", "—", "x"])
def test_import_blank_marks_mean_no_figure(text: object) -> None:
    assert parse_number(text, "vi") is None


@pytest.mark.parametrize("text", ["abc", "12 tỷ abc", "tỷ", "12 cái", "1,2,3", "1.2.3", "1,234.5.6"])
def test_import_text_that_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(NotANumber):
        parse_number(text, "vi")


def test_import_english_locale_reads_english_separators() -> None:
    assert parse_number("31,597", "en") == 31597
    assert parse_number("101.2%", "en") == pytest.approx(101.2)
