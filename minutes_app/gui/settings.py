"""The user's settings through QSettings: one place that knows the keys and their defaults."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from ..userdirs import APP_AUTHOR, APP_NAME, ENV_DATA_DIR, user_data_dir

MAX_RECENT = 8
DEFAULT_AUTOSAVE_SECONDS = 30


def configure_application_identity() -> None:
    """Organisation and application names, which QSettings and platform folders use."""
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)


def settings_file() -> Path | None:
    """With MINUTES_APP_DATA_DIR set (tests, portable installs), settings live in an INI file there."""
    return user_data_dir() / "settings.ini" if os.environ.get(ENV_DATA_DIR) else None


def _native_file() -> Path | None:
    """Where ``QSettings()`` keeps the settings on Linux and the BSDs (an INI file); None where it is the
    registry (Windows) or a property list the system writes (macOS)."""
    if os.name != "posix" or sys.platform == "darwin":
        return None
    config = os.environ.get("XDG_CONFIG_HOME", "")
    return (Path(config) if os.path.isabs(config) else Path.home() / ".config") / APP_AUTHOR / f"{APP_NAME}.conf"


def _settings_problem(path: Path) -> str | None:
    """Why the settings' file cannot be handed to QSettings, which reads whatever is under the name when it
    is made (a FIFO made the editor wait for ever before its window showed); None when it can, or is yet to be
    made."""
    from ..safe_io import check_regular

    try:
        check_regular(path)
    except FileNotFoundError:
        return None  # made at the first setting saved
    except OSError as error:
        from ..l10n.file_problems import unreadable

        return unreadable(path, error)
    return None


class AppSettings:
    """Typed access to the settings; every read goes to QSettings so other windows see changes."""

    def __init__(self) -> None:
        path = settings_file()
        name = path or _native_file()
        problem = _settings_problem(name) if name is not None else None
        if problem is not None:
            from ..l10n.i18n import gettext as _

            # One line, and the settings kept for this session only, in a file of our own.
            message = _("{problem}. The settings are kept for this session only.").format(problem=problem)
            print(message, file=sys.stderr)
            logging.getLogger(__name__).warning(message)
            path = Path(tempfile.mkdtemp(prefix="thuky-settings-")) / "settings.ini"
        self.qsettings = QSettings(str(path), QSettings.Format.IniFormat) if path else QSettings()

    # -- generic -----------------------------------------------------------------------------------
    def _str(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return str(value) if value is not None else default

    def _set(self, key: str, value: object) -> None:
        self.qsettings.setValue(key, value)
        self.qsettings.sync()

    # -- interface ---------------------------------------------------------------------------------
    @property
    def ui_language(self) -> str:
        return self._str("ui/language", "")

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self._set("ui/language", value)

    @property
    def autosave_seconds(self) -> int:
        try:
            return max(1, int(self._str("autosave/interval_seconds", str(DEFAULT_AUTOSAVE_SECONDS))))
        except ValueError:
            return DEFAULT_AUTOSAVE_SECONDS

    @autosave_seconds.setter
    def autosave_seconds(self, value: int) -> None:
        self._set("autosave/interval_seconds", int(value))

    # -- defaults for new meetings -----------------------------------------------------------------
    def default(self, field: str) -> str:
        """parent_agency, agency, agency_code, place or author."""
        return self._str(f"defaults/{field}")

    def set_default(self, field: str, value: str) -> None:
        self._set(f"defaults/{field}", value)

    # -- export ------------------------------------------------------------------------------------
    @property
    def reference_doc(self) -> Path | None:
        text = self._str("export/reference_doc")
        return Path(text) if text else None

    @reference_doc.setter
    def reference_doc(self, value: Path | None) -> None:
        self._set("export/reference_doc", str(value) if value else "")

    @property
    def templates_dir(self) -> Path | None:
        text = self._str("export/templates_dir")
        return Path(text) if text else None

    @templates_dir.setter
    def templates_dir(self, value: Path | None) -> None:
        self._set("export/templates_dir", str(value) if value else "")

    @property
    def intervention_times(self) -> bool:
        """Whether the minutes give the time of each intervention the quick notes timed (off by default)."""
        return self._str("export/intervention_times", "false").lower() in ("true", "1")

    @intervention_times.setter
    def intervention_times(self, value: bool) -> None:
        self._set("export/intervention_times", "true" if value else "false")

    @property
    def last_folder(self) -> str:
        return self._str("files/last_folder", str(Path.home()))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._set("files/last_folder", value)

    # -- the Tasks window --------------------------------------------------------------------------
    @property
    def tasks_folder(self) -> Path | None:
        """The folder whose meetings the Tasks window listed last."""
        text = self._str("tasks/folder")
        return Path(text) if text else None

    @tasks_folder.setter
    def tasks_folder(self, value: Path | None) -> None:
        self._set("tasks/folder", str(value) if value else "")

    @property
    def tasks_filter(self) -> str:
        """The Tasks window's status filter: "all", "not_done", "overdue" or "done"."""
        return self._str("tasks/filter", "all")

    @tasks_filter.setter
    def tasks_filter(self, value: str) -> None:
        self._set("tasks/filter", value)

    # -- recent files ------------------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        value = self.qsettings.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
        return [Path(item) for item in items if item]

    def add_recent_file(self, path: Path) -> None:
        path = path.resolve()
        items = [p for p in self.recent_files() if p != path]
        self._set("files/recent", [str(p) for p in [path, *items][:MAX_RECENT]])

    def remove_recent_file(self, path: Path) -> None:
        self._set("files/recent", [str(p) for p in self.recent_files() if p != path])

    # -- window ------------------------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """The window's geometry and its docks' layout when it last closed (None: not yet saved)."""
        geometry, state = self.qsettings.value("window/geometry"), self.qsettings.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: object, state: object) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self._set("window/state", state)
