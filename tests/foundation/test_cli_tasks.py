"""``minutes-app tasks`` and ``minutes-app new --follows``, run as a user runs them: a real process."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import openpyxl
import pytest
from export_tasks.task_folder import APRIL, EXPECTED_TASKS, MARCH, build_folder
from support import run_cli as run

from minutes_app.storage import load_meeting


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "giao-ban").mkdir()
    return build_folder(tmp_path / "giao-ban")


def _table_lines(stdout: str) -> list[str]:
    """The lines after the blank line that ends the heading."""
    return stdout.split("\n\n", 1)[1].splitlines()


def test_list_is_aligned_and_overdue_first(folder: Path) -> None:
    result = run("tasks", folder, "--today", "2025-04-10")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[:3] == [
        "DANH SÁCH THEO DÕI NHIỆM VỤ",
        "Thư mục: giao-ban — tính đến ngày 10/04/2025",
        "5 nhiệm vụ: 2 quá hạn, 2 đang thực hiện, 1 đã hoàn thành",
    ]
    header, *rows = _table_lines(result.stdout)
    assert header.split("  ")[0] == "Tình trạng"
    assert [row.endswith(task) for row, task in zip(rows, EXPECTED_TASKS, strict=True)] == [True] * 5
    assert rows[0].startswith("Quá hạn 5 ngày ") and rows[1].startswith("Quá hạn 16 ngày ")
    assert rows[4].startswith("Đã hoàn thành ngày 19/03/2025  20/03/2025  Công chức Địa chính - Nông nghiệp")
    # Aligned: the deadline, the unit and the task start in the same column on every line.
    for column in ("Thời hạn", "Đơn vị thực hiện", "Nhiệm vụ"):
        start = header.index(column)
        assert all(row[start - 2:start] == "  " and row[start] != " " for row in rows if row[start:start + 1].strip())
    assert rows[3][header.index("Thời hạn")] == " "  # the task without a deadline


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", EXPECTED_TASKS[:4]),
        ("overdue", EXPECTED_TASKS[:2]),
        ("done", EXPECTED_TASKS[4:]),
        ("all", EXPECTED_TASKS),
    ],
)
def test_status_filter(folder: Path, status: str, expected: list[str]) -> None:
    result = run("tasks", folder, "--today", "2025-04-10", "--status", status, "--language", "en")
    assert result.returncode == 0, result.stderr
    rows = _table_lines(result.stdout)[1:]
    assert [row.rsplit("  ", 1)[-1].strip() for row in rows] == expected


def test_english_list(folder: Path) -> None:
    result = run("tasks", folder, "--today", "2025-04-10", "--language", "en", "--status", "overdue")
    assert result.returncode == 0
    assert result.stdout.splitlines()[2] == "2 tasks: 2 overdue"
    assert _table_lines(result.stdout)[1].startswith("Overdue by 5 days   5 Apr 2025   Ban Chỉ huy Quân sự xã")


def test_missing_folder_exits_1_with_a_clear_message(tmp_path: Path) -> None:
    result = run("tasks", tmp_path / "khong-co")
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path / 'khong-co'}: no such folder"
    assert result.stdout == ""
    vi = run("tasks", tmp_path / "khong-co", ui="vi")
    assert vi.returncode == 1 and "Traceback" not in vi.stderr


def test_bad_date_is_a_usage_error(folder: Path) -> None:
    result = run("tasks", folder, "--today", "10/04/2025")
    assert result.returncode == 2
    assert "\"10/04/2025\" is not a date; write YYYY-MM-DD" in result.stderr


def test_unreadable_files_are_named_and_the_rest_exported(folder: Path, tmp_path: Path) -> None:
    (folder / "hong.minutes.json").write_text("{hỏng", encoding="utf-8")
    (folder / "rong.minutes.json").write_bytes(b"")
    out = tmp_path / "ds.docx"
    result = run("tasks", folder, "--today", "2025-04-10", "-o", out)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("hong.minutes.json was left out: line 1, column 2")
    assert lines[1] == "rong.minutes.json was left out: the file is empty"
    assert result.stdout.strip() == f"Wrote {out}"
    (table,) = docx.Document(str(out)).tables
    assert [row.cells[1].text for row in table.rows[1:]] == EXPECTED_TASKS


def test_xlsx_output_and_refused_suffix(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "ds.xlsx"
    result = run("tasks", folder, "--today", "2025-04-10", "--status", "open", "-o", out)
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == EXPECTED_TASKS[:4]
    bad = run("tasks", folder, "-o", tmp_path / "ds.pdf")
    assert bad.returncode == 1
    assert bad.stderr.strip() == "A task list cannot be written as \".pdf\"; use one of: .docx, .xlsx."
    assert not (tmp_path / "ds.pdf").exists()


def test_new_follows_carries_the_open_tasks(folder: Path) -> None:
    (folder / "2025").mkdir()
    out = folder / "2025" / "giao-ban-2025-05.minutes.json"
    result = run("new", "--follows", folder / APRIL, out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {out}"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["follows"]["file"] == f"../{APRIL}"  # relative, "/" on every system
    assert data["follows"]["title"] == "Họp giao ban tháng 4" and data["follows"]["date"] == "2025-04-02"
    meeting = load_meeting(out)
    assert meeting.meeting.date == dt.date.today()
    assert meeting.meeting.title == "Họp giao ban tháng 4"
    # The open tasks of April: the taxes carried from March (done dredging left behind), then April's own.
    assert [t.task for t in meeting.follow_up] == [
        "Rà soát, đôn đốc hộ kinh doanh nộp thuế",
        "Vận động người dân tham gia bảo hiểm y tế",
        "Xây dựng phương án trực sẵn sàng chiến đấu dịp 30/4",
    ]
    assert meeting.follow_up[0].origin is not None and meeting.follow_up[0].origin.file == MARCH
    assert meeting.follow_up[2].origin is not None and meeting.follow_up[2].origin.file == APRIL  # the name
    assert all(t.done is None and not t.progress for t in meeting.follow_up)
    assert meeting.directives == []


def test_new_follows_refuses_an_existing_file_and_a_missing_previous(folder: Path) -> None:
    existing = folder / MARCH
    before = existing.read_bytes()
    result = run("new", "--follows", folder / APRIL, existing)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert existing.read_bytes() == before
    missing = run("new", "--follows", folder / "khong-co.minutes.json", folder / "moi.minutes.json")
    assert missing.returncode == 1 and "the file does not exist" in missing.stderr
    assert not (folder / "moi.minutes.json").exists()


def test_plain_new_is_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "moi.minutes.json"
    result = run("new", out, "--language", "en")
    assert result.returncode == 0, result.stderr
    meeting = load_meeting(out)
    assert meeting.language.value == "en" and meeting.meeting.title == "Meeting"
    assert meeting.follows is None and meeting.follow_up == []


def test_the_list_is_the_same_cold_and_warm_and_follows_a_changed_file(folder: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A second process lists from the folder's index (no meeting file parsed); a file saved since is read again."""
    from minutes_app.storage import save_meeting
    from minutes_app.storage.folder_index import cache_file

    monkeypatch.setenv("MINUTES_APP_CACHE_DIR", str(tmp_path / "cache"))
    cold = run("tasks", folder, "--today", "2025-04-10")
    assert cache_file(folder).is_file()
    warm = run("tasks", folder, "--today", "2025-04-10")
    assert cold.returncode == warm.returncode == 0 and warm.stdout == cold.stdout and warm.stderr == cold.stderr
    april = load_meeting(folder / APRIL)
    april.directives[0].tasks[0].task = "Kiểm tra công tác phòng cháy chữa cháy ở chợ"
    save_meeting(april, folder / APRIL)
    changed = run("tasks", folder, "--today", "2025-04-10")
    assert "Kiểm tra công tác phòng cháy chữa cháy ở chợ" in changed.stdout
    assert changed.stdout != cold.stdout
