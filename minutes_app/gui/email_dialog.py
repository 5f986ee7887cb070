"""The question before e-mailing the documents: which to attach, to whom, with what subject (``exporting``)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from ..export.registry import kind_label
from ..l10n.i18n import gettext as _
from ..model import Meeting
from .exporting import EXPORTS


class EmailDialog(QDialog):
    """Which documents to attach, to whom, with what subject."""

    def __init__(self, meeting: Meeting, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Email the documents"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.to = QLineEdit()
        self.to.setPlaceholderText(_("addresses, separated by commas"))
        self.subject = QLineEdit(meeting.meeting.title)
        form.addRow(_("To:"), self.to)
        form.addRow(_("Subject:"), self.subject)
        layout.addLayout(form)
        self.boxes: list[tuple[QCheckBox, tuple[str, str]]] = []
        for kind, fmt in EXPORTS:
            label = kind_label(kind)
            box = QCheckBox(_("{kind} ({fmt})").format(kind=label[:1].upper() + label[1:], fmt=fmt.upper()))
            box.setChecked((kind, fmt) in (("minutes", "docx"), ("notice", "docx")))
            self.boxes.append((box, (kind, fmt)))
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.meeting = meeting

    def chosen(self) -> list[tuple[str, str]]:
        return [job for box, job in self.boxes if box.isChecked()]

    def body_text(self) -> str:
        return _("Please find attached the documents of the meeting \"{title}\".").format(
            title=self.meeting.meeting.title)
