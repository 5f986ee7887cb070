"""The minutes DOCX reopened with python-docx: NĐ 30 page, fonts, letterhead, order, tables, signatures."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from support import COMMUNE_SAMPLE, SEED_SAMPLE

from minutes_app.export.docx_writer import write_docx
from minutes_app.export.minutes import build_minutes
from minutes_app.export.text_metrics import text_width_mm
from minutes_app.storage import load_meeting

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _texts(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def _style_font(document, name: str) -> tuple[float | None, bool | None, bool | None]:  # type: ignore[no-untyped-def]
    """Size, bold and italic of a style, following its base styles."""
    style = document.styles[name]
    size = bold = italic = None
    while style is not None:
        size = size if size is not None else style.font.size
        bold = bold if bold is not None else style.font.bold
        italic = italic if italic is not None else style.font.italic
        style = style.base_style
    return (size.pt if size else None), bold, italic


@pytest.mark.parametrize("name", ["seed", "commune", "english"])
def test_page_is_a4_with_nd30_margins(opened, name: str) -> None:  # type: ignore[no-untyped-def]
    section = opened(name).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.top_margin.mm) == 20 and round(section.bottom_margin.mm) == 20
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15


def test_body_text_is_times_14_justified_indented(opened) -> None:  # type: ignore[no-untyped-def]
    document = opened("seed")
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    fmt = normal.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(fmt.first_line_indent - Cm(1.27)) < Mm(0.1)
    assert fmt.space_after == Pt(6)
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults.get(qn("w:ascii")) == "Times New Roman" and defaults.get(qn("w:cs")) == "Times New Roman"
    # No run overrides the font anywhere in the body.
    assert not document.element.body.findall(f".//{W}rFonts")


def test_page_number_in_the_header_but_not_on_page_one(opened) -> None:  # type: ignore[no-untyped-def]
    section = opened("seed").sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml
    assert "PAGE" not in section.first_page_header._element.xml
    header_paragraph = section.header.paragraphs[0]
    assert header_paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_letterhead_table_texts_and_looks(opened) -> None:  # type: ignore[no-untyped-def]
    document = opened("commune")
    table = document.tables[0]
    left, right = table.rows[0].cells
    left_texts = [p.text for p in left.paragraphs if p.text]
    right_texts = [p.text for p in right.paragraphs if p.text]
    assert left_texts == ["UBND HUYỆN LẤP VÒ", "UBND XÃ BÌNH THÀNH"]
    assert right_texts == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert table.rows[1].cells[0].text == "Số: 05/BB-UBND"
    assert table.rows[1].cells[1].text == "Bình Thành, ngày 05 tháng 3 năm 2025"
    by_text = {p.text: p for cell in (left, right, *table.rows[1].cells) for p in cell.paragraphs}
    assert _style_font(document, by_text["UBND HUYỆN LẤP VÒ"].style.name)[:2] == (13, None)
    assert _style_font(document, by_text["UBND XÃ BÌNH THÀNH"].style.name)[:2] == (13, True)
    motto_size, motto_bold, _ = _style_font(document, by_text["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].style.name)
    assert 12 <= motto_size <= 13 and motto_bold
    slogan_size, slogan_bold, _ = _style_font(document, by_text["Độc lập - Tự do - Hạnh phúc"].style.name)
    assert 13 <= slogan_size <= 14 and slogan_bold
    date_size, _, date_italic = _style_font(document, by_text["Bình Thành, ngày 05 tháng 3 năm 2025"].style.name)
    assert 13 <= date_size <= 14 and date_italic
    # Borderless: the layout table style has no visible borders.
    borders = document.styles[table.style.name].element.find(f"{W}tblPr/{W}tblBorders")
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    # Columns in the decree's 67.5 : 100 proportion, filling the text width (165 mm).
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(widths[0] / widths[1] - 67.5 / 100) < 0.01
    assert abs(sum(widths) / 1440 * 25.4 - 165) < 0.5
    # The motto fits on one line in its column (minus the cell margins).
    assert text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto_size, True) < widths[1] / 1440 * 25.4 - 3.5


def test_rules_are_paragraph_borders_of_the_right_length(opened) -> None:  # type: ignore[no-untyped-def]
    document = opened("commune")
    assert not document.element.body.findall(f".//{W}drawing") and not document.element.body.findall(f".//{W}pict")
    rule_style = document.styles["Rule"].element
    assert rule_style.find(f"{W}pPr/{W}pBdr/{W}bottom").get(qn("w:val")) == "single"
    table = document.tables[0]
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]

    def rule_length_mm(cell, cell_width: int) -> float:  # type: ignore[no-untyped-def]
        rule = next(p for p in cell.paragraphs if p.style.name == "Rule")
        ind = rule._p.pPr.find(qn("w:ind"))
        return (cell_width - 170 - int(ind.get(qn("w:left"))) - int(ind.get(qn("w:right")))) / 1440 * 25.4

    agency = text_width_mm("UBND XÃ BÌNH THÀNH", 13, True)
    assert agency / 3 <= rule_length_mm(table.rows[0].cells[0], widths[0]) <= agency / 2
    slogan = text_width_mm("Độc lập - Tự do - Hạnh phúc", 13, True)
    assert abs(rule_length_mm(table.rows[0].cells[1], widths[1]) - slogan) < 1.0
    # The subject line has its short rule too, right below it.
    paragraphs = document.paragraphs
    subject = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Họp giao ban"))
    assert paragraphs[subject + 1].style.name == "Rule"


def test_blank_number_leaves_room_to_write_by_hand(opened) -> None:  # type: ignore[no-untyped-def]
    assert opened("seed").tables[0].rows[1].cells[0].text == "Số:      /BB-UBND"


def test_title_and_subject_bold_centred(opened) -> None:  # type: ignore[no-untyped-def]
    document = opened("seed")
    paragraphs = document.paragraphs
    title = next(p for p in paragraphs if p.text == "BIÊN BẢN")
    index = [p.text for p in paragraphs].index("BIÊN BẢN")
    subject = paragraphs[index + 1]
    assert subject.text.startswith("Hội nghị trực tuyến tổng kết tình hình kinh tế - xã hội năm 2020")
    for paragraph in (title, subject):
        size, bold, _ = _style_font(document, paragraph.style.name)
        assert 13 <= size <= 14 and bold
        assert paragraph.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_sections_come_in_the_mau_1_9_order(opened) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(opened("seed"))
    starts = ["Thời gian bắt đầu:", "Địa điểm:", "Thành phần tham dự:", "Chủ trì (chủ tọa):",
              "Thư ký (người ghi biên bản):", "Nội dung cuộc họp:", "1. Kết quả thực hiện nhiệm vụ",
              "Trong năm 2020, huyện thực hiện đạt và vượt 16/18 chỉ tiêu", "2. Kết quả nổi bật", "3. Tồn tại, hạn chế",
              "4. Ý kiến thảo luận", "5. Kết luận, chỉ đạo", "6. Bế mạc",
              "Cuộc họp kết thúc vào 17 giờ 00 cùng ngày./.", "Biên bản được lập thành 02 bản"]
    positions = [next(i for i, t in enumerate(texts) if t.startswith(s)) for s in starts]
    assert positions == sorted(positions)
    assert texts[positions[0]] == "Thời gian bắt đầu: 13 giờ 30, ngày 29 tháng 12 năm 2020"
    assert "Hội trường UBND huyện Lấp Vò" in texts[positions[1]] and "Đầu cầu 12 xã, thị trấn" in texts[positions[1]]
    assert texts[positions[3]] == "Chủ trì (chủ tọa): bà Nguyễn Thị Nhanh, Chủ tịch UBND huyện"
    # Labels bold, values not.
    paragraph = opened("seed").paragraphs[positions[0]]
    assert paragraph.runs[0].bold and not paragraph.runs[1].bold


def test_attendance_lists_people_and_the_headcount(opened) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(opened("commune"))
    meeting = load_meeting(COMMUNE_SAMPLE)
    body = "\n".join(texts)
    for attendee in meeting.attendees:
        assert attendee.name in body
    assert "- Vắng mặt: ông Nguyễn Thanh Tâm, Phó Chủ tịch UBND xã (lý do: Đi học lớp bồi dưỡng tại huyện)" in body
    assert "Có mặt 12/14 đại biểu; vắng 2 (có lý do)." in texts
    assert "- Công an xã Bình Thành: ông Phạm Văn Lộc, Trưởng Công an xã." in texts
    assert "- Đại biểu khách mời: bà Bùi Thị Ngọc Ánh, Chủ tịch Ủy ban MTTQ Việt Nam xã." in texts


def test_indicator_table_grouped_by_sector_with_babel_numbers(opened) -> None:  # type: ignore[no-untyped-def]
    document = opened("seed")
    table = document.tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "% kế hoạch", "So năm 2019", "Đánh giá"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)  # rows stay whole
    groups = [r[0] for r in rows[1:] if len(set(r)) == 1]
    assert groups == ["Nông nghiệp", "Nông thôn mới", "Ngân sách", "Lao động, việc làm"]
    by_name = {r[0].split("\n")[0]: r for r in rows[1:] if len(set(r)) > 1}
    assert by_name["Tổng diện tích xuống giống lúa cả năm"][1:] == ["ha", "28.466", "31.597", "111%", "—", "Vượt"]
    assert by_name["Thu ngân sách nhà nước"][2:5] == ["915 tỷ 165 triệu đồng", "926 tỷ 147 triệu đồng", "101,2%"]
    assert by_name["Chi cân đối ngân sách nhà nước"][4:] == ["93,8%", "—", "Chưa đạt"]
    assert by_name["Tổng diện tích liên kết tiêu thụ"][2] == "—"  # no plan
    assert by_name["Số xã đạt chuẩn nông thôn mới"][-1] == "Đạt"
    # The summary, which says "đạt và vượt 16/18" itself (so no second tally line), stands above the table.
    body = list(document.element.body)
    texts = ["".join(t.text or "" for t in e.iter(qn("w:t"))) for e in body]
    assert not any(text == "Thực hiện đạt và vượt 16/18 chỉ tiêu." for text in texts)
    summary = next(i for i, text in enumerate(texts) if text.startswith("Trong năm 2020, huyện thực hiện đạt và vượt"))
    assert body[summary + 1] is table._tbl


def test_zero_plan_prints_a_dash_and_at_most_targets(opened) -> None:  # type: ignore[no-untyped-def]
    rows = [[c.text for c in row.cells] for row in opened("commune").tables[1].rows]
    accidents = next(r for r in rows if r[0] == "Số vụ tai nạn giao thông")
    assert accidents[2:5] == ["—", "1", "—"]
    poor = next(r for r in rows if r[0] == "Số hộ nghèo")
    assert poor[-1] == "Vượt"  # 41 households against at most 45


def test_task_tables_hold_every_task(opened) -> None:  # type: ignore[no-untyped-def]
    document = opened("commune")
    meeting = load_meeting(COMMUNE_SAMPLE)
    task_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Nhiệm vụ"]
    assert len(task_tables) == len(meeting.directives)
    for table, directive in zip(task_tables, meeting.directives, strict=True):
        rows = [[c.text for c in row.cells] for row in table.rows[1:]]
        expected = [[t.task, t.assignee, t.deadline.strftime("%d/%m/%Y")] for t in directive.tasks]
        assert rows == expected
    assert [c.text for c in task_tables[0].rows[0].cells] == ["Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn"]


def test_signatures_and_recipients(opened) -> None:  # type: ignore[no-untyped-def]
    document = opened("seed")
    signatures = document.tables[-1]
    assert len(signatures.rows) == 1 and signatures.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    secretary, chair = signatures.rows[0].cells
    texts = [p.text for p in secretary.paragraphs]
    assert texts[:3] == ["THƯ KÝ", "(Ký, ghi rõ họ tên)", "Lê Minh Thư"]
    assert [p.text for p in chair.paragraphs] == ["CHỦ TỌA", "(Ký, ghi rõ họ tên, đóng dấu)", "Nguyễn Thị Nhanh"]
    assert _style_font(document, secretary.paragraphs[0].style.name)[1] is True
    assert _style_font(document, secretary.paragraphs[1].style.name)[2] is True
    assert _style_font(document, secretary.paragraphs[2].style.name)[1] is True
    # "Nơi nhận" sits below the signatures, flush left, in the same unsplittable row: the list can
    # never be left alone on a page.
    heading = secretary.paragraphs[3]
    assert heading.text == "Nơi nhận:"
    assert _style_font(document, heading.style.name) == (12, True, True)
    assert heading.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    recipients = secretary.paragraphs[4:]
    assert [p.text for p in recipients] == ["- Thường trực Huyện ủy;", "- Thường trực HĐND huyện;",
                                            "- Chủ tịch, các PCT UBND huyện;", "- Các ngành huyện;",
                                            "- UBND các xã, thị trấn;", "- Lưu: VT."]
    assert all(_style_font(document, p.style.name)[0] == 11 for p in recipients)
    # The signatures do not start a page without the text before them.
    assert document.paragraphs[-1].text.startswith("Biên bản được lập thành")
    assert document.paragraphs[-1].paragraph_format.keep_with_next


def test_english_minutes_from_the_same_code(opened) -> None:  # type: ignore[no-untyped-def]
    document = opened("english")
    texts = _texts(document)
    body = "\n".join(texts)
    assert "MINUTES" in texts
    letterhead = document.tables[0]
    assert "CỘNG HÒA" not in letterhead.rows[0].cells[1].text and "Độc lập" not in body
    assert letterhead.rows[1].cells[1].text == "Can Tho, 17 October 2024"
    assert letterhead.rows[1].cells[0].text == "No. 07"
    assert "Present: 4 of 5; apologies: 1." in texts
    assert "- Apologies: Le Hoang Nam, Lecturer (On a field trip)." in texts
    assert "Started at: 2:00 PM, 17 October 2024" in texts
    indicators = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert ["Funds disbursed", "USD", "1,500,000", "1,287,412.50", "85.8%", "135.5%", "Not met"] in indicators
    assert document.tables[-1].rows[0].cells[0].paragraphs[0].text == "SECRETARY"


def test_empty_sections_are_left_out() -> None:
    meeting = load_meeting(SEED_SAMPLE)
    meeting.discussion.clear()
    meeting.results.highlights.clear()
    meeting.closing.copies = None
    texts = _texts(docx.Document(io.BytesIO(write_docx(build_minutes(meeting)))))
    assert not any("Ý kiến thảo luận" in t or "Kết quả nổi bật" in t for t in texts)
    assert "2. Tồn tại, hạn chế" in texts  # the numbering closes up
    assert not any(t.startswith("Biên bản được lập thành") for t in texts)


def test_robust_text_breaks_and_forbidden_characters() -> None:
    meeting = load_meeting(COMMUNE_SAMPLE)
    meeting.closing.note = "Dòng một\nDòng hai\x00\x07 và \ufffe hết"
    very_long = "Phòng Tài nguyên và Môi trường kiêm nhiệm Ban Quản lý dự án đầu tư xây dựng " * 4
    meeting.directives[0].tasks[0].assignee = very_long.strip()
    data = write_docx(build_minutes(meeting))
    document = docx.Document(io.BytesIO(data))
    note = next(p for p in document.paragraphs if p.text.startswith("Dòng một"))
    assert note.text == "Dòng một\nDòng hai và  hết"
    assert note._p.findall(f".//{W}br")
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Nhiệm vụ")
    cell = table.rows[1].cells[1]
    assert cell.text == very_long.strip()
    # A fixed layout: the long name wraps inside its cell instead of widening the table.
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) < 165 / 25.4 * 1440


def test_same_meeting_same_bytes(minutes_docx: dict[str, bytes]) -> None:
    again = write_docx(build_minutes(load_meeting(SEED_SAMPLE)))
    assert again == minutes_docx["seed"]
    properties = docx.Document(io.BytesIO(again)).core_properties
    assert properties.created.replace(tzinfo=None).isoformat() == "2020-12-29T17:00:00"
    assert properties.title.startswith("BIÊN BẢN")
