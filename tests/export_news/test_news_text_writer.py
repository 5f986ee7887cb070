"""The plain-text writer over every kind of block, and the section markup the prose templates write."""

from __future__ import annotations

import unicodedata

from minutes_app.export.document import (
    Align,
    Column,
    Document,
    Heading,
    LabelledLine,
    Letterhead,
    Paragraph,
    Recipients,
    Run,
    Signatory,
    SignatureBlock,
    Table,
    TableRow,
    Title,
)
from minutes_app.export.sections import blocks, lines, paragraphs, parse_sections, runs, tidy
from minutes_app.export.text_writer import render_text, write_text


def test_every_block_kind_as_text() -> None:
    document = Document(kind="minutes", language="vi", title="t", blocks=[
        Letterhead("UBND HUYỆN LẤP VÒ", "UBND XÃ BÌNH THÀNH", "Số: 05/BB-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Độc lập - Tự do - Hạnh phúc", "Bình Thành, ngày 05 tháng 3 năm 2025"),
        Title("BIÊN BẢN", "Họp giao ban"),
        Heading("I. THÀNH PHẦN"),
        LabelledLine("Chủ trì", "Bà Võ Thị Hồng Nhung"),
        Paragraph([Run("Đậm", bold=True), Run(" và thường")]),
        Paragraph.plain("một ý", bullet=True),
        Table([Column("Chỉ tiêu", 60), Column("Thực hiện", 30, Align.RIGHT)],
              [TableRow(["Nông nghiệp"], group=True), TableRow(["Lúa\tđông xuân", [Run("1.872 ha", bold=True)]])],
              caption="Bảng 1"),
        SignatureBlock([Signatory(["THƯ KÝ"], "(Ký, ghi rõ họ tên)", "Trần Thị Kim Ngân"),
                        Signatory(["CHỦ TỌA"], "", "Võ Thị Hồng Nhung")]),
        Recipients("Nơi nhận:", ["- Đảng ủy xã;", "- Lưu: VT."]),
    ])
    assert render_text(document) == (
        "UBND HUYỆN LẤP VÒ\nUBND XÃ BÌNH THÀNH\nSố: 05/BB-UBND\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBình Thành, ngày 05 tháng 3 năm 2025\n\n"
        "BIÊN BẢN\nHọp giao ban\n\n"
        "I. THÀNH PHẦN\n\n"
        "Chủ trì: Bà Võ Thị Hồng Nhung\n\n"
        "Đậm và thường\n\n"
        "- một ý\n\n"
        "Bảng 1\nChỉ tiêu\tThực hiện\nNông nghiệp\nLúa đông xuân\t1.872 ha\n\n"
        "THƯ KÝ\n(Ký, ghi rõ họ tên)\nTrần Thị Kim Ngân\n\n"
        "CHỦ TỌA\nVõ Thị Hồng Nhung\n\n"
        "Nơi nhận:\n- Đảng ủy xã;\n- Lưu: VT.\n"
    )


def test_recipients_beside_a_signature_come_first_and_empty_parts_are_left_out() -> None:
    document = Document(kind="notice", language="en", title="t", blocks=[
        Letterhead("", "DEPARTMENT", "No.:       /TB-X", "", "", "Can Tho, 17 October 2024"),
        Paragraph.plain(""),
        SignatureBlock([Signatory(["FOR THE DIRECTOR", "DEPUTY DIRECTOR"], name="")],
                       recipients=Recipients("Distribution:", ["- File: Admin."])),
    ])
    assert render_text(document) == ("DEPARTMENT\nNo.:       /TB-X\n\nCan Tho, 17 October 2024\n\n"
                                     "Distribution:\n- File: Admin.\n\nFOR THE DIRECTOR\nDEPUTY DIRECTOR\n")


def test_text_is_nfc_utf8() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    data = write_text(Document(kind="news", language="vi", title="t", blocks=[Paragraph.plain(decomposed)]))
    assert data == "Nguyễn Thị Ánh Tuyết\n".encode()
    assert write_text(Document(kind="news", language="vi", title="t")) == b"\n"


def test_sections_paragraphs_and_markup() -> None:
    text = ("ignored\n[[title]]\n  Tin  \n[[body]]\nMột câu\n  dài ,\ntiếp .\n\n\n\n# I. ĐẦU\n\n"
            "## 1. Nhỏ\n\n- ý **đậm**\n")
    parts = parse_sections(text)
    assert parts == {"title": "Tin", "body": "Một câu\n  dài ,\ntiếp .\n\n\n\n# I. ĐẦU\n\n## 1. Nhỏ\n\n- ý **đậm**"}
    assert paragraphs(parts["body"]) == ["Một câu dài, tiếp.", "# I. ĐẦU", "## 1. Nhỏ", "- ý **đậm**"]
    result = blocks(parts["body"])
    assert isinstance(result[0], Paragraph) and result[0].text == "Một câu dài, tiếp."
    assert isinstance(result[1], Heading) and (result[1].text, result[1].level) == ("I. ĐẦU", 1)
    assert isinstance(result[2], Heading) and (result[2].text, result[2].level) == ("1. Nhỏ", 2)
    assert isinstance(result[3], Paragraph) and result[3].bullet
    assert result[3].runs == [Run("ý "), Run("đậm", bold=True)]


def test_markup_edge_cases() -> None:
    assert runs("") == [Run("")]
    assert runs("**a**") == [Run("a", bold=True)]
    assert runs("2 ** 3") == [Run("2 ** 3")]  # an unpaired mark is text
    assert tidy("  a  ,  b ;  c .  ") == "a, b; c."
    assert tidy("3,5 và .NET") == "3,5 và .NET"  # only a space before punctuation that ends a clause goes
    assert lines("\n  TL. CHỦ TỊCH \n\n CHÁNH VĂN PHÒNG\n") == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]
    assert parse_sections("no sections at all") == {}
    assert blocks("") == []
    # A paragraph starts with a capital even when the template left its first words out.
    assert blocks("cuộc họp được tổ chức.")[0].text == "Cuộc họp được tổ chức."
