"""The Follow-up page: the earlier meeting this one follows, and its open tasks as reported at this one.

Choosing the earlier meeting carries its open tasks here (one undo step); ticking "Done on" or typing
what was reported is how the secretary follows them up. "Carry new open tasks" adds those given there since.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QPushButton, QWidget

from ..check.pages import Page as PageName
from ..check.pages import page_title
from ..errors import MinutesError
from ..l10n.formatting import format_numeric_date
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext
from ..model import Meeting, carry_open_tasks, prior_meeting, task_key
from ..storage import SUFFIX, load_meeting
from ..storage.follow_links import earlier_meeting_path, link_to
from .completion import Completions
from .document import MeetingDocument
from .pages import Page
from .table_models import follow_up_model
from .table_pages import table_page
from .table_view import EditableTableView


class FollowUpPage(Page):
    """The page, with the actions a person uses on it."""

    def __init__(self, document: MeetingDocument, completions: Completions):
        super().__init__(page_title(PageName.FOLLOW_UP), _(
            "The tasks of the earlier meeting that were still open. Tick Done on when a unit reports a task done, "
            "and type what was reported; the minutes and the notice of conclusions list them."))
        self.document = document
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.choose_button = QPushButton(_("Follow up an earlier meeting…"))
        self.choose_button.clicked.connect(self.choose)
        self.again_button = QPushButton(_("Carry new open tasks"))
        self.again_button.setToolTip(_("Add the tasks of the earlier meeting that are open and not listed here yet."))
        self.again_button.clicked.connect(self.carry_again)
        self.unlink_button = QPushButton(_("Stop following"))
        self.unlink_button.clicked.connect(self.unlink)
        for button in (self.choose_button, self.again_button, self.unlink_button):
            line.addWidget(button)
        line.addStretch(1)
        self.body.addWidget(row)
        self.view = table_page(self, EditableTableView(completions), follow_up_model(document, self))
        self.body.addWidget(self.view, 1)
        document.changed.connect(self.show_summary)
        self.show_summary()

    # -- what the page says ------------------------------------------------------------------------
    def show_summary(self) -> None:
        meeting = self.document.meeting
        follows = meeting.follows
        if follows is None:
            self.summary.setText(_("This meeting does not follow up an earlier one."))
        else:
            done = sum(task.done is not None for task in meeting.follow_up)
            when = format_numeric_date(follows.date, self.document.language) if follows.date else ""
            self.summary.setText(_("Follows up {title} of {date} ({file}): {tasks}, {done} reported done.").format(
                title=follows.title or _("the earlier meeting"), date=when or "…", file=Path(follows.file).name,
                tasks=ngettext("{count} task carried", "{count} tasks carried", len(meeting.follow_up)).format(
                    count=len(meeting.follow_up)), done=done))
        # A final meeting's buttons are disabled by the finaliser, which gives them back when reopened.
        if not self.document.read_only:
            self.again_button.setEnabled(follows is not None)
            self.unlink_button.setEnabled(follows is not None)

    # -- actions -----------------------------------------------------------------------------------
    def choose(self) -> None:
        start = earlier_meeting_path(self.document.meeting, self.document.path)
        folder = start.parent if start else (self.document.path.parent if self.document.path else Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose the earlier meeting"), str(folder),
                                                      _("Meetings ({pattern})").format(pattern="*" + SUFFIX))
        if chosen:
            self.follow(Path(chosen))

    def follow(self, path: Path) -> bool:
        """Follow up the meeting saved at ``path``: name it and carry its open tasks (one undo step)."""
        earlier = self._load(path)
        if earlier is None:
            return False
        meeting = self.document.meeting
        reported = [t for t in meeting.follow_up if t.done is not None or t.progress.strip()]
        if reported and QMessageBox.question(self, _("Follow up another meeting"), ngettext(
                "{count} carried task already has a report. Replace the carried tasks with those of {file}?",
                "{count} carried tasks already have a report. Replace the carried tasks with those of {file}?",
                len(reported)).format(count=len(reported), file=path.name)) != QMessageBox.StandardButton.Yes:
            return False
        folder = self.document.path.parent if self.document.path else None  # None: anchored when saved
        with self.document.macro(_("Follow up {file}").format(file=path.name)):
            self.document.set_field(meeting, "follows", prior_meeting(earlier, link_to(path, folder)), merge=False)
            self.document.remove_items(meeting.follow_up, list(range(len(meeting.follow_up))), "")
            self.document.insert_items(meeting.follow_up, 0, carry_open_tasks(earlier, path.name), "")
        return True

    def carry_again(self) -> int:
        """Add the open tasks of the earlier meeting not carried yet (given or reworded there since); how many."""
        path = earlier_meeting_path(self.document.meeting, self.document.path)
        earlier = self._load(path) if path is not None else None
        if path is None or earlier is None:
            return 0
        follow_up = self.document.meeting.follow_up
        have = {task_key(path.name, task) for task in follow_up}
        new = [task for task in carry_open_tasks(earlier, path.name) if task_key(path.name, task) not in have]
        if new:
            self.document.insert_items(follow_up, len(follow_up), new, _("Carry new open tasks"))
        window = self.window()
        if isinstance(window, QMainWindow):
            added = ngettext("{count} task added from {file}.", "{count} tasks added from {file}.", len(new))
            window.statusBar().showMessage(added.format(count=len(new), file=path.name), 8000)
        return len(new)

    def unlink(self) -> None:
        meeting = self.document.meeting
        with self.document.macro(_("Stop following the earlier meeting")):
            self.document.remove_items(meeting.follow_up, list(range(len(meeting.follow_up))), "")
            self.document.set_field(meeting, "follows", None, merge=False)

    def _load(self, path: Path) -> Meeting | None:
        try:
            return load_meeting(path)
        except (MinutesError, OSError) as error:
            QMessageBox.warning(self, _("Cannot open the meeting"), _(
                "{file} cannot be opened: {problem}\n\nThe meeting you are editing has not been changed.").format(
                    file=path, problem=error))
            return None


def follow_up_page(document: MeetingDocument, completions: Completions) -> Page:
    return FollowUpPage(document, completions)
