"""The findings panel: grouped by page, double-click or Enter hands the finding to the window."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from minutes_app.check import Page, field_label, run_checks  # noqa: E402
from minutes_app.model import DiscussionItem, Meeting  # noqa: E402


@pytest.fixture
def panel(qtbot):  # noqa: ANN001, ANN201 - pytest-qt's fixture
    from minutes_app.gui.check_panel import CheckPanel

    widget = CheckPanel()
    qtbot.addWidget(widget)
    widget.resize(640, 360)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _broken(meeting: Meeting) -> Meeting:
    meeting.meeting.start, meeting.meeting.end = dt.time(14, 0), dt.time(11, 30)
    meeting.discussion.append(DiscussionItem(speaker="Châu Văn Phúc", topic="Kênh Ba Xuân"))
    meeting.directives[0].tasks[1].deadline = None
    meeting.directives[0].tasks[0].assignee = ""
    return meeting


def _rows(panel) -> list[tuple[str, list[tuple[str, str]]]]:  # noqa: ANN001
    tree = panel.tree
    groups = []
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        groups.append((group.text(0), [(group.child(c).text(0), group.child(c).text(1))
                                       for c in range(group.childCount())]))
    return groups


def test_the_panel_lists_the_findings_under_their_pages(panel, meeting: Meeting) -> None:  # noqa: ANN001
    findings = run_checks(_broken(meeting))
    panel.set_findings(findings)
    assert _rows(panel) == [
        ("General (1)", [("End", "The meeting ends at 11:30 AM, before it starts at 2:00 PM.")]),
        ("Discussion (1)", [("Discussion, row 2, Speaker",
                             "Châu Văn Phúc speaks in the discussion but is not in the list of attendees.")]),
        ("Directives & tasks (2)", [(field_label(findings[2]), findings[2].message),
                                    (field_label(findings[3]), findings[3].message)]),
    ]
    assert [f.page for f in findings] == [Page.GENERAL, Page.DISCUSSION, Page.DIRECTIVES, Page.DIRECTIVES]
    assert panel.summary.text() == "4 things to check before export; double-click one to go to it."
    assert panel.findings() == findings
    assert panel.grab().save(str(Path(tempfile.gettempdir()) / "check-panel-en.png"))  # to look at


def test_double_click_and_enter_emit_the_finding(panel, qtbot, meeting: Meeting) -> None:  # noqa: ANN001
    findings = run_checks(_broken(meeting))
    panel.set_findings(findings)
    speaker = findings[1]
    item = panel.item_for(speaker)
    rect = panel.tree.visualItemRect(item)
    emitted: list = []
    panel.findingActivated.connect(emitted.append)
    with qtbot.waitSignal(panel.findingActivated, timeout=2000) as blocker:
        # A real double-click is a press, a release, then the double-click event.
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [speaker]
    assert emitted == [speaker]  # once per double-click
    assert blocker.args[0].person == "Châu Văn Phúc"  # the window can offer to add them

    deadline = findings[3]
    panel.tree.setFocus()
    panel.tree.setCurrentItem(panel.item_for(deadline))
    with qtbot.waitSignal(panel.findingActivated, timeout=2000) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == [deadline]
    assert emitted == [speaker, deadline]
    assert (deadline.row, deadline.task_row, deadline.column) == (0, 1, "deadline")


def test_a_page_heading_is_not_a_finding(panel, qtbot, meeting: Meeting) -> None:  # noqa: ANN001
    panel.set_findings(run_checks(_broken(meeting)))
    heading = panel.tree.topLevelItem(0)
    panel.tree.setFocus()
    panel.tree.setCurrentItem(heading)
    with qtbot.assertNotEmitted(panel.findingActivated, wait=100):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)


def test_no_findings_and_the_due_date(panel, meeting: Meeting) -> None:  # noqa: ANN001
    panel.set_findings(run_checks(meeting))
    assert panel.tree.topLevelItemCount() == 0
    assert panel.summary.text() == "Nothing to correct."
    assert not panel.due_label.isVisible()
    panel.set_notice_due_date(dt.date(2025, 3, 12))
    assert panel.due_label.isVisible()
    assert panel.due_label.text() == ("The notice of conclusions is due by 12 March 2025 "
                                      "(5 working days after the meeting).")
    panel.set_notice_due_date(None)
    assert not panel.due_label.isVisible()


def test_retranslate_keeps_the_findings_and_follows_the_language(panel, meeting: Meeting) -> None:  # noqa: ANN001
    from minutes_app.l10n.i18n import set_ui_language

    findings = run_checks(_broken(meeting))
    panel.set_findings(findings)
    panel.set_notice_due_date(dt.date(2025, 3, 12))
    set_ui_language("vi")
    panel.retranslate()
    assert panel.tree.topLevelItemCount() == 3
    assert "ngày 12 tháng 3 năm 2025" in panel.due_label.text()
    assert panel.grab().save(str(Path(tempfile.gettempdir()) / "check-panel-vi.png"))
