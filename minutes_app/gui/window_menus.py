"""The window's commands: one QAction each (with its shortcut), their texts in the interface language, and the
menus that list them. The window says what each command does; this module names and arranges them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from ..check.pages import PAGES
from ..export.registry import kind_label
from ..l10n.i18n import gettext as _
from .binding import portable_keys
from .exporting import EXPORTS
from .icons import IconName, standard_icon
from .settings import AppSettings

Keys = QKeySequence | QKeySequence.StandardKey | str | list[str] | None


def _texts() -> dict[str, str]:
    return {
        "new": _("&New"), "new_from_previous": _("New from previo&us meeting…"),
        "follow_up_this": _("New meeting following t&his one"), "tasks": _("Tas&ks of the folder…"),
        "open": _("&Open…"),
        "save": _("&Save"), "save_as": _("Save &As…"),
        "import_sheet": _("&Import from spreadsheet…"), "quit": _("&Quit"), "undo": _("&Undo"),
        "redo": _("&Redo"), "insert_time": _("Insert the current &time"), "settings": _("Settin&gs…"),
        "people_directory": _("&People directory…"),
        "open_folder": _("Open containing fo&lder"), "print": _("&Print (through PDF)…"),
        "print_preview": _("Print the pre&view…"), "email": _("E&mail…"),
        "toggle_preview": _("Show or hide the &preview"), "next_page": _("Next page"),
        "next_preview": _("Preview the ne&xt document"), "preview_minutes": _("Preview the &minutes"),
        "preview_news": _("Preview the news &article"), "preview_notice": _("Preview the notice of c&onclusions"),
        "toggle_checks": _("Show or hide the &check before export"), "run_checks": _("Check the meeting &now"),
        "previous_page": _("Previous page"), "about": _("&About Thư Ký"),
        "finalise": _("&Finalise…"), "reopen": _("Reopen for e&diting…"), "quick_notes": _("&Quick notes"),
    }


# The menus, in order: (title, entries); an entry is an action's name, "-" a separator, "recent" the
# Open recent submenu, "export" the Export submenu.
def _layout() -> list[tuple[str, list[str]]]:
    pages = [f"page{number}" for number in range(len(PAGES))]
    return [
        (_("&File"), ["new", "new_from_previous", "follow_up_this", "open", "recent", "-", "save", "save_as", "-",
                      "import_sheet", "export", "open_folder", "email", "print", "print_preview", "-", "finalise",
                      "reopen", "-", "quit"]),
        (_("&Edit"), ["undo", "redo", "insert_time", "-", "people_directory", "settings"]),
        (_("&View"), ["quick_notes", *pages, "-", "next_page", "previous_page", "toggle_preview", "next_preview",
                      "preview_minutes", "preview_news", "preview_notice", "toggle_checks", "run_checks", "-",
                      "tasks"]),
        (_("&Help"), ["about"]),
    ]


class WindowMenus:
    """The window's actions by name (``actions``) and its menu bar."""

    def __init__(self, window: QMainWindow, settings: AppSettings, open_recent: Callable[[Path], object]):
        self.window, self.settings, self.open_recent = window, settings, open_recent
        self.actions: dict[str, QAction] = {}
        self.recent_menu: QMenu | None = None

    def add(self, name: str, slot: Callable[..., object], keys: Keys = None,
            icon: IconName | None = None) -> QAction:
        """A window-wide action; a standard key gives all of the platform's keys (Redo: Ctrl+Y and Ctrl+Shift+Z)."""
        action = QAction(self.window)
        if isinstance(keys, QKeySequence.StandardKey):
            action.setShortcuts(keys)
        elif isinstance(keys, list):
            action.setShortcuts([portable_keys(k) for k in keys])
        elif isinstance(keys, str):
            action.setShortcut(portable_keys(keys))
        elif keys is not None:
            action.setShortcut(keys)
        if icon is not None:
            action.setIcon(standard_icon(icon))
        action.triggered.connect(slot)
        self.window.addAction(action)
        self.actions[name] = action
        return action

    def retranslate(self, history: QUndoStack) -> None:
        for name, text in _texts().items():
            self.actions[name].setText(text)
        self.name_history_steps(history)
        for kind, fmt in EXPORTS:
            label = kind_label(kind)
            self.actions[f"export_{kind}_{fmt}"].setText(_("{kind} as {fmt}…").format(
                kind=label[:1].upper() + label[1:], fmt=fmt.upper()))
        for number, info in enumerate(PAGES):
            self.actions[f"page{number}"].setText(info.title().replace("&", "&&"))  # "Directives & tasks": no mnemonic

    def name_history_steps(self, history: QUndoStack) -> None:
        """"Undo: edit Chair" — the Edit menu names the step Undo and Redo would take."""
        for name, step, plain, named in (
                ("undo", history.undoText(), _("&Undo"), _("&Undo: {step}")),
                ("redo", history.redoText(), _("&Redo"), _("&Redo: {step}"))):
            step = step[:1].lower() + step[1:] if step[:1].isupper() and step[1:2].islower() else step
            self.actions[name].setText(named.format(step=step.replace("&", "&&")) if step else plain)

    def build(self, history: QUndoStack) -> None:
        """The menu bar in the interface language (made again when the language changes)."""
        self.retranslate(history)
        bar = self.window.menuBar()
        for old in bar.findChildren(QMenu):
            old.deleteLater()  # clear() only detaches the menus of the previous language
        bar.clear()
        for title, entries in _layout():
            menu = bar.addMenu(title)
            for entry in entries:
                if entry == "-":
                    menu.addSeparator()
                elif entry == "recent":
                    self.recent_menu = menu.addMenu(_("Open &recent"))
                    self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
                    self._fill_recent_menu()
                elif entry == "export":
                    export_menu = menu.addMenu(_("&Export"))
                    for kind, fmt in EXPORTS:
                        export_menu.addAction(self.actions[f"export_{kind}_{fmt}"])
                else:
                    menu.addAction(self.actions[entry])

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        assert menu is not None
        menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not recent:
            menu.addAction(_("No recent files")).setEnabled(False)
