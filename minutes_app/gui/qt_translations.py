"""Qt's own texts (standard buttons, context menus) in the interface language.

Qt ships no Vietnamese translation, so Qt's strings go through our gettext catalog too: a QTranslator
asks ``pgettext(context, text)`` with Qt's own context ("QPlatformTheme", "QLineEdit"). Qt's ``.qm``
files are installed after it when present, so Qt's translators are asked first and ours fills the gaps.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..l10n.i18n import pgettext


def qt_N_(context: str, text: str) -> tuple[str, str]:
    """Mark a Qt string for extraction into our catalog (see babel keywords in update_catalogs.sh)."""
    return context, text


# The strings a secretary meets in Qt's own widgets, with the context Qt looks them up in.
QT_STRINGS = (
    qt_N_("QPlatformTheme", "OK"),
    qt_N_("QPlatformTheme", "Save"),
    qt_N_("QPlatformTheme", "Save All"),
    qt_N_("QPlatformTheme", "Open"),
    qt_N_("QPlatformTheme", "&Yes"),
    qt_N_("QPlatformTheme", "Yes to &All"),
    qt_N_("QPlatformTheme", "&No"),
    qt_N_("QPlatformTheme", "N&o to All"),
    qt_N_("QPlatformTheme", "Abort"),
    qt_N_("QPlatformTheme", "Retry"),
    qt_N_("QPlatformTheme", "Ignore"),
    qt_N_("QPlatformTheme", "Close"),
    qt_N_("QPlatformTheme", "Cancel"),
    qt_N_("QPlatformTheme", "Discard"),
    qt_N_("QPlatformTheme", "Don't Save"),
    qt_N_("QPlatformTheme", "Close without Saving"),
    qt_N_("QPlatformTheme", "Help"),
    qt_N_("QPlatformTheme", "Apply"),
    qt_N_("QPlatformTheme", "Reset"),
    qt_N_("QPlatformTheme", "Restore Defaults"),
    qt_N_("QLineEdit", "&Undo"),
    qt_N_("QLineEdit", "&Redo"),
    qt_N_("QLineEdit", "Cu&t"),
    qt_N_("QLineEdit", "&Copy"),
    qt_N_("QLineEdit", "&Paste"),
    qt_N_("QLineEdit", "Delete"),
    qt_N_("QLineEdit", "Select All"),
    qt_N_("QWidgetTextControl", "&Undo"),
    qt_N_("QWidgetTextControl", "&Redo"),
    qt_N_("QWidgetTextControl", "Cu&t"),
    qt_N_("QWidgetTextControl", "&Copy"),
    qt_N_("QWidgetTextControl", "Copy &Link Location"),
    qt_N_("QWidgetTextControl", "&Paste"),
    qt_N_("QWidgetTextControl", "Delete"),
    qt_N_("QWidgetTextControl", "Select All"),
    qt_N_("QAbstractSpinBox", "&Select All"),
    qt_N_("QAbstractSpinBox", "&Step up"),
    qt_N_("QAbstractSpinBox", "Step &down"),
    qt_N_("QFileDialog", "Look in:"),
    qt_N_("QFileDialog", "&Look in:"),
    qt_N_("QFileDialog", "Files of &type:"),
    qt_N_("QFileDialog", "&New Folder"),
    qt_N_("QFileDialog", "Change to detail view mode"),
    qt_N_("QFileDialog", "Change to list view mode"),
    qt_N_("QFileDialog", "Create a New Folder"),
    qt_N_("QFileDialog", "Directory:"),
    qt_N_("QFileDialog", "Directories"),
    qt_N_("QFileDialog", "Files"),
    qt_N_("QFileDialog", "Go back"),
    qt_N_("QFileDialog", "Go forward"),
    qt_N_("QFileDialog", "Go to the parent directory"),
    qt_N_("QFileDialog", "List of places and bookmarks"),
    qt_N_("QFileDialog", "Sidebar"),
    qt_N_("QFileSystemModel", "Computer"),
    qt_N_("QFileSystemModel", "My Computer"),
    qt_N_("QAbstractFileIconProvider", "Folder"),
    qt_N_("QAbstractFileIconProvider", "Drive"),
    qt_N_("QMimeType", "JSON document"),
    qt_N_("QFileDialog", "File &name:"),
    qt_N_("QFileDialog", "Files of type:"),
    qt_N_("QFileDialog", "&Open"),
    qt_N_("QFileDialog", "&Save"),
    qt_N_("QFileDialog", "&Choose"),
    qt_N_("QFileDialog", "Back"),
    qt_N_("QFileDialog", "Forward"),
    qt_N_("QFileDialog", "Parent Directory"),
    qt_N_("QFileDialog", "Create New Folder"),
    qt_N_("QFileDialog", "List View"),
    qt_N_("QFileDialog", "Detail View"),
    qt_N_("QFileDialog", "All Files (*)"),
    qt_N_("QFileDialog", "New Folder"),
    qt_N_("QFileDialog", "&Delete"),
    qt_N_("QFileDialog", "&Rename"),
    qt_N_("QFileDialog", "Show &hidden files"),
    qt_N_("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    qt_N_("QFileSystemModel", "Name"),
    qt_N_("QFileSystemModel", "Size"),
    qt_N_("QFileSystemModel", "Type"),
    qt_N_("QFileSystemModel", "Date Modified"),
    qt_N_("QShortcut", "Ctrl"),
    qt_N_("QShortcut", "Shift"),
    qt_N_("QShortcut", "Alt"),
)


class GettextQtTranslator(QTranslator):
    """Answers Qt's lookups from our catalog; an empty answer lets Qt keep its English text."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        translated = pgettext(context, source_text)
        # None (a null QString) lets Qt ask the next translator or keep its text; "" would blank it out.
        return None if translated == source_text else translated

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


_installed: list[QTranslator] = []


def install_qt_translations(language: str) -> None:
    """(Re)install the translators for ``language``; Qt sends LanguageChange to every widget."""
    app = QCoreApplication.instance()
    if app is None:
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = GettextQtTranslator(app)
    app.installTranslator(ours)
    _installed.append(ours)
    shipped = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and shipped.load(QLocale(language), "qtbase", "_", folder):
        app.installTranslator(shipped)  # installed last: asked first
        _installed.append(shipped)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
