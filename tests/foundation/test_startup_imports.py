"""What the editor's first window and ``minutes-app tasks`` leave unloaded (their start-up time, kept).

Each module here costs 5–80 ms of import and is needed only by later work: the working-day calendar
(``holidays``), templates (Jinja2), the people directory (sqlite3), e-mail, the import from spreadsheets,
the check rules, python-docx and openpyxl, the log file's rotation. Run in a fresh interpreter, as a
person starts the program; speed itself is measured by ``benchmarks/bench_startup.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from export_tasks.task_folder import build_folder

REPO = Path(__file__).resolve().parents[2]
LATER = ("holidays", "jinja2", "sqlite3", "email.message", "docx", "openpyxl", "logging.handlers",
         "minutes_app.check.rules", "minutes_app.importing", "minutes_app.export.templating")


# Needed later by the editor only: the folder's index (the checks' worker, the Tasks window), the guess of
# the period reviewed (the Results page, built after the window's first frame), the notes' parser and page (at the
# first Ctrl+G), the check panel's tree (at the first findings), Babel (at the first figure or date formatted), and
# what saving, locking, printing and e-mail need.
WINDOW_LATER = ("minutes_app.storage.folder_index", "minutes_app.storage.task_register", "minutes_app.model.period",
                "minutes_app.notes.apply", "minutes_app.gui.notes_page", "minutes_app.gui.check_tree", "babel",
                "subprocess", "uuid", "mimetypes", "hashlib", "socket", "getpass", "html")


def _loaded_after(code: str, later: tuple[str, ...] = LATER, **env: str) -> list[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}, check=True)
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    return [name for name in later if name in loaded]


def test_the_editor_window_module_loads_none_of_the_later_work() -> None:
    assert _loaded_after("import minutes_app.gui.app, minutes_app.gui.main_window") == []
    assert _loaded_after("import minutes_app.gui.app, minutes_app.gui.main_window", WINDOW_LATER) == []


def test_the_tasks_command_loads_no_calendar_directory_nor_office_writers(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    folder = build_folder(tmp_path / "folder")
    code = ("import contextlib, io\nfrom minutes_app.cli import run_cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert run_cli(['tasks', {str(folder)!r}, '--today', '2025-04-10']) == 0")
    cache = str(tmp_path / "cache")
    # The terminal list's words are interface strings (``task_table``): no template, no exporter, no Qt.
    later = (*LATER, "minutes_app.export", "PySide6")
    for _run in ("cold", "warm"):
        assert _loaded_after(code, later, MINUTES_APP_CACHE_DIR=cache) == []


# PySide makes a class's Python type (and all its enums) at its first use: QStyle (the icons are read from files,
# ``gui/icons``), QMessageBox and QDialog cost 4.5 ms that the first window does not need. Nor is hashlib loaded:
# the built-in sample has no state on disk to keep (there is no file of the secretary's to lock or compare with).
WINDOW_SHOWN = """
import PySide6.QtWidgets as widgets
from minutes_app.gui.app import create_application, create_window
app = create_application()
window = create_window(None)
window.show()
app.processEvents()
print("QT", sorted(name for name in ("QStyle", "QMessageBox", "QDialog") if isinstance(vars(widgets).get(name), type)))
window.close()
"""


def test_the_first_window_on_the_sample_makes_no_style_nor_dialog_class_and_hashes_nothing(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", f"{WINDOW_SHOWN}\nimport sys\nprint('hashlib' in sys.modules)"],
                            capture_output=True, text=True, cwd=REPO, timeout=120, check=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                 "MINUTES_APP_DATA_DIR": str(tmp_path / "data"),
                                 "MINUTES_APP_CACHE_DIR": str(tmp_path / "cache")})
    lines = result.stdout.splitlines()
    assert lines[-2] == "QT []"
    assert lines[-1] == "False"
