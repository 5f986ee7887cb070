"""The check before export docked in the real window: findings follow edits, activation goes to the field,
a missing speaker can be added, exports ask first, the language and the days off re-run the checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from minutes_app.check import run_checks
from minutes_app.l10n.formatting import format_long_date
from minutes_app.l10n.workdays import EMPTY_CALENDAR, WorkCalendar, calendar_path, load_calendar, notice_due_date
from minutes_app.model import Task
from minutes_app.storage import load_meeting

from ..conftest import ENGLISH_SAMPLE

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def _broken_meeting():  # noqa: ANN202
    """The English sample with three mistakes: an unknown speaker, a task deadline before the meeting, no unit."""
    meeting = load_meeting(ENGLISH_SAMPLE)
    meeting.discussion[0].speaker = "Zed Newcomer"
    meeting.directives[0].tasks.append(Task(task="Report back", assignee="", deadline=dt.date(2000, 1, 3)))
    return meeting


def _checked(window, qtbot):  # noqa: ANN001, ANN202
    with qtbot.waitSignal(window.checks.checked, timeout=15000) as blocker:
        window.checks.run()
    return blocker.args[0]


def test_panel_lists_the_findings_and_the_due_date(make_window, qtbot) -> None:  # noqa: ANN001
    meeting = _broken_meeting()
    window = make_window(meeting)
    assert window.check_dock.isVisible() and window.check_dock.widget() is window.check_panel
    result = _checked(window, qtbot)
    expected = run_checks(meeting, calendar=EMPTY_CALENDAR)
    assert [f.rule for f in window.check_panel.findings()] == [f.rule for f in expected]
    rules = {f.rule for f in expected}
    assert {"speaker-not-attendee", "task-deadline-before-meeting", "task-without-assignee"} <= rules
    for finding in expected:
        item = window.check_panel.item_for(finding)
        assert item is not None and item.text(1) == finding.message
    due = notice_due_date(meeting.meeting.date)
    assert result.due == due
    assert format_long_date(due, "en") in window.check_panel.due_label.text()
    assert window.check_panel.due_label.isVisible()


def test_an_edit_is_checked_after_a_pause(make_window, qtbot, field) -> None:  # noqa: ANN001
    window = make_window(load_meeting(ENGLISH_SAMPLE))
    _checked(window, qtbot)
    assert window.check_panel.findings() == []
    chair = field(window.pages[0], "chair")
    window.go_to_page(0)
    chair.setFocus()
    chair.selectAll()
    with qtbot.waitSignal(window.checks.checked, timeout=15000):
        QTest.keyClicks(chair, "Someone Else")  # no explicit run: the debounce timer starts the check
    rules = [f.rule for f in window.check_panel.findings()]
    assert rules == ["chair-not-attendee"]
    assert "Someone Else" in window.check_panel.findings()[0].message


def test_f9_toggles_the_dock(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window(load_meeting(ENGLISH_SAMPLE))
    assert window.actions["toggle_checks"].shortcut().toString() == "F9"
    view_menu = [m for m in window.menuBar().actions() if m.text() == "&View"][0].menu()
    assert window.actions["toggle_checks"] in view_menu.actions()
    window.actions["toggle_checks"].trigger()
    assert not window.check_dock.isVisible()
    window.actions["toggle_checks"].trigger()
    assert window.check_dock.isVisible()


def test_enter_on_a_task_finding_selects_the_task_cell(make_window, qtbot) -> None:  # noqa: ANN001
    window = make_window(_broken_meeting())
    _checked(window, qtbot)
    finding = next(f for f in window.check_panel.findings() if f.rule == "task-deadline-before-meeting")
    tree = window.check_panel.tree
    tree.setCurrentItem(window.check_panel.item_for(finding))
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_Return)
    page = window.pages[5]
    assert window.stack.currentWidget() is page
    directive_view, tasks_view = page.tables[0], page.tasks_view
    assert directive_view.currentIndex().row() == finding.row
    index = tasks_view.currentIndex()
    assert index.row() == finding.task_row
    assert tasks_view.table_model().columns[index.column()].attr == "deadline"
    assert QApplication.focusWidget() is tasks_view


def test_double_click_on_a_form_field_finding_focuses_it(make_window, qtbot, field) -> None:  # noqa: ANN001
    meeting = load_meeting(ENGLISH_SAMPLE)
    meeting.meeting.secretary = "Not Listed"
    window = make_window(meeting)
    _checked(window, qtbot)
    finding = window.check_panel.findings()[0]
    assert finding.rule == "secretary-not-attendee"
    tree = window.check_panel.tree
    item = window.check_panel.item_for(finding)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    asked = []
    qtbot_patch = lambda *args, **kwargs: asked.append(args[2]) or NO  # noqa: E731
    QMessageBox.question, original = qtbot_patch, QMessageBox.question
    try:
        # As a real double-click arrives: a press and release, then the second press as a double-click.
        QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
        QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    finally:
        QMessageBox.question = original
    assert window.stack.currentWidget() is window.pages[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field(window.pages[0], "secretary"), timeout=5000)
    assert asked and "Not Listed" in asked[0]  # offered to add; declined
    assert len(window.document.meeting.attendees) == len(meeting.attendees)


def test_a_speaker_is_added_as_attendee_in_one_undoable_step(make_window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    window = make_window(_broken_meeting())
    _checked(window, qtbot)
    before = len(window.document.meeting.attendees)
    finding = next(f for f in window.check_panel.findings() if f.rule == "speaker-not-attendee")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: YES)
    with qtbot.waitSignal(window.checks.checked, timeout=15000):
        window.check_panel.tree.itemActivated.emit(window.check_panel.item_for(finding), 0)
    discussion = window.pages[4]
    assert window.stack.currentWidget() is discussion
    assert discussion.tables[0].currentIndex().row() == finding.row
    attendees = window.document.meeting.attendees
    assert len(attendees) == before + 1 and attendees[-1].name == "Zed Newcomer"
    assert "speaker-not-attendee" not in {f.rule for f in window.check_panel.findings()}
    assert window.pages[1].tables[0].table_model().rowCount() == before + 1
    window.document.undo_stack.undo()
    assert len(window.document.meeting.attendees) == before


def test_export_asks_first_when_there_are_findings(make_window, qtbot, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    window = make_window(_broken_meeting())
    output = tmp_path / "minutes.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(output), ""))
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: questions.append(args[2]) or NO)
    window.check_dock.hide()
    window.actions["export_minutes_docx"].trigger()
    count = len(run_checks(window.document.snapshot()))
    assert len(questions) == 1 and f"found {count} things" in questions[0] and "Export anyway?" in questions[0]
    assert not output.exists()
    assert window.check_dock.isVisible()  # No shows the findings
    assert len(window.check_panel.findings()) == count

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: questions.append(args[2]) or YES)
    with qtbot.waitSignal(window.exporter.finished, timeout=60000):
        window.actions["export_minutes_docx"].trigger()
    assert len(questions) == 2 and output.exists()


def test_a_clean_meeting_exports_without_a_question(make_window, qtbot, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    window = make_window(load_meeting(ENGLISH_SAMPLE))
    output = tmp_path / "news.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(output), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: (_ for _ in ()).throw(AssertionError))
    with qtbot.waitSignal(window.exporter.finished, timeout=60000):
        window.actions["export_news_html"].trigger()
    assert output.exists()


def test_the_language_switch_rechecks(make_window, qtbot) -> None:  # noqa: ANN001
    from minutes_app.l10n.i18n import set_ui_language

    window = make_window(_broken_meeting())
    _checked(window, qtbot)
    english = [f.message for f in window.check_panel.findings()]
    with qtbot.waitSignal(window.checks.checked, timeout=15000):
        set_ui_language("vi")
    vietnamese = [f.message for f in window.check_panel.findings()]
    assert vietnamese == [f.message for f in run_checks(window.document.snapshot())]
    assert len(vietnamese) == len(english) and vietnamese != english
    assert window.check_dock.windowTitle() != "Check before export"
    assert window.check_panel.tree.headerItem().text(0) != "Where"


def test_settings_write_days_off_and_move_the_due_date(make_window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from minutes_app.gui.settings_dialog import SettingsDialog

    meeting = load_meeting(ENGLISH_SAMPLE)
    meeting.meeting.date = dt.date(2026, 3, 2)  # a Monday: due Monday 9 March without extra days
    window = make_window(meeting)
    assert _checked(window, qtbot).due == dt.date(2026, 3, 9)

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: warnings.append(args[2]))
    dialog = SettingsDialog(window.settings, window)
    dialog.days_off.setPlainText("2026-03-04\n5 March 2026x\n")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert warnings and "line 2" in warnings[0] and "5 March 2026x" in warnings[0]
    assert not calendar_path().exists()

    dialog.days_off.setPlainText("2026-03-04\n\n3/5/2026\n")  # ISO, and the English locale's date (5 March)
    dialog.working_days.setPlainText("2026-03-07")  # a make-up Saturday
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert json.loads(calendar_path().read_text(encoding="utf-8")) == {
        "days_off": ["2026-03-04", "2026-03-05"], "working_days": ["2026-03-07"]}
    assert load_calendar() == WorkCalendar.of([dt.date(2026, 3, 4), dt.date(2026, 3, 5)], [dt.date(2026, 3, 7)])
    with qtbot.waitSignal(window.checks.checked, timeout=15000) as blocker:
        window.apply_settings()
    # Tue 3, Fri 6, Sat 7 (make-up), Mon 9, Tue 10: the two days off push it two days, the Saturday pulls one back.
    assert blocker.args[0].due == dt.date(2026, 3, 10)
    assert format_long_date(dt.date(2026, 3, 10), "en") in window.check_panel.due_label.text()
    assert SettingsDialog(window.settings, window).days_off.toPlainText() == "2026-03-04\n2026-03-05\n"


def test_a_number_used_by_another_meeting_of_the_folder(make_window, qtbot, field, tmp_path: Path) -> None:  # noqa: ANN001
    from minutes_app.storage import save_meeting

    ours, theirs = tmp_path / "ours.minutes.json", tmp_path / "earlier.minutes.json"
    meeting = load_meeting(ENGLISH_SAMPLE)
    save_meeting(meeting, theirs)
    save_meeting(meeting, ours)
    window = make_window(ours)
    findings = _checked(window, qtbot).findings
    numbers = [f for f in findings if f.rule == "duplicate-document-number"]
    assert len(numbers) == 1 and "earlier.minutes.json" in numbers[0].message
    window.check_panel.tree.itemActivated.emit(window.check_panel.item_for(numbers[0]), 0)
    assert QApplication.focusWidget() is field(window.pages[0], "number")
    # Renumbered in the other file: the next check reads it again.
    meeting.header.number = "99"
    save_meeting(meeting, theirs)
    assert not [f for f in _checked(window, qtbot).findings if f.rule == "duplicate-document-number"]


def test_an_opened_meeting_is_checked_against_its_folder_without_being_asked(make_window, qtbot,  # noqa: ANN001
                                                                             tmp_path: Path) -> None:
    """No edit, no Shift+F9: the panel fills on its own once the window is open, cross-meeting findings included
    (the folder is read through its index in the checks' worker)."""
    from minutes_app.storage import save_meeting

    meeting = load_meeting(ENGLISH_SAMPLE)
    for name in ("a-earlier.minutes.json", "b-ours.minutes.json"):
        save_meeting(meeting, tmp_path / name)
    window = make_window(tmp_path / "b-ours.minutes.json")
    qtbot.waitUntil(lambda: bool(window.check_panel.findings()), timeout=15000)
    numbers = [f for f in window.check_panel.findings() if f.rule == "duplicate-document-number"]
    assert len(numbers) == 1 and "a-earlier.minutes.json" in numbers[0].message
    assert window.check_panel.item_for(numbers[0]) is not None


def test_dates_typed_the_vietnamese_way() -> None:
    from minutes_app.gui.settings_dialog import parse_day, parse_days

    assert parse_day("30/04/2025", "vi") == dt.date(2025, 4, 30)
    assert parse_day("2/1/2026", "vi") == dt.date(2026, 1, 2)
    assert parse_day("2026-01-02", "vi") == dt.date(2026, 1, 2)
    assert parse_days("2026-01-02\n\n 30/04/2025 \n", "vi", "x") == {dt.date(2026, 1, 2), dt.date(2025, 4, 30)}


def test_a_broken_calendar_file_is_reported_not_fatal(make_window, qtbot) -> None:  # noqa: ANN001
    calendar_path().parent.mkdir(parents=True, exist_ok=True)
    calendar_path().write_text('{"days_off": ["soon"]}', encoding="utf-8")
    meeting = load_meeting(ENGLISH_SAMPLE)
    window = make_window(meeting)
    result = _checked(window, qtbot)
    assert result.due == notice_due_date(meeting.meeting.date)
    message = window.statusBar().currentMessage()
    assert "calendar.json" in message and "soon" in message
