"""The task follow-up list as DOCX: reopened with python-docx for its words, order and page; one LibreOffice
render read back with pdftotext; the HTML and text writers on the same document; template overrides."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import warnings
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from export_tasks.task_folder import APRIL, EXPECTED_TASKS, JANUARY, MARCH, TODAY

from minutes_app.errors import ExportError, FallbackWarning
from minutes_app.export import ExportOptions, render_document
from minutes_app.export.document import Table
from minutes_app.export.pdf import docx_to_pdf
from minutes_app.export.task_list import (
    TASK_LIST_FORMATS,
    build_task_list,
    export_task_list,
    write_task_list,
)
from minutes_app.export.text_metrics import text_width_mm
from minutes_app.storage.task_register import collect_tasks

HEADER_VI = ["STT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn", "Tình trạng", "Giao tại", "Kết quả"]


@pytest.fixture(scope="module")
def vi_docx(task_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "nhiem-vu.docx"
    export_task_list(collect_tasks(task_folder, TODAY), out, "vi")
    return out


def _rows(document: docx.document.Document) -> list[list[str]]:
    (table,) = document.tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_title_folder_line_and_counts(vi_docx: Path, task_folder: Path) -> None:
    paragraphs = [p.text for p in docx.Document(str(vi_docx)).paragraphs if p.text.strip()]
    assert paragraphs[:3] == [
        "DANH SÁCH THEO DÕI NHIỆM VỤ",
        f"Thư mục: {task_folder.name} — tính đến ngày 10/04/2025",
        "5 nhiệm vụ: 2 quá hạn, 2 đang thực hiện, 1 đã hoàn thành",
    ]


def test_rows_in_register_order_with_every_cell(vi_docx: Path) -> None:
    rows = _rows(docx.Document(str(vi_docx)))
    assert rows[0] == HEADER_VI
    assert [row[1] for row in rows[1:]] == EXPECTED_TASKS
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert rows[1] == ["1", EXPECTED_TASKS[0], "Ban Chỉ huy Quân sự xã", "05/04/2025", "Quá hạn 5 ngày",
                       "Họp giao ban tháng 4 (02/04/2025)", ""]
    assert rows[2] == ["2", EXPECTED_TASKS[1], "Công chức Tài chính - Kế toán", "25/03/2025", "Quá hạn 16 ngày",
                       "Họp giao ban tháng 3 (05/03/2025)", "Đã thu được 85% số thuế; còn 14 hộ chưa nộp"]
    assert rows[4][2:5] == ["Phòng Nội vụ", "", "Đang thực hiện"]  # no deadline: the cell stays empty
    # Carried into April and reported done there: once, as done, and given at the March meeting.
    assert rows[5] == ["5", "Nạo vét kênh Ba Xuân", "Công chức Địa chính - Nông nghiệp", "20/03/2025",
                       "Đã hoàn thành ngày 19/03/2025", "Họp giao ban tháng 3 (05/03/2025)", "Đã nạo vét 1,2 km kênh"]


def test_overdue_status_is_bold(vi_docx: Path) -> None:
    (table,) = docx.Document(str(vi_docx)).tables
    bold = [all(run.bold for run in row.cells[4].paragraphs[0].runs) for row in table.rows[1:]]
    assert bold == [True, True, False, False, False]


def test_landscape_a4_and_columns_fill_the_text_width(vi_docx: Path) -> None:
    document = docx.Document(str(vi_docx))
    section = document.sections[-1]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(1) and abs(section.page_height - Mm(210)) < Mm(1)
    text_width = (section.page_width - section.left_margin - section.right_margin) / 635  # EMU → twips
    (table,) = document.tables
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 7
    assert abs(sum(grid) - text_width) < 5
    number, task, unit, deadline, status, given, progress = grid
    assert number == min(grid) and task == max(grid)
    assert deadline >= Mm(20) / 635  # "25/03/2025" on one line
    assert min(unit, status, given, progress) > 2 * number
    header = table.rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None  # repeated on every page


def test_english_words_and_dates(task_folder: Path) -> None:
    document = build_task_list(collect_tasks(task_folder, TODAY), "en")
    assert document.kind == "tasks" and document.landscape
    data = write_task_list(collect_tasks(task_folder, TODAY), "docx", "en")
    opened = docx.Document(io.BytesIO(data))
    texts = [p.text for p in opened.paragraphs if p.text.strip()]
    assert texts[0] == "TASK FOLLOW-UP LIST"
    assert texts[1].endswith("— as of 10 Apr 2025")
    assert texts[2] == "5 tasks: 2 overdue, 2 in progress, 1 done"
    rows = _rows(opened)
    assert rows[0] == ["No.", "Task", "Responsible", "Deadline", "Status", "Given at", "Progress"]
    assert rows[1][4] == "Overdue by 5 days" and rows[5][4] == "Done on 19 Mar 2025"


def test_html_and_text_writers_take_the_same_document(task_folder: Path) -> None:
    document = build_task_list(collect_tasks(task_folder, TODAY), "vi")
    html = render_document(document, "html").decode("utf-8")
    assert html.startswith('<article class="document tasks" lang="vi">')
    assert "<strong>Quá hạn 16 ngày</strong>" in html and html.count("<tr>") == 6
    text = render_document(document, "txt").decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "DANH SÁCH THEO DÕI NHIỆM VỤ"
    assert "\t".join(HEADER_VI) in lines
    assert f"2\t{EXPECTED_TASKS[1]}\tCông chức Tài chính - Kế toán\t25/03/2025\tQuá hạn 16 ngày" in text


def test_an_empty_folder_says_so_without_a_table(tmp_path: Path) -> None:
    out = tmp_path / "rong.docx"
    export_task_list(collect_tasks(tmp_path, TODAY), out, "vi")
    document = docx.Document(str(out))
    assert document.tables == []
    assert [p.text for p in document.paragraphs if p.text.strip()][-1] == "Không có nhiệm vụ nào."


@pytest.mark.parametrize("name", ["ds.pdf", "ds.DOC", "ds"])
def test_unknown_suffix_is_refused_with_a_clear_message(task_folder: Path, tmp_path: Path, name: str) -> None:
    with pytest.raises(ExportError, match=r"A task list cannot be written as .*; use one of: \.docx, \.xlsx\."):
        export_task_list(collect_tasks(task_folder, TODAY), tmp_path / name, "vi")
    assert list(tmp_path.iterdir()) == []
    assert TASK_LIST_FORMATS == ("docx", "xlsx")
    with pytest.raises(ExportError):
        write_task_list(collect_tasks(task_folder, TODAY), "pdf", "vi")


def test_an_office_template_changes_the_words(task_folder: Path, tmp_path: Path) -> None:
    own = tmp_path / "mau" / "tasks"
    own.mkdir(parents=True)
    builtin = (Path(__file__).resolve().parents[2] / "templates" / "tasks" / "task_list.vi.j2").read_text("utf-8")
    own.joinpath("task_list.vi.j2").write_text(
        builtin.replace('"DANH SÁCH THEO DÕI NHIỆM VỤ"', '"DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH"'), "utf-8")
    options = ExportOptions(templates_dir=tmp_path / "mau")
    document = build_task_list(collect_tasks(task_folder, TODAY), "vi", options)
    assert document.blocks[0].text == "DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH"


def test_a_broken_office_template_falls_back_with_a_warning(task_folder: Path, tmp_path: Path) -> None:
    own = tmp_path / "mau" / "tasks"
    own.mkdir(parents=True)
    own.joinpath("task_list.vi.j2").write_text('{% set title = "X" %}\n{% macro counts( %}', "utf-8")
    options = ExportOptions(templates_dir=tmp_path / "mau")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = build_task_list(collect_tasks(task_folder, TODAY), "vi", options)
    assert document.blocks[0].text == "DANH SÁCH THEO DÕI NHIỆM VỤ"
    messages = [str(w.message) for w in caught if issubclass(w.category, FallbackWarning)]
    assert len(messages) == 1 and "tasks/task_list.vi.j2:2" in messages[0]


def test_same_register_gives_the_same_bytes(task_folder: Path) -> None:
    register = collect_tasks(task_folder, TODAY)
    assert write_task_list(register, "docx", "vi") == write_task_list(dataclasses.replace(register), "docx", "vi")


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and pdftotext are needed")
@pytest.mark.slow
def test_libreoffice_prints_it_on_landscape_pages(vi_docx: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "nhiem-vu.pdf"
    pdf.write_bytes(docx_to_pdf(vi_docx.read_bytes()))
    # Reading order, one cell after another; a cell's wrapped lines joined again.
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "DANH SÁCH THEO DÕI NHIỆM VỤ" in text
    assert "5 nhiệm vụ: 2 quá hạn, 2 đang thực hiện, 1 đã hoàn thành" in text
    assert "Quá hạn 16 ngày" in text and "Đã hoàn thành ngày 19/03/2025" in text
    assert text.index("Quá hạn 5 ngày") < text.index("Quá hạn 16 ngày") < text.index("Đang thực hiện")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert width > height  # landscape
    assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2  # A4


def test_english_dates_stay_on_one_line(task_folder: Path) -> None:
    document = build_task_list(collect_tasks(task_folder, TODAY), "en")
    table = next(block for block in document.blocks if isinstance(block, Table))
    share = {column.title: column.width_mm / sum(c.width_mm for c in table.columns) for column in table.columns}
    widest = max(text_width_mm(date, 12) for date in ("5 Apr 2025", "25 Mar 2025", "30 Apr 2025", "20 Mar 2025"))
    assert share["Deadline"] * 252 >= widest + 3  # the cell's margins
    assert share["Status"] * 252 >= text_width_mm("Overdue by 16 days", 12, bold=True) + 3


def test_a_missing_first_meeting_is_named_by_its_file(task_folder: Path, tmp_path: Path) -> None:
    for name in (APRIL, JANUARY):
        shutil.copy(task_folder / name, tmp_path / name)
    rows = [row.cells for row in next(b for b in build_task_list(collect_tasks(tmp_path, TODAY), "vi").blocks
                                       if isinstance(b, Table)).rows]
    given = {row[1]: row[5] for row in rows}
    assert given["Rà soát, đôn đốc hộ kinh doanh nộp thuế"] == f"{MARCH} (05/03/2025)"
    assert given["Nạo vét kênh Ba Xuân"] == f"{MARCH} (05/03/2025)"
    assert given[EXPECTED_TASKS[0]] == "Họp giao ban tháng 4 (02/04/2025)"
