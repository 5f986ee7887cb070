"""What a head of office would otherwise correct by hand before signing (issue 14), on meetings written
for these tests (``tests/meetings``: a commune, a district department, a school, a company and an
English cooperative): the agency in prose, the period compared with, the signature, the recipients, the
number line, the English wording and the level of the two signatures. The full text of each article
and notice is compared with reviewed golden files in ``test_news_golden`` and ``test_notice_golden``, and
their DOCX with the same files here; here too the signature block and the recipients of the notice and
of the minutes are read line by line in the DOCX and in the HTML.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
import pytest
from lxml import html as lxml_html
from support import WORDING_MEETINGS

from minutes_app.check.rules import CheckContext
from minutes_app.export.minutes import recipients_block
from minutes_app.export.registry import build_document, render_document
from minutes_app.model import Meeting, Signing
from minutes_app.storage import load_meeting

# The helpers new with issue 14 are imported inside the tests that use them, so that against the code
# before it each test fails on its own point rather than the whole file failing to import.

MEETINGS: dict[str, Path] = {path.name.split("-")[0]: path for path in WORDING_MEETINGS}


def _meeting(name: str) -> Meeting:
    return load_meeting(MEETINGS[name])


def _text(meeting: Meeting, kind: str) -> str:
    return render_document(build_document(meeting, kind), "txt").decode("utf-8")


def _docx(meeting: Meeting, kind: str) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_document(build_document(meeting, kind), "docx")))


def _html(meeting: Meeting, kind: str):  # noqa: ANN202 - an lxml element
    return lxml_html.fromstring(render_document(build_document(meeting, kind), "html").decode("utf-8"))


def _cell_lines(cell) -> list[str]:  # noqa: ANN001
    return [p.text for p in cell.paragraphs if p.text.strip()]


def _html_lines(root, css_class: str) -> list[str]:  # noqa: ANN001
    return [element.text_content() for element in root.find_class(css_class)]


# -- 1. the agency in running text -----------------------------------------------------------------
@pytest.mark.parametrize(("letterhead", "prose", "code"), [
    ("UBND XÃ MỸ LONG", "UBND xã Mỹ Long", "UBND"),
    ("UBND HUYỆN LẤP VÒ", "UBND huyện Lấp Vò", "UBND"),
    ("ỦY BAN NHÂN DÂN XÃ TÂN HÒA", "Ủy ban nhân dân xã Tân Hòa", "UBND"),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ", "SKHCN"),
    ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phòng Giáo dục và Đào tạo", "PGDĐT"),
    ("PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Phòng Lao động - Thương binh và Xã hội", "PLĐTBXH"),
    ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "Phòng Tài chính - Kế hoạch", "PTCKH"),
    ("TRƯỜNG THCS NGUYỄN DU", "Trường THCS Nguyễn Du", "THCS"),
    ("ĐẢNG ỦY XÃ MỸ LONG", "Đảng ủy xã Mỹ Long", "ĐU"),
    ("BAN CHỈ HUY QUÂN SỰ XÃ MỸ LONG", "Ban Chỉ huy quân sự xã Mỹ Long", "BCHQS"),
    ("UBND TỈNH BÀ RỊA-VŨNG TÀU", "UBND tỉnh Bà Rịa-Vũng Tàu", "UBND"),
    ("CÔNG TY CỔ PHẦN CẤP NƯỚC AN PHÚ", "Công ty Cổ phần Cấp nước An Phú", "CTCPCN"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ MỸ LONG", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Mỹ Long", "UBMTTQ"),
    ("HỘI LIÊN HIỆP PHỤ NỮ XÃ MỸ LONG", "Hội Liên hiệp Phụ nữ xã Mỹ Long", "HLHPN"),
    ("UBND huyện Lấp Vò", "UBND huyện Lấp Vò", "UBND"),  # typed for prose already: kept
    # The kind of body and its function each take a capital, the rest of their words none (NĐ 30, Phụ lục II):
    ("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG HUYỆN", "Ban Quản lý dự án đầu tư xây dựng huyện", "BQLDAĐTXD"),
    ("BAN CHỈ ĐẠO 35 HUYỆN LẤP VÒ", "Ban Chỉ đạo 35 huyện Lấp Vò", "BCĐ"),
    ("BAN CHẤP HÀNH ĐẢNG BỘ XÃ MỸ LONG", "Ban Chấp hành Đảng bộ xã Mỹ Long", "BCHĐB"),
    ("NGÂN HÀNG CHÍNH SÁCH XÃ HỘI HUYỆN LẤP VÒ", "Ngân hàng Chính sách xã hội huyện Lấp Vò", "NHCSXH"),
    ("CÔNG TY TNHH MTV XỔ SỐ KIẾN THIẾT ĐỒNG THÁP", "Công ty TNHH MTV Xổ số kiến thiết Đồng Tháp", "CTTNHHMTVXSKT"),
    ("TRUNG TÂM VĂN HÓA - THỂ THAO VÀ TRUYỀN THANH HUYỆN", "Trung tâm Văn hóa - Thể thao và Truyền thanh huyện",
     "TTVHTTTT"),
    ("ĐÀI TRUYỀN THANH XÃ MỸ LONG", "Đài Truyền thanh xã Mỹ Long", "ĐTT"),
    ("TRƯỜNG THPT CHUYÊN NGUYỄN QUANG DIÊU", "Trường THPT chuyên Nguyễn Quang Diêu", "THPT"),
])
def test_prose_form_and_code_derived_from_the_letterhead(letterhead: str, prose: str, code: str) -> None:
    from minutes_app.l10n.agency import derived_code, prose_name

    assert prose_name(letterhead) == prose
    assert derived_code(letterhead) == code


def test_english_agency_names() -> None:
    from minutes_app.l10n.agency import derived_code, prose_name

    assert prose_name("DEPARTMENT OF SCIENCE AND TECHNOLOGY", "en") == "Department of Science and Technology"
    assert derived_code("RIVERSIDE HOUSING COOPERATIVE", "en") == "RHC"


def test_article_and_notice_name_the_commune_as_prose_does() -> None:
    meeting = _meeting("commune")
    assert meeting.header.agency_name == ""  # the usual case: the optional field left empty
    article, notice = _text(meeting, "news"), _text(meeting, "notice")
    assert article.startswith("UBND xã Mỹ Long tổ chức Hội nghị triển khai nhiệm vụ")
    assert "Sáng ngày 8/3, UBND xã Mỹ Long tổ chức Hội nghị" in article
    assert "UBND xã Mỹ Long thông báo để các cơ quan" in notice
    assert "UBND XÃ MỸ LONG tổ chức" not in article + notice
    assert "UBND XÃ MỸ LONG thông báo" not in notice
    assert notice.splitlines()[1] == "UBND XÃ MỸ LONG"  # the letterhead stays upper case by rule


def test_the_department_and_the_school_too() -> None:
    assert _text(_meeting("department"), "news").startswith("Phòng Tài chính - Kế hoạch họp sơ kết")
    school = _text(_meeting("school"), "notice")
    assert "Trường THCS Nguyễn Du tổ chức cuộc họp Hội đồng sư phạm" in school
    assert "Trường THCS Nguyễn Du thông báo" in school


# -- 2. the period compared with -------------------------------------------------------------------
def test_the_comparison_follows_the_period_reviewed_not_the_title() -> None:
    meeting = _meeting("commune")  # 8 March 2024, "… năm 2024", reviewing 2023
    article = _text(meeting, "news")
    assert "thu ngân sách nhà nước trên địa bàn là 9 tỷ 120 triệu đồng" in article
    assert "tăng 48,4% so với năm 2022" in article
    assert "so với năm 2023" not in article
    table = _docx(meeting, "minutes").tables[1]
    assert table.rows[0].cells[5].text == "So năm 2022"


def test_a_typed_period_wins_over_the_guess() -> None:
    meeting = _meeting("commune")
    meeting.results.period = "quý IV/2023"
    assert "tăng 48,4% so với cùng kỳ năm 2022" in _text(meeting, "news")
    assert _docx(meeting, "minutes").tables[1].rows[0].cells[5].text == "So cùng kỳ năm 2022"
    meeting.results.period = "đợt thi đua cao điểm"  # a period without a year
    assert "tăng 48,4% so với cùng kỳ;" in _text(meeting, "news")


@pytest.mark.parametrize(("name", "phrase"), [
    ("department", "tăng 12,4% so với cùng kỳ năm 2023"),  # "quý I năm 2024" in the title
    ("school", "tăng 33,3% so với cùng kỳ năm học 2022-2023"),  # "học kỳ I năm học 2023-2024"
    ("company", "tăng 11,2% so với cùng kỳ năm 2023"),  # typed: "6 tháng đầu năm 2024"
    ("cooperative", "up 5.3% on the same period of 2023"),  # typed: "Q3 2024"
])
def test_each_meeting_compares_with_its_own_period(name: str, phrase: str) -> None:
    assert phrase in _text(_meeting(name), "news")


def test_figures_read_as_the_office_reports_them() -> None:
    """A company's revenue is measured against its plan, a public budget against the estimate ("dự toán");
    a rate is written as typed and as the minutes' table prints it ("1,32%", not "1,3%")."""
    company = _text(_meeting("company"), "news")
    assert "doanh thu là 22 tỷ 350 triệu đồng, đạt 106,4% kế hoạch, tăng 11,2% so với cùng kỳ năm 2023" in company
    assert "dự toán" not in company
    department = _text(_meeting("department"), "news")
    assert "thu tiền sử dụng đất là 6 tỷ 400 triệu đồng, đạt 21,3% so với dự toán" in department
    commune = _meeting("commune")
    assert "tỷ lệ hộ nghèo là 1,32%, trong mức kế hoạch (không quá 1,5%)" in _text(commune, "news")
    assert "Tỷ lệ hộ nghèo\t%\t1,5\t1,32\t" in _text(commune, "minutes")


def test_the_guess_of_the_period() -> None:
    import datetime as dt

    from minutes_app.model.period import guess_period

    assert guess_period("Hội nghị triển khai nhiệm vụ năm 2024", dt.date(2024, 3, 8)) == "năm 2023"
    assert guess_period("Hội nghị tổng kết năm 2023, triển khai nhiệm vụ năm 2024", dt.date(2024, 1, 15)) == "năm 2023"
    assert guess_period("Tổng kết kinh tế - xã hội năm 2020, nhiệm vụ năm 2021", dt.date(2020, 12, 29)) == "năm 2020"
    assert guess_period("Giao ban tháng 02 và nhiệm vụ tháng 3 năm 2025", dt.date(2025, 3, 5)) == "tháng 02/2025"
    assert guess_period("Họp sơ kết quý I năm 2024", dt.date(2024, 4, 10)) == "quý I/2024"
    assert guess_period("Sơ kết 6 tháng đầu năm 2024", dt.date(2024, 7, 5)) == "6 tháng đầu năm 2024"
    assert guess_period("Steering Committee, third quarter 2024", dt.date(2024, 10, 17), "en") == "Q3 2024"
    assert guess_period("Quarterly meeting of the Board", dt.date(2024, 11, 14), "en") == ""
    assert guess_period("Họp chi bộ", None) == ""


# -- 3. the signature ------------------------------------------------------------------------------
SIGNATURES = {
    "commune": (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Phan Văn Lợi"),
    "department": (["Q. TRƯỞNG PHÒNG"], "Huỳnh Thị Mai"),
    "school": (["HIỆU TRƯỞNG"], "Đặng Thị Thanh Thúy"),
    "company": (["TM. HỘI ĐỒNG QUẢN TRỊ", "CHỦ TỊCH"], "Lý Quốc Bảo"),
    "cooperative": (["ON BEHALF OF THE BOARD OF DIRECTORS", "PRESIDENT"], "Daniel Okafor"),
}
NOTICE_RECIPIENTS = {
    "commune": ("Nơi nhận:", ["- UBND huyện Cao Lãnh (b/c);", "- Thường trực Đảng ủy xã;", "- Các ngành, các ấp;",
                              "- Lưu: VT."]),
    "department": ("Nơi nhận:", ["- UBND huyện (b/c);", "- Các cơ quan, đơn vị dự toán cấp huyện;",
                                 "- UBND các xã, thị trấn;", "- Lưu: VT, NS."]),
    "school": ("Nơi nhận:", ["- Phòng GD&ĐT huyện (b/c);", "- Hội đồng sư phạm nhà trường;", "- Lưu: VT, HS."]),
    "company": ("Nơi nhận:", ["- Các thành viên HĐQT;", "- Ban Kiểm soát;", "- Ban Giám đốc;", "- Lưu: VT, HĐQT."]),
    "cooperative": ("Distribution:", ["- All members;", "- Property manager;", "- File: Admin."]),
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_notice_signature_and_recipients_line_by_line_in_docx(name: str) -> None:
    titles, signer = SIGNATURES[name]
    heading, recipients = NOTICE_RECIPIENTS[name]
    row = _docx(_meeting(name), "notice").tables[-1].rows[0]
    assert _cell_lines(row.cells[1]) == [*titles, signer]
    assert _cell_lines(row.cells[0]) == [heading, *recipients]


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_notice_signature_and_recipients_line_by_line_in_html(name: str) -> None:
    titles, signer = SIGNATURES[name]
    heading, recipients = NOTICE_RECIPIENTS[name]
    root = _html(_meeting(name), "notice")
    assert _html_lines(root, "signer-title") == titles
    assert _html_lines(root, "signer-name") == [signer]
    assert _html_lines(root, "recipients-heading") == [heading]
    assert _html_lines(root, "recipient") == recipients


def _signing(meeting: Meeting, signing: str, collective: str = "", authority: str = "",
             title: str = "") -> list[str]:
    meeting.notice = dataclasses.replace(meeting.notice, signing=Signing(signing), authority=authority,
                                         signer_title=title)
    meeting.notice.collective = collective  # type: ignore[attr-defined] - new with issue 14
    return _cell_lines(_docx(meeting, "notice").tables[-1].rows[0].cells[1])[:-1]


@pytest.mark.parametrize(("signing", "collective", "authority", "title", "lines"), [
    ("direct", "", "", "CHỦ TỊCH", ["CHỦ TỊCH"]),
    ("direct", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
    ("on_behalf", "", "Chủ tịch", "Phó Chủ tịch", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("by_order", "", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
    ("by_delegation", "", "GIÁM ĐỐC", "TRƯỞNG PHÒNG HÀNH CHÍNH", ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG HÀNH CHÍNH"]),
    ("acting", "", "GIÁM ĐỐC", "", ["Q. GIÁM ĐỐC"]),
    ("on_behalf", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",  # prefixes typed too: once
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
])
def test_every_signing_form_prints_what_was_chosen(signing: str, collective: str, authority: str, title: str,
                                                   lines: list[str]) -> None:
    assert _signing(_meeting("commune"), signing, collective, authority, title) == lines


def test_no_title_is_invented() -> None:
    from minutes_app.check.rules import notice_signature_incomplete

    meeting = _meeting("commune")  # the chair is "Phó Bí thư Đảng ủy, Chủ tịch UBND xã"
    assert _signing(meeting, "direct", title="CHỦ TỊCH") == ["CHỦ TỊCH"]  # not "CHỦ TỊCH UBND XÃ"
    assert _signing(meeting, "direct") == []
    findings = list(notice_signature_incomplete(meeting, CheckContext()))
    assert [f.path for f in findings] == [("notice", "signer_title")]
    assert _signing(meeting, "on_behalf", title="PHÓ CHỦ TỊCH") == ["PHÓ CHỦ TỊCH"]
    assert [f.path for f in notice_signature_incomplete(meeting, CheckContext())] == [("notice", "authority")]


MINUTES_RECIPIENTS = {
    "commune": ["- Thường trực Đảng ủy xã;", "- Thường trực HĐND xã;", "- Các ngành, đoàn thể xã;", "- Lưu: VT."],
    "department": ["- UBND huyện (b/c);", "- Các cơ quan, đơn vị dự toán cấp huyện;", "- UBND các xã, thị trấn;",
                   "- Lưu: VT, NS."],  # typed "UBND huyện (b/c)" … "Lưu VT, NS"
    "school": ["- Phòng GD&ĐT huyện (b/c);", "- Hội đồng sư phạm nhà trường;", "- Lưu: VT, HS."],
    "company": ["- Các thành viên HĐQT;", "- Ban Kiểm soát;", "- Ban Giám đốc;", "- Lưu: VT, HĐQT."],
    "cooperative": ["- All members;", "- Property manager;", "- File: Admin."],
}
# (title, signing note) of the secretary and of the chair, and the heading of the recipients.
MINUTES_SIGNATURES = {
    "vi": (("THƯ KÝ", "(Ký, ghi rõ họ tên)"), ("CHỦ TỌA", "(Ký, ghi rõ họ tên, đóng dấu)"), "Nơi nhận:"),
    "en": (("SECRETARY", "(Signature and full name)"), ("CHAIR", "(Signature, full name and seal)"), "Distribution:"),
}


@pytest.mark.parametrize("name", sorted(MINUTES_RECIPIENTS))
def test_minutes_keep_secretary_and_chair_and_list_recipients_once(name: str) -> None:
    meeting = _meeting(name)
    (secretary_title, secretary_note), (chair_title, chair_note), heading = MINUTES_SIGNATURES[meeting.language.value]
    left, right = _docx(meeting, "minutes").tables[-1].rows[0].cells
    secretary, chair = meeting.meeting.secretary, meeting.meeting.chair
    assert _cell_lines(left) == [secretary_title, secretary_note, secretary, heading, *MINUTES_RECIPIENTS[name]]
    assert _cell_lines(right) == [chair_title, chair_note, chair]
    root = _html(meeting, "minutes")
    assert _html_lines(root, "signer-title") == [secretary_title, chair_title]
    assert _html_lines(root, "signer-name") == [secretary, chair]
    assert _html_lines(root, "recipients-heading") == [heading]
    assert _html_lines(root, "recipient") == MINUTES_RECIPIENTS[name]


@pytest.mark.parametrize("kind", ["news", "notice"])
@pytest.mark.parametrize("name", sorted(MEETINGS))
def test_the_docx_says_what_the_reviewed_golden_text_says(name: str, kind: str) -> None:
    """The article's and the notice's DOCX hold every line of the reviewed golden text and nothing else
    (the golden files are compared whole with the plain text in test_news_golden / test_notice_golden)."""
    from collections import Counter

    from docx.oxml.ns import qn

    golden = Path(__file__).parents[1] / ("export_news" if kind == "news" else "export_notice") / "reference"
    stem = MEETINGS[name].name.removesuffix(".minutes.json")
    expected = [line for line in (golden / f"{stem}.{kind}.txt").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    body = _docx(_meeting(name), kind).element.body
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    assert Counter(line for line in lines if line.strip()) == Counter(expected)


# -- 4. recipients typed in any style --------------------------------------------------------------
@pytest.mark.parametrize(("typed", "printed"), [
    (["- Thường trực Đảng ủy xã;", "- Lưu: VT."], ["- Thường trực Đảng ủy xã;", "- Lưu: VT."]),
    (["UBND huyện (b/c)", "Lưu VT"], ["- UBND huyện (b/c);", "- Lưu: VT."]),
    (["– Các ngành;", "• Các ấp.", "lưu: vt, th."], ["- Các ngành;", "- Các ấp;", "- Lưu: VT, TH."]),
    (["Lưu: VT, TH.", "Các ngành"], ["- Các ngành;", "- Lưu: VT, TH."]),  # the archive line goes last
    (["Các ngành", "- ;", "  "], ["- Các ngành;", "- Lưu: VT."]),  # blank lines dropped, archive added
    (["Lưu trữ lịch sử tỉnh", "Lưu"], ["- Lưu trữ lịch sử tỉnh;", "- Lưu: VT."]),  # a recipient, not the archive
    (["Các ngành", "- Lưu: VT;", "- Lưu: TH."], ["- Các ngành;", "- Lưu: VT, TH."]),  # two archive lines: one
    (["Lưu: VT, VP (02b).", "Như trên;", "lưu vt"], ["- Như trên;", "- Lưu: VT, VP (02b)."]),
])
def test_recipients_typed_as_in_word_print_once(typed: list[str], printed: list[str]) -> None:
    assert recipients_block(typed, "Nơi nhận:", "Lưu: VT", "Lưu").lines == printed


# -- 5. the number line ----------------------------------------------------------------------------
def test_the_code_is_derived_when_none_is_typed() -> None:
    meeting = _meeting("commune")
    assert meeting.header.agency_code == ""
    minutes, notice = _docx(meeting, "minutes"), _docx(meeting, "notice")
    assert _cell_lines(minutes.tables[0].rows[-1].cells[0])[-1] == "Số:      /BB-UBND"
    assert any(line.endswith("/TB-UBND") for line in _cell_lines(notice.tables[0].rows[-1].cells[0]))
    from minutes_app.check.rules import number_without_code

    assert list(number_without_code(meeting, CheckContext())) == []


@pytest.mark.parametrize(("typed", "minutes", "notice"), [
    ("7", "Số: 07/BB-UBND", "Số: 07/TB-UBND"),
    ("Số: 7", "Số: 07/BB-UBND", "Số: 07/TB-UBND"),  # the label typed too, as in Word
    ("07/BB-UBND.", "Số: 07/BB-UBND", "Số: 07/BB-UBND"),  # the whole number typed: not "07/BB-UBND/BB-UBND"
    ("05/BB-ĐU", "Số: 05/BB-ĐU", "Số: 05/BB-ĐU"),
])
def test_a_number_typed_as_in_word_prints_once(typed: str, minutes: str, notice: str) -> None:
    meeting = _meeting("commune")
    meeting.header.number = meeting.notice.number = typed
    assert _cell_lines(_docx(meeting, "minutes").tables[0].rows[-1].cells[0])[-1] == minutes
    assert _cell_lines(_docx(meeting, "notice").tables[0].rows[-1].cells[0])[-1] == notice
    assert minutes in _text(meeting, "minutes") and notice in _text(meeting, "notice")


@pytest.mark.parametrize("agency", ["", "XÃ MỸ LONG"])
def test_check_panel_flags_a_number_line_without_a_code(agency: str) -> None:
    from minutes_app.check.rules import number_without_code

    meeting = _meeting("commune")
    meeting.header.agency = agency
    findings = list(number_without_code(meeting, CheckContext()))
    assert [(f.rule, f.path) for f in findings] == [("number-without-code", ("header", "agency_code"))]
    meeting.header.agency_code = "UBND"
    assert list(number_without_code(meeting, CheckContext())) == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_check_names_the_fields_of_the_number_line_and_the_signature_in_words(language: str) -> None:
    """The finding is shown as "Thông tin chung › Ký hiệu cơ quan: …", never as the file's "agency_code"."""
    from minutes_app.check import field_label
    from minutes_app.check.rules import notice_signature_incomplete, number_without_code
    from minutes_app.l10n.i18n import set_ui_language

    meeting = _meeting("commune")
    meeting.header.agency = ""
    findings = list(number_without_code(meeting, CheckContext()))
    for title in ("", "PHÓ CHỦ TỊCH"):  # no title of the signer; then no title of the head after "KT."
        meeting.notice = dataclasses.replace(meeting.notice, signing=Signing("on_behalf"), authority="",
                                             signer_title=title)
        findings += notice_signature_incomplete(meeting, CheckContext())
    assert {f.path[-1] for f in findings} == {"agency_code", "signer_title", "authority"}
    set_ui_language(language)  # the autouse fixture sets English back after the test
    labels = [field_label(f) for f in findings]
    assert not {"agency_code", "signer_title", "authority"} & set(labels)
    if language == "vi":
        assert "Ký hiệu cơ quan" in labels


# -- 6. English as an English minute-taker writes it -----------------------------------------------
def test_english_documents_read_as_written_in_english() -> None:
    meeting = _meeting("cooperative")
    article, notice, minutes = (_text(meeting, kind) for kind in ("news", "notice", "minutes"))
    assert ("Riverside Housing Cooperative held the quarterly meeting of the Board of Directors at the "
            "Community room, 12 Elm Street.") in article
    assert ("The meeting noted the following difficulty: maintenance spending 13% over budget after the "
            "boiler repair.") in article
    assert "Among the difficulties" not in article
    assert ("- On the topic of “Reserve fund”, Aisha Rahman, Treasurer, said: The reserve fund stands at USD "
            "182,000") in minutes  # not "said: Reserve fund. The reserve fund …"
    assert "said: Reserve fund" not in minutes
    assert "Daniel Okafor, President, concluded and directed:" in minutes
    assert "No. 2024-11\n" in minutes and "No. 2024-12\n" in notice
    assert "BB-" not in minutes and "TB-" not in notice
    assert "at the quarterly meeting of the Board of Directors" in notice


def test_an_intervention_on_a_topic_reads_as_one_sentence(tmp_path: Path) -> None:
    """"Bà …, Công chức Tài chính - Kế toán phát biểu về thu ngân sách năm 2024: Đề nghị …", not the topic
    as a sentence of its own after "phát biểu:"; an office's phrases template older than the macro keeps
    the older form rather than failing."""
    from minutes_app.export.minutes import build_minutes
    from minutes_app.export.options import ExportOptions
    from minutes_app.export.text_writer import write_text
    from minutes_app.paths import templates_dir

    meeting = _meeting("commune")
    expected = ("- Bà Võ Thị Ngọc Hân, Công chức Tài chính - Kế toán phát biểu về thu ngân sách năm 2024: Đề nghị "
                "các ấp phối hợp rà soát hộ kinh doanh mới phát sinh")
    assert expected in _text(meeting, "minutes")
    assert "phát biểu: Thu ngân sách năm 2024." not in _text(meeting, "minutes")
    builtin = (templates_dir() / "minutes" / "phrases.vi.j2").read_text(encoding="utf-8")
    older = builtin.replace("{% macro speaker_says_on(", "{% macro unused_since_then(")
    (tmp_path / "minutes").mkdir()
    (tmp_path / "minutes" / "phrases.vi.j2").write_text(older, encoding="utf-8")
    text = write_text(build_minutes(meeting, ExportOptions(templates_dir=tmp_path))).decode("utf-8")
    assert "- Bà Võ Thị Ngọc Hân, Công chức Tài chính - Kế toán phát biểu: Thu ngân sách năm 2024. Đề nghị" in text


# -- 7. the two signatures level in the preview ----------------------------------------------------
def test_minutes_signatures_share_rows_so_the_names_stay_level() -> None:
    table = _html(_meeting("school"), "minutes").find_class("signatures")[0]
    rows = table.findall("tr")
    assert [[cell.text_content() for cell in row.findall("td")] for row in rows] == [
        ["THƯ KÝ", "CHỦ TỌA"],
        ["(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên, đóng dấu)"],
        ["Nguyễn Thị Kiều", "Đặng Thị Thanh Thúy"],
    ]
