"""The Settings dialog: interface language, defaults for new meetings, export files, autosave."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..l10n.i18n import gettext as _
from ..l10n.i18n import ui_language
from .settings import AppSettings

DEFAULT_FIELDS = ("parent_agency", "agency", "agency_code", "place", "author")


class PathField(QWidget):
    """A line edit with a Browse… button, for a file or a folder."""

    def __init__(self, folder: bool, file_filter: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.folder, self.file_filter = folder, file_filter
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(_("empty: the built-in one"))
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self.browse)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)

    def browse(self) -> None:
        if self.folder:
            chosen = QFileDialog.getExistingDirectory(self, _("Choose a folder"), self.edit.text())
        else:
            chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose a file"), self.edit.text(), self.file_filter)
        if chosen:
            self.edit.setText(chosen)

    def path(self) -> Path | None:
        return Path(self.edit.text().strip()) if self.edit.text().strip() else None


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)

        group = QGroupBox(_("Interface"))
        form = QFormLayout(group)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui_language or ui_language())))
        form.addRow(_("Language of the interface:"), self.language)
        self.autosave = QSpinBox()
        self.autosave.setRange(5, 3600)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(settings.autosave_seconds)
        form.addRow(_("Save a recovery copy every:"), self.autosave)
        layout.addWidget(group)

        group = QGroupBox(_("Defaults for new meetings"))
        form = QFormLayout(group)
        labels = {
            "parent_agency": _("Parent agency:"), "agency": _("Issuing agency:"), "agency_code": _("Agency code:"),
            "place": _("Place on the date line:"), "author": _("Author of news articles:"),
        }
        self.defaults: dict[str, QLineEdit] = {}
        for field in DEFAULT_FIELDS:
            edit = QLineEdit(settings.default(field))
            self.defaults[field] = edit
            form.addRow(labels[field], edit)
        layout.addWidget(group)

        group = QGroupBox(_("Documents"))
        form = QFormLayout(group)
        self.reference_doc = PathField(False, _("Word documents (*.docx)"))
        self.reference_doc.edit.setText(str(settings.reference_doc or ""))
        form.addRow(_("Reference DOCX (styles, margins):"), self.reference_doc)
        self.templates_dir = PathField(True)
        self.templates_dir.edit.setText(str(settings.templates_dir or ""))
        form.addRow(_("Your templates folder:"), self.templates_dir)
        layout.addWidget(group)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def apply(self) -> None:
        """Store the choices; the window applies the language and the autosave interval."""
        self.settings.ui_language = str(self.language.currentData())
        self.settings.autosave_seconds = self.autosave.value()
        for field, edit in self.defaults.items():
            self.settings.set_default(field, edit.text().strip())
        self.settings.reference_doc = self.reference_doc.path()
        self.settings.templates_dir = self.templates_dir.path()

    def accept(self) -> None:
        self.apply()
        super().accept()
