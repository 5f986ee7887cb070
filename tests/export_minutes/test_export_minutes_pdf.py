"""The minutes through LibreOffice: the PDF says the motto, the title, every attendee and every task.

Skipped, with the reason, only where LibreOffice or pdftotext is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from support import COMMUNE_SAMPLE, ENGLISH_SAMPLE, SEED_SAMPLE

from minutes_app.export.pdf import docx_to_pdf, find_soffice
from minutes_app.storage import load_meeting

pytestmark = [
    pytest.mark.slow,  # LibreOffice renderings
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"),
]

PATHS = {"seed": SEED_SAMPLE, "commune": COMMUNE_SAMPLE, "english": ENGLISH_SAMPLE}


def _pdf_text(pdf: bytes, tmp_path) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    pages = text.count(b"\f") or 1
    # Lines wrap inside paragraphs and cells: compare with runs of white space made single spaces.
    return re.sub(r"\s+", " ", text.decode("utf-8")), pages


@pytest.mark.parametrize("name", ["seed", "commune", "english"])
def test_pdf_holds_motto_title_attendees_and_tasks(minutes_docx: dict[str, bytes], name: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    meeting = load_meeting(PATHS[name])
    text, pages = _pdf_text(docx_to_pdf(minutes_docx[name]), tmp_path)
    if name == "english":
        assert "MINUTES" in text and "CỘNG HÒA" not in text
    else:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        assert "BIÊN BẢN" in text
    for attendee in meeting.attendees:
        assert attendee.name in text, attendee.name
    for task in meeting.all_tasks():
        assert task.task in text, task.task
        assert task.assignee in text, task.assignee
    assert 1 <= pages <= 6


def test_letterhead_date_and_number_survive_libreoffice(minutes_docx: dict[str, bytes], tmp_path) -> None:  # type: ignore[no-untyped-def]
    text, _pages = _pdf_text(docx_to_pdf(minutes_docx["commune"]), tmp_path)
    assert "Bình Thành, ngày 05 tháng 3 năm 2025" in text
    assert "Số: 05/BB-UBND" in text
    assert "Cuộc họp kết thúc vào 10 giờ 45 cùng ngày./." in text



def test_page_numbers_from_page_two_on(minutes_docx: dict[str, bytes], tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "minutes.pdf"
    path.write_bytes(docx_to_pdf(minutes_docx["seed"]))
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    pages = [page.decode("utf-8").split() for page in raw.split(b"\f") if page.strip()]
    assert len(pages) >= 2
    assert pages[0][0] != "1" and pages[0][:3] == ["UBND", "TỈNH", "ĐỒNG"]
    for number, words in enumerate(pages[1:], start=2):
        assert words[0] == str(number)
