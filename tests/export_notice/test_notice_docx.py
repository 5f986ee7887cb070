"""The notice of conclusions (NĐ 30 Mẫu 1.4), checked like the minutes: the DOCX reopened with python-docx,
and the PDF LibreOffice makes of it read back with pdftotext."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from support import COMMUNE_SAMPLE, ENGLISH_SAMPLE, SEED_SAMPLE, run_cli

from minutes_app.export.document import SignatureBlock
from minutes_app.export.notice import build_notice, tasks_by_unit
from minutes_app.export.registry import export_meeting
from minutes_app.model import Signing
from minutes_app.storage import load_meeting


def _body(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


@pytest.fixture(scope="module")
def commune(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_meeting(load_meeting(COMMUNE_SAMPLE), "notice", tmp_path_factory.mktemp("n") / "tb.docx")


def test_letterhead_number_title_and_subject(commune: Path) -> None:
    document = docx.Document(str(commune))
    letterhead = document.tables[0]
    cells = [cell.text for row in letterhead.rows for cell in row.cells]
    assert "Số: 12/TB-UBND" in cells
    assert "Bình Thành, ngày 05 tháng 3 năm 2025" in cells
    assert any("UBND XÃ BÌNH THÀNH" in c for c in cells)
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in c and "Độc lập - Tự do - Hạnh phúc" in c for c in cells)
    body = _body(document)
    assert body[0] == "THÔNG BÁO"
    assert body[1] == ("Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban đánh giá kết quả thực hiện nhiệm vụ "
                       "tháng 02 và triển khai nhiệm vụ tháng 3 năm 2025")


def test_opening_says_when_where_who_chaired_and_who_attended(commune: Path) -> None:
    opening = _body(docx.Document(str(commune)))[2]
    assert opening.startswith("Ngày 05 tháng 3 năm 2025, tại Hội trường UBND xã Bình Thành, UBND xã Bình Thành tổ "
                              "chức cuộc họp giao ban")
    assert "Bà Võ Thị Hồng Nhung, Phó Bí thư Đảng ủy, Chủ tịch UBND xã chủ trì cuộc họp." in opening
    assert "Tham dự có bà Bùi Thị Ngọc Ánh, Chủ tịch Ủy ban MTTQ Việt Nam xã; ông Lê Văn Hùng" in opening
    assert "Lâm Thị Thu Hà" not in opening and "Nguyễn Thanh Tâm" not in opening  # absent
    assert "Trần Thị Kim Ngân" not in opening  # the secretary writes, she is not listed


def test_conclusions_are_numbered_and_tasks_grouped_by_unit_with_deadlines(commune: Path) -> None:
    body = _body(docx.Document(str(commune)))
    assert ("Sau khi nghe báo cáo kết quả thực hiện nhiệm vụ và ý kiến của các đại biểu dự cuộc họp, Chủ tịch UBND "
            "xã kết luận như sau:") in body
    first = body.index("I. KẾT LUẬN CHUNG")
    second = body.index("II. NHIỆM VỤ GIAO CÁC CƠ QUAN, ĐƠN VỊ")
    assert [p[:3] for p in body[first + 1:second]] == ["1. ", "2. ", "3. "]
    assert body[first + 2].startswith("2. Các ngành, các ấp tập trung chăm sóc lúa Đông Xuân")
    assert body[first + 3].startswith("3. Thống nhất ý kiến của ông Lê Văn Hùng, Phó Chủ tịch UBND xã: Ban Chỉ huy")
    assert body[second + 1] == "1. Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường:"
    assert body[second + 2] == "- Nạo vét kênh Ba Xuân phục vụ bơm tưới vụ Đông Xuân; thời hạn: trước ngày 20/03/2025."
    assert "5. Ban Chỉ huy Quân sự xã:" in body
    assert "- Xây dựng kế hoạch huấn luyện dân quân năm 2025; thời hạn: trước ngày 14/03/2025." in body
    assert "UBND xã Bình Thành thông báo để các cơ quan, đơn vị, cá nhân có liên quan biết, thực hiện./." in body


def test_recipients_beside_the_direct_signature(commune: Path) -> None:
    table = docx.Document(str(commune)).tables[-1]
    left, right = table.rows[0].cells[0].text, table.rows[0].cells[1].text
    assert left.splitlines() == ["Nơi nhận:", "- Đảng ủy xã (b/c);", "- Thường trực HĐND xã;", "- Các ngành, các ấp;",
                                 "- Lưu: VT."]
    assert [line for line in right.splitlines() if line.strip()] == ["CHỦ TỊCH", "Võ Thị Hồng Nhung"]


@pytest.mark.parametrize(("signing", "titles"), [
    (Signing.DIRECT, ["CHỦ TỊCH"]),
    (Signing.ON_BEHALF, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    (Signing.BY_ORDER, ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
])
def test_signature_follows_the_signing_mode(signing: Signing, titles: list[str]) -> None:
    meeting = load_meeting(SEED_SAMPLE)
    signer_title = {Signing.ON_BEHALF: "PHÓ CHỦ TỊCH", Signing.BY_ORDER: "CHÁNH VĂN PHÒNG"}.get(signing, "")
    meeting.notice = dataclasses.replace(meeting.notice, signing=signing, signer_title=signer_title,
                                         signer_name="Lê Văn A")
    block = next(b for b in build_notice(meeting).blocks if isinstance(b, SignatureBlock))
    assert block.signatories[0].titles == titles
    assert block.signatories[0].name == "Lê Văn A"
    assert block.recipients is not None and block.recipients.heading == "Nơi nhận:"
    assert block.recipients.lines[-1] == "- Lưu: VT."


def test_seed_notice_signed_by_order_with_a_blank_number(tmp_path: Path) -> None:
    out = export_meeting(load_meeting(SEED_SAMPLE), "notice", tmp_path / "tb.docx")
    document = docx.Document(str(out))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "Số:       /TB-UBND" in cells  # room to write the number by hand
    body = _body(document)
    assert body[1].startswith("Kết luận của Chủ tịch UBND huyện tại Hội nghị trực tuyến tổng kết")
    assert any(p.startswith("2. Quán triệt và thực hiện ý kiến chỉ đạo của ông Trần Văn Sáu, Tỉnh ủy viên, Bí thư "
                            "Huyện ủy: trước những kết quả") for p in body)
    signature = document.tables[-1].rows[0].cells[1].text
    assert signature.splitlines()[:2] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]


def test_tasks_by_unit_keeps_first_seen_order_and_merges_case() -> None:
    meeting = load_meeting(SEED_SAMPLE)
    meeting.directives[0].tasks[1].assignee = "  ubnd   HUYỆN "
    units = tasks_by_unit(meeting)
    assert [u.unit for u in units][:2] == ["UBND huyện", "Các ngành huyện, UBND các xã, thị trấn"]
    assert [len(u.tasks) for u in units] == [2, 1, 1, 2, 1, 1]


def test_english_notice(tmp_path: Path) -> None:
    out = export_meeting(load_meeting(ENGLISH_SAMPLE), "notice", tmp_path / "notice.docx")
    document = docx.Document(str(out))
    body = _body(document)
    assert body[:2] == ["NOTICE", "Conclusions of the Deputy Director at the Steering Committee meeting of the "
                                  "Mekong Smart Farming Project, third quarter 2024"]
    assert "II. TASKS ASSIGNED" in body and "1. Project Management Unit:" in body
    assert "- Install the remaining 24 sensor stations; deadline: 13 Dec 2024." in body
    signature = document.tables[-1].rows[0].cells[1].text
    assert [line for line in signature.splitlines() if line.strip()] == [
        "FOR THE DIRECTOR", "DEPUTY DIRECTOR", "Nguyen Thi Lan"]
    assert "CỘNG HÒA" not in "\n".join(c.text for row in document.tables[0].rows for c in row.cells)


def test_cli_writes_the_notice(tmp_path: Path) -> None:
    out = tmp_path / "tb.docx"
    result = run_cli("export", COMMUNE_SAMPLE, "--kind", "notice", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Số: 12/TB-UBND" in [c.text for row in docx.Document(str(out)).tables[0].rows for c in row.cells]


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
@pytest.mark.slow
def test_libreoffice_pdf_text_of_the_notice(commune: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(commune)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "tb.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    flat = " ".join(text.split())
    assert "Số: 12/TB-UBND" in flat
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat
    assert "THÔNG BÁO" in flat
    assert "Chủ tịch UBND xã kết luận như sau:" in flat
    assert "thời hạn: trước ngày 20/03/2025" in flat
    assert "Nơi nhận:" in flat and "- Lưu: VT." in flat
    assert "Võ Thị Hồng Nhung" in flat
    # The motto fits on one line: its words are adjacent on one line of the layout.
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in text.splitlines())
