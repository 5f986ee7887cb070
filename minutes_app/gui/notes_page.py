"""The "Ghi nhanh" (quick notes) page: a plain text area where each line is one note, filed as it is typed.

Each line gets the time it was started, shown in the left margin and stored with the note (a time
typed at the start of the line, "08:20 …", wins). A key only changes the text; in the pause that
follows (150 ms), at Enter, when the cursor leaves the line, before any shortcut or menu and when the
notes are left, the whole text goes through ``notes.apply_notes`` (several ms on a long meeting); the
text and the lists it changed (attendees, discussion, directives, notes) before and after make one
``NotesCommand`` on the document's undo stack, so Ctrl+Z takes back a note and what it produced
together, in order with the forms' edits. Typing within one line is one step, as in a form field.

The parts the parser recognised are coloured (speaker, unit, date, marker); a line it could not place
is underlined and named under the area with the reason, and a line whose item was edited by hand on
its page is shown in italics.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QHideEvent,
    QKeyEvent,
    QPalette,
    QShowEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
    QUndoCommand,
)
from PySide6.QtWidgets import QLabel, QWidget

from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext
from ..model import Attendee, Meeting, Note
from ..notes import NoteInput, Part, apply_notes, read_line
from ..notes.directory import directory_people
from ..notes.people import People
from .binding import TimeLineEdit, route_undo_keys
from .document import MeetingDocument
from .notes_editor import LineTime, NotesEditor, time_of
from .pages import Page
from .workers import Worker

MERGE_NOTES_EDIT = 1018
APPLY_DELAY_MS = 150  # a pause in typing this long files the line typed
_LISTS = ("attendees", "discussion", "directives")


@dataclass(frozen=True)
class NotesState:
    """What a notes edit changes: the text with each line's time, and the meeting's lists it touches."""

    text: str
    times: tuple[dt.time | None, ...]  # one per line of ``text``
    cursor: int
    lists: tuple[list[Any], ...]  # copies of the contents of attendees, discussion, directives
    notes: list[Note]


class NotesCommand(QUndoCommand):
    """One edit of the notes and what it produced; typing on one line merges into the step before."""

    def __init__(self, page: NotesPage, before: NotesState, after: NotesState, line: int, mergeable: bool):
        super().__init__(_("Type quick notes"))
        self.page, self.before, self.after, self.line, self.mergeable = page, before, after, line, mergeable

    def id(self) -> int:  # noqa: A003 - Qt's name
        return MERGE_NOTES_EDIT

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, NotesCommand) or not (self.mergeable and other.mergeable):
            return False
        if other.page is not self.page or other.line != self.line:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.page.show_state(self.after)

    def undo(self) -> None:
        self.page.show_state(self.before)


class NotesHighlighter(QSyntaxHighlighter):
    """Colours what each line was read as, and marks the lines that could not be placed."""

    def __init__(self, document: QTextDocument, page: NotesPage):
        super().__init__(document)
        self.page = page
        self.formats: dict[Part, QTextCharFormat] = {}
        for part, colour, bold in ((Part.SPEAKER, "#1d4ed8", True), (Part.UNIT, "#047857", False),
                                   (Part.DATE, "#b45309", True), (Part.MARKER, "#6b7280", True)):
            text_format = QTextCharFormat()
            text_format.setForeground(QColor(colour))
            if bold:
                text_format.setFontWeight(QFont.Weight.Bold)
            self.formats[part] = text_format
        self.time_format = QTextCharFormat()
        self.time_format.setForeground(QColor("#6b7280"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        # Few calls into Qt per line: PySide6 6.12 on Python 3.11 drops a reference to None on every
        # call of a void method, so a format is set once per stretch, never per character.
        number = self.currentBlock().blockNumber()
        base = QTextCharFormat()
        if number in self.page.problem_lines:
            base.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            base.setUnderlineColor(QColor("#dc2626"))
        elif number in self.page.unlinked_lines:
            base.setFontItalic(True)
        if not base.isEmpty():
            self.setFormat(0, len(text), base)
        line = read_line(text)
        offset = text.find(line.text) if line.text else -1
        if offset < 0:
            return
        if line.time is not None:
            self.setFormat(0, offset, self._with(base, self.time_format))
        for span in line.spans:
            self.setFormat(offset + span.start, span.end - span.start, self._with(base, self.formats[span.part]))

    @staticmethod
    def _with(base: QTextCharFormat, part: QTextCharFormat) -> QTextCharFormat:
        if base.isEmpty():
            return part
        merged = QTextCharFormat(part)
        merged.merge(base)
        return merged


class _MarginTime(TimeLineEdit):
    """The time field over the margin: Enter sets the time, Esc puts it back; neither reaches the notes."""

    original = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.setText(self.original)
            self.clearFocus()  # editingFinished: the time as it was
        else:
            super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            event.accept()


def syntax_hint() -> str:
    return _("@name: speaker · a plain line continues · KL: directive · NV: task → unit, hạn 15/3 · "
             "Vắng: @name (reason) · # topic · 08:20 at the start sets the time")


class NotesPage(Page):
    """The quick notes of the document's meeting."""

    def __init__(self, document: MeetingDocument, parent: QWidget | None = None):
        super().__init__(_("Quick notes"), _("Type as people speak, one note a line: each line is filed on its "
                                            "page as you type, and Ctrl+Z takes it back with what it made. "
                                            "Double-click a time to correct it."),
                         parent)
        self.document = document
        self.now = lambda: dt.datetime.now().time().replace(second=0, microsecond=0)  # tests pin the clock
        self.problem_lines: set[int] = set()
        self.unlinked_lines: set[int] = set()
        self.editor = NotesEditor()
        self.editor.setObjectName("quickNotes")
        route_undo_keys(self.editor)
        self.highlighter = NotesHighlighter(self.editor.document(), self)
        self.body.addWidget(self.editor, 1)
        self.hint = QLabel(syntax_hint())
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.body.addWidget(self.hint)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # Two lines kept for it: a message coming or going must not resize the text area above.
        self.status.setFixedHeight(self.status.fontMetrics().lineSpacing() * 2 + 4)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.status)
        self.first_field = self.editor
        self._loading = False
        self._last: tuple[str, tuple[dt.time | None, ...], int, int, int] = ("", (), 0, 0, 1)
        self.directory: list[Attendee] = []  # the people directory, read in a worker (names not among attendees)
        self._load(document.meeting.notes)
        self.pending: int | None = None  # the line typed into since the notes were last filed, if any
        self.apply_timer = QTimer(self)
        self.apply_timer.setSingleShot(True)
        self.apply_timer.setInterval(APPLY_DELAY_MS)
        self.apply_timer.timeout.connect(self.apply_pending)
        self.editor.installEventFilter(self)  # after route_undo_keys: sees Ctrl+Z before it is taken
        self.editor.textChanged.connect(self._edited)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.editor.timeClicked.connect(self.edit_time)

    # -- the editor ⇄ the notes --------------------------------------------------------------------
    def _load(self, notes: list[Note]) -> None:
        self._set_text("\n".join(note.text for note in notes), tuple(note.time for note in notes), 0)
        self._refresh_marks()

    def _set_text(self, text: str, times: tuple[dt.time | None, ...], cursor: int) -> None:
        self._loading = True
        try:
            if self.editor.toPlainText() != text:
                self.editor.setPlainText(text)
            block = self.editor.document().firstBlock()
            for time in times:
                if not block.isValid():
                    break
                block.setUserData(LineTime(time))
                block = block.next()
            moved = self.editor.textCursor()
            moved.setPosition(min(cursor, len(text)))
            self.editor.setTextCursor(moved)
        finally:
            self._loading = False
        self._last = (text, times, cursor, self.editor.textCursor().blockNumber(),
                      self.editor.document().blockCount())
        self.editor.margin.update()

    def _lines(self) -> tuple[list[NoteInput], tuple[dt.time | None, ...]]:
        """The lines as they are now; a line typed into for the first time takes the time now
        (or the time written at its start)."""
        lines, times = [], []
        block = self.editor.document().firstBlock()
        while block.isValid():
            text = block.text()
            time = time_of(block)
            written = read_line(text).time
            if written is not None and written != time or time is None and text.strip():
                time = written or self.now()
                block.setUserData(LineTime(time))
            lines.append(NoteInput(text, time))
            times.append(time)
            block = block.next()
        return lines, tuple(times)

    def _state(self, text: str, times: tuple[dt.time | None, ...], cursor: int, meeting: Meeting) -> NotesState:
        return NotesState(text, times, cursor, tuple(list(getattr(meeting, name)) for name in _LISTS),
                          list(meeting.notes))

    def _edited(self) -> None:
        """A key typed: the text changed. Filing it waits for a pause (``APPLY_DELAY_MS``), the end of the
        line, or anything that reads the meeting (a shortcut, a menu, leaving the notes): re-placing every
        line takes several ms on a long meeting, and a key must cost less than a frame."""
        if self._loading:
            return
        if self.document.read_only:
            old_text, old_times, old_cursor = self._last[:3]
            self._set_text(old_text, old_times, old_cursor)  # a final meeting: nothing typed is taken
            self.editor.setReadOnly(True)
            return
        cursor = self.editor.textCursor()
        block = cursor.block()
        if time_of(block) is None and block.text().strip():
            block.setUserData(LineTime(self.now()))  # the line's time is when it was started
            self.editor.margin.update()
        if self.pending is not None and self.pending != block.blockNumber():
            self.apply_pending()  # another line (a selection across lines replaced): one step each
        self.pending = block.blockNumber()
        self.apply_timer.start()
        self.editor.typed.emit()
        self.editor.offer_names(self._people)

    def _cursor_moved(self) -> None:
        if self.pending is not None and self.editor.textCursor().blockNumber() != self.pending:
            self.apply_pending()  # the line is left: filed before another is typed into

    def apply_pending(self) -> None:
        """File what was typed and not filed yet (the text as it is now)."""
        if self.pending is None:
            return
        self.apply_timer.stop()
        self.pending = None
        self._apply()

    def _apply(self, merge: bool = True) -> None:
        old_text, old_times, old_cursor, old_line, old_count = self._last
        lines, times = self._lines()
        outcome = apply_notes(self.document.meeting, lines, self.directory)
        text, cursor = self.editor.toPlainText(), self.editor.textCursor().position()
        line, count = self.editor.textCursor().blockNumber(), self.editor.document().blockCount()
        before = self._state(old_text, old_times, old_cursor, self.document.meeting)
        after = self._state(text, times, cursor, outcome.meeting)
        self._last = (text, times, cursor, line, count)
        self._outcome_marks(outcome.problems, outcome.meeting.notes, lines)
        mergeable = merge and line == old_line and count == old_count
        self.document.undo_stack.push(NotesCommand(self, before, after, line, mergeable))
        self.editor.margin.update()

    def _people(self) -> People:
        """The attendees, then the directory's people not among them: whom a name after "@" may be."""
        attendees = self.document.meeting.attendees
        present = {person.name.casefold() for person in attendees}
        return People.of([*attendees, *(p for p in self.directory if p.name.casefold() not in present)])

    def edit_time(self, number: int) -> _MarginTime | None:
        """A small time field over the margin of that line; Enter (or leaving it) sets the line's time."""
        block = self.editor.document().findBlockByNumber(number)
        if not block.isValid() or not block.text().strip() or self.editor.isReadOnly():
            return None
        field = _MarginTime(self.editor.margin)
        top = round(self.editor.blockBoundingGeometry(block).translated(self.editor.contentOffset()).top())
        field.setGeometry(0, max(0, top - 2), max(self.editor.margin.width(), 64), field.sizeHint().height())
        time = time_of(block)
        field.setText(time.strftime("%H:%M") if time else "")
        field.original = field.text()
        field.selectAll()
        field.show()
        field.setFocus(Qt.FocusReason.MouseFocusReason)

        def done() -> None:
            field.editingFinished.disconnect(done)
            field.hide()
            field.deleteLater()
            self.editor.setFocus()
            try:
                value = field.value()
            except ValueError:
                return
            if value is not None and value != time_of(block):
                block.setUserData(LineTime(value))
                self.apply_pending()
                self._apply(merge=False)  # a step of its own

        field.editingFinished.connect(done)
        return field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The editor's events that must see the meeting as typed: a shortcut (Ctrl+S, Ctrl+Z, Ctrl+E…),
        Enter (a line is done), leaving the notes (a click elsewhere, a menu opening)."""
        if self.pending is not None:
            kind = event.type()
            if kind == QEvent.Type.ShortcutOverride and event.modifiers() & (  # type: ignore[attr-defined]
                    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                    | Qt.KeyboardModifier.MetaModifier) or kind == QEvent.Type.FocusOut or (
                    kind == QEvent.Type.KeyPress
                    and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
                self.apply_pending()
        return False

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.apply_pending()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.editor.setReadOnly(self.document.read_only)  # the meeting may have been finalised or reopened

    def read_directory(self) -> None:
        """Read the people directory in a worker (its names are offered after "@")."""
        worker = Worker(directory_people)
        worker.signals.finished.connect(self._directory_loaded)
        QThreadPool.globalInstance().start(worker)

    def _directory_loaded(self, people: object) -> None:
        self.directory = list(cast(list[Attendee], people))

    def show_state(self, state: NotesState) -> None:
        """Put the meeting's lists and the text as the state has them (a command's redo or undo)."""
        meeting = self.document.meeting
        for name, contents in zip(_LISTS, state.lists, strict=True):
            _replace_contents(self.document, getattr(meeting, name), contents)
        meeting.notes = list(state.notes)
        if (self.editor.toPlainText(), state.times) != self._last[:2]:
            self._set_text(state.text, state.times, state.cursor)
            self._refresh_marks()

    # -- marks -------------------------------------------------------------------------------------
    def _refresh_marks(self) -> None:
        lines, _times = self._lines()
        outcome = apply_notes(self.document.meeting, lines, self.directory)
        self._outcome_marks(outcome.problems, outcome.meeting.notes, lines)

    def _outcome_marks(self, problems: list, notes: list[Note], lines: list[NoteInput]) -> None:
        """Underline the lines that could not be placed and name them; italics for the unlinked ones."""
        problem_lines = {problem.number - 1 for problem in problems}
        kept = [index for index, line in enumerate(lines) if read_line(line.text).text]
        unlinked = {index for index, note in zip(kept, notes, strict=False)
                    if any(link.unlinked is not None for link in note.items)}
        changed = (problem_lines ^ self.problem_lines) | (unlinked ^ self.unlinked_lines)
        self.problem_lines, self.unlinked_lines = problem_lines, unlinked
        document = self.editor.document()
        for number in sorted(changed):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.highlighter.rehighlightBlock(block)
        messages = [_("line {number}: {reason}").format(number=p.number, reason=p.reason) for p in problems[:3]]
        if problems:
            head = ngettext("{count} line could not be placed:", "{count} lines could not be placed:",
                            len(problems)).format(count=len(problems))
            self.status.setText(head + " " + "; ".join(messages) + ("…" if len(problems) > 3 else ""))
        elif unlinked:
            self.status.setText(ngettext(
                "{count} line no longer updates its item: it was edited by hand on its page (in italics).",
                "{count} lines no longer update their items: they were edited by hand on their pages (in italics).",
                len(unlinked)).format(count=len(unlinked)))
        else:
            self.status.setText("")


def _replace_contents(document: MeetingDocument, items: list[Any], contents: list[Any]) -> None:
    """Give a list of the meeting other contents, telling the table models that show it."""
    if len(items) == len(contents) and all(a is b for a, b in zip(items, contents, strict=True)):
        return
    observers = document.observers_of(items)
    if items:
        for observer in observers:
            observer.before_remove(0, len(items))
        items.clear()
        for observer in observers:
            observer.after_remove()
    if contents:
        for observer in observers:
            observer.before_insert(0, len(contents))
        items.extend(contents)
        for observer in observers:
            observer.after_insert()
