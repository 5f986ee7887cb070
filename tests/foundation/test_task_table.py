"""The terminal task list (``minutes_app.task_table``): interface words, the built-in template's wording.

``minutes-app tasks`` prints the list with interface strings so that it needs no Jinja2; the documents and an
office's own task-list template go through ``templates/tasks/``. Both must print the same list today, in
every branch of the wording (singular and plural, parts left out, no tasks at all), in both languages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_tasks.task_folder import build_folder
from support import run_cli

from minutes_app.export import ExportOptions
from minutes_app.export.task_list import plain_task_list
from minutes_app.model import TaskStatus
from minutes_app.storage import folder_index
from minutes_app.storage.task_register import collect_tasks
from minutes_app.task_table import office_words, terminal_task_list


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder_index.forget()
    (tmp_path / "giao-ban").mkdir()
    return build_folder(tmp_path / "giao-ban")


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("today", [dt.date(2025, 4, 6), dt.date(2025, 4, 10), dt.date(2026, 4, 10),
                                   dt.date(2025, 1, 1)])
@pytest.mark.parametrize("keep", [set(TaskStatus), {TaskStatus.OVERDUE}, {TaskStatus.DONE}, set()])
def test_the_terminal_list_says_what_the_built_in_template_says(folder: Path, tmp_path: Path, language: str,
                                                                today: dt.date, keep: set[TaskStatus]) -> None:
    register = collect_tasks(folder, today, persist=False)
    register.entries = [entry for entry in register.entries if entry.status in keep]
    (tmp_path / "no-office-templates").mkdir()
    templated = plain_task_list(register, language, ExportOptions(templates_dir=tmp_path / "no-office-templates"))
    assert terminal_task_list(register, language) == templated


def test_the_branches_compared_above_are_all_met(folder: Path) -> None:
    one_day = terminal_task_list(collect_tasks(folder, dt.date(2025, 4, 6), persist=False), "en")
    assert "Overdue by 1 day " in one_day and "Overdue by 12 days" in one_day and "Done on 19 Mar 2025" in one_day
    assert "5 tasks: 2 overdue, 2 in progress, 1 done" in one_day
    register = collect_tasks(folder, dt.date(2025, 4, 6), persist=False)
    register.entries = register.entries[:1]
    assert terminal_task_list(register, "en").splitlines()[2] == "1 task: 1 overdue"
    register.entries = []
    assert terminal_task_list(register, "vi").splitlines()[2] == "Không có nhiệm vụ nào."


def test_an_office_task_list_template_is_followed_on_the_terminal_too(folder: Path, tmp_path: Path) -> None:
    builtin = (Path(__file__).resolve().parents[2] / "templates" / "tasks" / "task_list.vi.j2").read_text("utf-8")
    office = tmp_path / "mau"
    (office / "tasks").mkdir(parents=True)
    (office / "tasks" / "task_list.vi.j2").write_text(
        builtin.replace('"DANH SÁCH THEO DÕI NHIỆM VỤ"', '"THEO DÕI THỰC HIỆN KẾT LUẬN"'), encoding="utf-8")
    assert office_words(office, "vi") and not office_words(office, "en") and not office_words(None, "vi")
    result = run_cli("tasks", folder, "--today", "2025-04-10", "--templates", office)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "THEO DÕI THỰC HIỆN KẾT LUẬN"
    plain = run_cli("tasks", folder, "--today", "2025-04-10")
    assert plain.stdout.splitlines()[0] == "DANH SÁCH THEO DÕI NHIỆM VỤ"
    assert result.stdout.splitlines()[1:] == plain.stdout.splitlines()[1:]
