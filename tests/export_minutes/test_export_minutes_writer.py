"""The DOCX writer is generic over the blocks: what the notice and the news build with it works too."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.oxml.ns import qn

from minutes_app.export.document import (
    Align,
    Column,
    Document,
    Heading,
    Paragraph,
    Recipients,
    Run,
    Signatory,
    SignatureBlock,
    Table,
    TableRow,
    Title,
)
from minutes_app.export.docx_writer import write_docx


def _open(document: Document) -> docx.document.Document:
    return docx.Document(io.BytesIO(write_docx(document)))


def test_signature_with_recipients_beside_it() -> None:
    block = SignatureBlock([Signatory(["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], "", "Lê Văn A")],
                           recipients=Recipients("Nơi nhận:", ["- Các ngành;", "- Lưu: VT."]))
    result = _open(Document("notice", "vi", "Thông báo", [Paragraph.plain("Nội dung."), block]))
    left, right = result.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["Nơi nhận:", "- Các ngành;", "- Lưu: VT."]
    assert [p.text for p in right.paragraphs] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Lê Văn A"]
    widths = [int(c.get(qn("w:w"))) for c in result.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths[0] < widths[1]
    assert result.paragraphs[0].paragraph_format.keep_with_next  # the text stays with the signature


def test_news_headline_without_rule_and_no_page_numbers() -> None:
    runs = [Run("Đậm", bold=True), Run(" và "), Run("nghiêng", italic=True)]
    blocks = [Title("Hội nghị tổng kết", rule=False), Heading("Phần một"),
              Paragraph(runs, align=Align.CENTER, indent_first_line=False)]
    document = Document("news", "vi", "Tin", blocks, page_numbers=False, created=dt.datetime(2021, 1, 5, 9, 30))
    result = _open(document)
    assert not any(p.style.name == "Rule" for p in result.paragraphs)
    assert result.paragraphs[0].paragraph_format.space_after is not None  # a line before the body
    sect_pr = result.sections[0]._sectPr
    assert not [r for r in sect_pr.findall(qn("w:headerReference")) if r.get(qn("w:type")) == "default"]
    assert result.paragraphs[1].style.name == "Section Heading"
    body = result.paragraphs[2]
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in body.runs] == [
        ("Đậm", True, False), (" và ", False, False), ("nghiêng", False, True)]
    assert body.paragraph_format.first_line_indent == 0
    assert result.core_properties.created.replace(tzinfo=None) == dt.datetime(2021, 1, 5, 9, 30)


def test_table_caption_groups_and_short_rows() -> None:
    noted = [Run("x"), Run("\nghi chú", italic=True)]
    rows = [TableRow(["Nhóm"], group=True), TableRow(["một"]), TableRow([noted, "2"])]
    table = Table([Column("A", 30), Column("B", 60, Align.RIGHT)], rows, caption="Bảng:")
    result = _open(Document("news", "en", "T", [table]))
    assert result.paragraphs[0].text == "Bảng:"
    rows = result.tables[0].rows
    assert rows[1]._tr.tc_lst[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
    assert [c.text for c in rows[2].cells] == ["một", ""]
    assert rows[3].cells[0].text == "x\nghi chú"
    assert rows[3].cells[1].paragraphs[0].paragraph_format.alignment is not None
    widths = [int(c.get(qn("w:w"))) for c in result.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(widths[1] / widths[0] - 2) < 0.01 and abs(sum(widths) / 1440 * 25.4 - 165) < 0.5


def test_an_empty_document_still_opens() -> None:
    result = _open(Document("news", "vi", ""))
    assert len(result.paragraphs) == 1 and result.paragraphs[0].text == ""


def test_exports_in_parallel_threads_give_the_same_bytes() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from support import SEED_SAMPLE

    from minutes_app.export.minutes import build_minutes
    from minutes_app.storage import load_meeting

    document = build_minutes(load_meeting(SEED_SAMPLE))
    expected = write_docx(document)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: write_docx(document), range(12)))
    assert all(result == expected for result in results)
