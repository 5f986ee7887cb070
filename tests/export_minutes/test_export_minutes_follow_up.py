"""The review of the tasks carried from the earlier meeting, in the minutes: heading, tally and table.

The April commune meeting follows the March one; its five carried tasks are three done, one overdue
(the tax task due 25 March) and one still open (health insurance, due 15 April). Statuses are judged
on the meeting's day, which the document records.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import shutil
import subprocess

import docx
import pytest
from support import APRIL_SAMPLE, COMMUNE_SAMPLE, ENGLISH_SAMPLE

from minutes_app.export.docx_writer import write_docx
from minutes_app.export.html_writer import write_html
from minutes_app.export.minutes import build_minutes
from minutes_app.export.pdf import docx_to_pdf, find_soffice
from minutes_app.export.registry import ExportOptions
from minutes_app.export.text_writer import write_text
from minutes_app.model import Meeting
from minutes_app.model.follow_up import next_meeting
from minutes_app.model.meeting import TaskOrigin
from minutes_app.storage import load_meeting

HEADING = "Kết quả thực hiện các nhiệm vụ được giao tại cuộc họp ngày 05/03/2025 (Thông báo số 12/TB-UBND)"
COLUMNS = ["STT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn", "Kết quả"]


def _opened(meeting: Meeting, tmp_path) -> docx.document.Document:  # type: ignore[no-untyped-def]
    options = ExportOptions(templates_dir=tmp_path / "no-user-templates")  # built-in templates only
    return docx.Document(io.BytesIO(write_docx(build_minutes(meeting, options), options)))


def _headings(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if re.match(r"\d+\. ", p.text) and p.style.name == "Section Heading"]


def _follow_up_table(document: docx.document.Document, columns: list[str] = COLUMNS):  # type: ignore[no-untyped-def]
    tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == columns]
    assert len(tables) == 1, f"expected one follow-up table, found {len(tables)}"
    return tables[0]


def _rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


@pytest.fixture
def april() -> Meeting:
    return load_meeting(APRIL_SAMPLE)


def test_the_review_comes_after_the_report_and_before_the_discussion(april: Meeting, tmp_path) -> None:  # type: ignore[no-untyped-def]
    headings = _headings(_opened(april, tmp_path))
    assert headings == ["1. Kết quả thực hiện nhiệm vụ", "2. Kết quả nổi bật", "3. Tồn tại, hạn chế",
                        f"4. {HEADING}", "5. Ý kiến thảo luận", "6. Kết luận, chỉ đạo", "7. Bế mạc"]


def test_tally_then_one_row_per_carried_task_in_order(april: Meeting, tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = _opened(april, tmp_path)
    texts = [p.text for p in document.paragraphs]
    tally = texts[texts.index(f"4. {HEADING}") + 1]
    assert tally == "Đã hoàn thành 3/5 nhiệm vụ; 1 nhiệm vụ chưa hoàn thành, quá hạn; 1 nhiệm vụ đang thực hiện."
    rows = _rows(_follow_up_table(document))
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "5"]
    assert [row[1] for row in rows] == [task.task for task in april.follow_up]
    assert [row[2] for row in rows] == [task.assignee for task in april.follow_up]
    assert [row[3] for row in rows] == ["20/03/2025", "25/03/2025", "31/03/2025", "15/04/2025", "14/03/2025"]
    assert rows[0][4] == ("Đã hoàn thành ngày 19/3\n"
                          "Đã nạo vét 1,2 km kênh Ba Xuân, bảo đảm nước tưới cho 120 ha lúa")
    assert rows[1][4] == "Chưa hoàn thành, quá hạn\nĐã thu được 85% số thuế của hộ kinh doanh; còn 14 hộ chưa nộp"
    assert rows[2][4].startswith("Đã hoàn thành ngày 31/3\n")
    assert rows[3][4] == "Đang thực hiện\nĐã vận động thêm 146 người tham gia; tỷ lệ bao phủ đạt 92,6%"
    assert rows[4][4].startswith("Đã hoàn thành ngày 13/3\n")


def test_status_word_is_italic_and_progress_plain(april: Meeting, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = _follow_up_table(_opened(april, tmp_path))
    runs = table.rows[2].cells[4].paragraphs[0].runs
    assert runs[0].text == "Chưa hoàn thành, quá hạn" and runs[0].italic
    assert "Đã thu được 85%" in runs[1].text and not runs[1].italic


def test_columns_give_the_result_the_most_room(april: Meeting, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = _follow_up_table(_opened(april, tmp_path))
    widths = [cell.width for cell in table.rows[0].cells]
    assert widths[0] == min(widths)  # STT
    assert widths[4] >= max(widths[1:4])  # Kết quả: a status word and the progress reported


@pytest.mark.parametrize(("day", "expected"), [
    # The day before the tax deadline: nothing is overdue yet.
    (dt.date(2025, 3, 24), ["Đã hoàn thành ngày 19/3", "Đang thực hiện", "Đã hoàn thành ngày 31/3",
                            "Đang thực hiện", "Đã hoàn thành ngày 13/3"]),
    # After 15 April the health insurance task is overdue too.
    (dt.date(2025, 4, 16), ["Đã hoàn thành ngày 19/3", "Chưa hoàn thành, quá hạn", "Đã hoàn thành ngày 31/3",
                            "Chưa hoàn thành, quá hạn", "Đã hoàn thành ngày 13/3"]),
])
def test_status_is_judged_on_the_meeting_day(april: Meeting, day: dt.date, expected: list[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    april.meeting.date = day
    rows = _rows(_follow_up_table(_opened(april, tmp_path)))
    assert [row[4].split("\n")[0] for row in rows] == expected


def test_a_meeting_without_a_date_judges_on_today(april: Meeting, tmp_path) -> None:  # type: ignore[no-untyped-def]
    april.meeting.date = None
    rows = _rows(_follow_up_table(_opened(april, tmp_path)))
    today = dt.date.today()
    for task, row in zip(april.follow_up, rows, strict=True):
        if task.done is None:
            overdue = task.deadline is not None and task.deadline < today
            assert row[4].split("\n")[0] == ("Chưa hoàn thành, quá hạn" if overdue else "Đang thực hiện")


def test_a_task_from_a_meeting_further_back_shows_its_own_date(april: Meeting, tmp_path) -> None:  # type: ignore[no-untyped-def]
    older = april.follow_up[1]
    older.origin = TaskOrigin(file="giao-ban-xa-binh-thanh-2025-02.minutes.json", date=dt.date(2025, 2, 5),
                              notice_number="8", key="older")
    document = _opened(april, tmp_path)
    assert f"4. {HEADING}" in _headings(document)  # the heading still names the meeting followed
    rows = _rows(_follow_up_table(document))
    assert rows[1][1] == f"{older.task}\n(giao tại cuộc họp ngày 05/02/2025, Thông báo số 8/TB-UBND)"
    assert all("giao tại" not in row[1] for index, row in enumerate(rows) if index != 1)


def test_tasks_from_several_meetings_and_no_meeting_followed(april: Meeting, tmp_path) -> None:  # type: ignore[no-untyped-def]
    april.follows = None
    april.follow_up[0].origin = TaskOrigin(date=dt.date(2025, 2, 5), notice_number="08/TB-UBND", key="a")
    document = _opened(april, tmp_path)
    assert "4. Kết quả thực hiện các nhiệm vụ được giao tại các cuộc họp trước" in _headings(document)
    rows = _rows(_follow_up_table(document))
    assert rows[0][1].endswith("(giao tại cuộc họp ngày 05/02/2025, Thông báo số 08/TB-UBND)")
    assert all(row[1].endswith("(giao tại cuộc họp ngày 05/03/2025, Thông báo số 12/TB-UBND)") for row in rows[1:])


def test_a_meeting_without_carried_tasks_has_no_review(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for sample in (COMMUNE_SAMPLE, ENGLISH_SAMPLE):
        document = _opened(load_meeting(sample), tmp_path)
        assert not any("nhiệm vụ được giao tại" in h or "Follow-up" in h for h in _headings(document))
        assert not any(t.rows[0].cells[0].text in ("STT", "No.") for t in document.tables)


def _english_meeting() -> Meeting:
    previous = load_meeting(ENGLISH_SAMPLE)
    previous.notice.number = "27"
    meeting = next_meeting(previous, ENGLISH_SAMPLE.name)
    meeting.meeting.date = dt.date(2025, 1, 15)
    meeting.follow_up[0].done = dt.date(2024, 12, 10)
    meeting.follow_up[0].progress = "All 24 stations installed and online"
    meeting.follow_up[1].progress = "Draft under review by the auditors"
    extra = copy.deepcopy(meeting.follow_up[1])
    extra.task, extra.deadline, extra.done, extra.progress = "Publish the farmer training calendar", \
        dt.date(2025, 2, 28), None, ""
    meeting.follow_up.append(extra)
    return meeting


def test_english_minutes_review_the_carried_tasks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    meeting = _english_meeting()
    document = _opened(meeting, tmp_path)
    heading = next(h for h in _headings(document) if "Follow-up" in h)
    assert heading.endswith("Follow-up of the tasks given at the meeting of 17 October 2024 (Notice No. 27)")
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index(heading) + 1] == "1 of the 3 tasks done; 1 not done and overdue; 1 in progress."
    rows = _rows(_follow_up_table(document, ["No.", "Task", "Responsible", "Deadline", "Result"]))
    assert [row[1] for row in rows] == [t.task for t in meeting.follow_up]
    assert [row[3] for row in rows] == ["13 Dec 2024", "8 Nov 2024", "28 Feb 2025"]
    # Done the year before this meeting: the date says which year.
    assert [row[4] for row in rows] == ["Done on 10 Dec 2024\nAll 24 stations installed and online",
                                        "Not done, overdue\nDraft under review by the auditors",
                                        "In progress"]


def test_html_preview_and_text_carry_the_review(april: Meeting) -> None:
    document = build_minutes(april)
    html = write_html(document).decode("utf-8")
    assert f"<h2>4. {HEADING}</h2>" in html
    assert '">STT</th>' in html and "<em>Chưa hoàn thành, quá hạn</em><br/>Đã thu được 85%" in html
    text = write_text(document).decode("utf-8")
    assert f"4. {HEADING}" in text and "Đang thực hiện" in text


@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_libreoffice_renders_the_review(april: Meeting, tmp_path) -> None:  # type: ignore[no-untyped-def]
    options = ExportOptions(templates_dir=tmp_path / "none")
    pdf = tmp_path / "bien-ban.pdf"
    pdf.write_bytes(docx_to_pdf(write_docx(build_minutes(april, options), options)))
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True).stdout
    text = re.sub(r"\s+", " ", raw.decode("utf-8"))
    assert f"4. {HEADING}" in text
    for word in ("Đã hoàn thành ngày 19/3", "Chưa hoàn thành, quá hạn", "Đang thực hiện", "25/03/2025"):
        assert word in text, word
    assert text.index(HEADING) < text.index("5. Ý kiến thảo luận")
