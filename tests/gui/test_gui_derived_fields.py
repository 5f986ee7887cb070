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


def _retype(widget, text: str) -> None:  # noqa: ANN001
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Tab)


def test_the_form_chosen_with_the_keyboard_is_what_the_notice_prints(make_window, field, preview_text) -> None:  # noqa: ANN001
    """TL. chosen in the combo with the arrow keys, the titles typed: the notice's signature reads
    "TL. CHỦ TỊCH" / "CHÁNH VĂN PHÒNG" and nothing taken from the chair's position."""
    window = make_window(COMMUNE)
    window.go_to_page(len(window.pages) - 1)
    closing = window.pages[-1]
    combo = field(closing, "signing")
    combo.setFocus()
    while combo.currentData() != Signing.BY_ORDER:  # from "KT." down the list, as a person does
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().endswith("(TL.)")
    _retype(field(closing, "collective"), "")
    _retype(field(closing, "authority"), "CHỦ TỊCH")
    _retype(field(closing, "signer_title"), "CHÁNH VĂN PHÒNG")
    notice = window.document.meeting.notice
    assert (notice.signing, notice.collective, notice.authority, notice.signer_title) == (
        Signing.BY_ORDER, "", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG")
    lines = preview_text(window, "notice").splitlines()
    name = lines.index("Phan Văn Lợi")
    assert [line for line in lines[name - 4:name] if line.strip()][-2:] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]
    assert "TM. ỦY BAN NHÂN DÂN" not in lines and "CHỦ TỊCH UBND XÃ" not in "\n".join(lines)
