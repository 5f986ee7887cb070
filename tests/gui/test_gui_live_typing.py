"""A whole meeting typed live, from the keyboard only: every key goes to the widget that has the focus.

Dates typed the usual ways, five attendees with Tab through every column and Enter for new rows, two
indicators (one typed "94.5"), a discussion item whose speaker is completed from the attendees, a
directive with two tasks and their deadlines; saved through the file dialog, and every field of the
saved file checked. An impossible date is refused visibly and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from minutes_app.gui.binding import DateLineEdit
from minutes_app.model import Gender, Role
from minutes_app.storage import dumps_meeting, load_meeting

from .keyboard import type_char

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focus():  # noqa: ANN201
    """Where a key goes: an open popup (the completion list) takes the keyboard, else the focused widget."""
    popup = QApplication.activePopupWidget()
    return (popup.focusWidget() or popup) if popup is not None else QApplication.focusWidget()


def keys(*names: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press keys on whatever has the focus (as a person does), letting queued work run after each."""
    for name in names:
        QTest.keyClick(focus(), name, modifier)
        QApplication.processEvents()


def type_keys(text: str) -> None:
    """Type into whatever has the focus: ASCII as key presses, Vietnamese letters as committed input-method
    text, each to the widget focused at that moment (the first letter typed into a table opens an editor)."""
    for char in text:
        type_char(focus(), char)
        QApplication.processEvents()


def row(*cells: str, end: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type one row: each cell's text (empty: just pass it), Tab to the next cell, ``end`` after the last."""
    for number, text in enumerate(cells):
        type_keys(text)
        keys(end if number == len(cells) - 1 else Qt.Key.Key_Tab)


def test_a_whole_meeting_typed_live_from_the_keyboard(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = make_window()
    general, attendees, results, _follow_up, discussion, directives, closing = window.pages
    keys(Qt.Key.Key_N, modifier=CTRL)  # a new meeting: the cursor is in its title
    general, attendees, results, _follow_up, discussion, directives, closing = window.pages
    meeting = window.document.meeting
    assert focus() is general.first_field

    # -- General: the date typed three usual ways; Tab and Shift+Tab select the whole date ------------
    keys(Qt.Key.Key_A, modifier=CTRL)
    type_keys("Họp giao ban UBND xã tháng 5")
    keys(Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # kind, document language, date
    date = focus()
    assert isinstance(date, DateLineEdit)
    type_keys("4/5/2025")
    keys(Qt.Key.Key_Tab)
    assert meeting.meeting.date == dt.date(2025, 5, 4) and date.text() == "04/05/2025"
    keys(Qt.Key.Key_Tab, modifier=SHIFT)
    assert focus() is date and date.selectedText() == "04/05/2025"
    type_keys("14-05-2025")
    keys(Qt.Key.Key_Tab)
    assert meeting.meeting.date == dt.date(2025, 5, 14)
    keys(Qt.Key.Key_Tab, modifier=SHIFT)
    type_keys("14/05/2025")
    keys(Qt.Key.Key_Tab)
    assert meeting.meeting.date == dt.date(2025, 5, 14) and date.text() == "14/05/2025"
    type_keys("07:30")
    keys(Qt.Key.Key_Tab)
    type_keys("11:00")
    keys(Qt.Key.Key_Tab)
    type_keys("Hội trường UBND xã")
    keys(Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # past the bridges
    type_keys("Nguyễn Văn An")
    keys(Qt.Key.Key_Tab)
    type_keys("Lê Thị Bình")
    keys(Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # past "also attending"
    type_keys("UBND HUYỆN LẤP VÒ")
    keys(Qt.Key.Key_Tab)
    type_keys("UBND XÃ BÌNH THÀNH")
    keys(Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    type_keys("UBND")
    keys(Qt.Key.Key_Tab)
    type_keys("05")
    keys(Qt.Key.Key_Tab)
    type_keys("Bình Thành")

    # -- Attendees: typing into the empty table starts its first row; Tab walks all eight columns ----
    keys(Qt.Key.Key_2, modifier=CTRL)
    view = attendees.tables[0]
    assert focus() is view
    people = [
        ("Nguyễn Văn An", "Chủ tịch UBND xã", "UBND xã Bình Thành", "", ""),
        ("Lê Thị Bình", "Công chức Văn phòng - Thống kê", "UBND xã Bình Thành", "", ""),
        ("Trần Văn Cường", "Trưởng ấp 1", "Ấp 1", "", "Điểm cầu ấp 1"),
        ("Phạm Thị Dung", "Trạm trưởng Trạm Y tế", "Trạm Y tế xã", "Đi tập huấn", ""),
        ("Võ Văn Em", "Bí thư Đoàn xã", "Đoàn xã", "", ""),
    ]
    for number, (name, position, organization, reason, bridge) in enumerate(people):
        if number:
            keys(Qt.Key.Key_Return)  # Enter on the last row adds a row, its name cell open
            assert view.state() == view.State.EditingState
        type_keys(name)
        keys(Qt.Key.Key_Tab)  # the gender's list opens
        if number == 3:
            keys(Qt.Key.Key_Up)  # from "not given" up to "female"
        keys(Qt.Key.Key_Tab)
        type_keys(position)
        keys(Qt.Key.Key_Tab)
        type_keys(organization)
        keys(Qt.Key.Key_Tab)  # the role's list
        if number == 0:
            keys(Qt.Key.Key_Up, Qt.Key.Key_Up)  # from "member" up to "chair"
        keys(Qt.Key.Key_Tab)
        assert view.currentIndex().column() == 5  # "Present": Space unticks it
        if reason:
            keys(Qt.Key.Key_Space)
        keys(Qt.Key.Key_Tab)
        assert view.currentIndex().column() == 6  # "Reason for absence" is reached by Tab
        type_keys(reason)
        keys(Qt.Key.Key_Tab)
        type_keys(bridge)
        keys(Qt.Key.Key_Return)
    assert [p.name for p in meeting.attendees] == [p[0] for p in people]

    # -- Results: Ctrl+3 lands on the empty table and typing goes into it; "94.5" is 94,5 ------------
    keys(Qt.Key.Key_3, modifier=CTRL)
    view = results.tables[0]
    assert focus() is view
    row("Nông nghiệp", "Diện tích gieo trồng lúa", "ha", "28.466", "31.597,5", "30.120", "", "", "", "")
    keys(Qt.Key.Key_Return)
    row("Y tế", "Tỷ lệ dân số tham gia BHYT", "%", "92", "94.5", "90,1", "", "", "", "Vượt kế hoạch")
    assert view.model().index(1, 4).data() == "94,5"

    # -- Discussion: the speaker completed from the attendees, accepted with Enter -------------------
    window.completions.refresh()
    keys(Qt.Key.Key_5, modifier=CTRL)
    view = discussion.tables[0]
    type_keys("Cườ")
    popup = QApplication.focusWidget().completer().popup()
    qtbot.waitUntil(popup.isVisible)
    keys(Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert view.state() != view.State.EditingState  # the completion closed the cell
    keys(Qt.Key.Key_Right)
    type_keys("Trưởng ấp 1")
    keys(Qt.Key.Key_Tab)
    type_keys("Giao thông nông thôn")
    keys(Qt.Key.Key_Return, Qt.Key.Key_Tab)  # past the last cell: to the box below
    assert focus() is discussion.detail.editor
    type_keys("Đề nghị sửa đường ấp 1.")

    # -- Directives: a leader, what was directed, two tasks with deadlines ---------------------------
    keys(Qt.Key.Key_6, modifier=CTRL)
    type_keys("Nguyễn Văn An")
    keys(Qt.Key.Key_Tab)
    type_keys("Chủ tịch UBND xã")
    keys(Qt.Key.Key_Tab)  # the last cell: Tab leaves the table for the directive's text
    assert focus() is directives.detail.editor
    type_keys("Giao Ban Giao thông xã khẩn trương sửa đường.")
    keys(Qt.Key.Key_Tab)
    tasks = directives.tasks_view
    assert focus() is tasks
    row("Sửa đường ấp 1", "Ban Giao thông xã", "31/05/2025")
    keys(Qt.Key.Key_Return)
    row("Báo cáo kết quả", "Văn phòng UBND xã", "31/05/2025")

    # -- 31/02/2025 is refused where it is typed, visibly, and nothing else changes -------------------
    before = dumps_meeting(meeting)
    deadline = tasks.model().index(0, 2)
    tasks.setCurrentIndex(deadline)  # (the keyboard way is Up; the row is asserted below)
    type_keys("31/02/2025")
    keys(Qt.Key.Key_Return)
    assert dumps_meeting(meeting) == before
    assert deadline.data() == "31/02/2025"
    assert "28" in deadline.data(Qt.ItemDataRole.ToolTipRole)
    assert deadline.data(Qt.ItemDataRole.ForegroundRole) is not None
    window.checks.run_now()
    assert any(f.rule == "typed-not-read" and "31/02/2025" in f.message for f in window.checks.latest.findings)
    assert "31/02/2025" in window.statusBar().currentMessage()
    tasks.setCurrentIndex(deadline)
    type_keys("31/05/2025")  # corrected: the red text and the finding go
    keys(Qt.Key.Key_Return)
    assert deadline.data() == "31/05/2025" and not window.document.rejected
    keys(Qt.Key.Key_1, modifier=CTRL)
    keys(Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    assert focus() is date
    type_keys("31/02/2025")
    keys(Qt.Key.Key_Tab)
    assert dumps_meeting(meeting) == before and date.text() == "31/02/2025" and "28" in date.toolTip()
    keys(Qt.Key.Key_Tab, modifier=SHIFT)
    type_keys("14/05/2025")
    keys(Qt.Key.Key_Tab)
    assert not window.document.rejected

    # -- Closing ---------------------------------------------------------------------------------------
    keys(Qt.Key.Key_7, modifier=CTRL)
    type_keys("Biên bản đã được thông qua.")
    keys(Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    type_keys("UBND huyện (b/c)\nLưu: VT")

    # -- Save through the file dialog, typing the name -----------------------------------------------
    target = tmp_path / "giao-ban-thang-5.minutes.json"

    def type_the_name() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        keys(Qt.Key.Key_A, modifier=CTRL)
        type_keys(str(target))
        keys(Qt.Key.Key_Return)

    QTimer.singleShot(300, type_the_name)
    keys(Qt.Key.Key_S, modifier=CTRL)
    assert target.exists(), window.statusBar().currentMessage()

    saved = load_meeting(target)
    info, header = saved.meeting, saved.header
    assert (info.title, info.date, info.start, info.end, info.location, info.chair, info.secretary) == (
        "Họp giao ban UBND xã tháng 5", dt.date(2025, 5, 14), dt.time(7, 30), dt.time(11, 0), "Hội trường UBND xã",
        "Nguyễn Văn An", "Lê Thị Bình")
    assert (header.parent_agency, header.agency, header.agency_code, header.number, header.place) == (
        "UBND HUYỆN LẤP VÒ", "UBND XÃ BÌNH THÀNH", "UBND", "05", "Bình Thành")
    assert [(a.name, a.position, a.organization, a.absence_reason, a.bridge) for a in saved.attendees] == people
    assert [a.present for a in saved.attendees] == [True, True, True, False, True]
    assert saved.attendees[0].role == Role.CHAIR and saved.attendees[3].gender == Gender.FEMALE
    first, second = saved.results.indicators
    assert (first.sector, first.name, first.unit, first.plan, first.actual, first.previous) == (
        "Nông nghiệp", "Diện tích gieo trồng lúa", "ha", 28466, 31597.5, 30120)
    assert (second.name, second.unit, second.plan, second.actual, second.previous, second.note) == (
        "Tỷ lệ dân số tham gia BHYT", "%", 92, 94.5, 90.1, "Vượt kế hoạch")
    (item,) = saved.discussion
    assert (item.speaker, item.position, item.topic, item.content) == (
        "Trần Văn Cường", "Trưởng ấp 1", "Giao thông nông thôn", "Đề nghị sửa đường ấp 1.")
    (directive,) = saved.directives
    assert (directive.speaker, directive.position, directive.content) == (
        "Nguyễn Văn An", "Chủ tịch UBND xã", "Giao Ban Giao thông xã khẩn trương sửa đường.")
    assert [(t.task, t.assignee, t.deadline, t.done) for t in directive.tasks] == [
        ("Sửa đường ấp 1", "Ban Giao thông xã", dt.date(2025, 5, 31), None),
        ("Báo cáo kết quả", "Văn phòng UBND xã", dt.date(2025, 5, 31), None)]
    assert saved.closing.note == "Biên bản đã được thông qua."
    assert saved.closing.recipients == ["UBND huyện (b/c)", "Lưu: VT"]
    assert not window.isWindowModified()
