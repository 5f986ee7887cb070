"""Fields whose empty value the documents derive (issue 14): the placeholder shows what will be
printed, worded as derived or guessed so that it never looks like a typed value, and follows the fields
it comes from as they are typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from support import WORDING_MEETINGS

from minutes_app.model import Signing

from .keyboard import type_text

COMMUNE = next(p for p in WORDING_MEETINGS if p.name.startswith("commune"))


def test_agency_prose_form_and_code_are_shown_as_derived(make_window, field) -> None:  # noqa: ANN001
    window = make_window(COMMUNE)
    general = window.pages[0]
    name, code = field(general, "agency_name"), field(general, "agency_code")
    assert name.text() == "" and code.text() == ""
    assert name.placeholderText() == "derived: UBND xã Mỹ Long"
    assert code.placeholderText() == "derived: UBND"

    agency = field(general, "agency")
    agency.setFocus()
    QTest.keyClick(agency, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(agency, "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    assert name.placeholderText() == "derived: Sở Khoa học và Công nghệ"
    assert code.placeholderText() == "derived: SKHCN"
    assert window.document.meeting.header.agency_code == ""  # shown, not written into the file


def test_period_shows_its_guess_and_takes_what_is_typed(make_window, field) -> None:  # noqa: ANN001
    window = make_window(COMMUNE)
    results = window.pages[2]
    period = field(results, "period")
    assert period.text() == ""
    assert period.placeholderText() == "guessed: năm 2023"  # held 8/3/2024, "… năm 2024": reviews 2023
    period.setFocus()
    type_text(period, "quý IV/2023")
    QTest.keyClick(period, Qt.Key.Key_Tab)
    assert window.document.meeting.results.period == "quý IV/2023"


def test_every_signing_form_is_offered(make_window, field) -> None:  # noqa: ANN001
    window = make_window(COMMUNE)
    closing = window.pages[-1]
    combo = field(closing, "signing")
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert [str(value) for value in offered] == [str(s) for s in Signing]
    assert field(closing, "collective").text() == "ỦY BAN NHÂN DÂN"
