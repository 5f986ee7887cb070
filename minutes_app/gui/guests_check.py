"""The bar under the attendees table while guests added from the quick notes wait to be checked.

The quick notes add a guest for a speaker they did not find ("@tư: …"), marked ``to_check``: the name
is what was typed, without position or organisation. The table marks those rows; this bar names them and
its button marks them checked (one undo step). The check panel warns while any remains.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget

from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext
from ..model import Attendee
from .document import MeetingDocument
from .message_bar import MessageBar


class GuestsToCheckBar(MessageBar):
    """Names the guests to check; "Mark as checked" clears the mark of those selected in the table, or of all."""

    def __init__(self, document: MeetingDocument, table: QAbstractItemView, parent: QWidget | None = None):
        super().__init__("guestsToCheck", "#fff7e0", "#e0b040", 1, parent)
        self.document, self.table = document, table
        self.button = self.buttons[0]
        self.button.setText(_("Mark as checked"))
        self.button.clicked.connect(self.mark_checked)
        document.changed.connect(self.update_bar)
        self.update_bar()

    def guests(self) -> list[Attendee]:
        return [person for person in self.document.meeting.attendees if person.to_check]

    def update_bar(self) -> None:
        guests = self.guests()
        self.setVisible(bool(guests))
        if not guests:
            return
        names = ", ".join(person.name.strip() or "?" for person in guests)
        self.label.setText(ngettext(
            "{count} guest was added from the quick notes and needs checking: {names}. Complete the row, then "
            "mark it checked.",
            "{count} guests were added from the quick notes and need checking: {names}. Complete their rows, "
            "then mark them checked (the selected ones, or all).", len(guests)).format(count=len(guests),
                                                                                        names=names))
        self.button.setEnabled(not self.document.read_only)

    def mark_checked(self) -> None:
        """The selected guests to check, or all of them when none is selected; one undo step."""
        attendees = self.document.meeting.attendees
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()} if self.table.model() else set()
        chosen = [attendees[row] for row in sorted(rows) if 0 <= row < len(attendees) and attendees[row].to_check]
        chosen = chosen or self.guests()
        if not chosen:
            return
        with self.document.macro(_("Mark guests as checked")):
            for person in chosen:
                self.document.set_field(person, "to_check", False, merge=False)
