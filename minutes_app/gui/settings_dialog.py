"""The Settings dialog: interface language, defaults for new meetings, export files, autosave."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel.dates import parse_date
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..errors import MinutesError
from ..l10n.i18n import gettext as _
from ..l10n.i18n import sentence, ui_language
from ..l10n.workdays import WorkCalendar, calendar_path, calendar_to_json, load_calendar
from ..storage import write_bytes_atomically
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


def parse_day(text: str, language: str) -> dt.date:
    """A date typed as 2026-01-02 or as the interface's locale writes it (02/01/2026 in Vietnamese)."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parse_date(text, locale="vi_VN" if language == "vi" else "en_US")
    except (ValueError, IndexError) as error:
        raise ValueError(text) from error


def parse_days(text: str, language: str, what: str) -> set[dt.date]:
    """The dates of a one-a-line box; a ValueError names the box, the line and what was typed."""
    days = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            days.add(parse_day(line, language))
        except ValueError:
            raise ValueError(_("{what}, line {number}: \"{text}\" is not a date such as 2026-01-02.").format(
                what=what, number=number, text=line.strip())) from None
    return days


def _days_text(days: frozenset[dt.date]) -> str:
    return "".join(day.isoformat() + "\n" for day in sorted(days))


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        for group in (self._interface_group(), self._defaults_group(), self._documents_group(), self._days_group()):
            layout.addWidget(group)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _interface_group(self) -> QGroupBox:
        settings = self.settings
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
        return group

    def _defaults_group(self) -> QGroupBox:
        group = QGroupBox(_("Defaults for new meetings"))
        form = QFormLayout(group)
        labels = {
            "parent_agency": _("Parent agency:"), "agency": _("Issuing agency:"), "agency_code": _("Agency code:"),
            "place": _("Place on the date line:"), "author": _("Author of news articles:"),
        }
        self.defaults: dict[str, QLineEdit] = {}
        for field in DEFAULT_FIELDS:
            edit = QLineEdit(self.settings.default(field))
            self.defaults[field] = edit
            form.addRow(labels[field], edit)
        return group

    def _documents_group(self) -> QGroupBox:
        settings = self.settings
        group = QGroupBox(_("Documents"))
        form = QFormLayout(group)
        self.reference_doc = PathField(False, _("Word documents (*.docx)"))
        self.reference_doc.edit.setText(str(settings.reference_doc or ""))
        form.addRow(_("Reference DOCX (styles, margins):"), self.reference_doc)
        self.templates_dir = PathField(True)
        self.templates_dir.edit.setText(str(settings.templates_dir or ""))
        form.addRow(_("Your templates folder:"), self.templates_dir)
        self.intervention_times = QCheckBox(_("Give the time of each intervention in the minutes"))
        self.intervention_times.setToolTip(_("As the quick notes timed it: \"14 giờ 05, ông … phát biểu: …\""))
        self.intervention_times.setChecked(settings.intervention_times)
        form.addRow(self.intervention_times)
        return group

    def _days_group(self) -> QGroupBox:
        group = QGroupBox(_("Working days (for the deadline of the notice of conclusions)"))
        form = QFormLayout(group)
        self.loaded_calendar: WorkCalendar | None = None  # None: calendar.json is there but cannot be read
        try:
            calendar = self.loaded_calendar = load_calendar()
        except MinutesError as error:
            # Said here, and the file left as it is unless days are typed: OK pressed to change the language must
            # not replace a calendar someone mistyped with an empty one.
            calendar = WorkCalendar.of()
            problem = QLabel(_("{problem} Days entered below replace that file.").format(problem=sentence(str(error))))
            problem.setWordWrap(True)
            problem.setStyleSheet("color: #b00020;")
            form.addRow(problem)
        self.days_off = QPlainTextEdit(_days_text(calendar.days_off))
        self.working_days = QPlainTextEdit(_days_text(calendar.working_days))
        for box in (self.days_off, self.working_days):
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 14)
            box.setPlaceholderText("2026-01-02")
        hint = QLabel(_("Public holidays are known. Add the days the government moves: one date a line, "
                        "e.g. 2026-01-02."))
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(_("Extra days off:"), self.days_off)
        form.addRow(_("Make-up working days:"), self.working_days)
        return group

    def calendar(self) -> WorkCalendar:
        """The days typed in the two boxes; a ValueError says which line is not a date."""
        language = ui_language()
        return WorkCalendar.of(parse_days(self.days_off.toPlainText(), language, _("Extra days off")),
                               parse_days(self.working_days.toPlainText(), language, _("Make-up working days")))

    def apply(self) -> None:
        """Store the choices; the window applies the language and the autosave interval."""
        calendar = self.calendar()
        if calendar != (self.loaded_calendar if self.loaded_calendar is not None else WorkCalendar.of()):
            calendar_path().parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomically(calendar_path(), calendar_to_json(calendar).encode("utf-8"))
        self.settings.ui_language = str(self.language.currentData())
        self.settings.autosave_seconds = self.autosave.value()
        for field, edit in self.defaults.items():
            self.settings.set_default(field, edit.text().strip())
        self.settings.reference_doc = self.reference_doc.path()
        self.settings.templates_dir = self.templates_dir.path()
        self.settings.intervention_times = self.intervention_times.isChecked()

    def accept(self) -> None:
        try:
            self.apply()
        except (ValueError, OSError, MinutesError) as error:
            QMessageBox.warning(self, _("Settings"), str(error))
            return
        super().accept()
