"""A name typed after @ finds the person by any part of the name, with or without marks."""

from __future__ import annotations

import pytest

from minutes_app.model import Attendee
from minutes_app.notes.people import Found, People

NAMES = ["Trần Văn Sáu", "Nguyễn Sáu Hùng", "Lê Thị Ửng", "Phạm Văn Nhanh", "Võ Văn Sâu", "Đặng Văn Đức"]


@pytest.fixture
def people() -> People:
    return People([Attendee(name=name) for name in NAMES])


@pytest.mark.parametrize(("typed", "name"), [
    (["sáu"], "Trần Văn Sáu"),  # the given name Sáu before the middle name Sáu
    (["SÁU"], "Trần Văn Sáu"),
    (["sâu"], "Võ Văn Sâu"),  # marks typed must match
    (["ung"], "Lê Thị Ửng"),
    (["ửng"], "Lê Thị Ửng"),
    (["duc"], "Đặng Văn Đức"),
    (["van", "nhanh"], "Phạm Văn Nhanh"),
    (["ông", "Nhanh"], "Phạm Văn Nhanh"),
    (["đ/c", "Đức"], "Đặng Văn Đức"),
    (["Ngu"], "Nguyễn Sáu Hùng"),  # a word typed short, when nothing else fits
    (["nguyen", "sáu"], "Nguyễn Sáu Hùng"),
])
def test_found_by_part_of_the_name(people: People, typed: list[str], name: str) -> None:
    match = people.find(typed)
    assert match.found is Found.ONE
    assert match.person is not None and match.person.name == name


def test_a_name_that_fits_several_people_is_not_guessed(people: People) -> None:
    match = people.find(["Sau"])  # Sáu (given), Sâu (given): two given names fit
    assert match.found is Found.MANY
    assert {person.name for person in match.candidates} >= {"Trần Văn Sáu", "Võ Văn Sâu"}


def test_an_unknown_name_is_not_found(people: People) -> None:
    assert people.find(["Hòa"]).found is Found.NONE
    assert people.find(["sáu", "văn"]).found is Found.NONE  # words must come in the name's order


def test_names_offered_for_what_was_typed_after_at(people: People) -> None:
    assert [p.name for p in people.starting("sa")] == ["Trần Văn Sáu", "Võ Văn Sâu", "Nguyễn Sáu Hùng"]
    assert [p.name for p in people.starting("sâ")] == ["Võ Văn Sâu"]  # marks typed must match
    assert [p.name for p in people.starting("Đ")] == ["Đặng Văn Đức"]
    assert people.starting("") == [] and people.starting("x") == []
