"""The task follow-up list as XLSX, reopened with openpyxl: header, frozen panes, filter, date cells, red
overdue rows, the same order as the DOCX."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from export_tasks.task_folder import APRIL, EXPECTED_TASKS, JANUARY, MARCH, TODAY
from openpyxl.worksheet.worksheet import Worksheet

from minutes_app.export.task_list import export_task_list, write_task_list
from minutes_app.storage.task_register import collect_tasks

HEADER_VI = ["STT", "Nhiệm vụ", "Đơn vị thực hiện", "Thời hạn", "Tình trạng", "Số ngày quá hạn", "Giao tại",
             "Kết quả", "Tệp cuộc họp"]


@pytest.fixture(scope="module")
def sheet(task_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Worksheet:
    out = tmp_path_factory.mktemp("xlsx") / "nhiem-vu.xlsx"
    export_task_list(collect_tasks(task_folder, TODAY), out, "vi")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Nhiệm vụ"]
    return book["Nhiệm vụ"]


def _values(sheet: Worksheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_bold_header_frozen_below_it_and_filtered(sheet: Worksheet) -> None:
    assert [cell.value for cell in sheet[1]] == HEADER_VI
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I6"
    assert sheet.max_row == 6 and sheet.max_column == 9


def test_rows_in_register_order_with_values(sheet: Worksheet) -> None:
    rows = _values(sheet)[1:]
    assert [row[1] for row in rows] == EXPECTED_TASKS
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5]
    assert rows[1] == [2, EXPECTED_TASKS[1], "Công chức Tài chính - Kế toán", dt.datetime(2025, 3, 25),
                       "Quá hạn 16 ngày", 16, "Họp giao ban tháng 3 (05/03/2025)",
                       "Đã thu được 85% số thuế; còn 14 hộ chưa nộp", MARCH]
    assert rows[0][5] == 5 and rows[0][8] == APRIL
    assert rows[3][3] is None and rows[3][8] == JANUARY  # no deadline: an empty cell, not a word
    # The task carried into April and reported done there: once, done, given at the March meeting.
    assert rows[4] == [5, "Nạo vét kênh Ba Xuân", "Công chức Địa chính - Nông nghiệp", dt.datetime(2025, 3, 20),
                       "Đã hoàn thành ngày 19/03/2025", None, "Họp giao ban tháng 3 (05/03/2025)",
                       "Đã nạo vét 1,2 km kênh", MARCH]


def test_deadlines_are_date_cells_and_days_overdue_numbers(sheet: Worksheet) -> None:
    deadlines = [sheet.cell(row=r, column=4) for r in range(2, 7)]
    filled = [cell for cell in deadlines if cell.value is not None]
    assert len(filled) == 4
    assert all(cell.is_date and cell.number_format == "dd/mm/yyyy" for cell in filled)
    days = [sheet.cell(row=r, column=6).value for r in range(2, 7)]
    assert days == [5, 16, None, None, None]
    assert all(isinstance(d, int) for d in days[:2])


def test_overdue_status_cells_are_red_and_only_those(sheet: Worksheet) -> None:
    def red(row: int) -> bool:
        cell = sheet.cell(row=row, column=5)
        return (cell.font.color is not None and str(cell.font.color.rgb).endswith("C00000")
                and str(cell.fill.fgColor.rgb).endswith("FFC7CE"))

    assert [red(r) for r in range(2, 7)] == [True, True, False, False, False]


def test_columns_fit_vietnamese_text_and_wrap(sheet: Worksheet) -> None:
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["STT"] <= 6
    assert 11 <= widths["Thời hạn"] <= 12  # "25/03/2025" on one line
    assert widths["Nhiệm vụ"] >= len("Xây dựng phương án trực sẵn sàng chiến đấu dịp 30/4") > widths["STT"]
    assert widths["Tệp cuộc họp"] >= len(APRIL)
    assert widths["Nhiệm vụ"] <= 60 and widths["Giao tại"] <= 40  # long text wraps instead
    assert sheet.cell(row=2, column=2).alignment.wrap_text
    assert sheet.cell(row=2, column=2).alignment.vertical == "top"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1"


def test_english_labels(task_folder: Path) -> None:
    data = write_task_list(collect_tasks(task_folder, TODAY), "xlsx", "en")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Tasks"]
    rows = _values(book["Tasks"])
    assert rows[0] == ["No.", "Task", "Responsible", "Deadline", "Status", "Days overdue", "Given at", "Progress",
                       "Meeting file"]
    assert rows[1][4] == "Overdue by 5 days" and rows[5][4] == "Done on 19 Mar 2025"


def test_an_empty_folder_gives_the_header_alone(tmp_path: Path) -> None:
    out = tmp_path / "rong.xlsx"
    export_task_list(collect_tasks(tmp_path, TODAY), out, "vi")
    sheet = openpyxl.load_workbook(out).active
    assert _values(sheet) == [HEADER_VI]
    assert sheet.freeze_panes == "A2"



def test_a_long_folder_name_keeps_the_page_header_within_excels_limit(tmp_path: Path) -> None:
    """Excel refuses a page header over 255 characters (it offers to repair the file), and a long left part ran
    into the centred title: a long folder name is cut in the middle with "…", keeping the date; the title is
    whole, and "&" still written as itself ("&&")."""
    folder = tmp_path / ("Phong Noi vu & Lao dong " * 9).strip()  # 215 characters: names may hold 255 bytes
    folder.mkdir()
    sheet = openpyxl.load_workbook(io.BytesIO(write_task_list(collect_tasks(folder, TODAY), "xlsx", "vi"))).active
    assert len(str(sheet.oddHeader)) <= 255
    left = sheet.oddHeader.left.text
    assert len(left.replace("&&", "&")) == 80
    assert left.startswith("Thư mục: Phong Noi vu && Lao dong Phong")
    assert left.endswith(f" — tính đến ngày {TODAY:%d/%m/%Y}") and "…" in left
    assert sheet.oddHeader.center.text == "DANH SÁCH THEO DÕI NHIỆM VỤ"
