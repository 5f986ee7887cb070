"""One rule for numbers, shared by the editor's cells and the spreadsheet import (l10n.numbers)."""

from __future__ import annotations

import pytest

from minutes_app.importing import NotANumber
from minutes_app.importing import parse_number as import_number
from minutes_app.l10n.numbers import NumberInputError, format_for_editing, parse_number

READINGS = [
    ("vi", "31.597", 31597), ("vi", "101,2", 101.2), ("vi", "94.5", 94.5), ("vi", "94,5", 94.5),
    ("vi", "1.234.567,5", 1234567.5), ("vi", "31 597", 31597), ("vi", "-3,5", -3.5), ("vi", "101,2%", 101.2),
    ("vi", "926 tỷ 147 triệu", 926_147_000_000), ("vi", "1,5 triệu", 1_500_000), ("vi", "", None),
    ("vi", "—", None), ("vi", "1234.567", 1234.567), ("vi", "1,234.5", 1234.5),
    ("en", "31,597", 31597), ("en", "101.2", 101.2), ("en", "94,5", 94.5), ("en", "1,234,567.5", 1234567.5),
]
REFUSED = ["1.2.3", "1,2,3", "1.234,5,6", "12..3", "abc", "12 cái", ".5", "5."]


@pytest.mark.parametrize(("language", "text", "expected"), READINGS)
def test_cells_and_import_read_numbers_alike(language: str, text: str, expected: object) -> None:
    assert parse_number(text, language) == expected
    assert import_number(text, language) == expected


@pytest.mark.parametrize("text", REFUSED)
def test_cells_and_import_refuse_what_has_no_single_reading(text: str) -> None:
    with pytest.raises(NumberInputError) as caught:
        parse_number(text, "vi")
    assert text in str(caught.value)
    with pytest.raises(NotANumber):
        import_number(text, "vi")


def test_money_words_in_a_scaled_unit() -> None:
    assert parse_number("926 tỷ 147 triệu", "vi", "tỷ đồng") == pytest.approx(926.147)


def test_editing_text_reads_back_as_the_same_number() -> None:
    for language in ("vi", "en"):
        for value in (31597, 94.5, 1234567.125, -3.5):
            assert parse_number(format_for_editing(value, language), language) == value
