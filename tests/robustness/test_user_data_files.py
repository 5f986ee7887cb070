"""Issue 15, for the files read since the first round: the quick-notes file, ``calendar.json``, the import
mapping store and the recovery files. Each is read only as a regular file of bounded size: a FIFO, a link
to ``/dev/zero``, a folder, a huge or deeply nested file is refused in one line naming it (or, for what
the program only remembers for convenience, ignored), never read without end or ended in a traceback."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from robustness.bounded import one_line_refusal, run_bounded, run_python_bounded
from support import COMMUNE_SAMPLE

from minutes_app.importing import mapping_path
from minutes_app.l10n.workdays import calendar_path
from minutes_app.userdirs import recovery_dir

posix_only = pytest.mark.skipif(sys.platform == "win32" or not Path("/dev/zero").exists(),
                                reason="FIFOs and /dev/zero are POSIX")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _huge(path: Path) -> None:
    with path.open("wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: 60 MB of NUL bytes


def _nested(path: Path) -> None:
    path.write_text("[" * 100_000, encoding="ascii")


def _folder(path: Path) -> None:
    path.mkdir()


HOSTILE: dict[str, tuple[Callable[[Path], None], str]] = {
    "a FIFO": (_fifo, "not a regular file"),
    "a link to /dev/zero": (_zero, "not a regular file"),
    "a folder": (_folder, "not a regular file"),
    "60 MB": (_huge, "the file is 60 MB; the limit is 1 MB"),
    "nested 100,000 deep": (_nested, "nested too deeply"),
}
CASES = pytest.mark.parametrize(("make", "problem"), HOSTILE.values(), ids=HOSTILE.keys())


@pytest.fixture()
def meeting(tmp_path: Path) -> Path:
    path = tmp_path / "m.minutes.json"
    shutil.copy(COMMUNE_SAMPLE, path)
    return path


NOTES = {"a FIFO": _fifo, "a link to /dev/zero": _zero, "a folder": _folder}


@posix_only
@pytest.mark.parametrize("make", NOTES.values(), ids=NOTES.keys())
def test_a_notes_file_that_is_not_a_regular_file_is_refused_as_such(tmp_path: Path, meeting: Path,
                                                                    make: Callable[[Path], None]) -> None:
    """It was refused as "no such file", which sends the secretary looking for a file that is there."""
    notes = tmp_path / "notes.txt"
    make(notes)
    before = meeting.read_bytes()
    line = one_line_refusal(run_bounded("notes", notes, "--into", meeting), notes)
    assert line.endswith("not a regular file (a folder, a device or a pipe)"), line
    assert meeting.read_bytes() == before


@posix_only
@CASES
def test_a_hostile_calendar_is_refused_in_one_line(meeting: Path, make: Callable[[Path], None], problem: str) -> None:
    """``check`` reads calendar.json for the notice's due date; a FIFO there made it hang."""
    path = calendar_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    line = one_line_refusal(run_bounded("check", meeting), path)
    assert problem in line


def test_a_calendar_value_is_shown_short_and_printable(meeting: Path) -> None:
    path = calendar_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"days_off": ["\\udc80' + "x" * 100_000 + '"]}', encoding="ascii")
    line = one_line_refusal(run_bounded("check", meeting), path)
    assert '"days_off", entry 1: "\\udc80xxx' in line and len(line) < len(str(path)) + 200, line


@posix_only
@CASES
def test_a_hostile_mapping_store_is_ignored(tmp_path: Path, meeting: Path, make: Callable[[Path], None],
                                            problem: str) -> None:
    """The remembered column choice is a convenience: whatever has its name, the import goes on, at once."""
    path = mapping_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    sheet = tmp_path / "people.csv"
    sheet.write_text("Họ và tên,Chức vụ,Đơn vị\nNguyễn Văn Z,Cán bộ,Tổ 1\n", encoding="utf-8")
    result = run_bounded("import", sheet, "--into", meeting, "--what", "attendees")
    assert result.returncode == 0 and not result.stderr, result.stderr
    assert "Nguyễn Văn Z" in meeting.read_text(encoding="utf-8")


@posix_only
def test_a_link_in_place_of_the_mapping_store_is_replaced_not_written_through(tmp_path: Path) -> None:
    from minutes_app.importing import save_last_mapping

    victim = tmp_path / "victim.txt"
    victim.write_text("VICTIM", encoding="utf-8")
    mapping_path().parent.mkdir(parents=True, exist_ok=True)
    mapping_path().symlink_to(victim)
    save_last_mapping("attendees", {"Tên": "name"})
    assert victim.read_text(encoding="utf-8") == "VICTIM"
    assert not mapping_path().is_symlink()


RECOVERY_CONTENTS: dict[str, Callable[[Path], None]] = {
    "a list": lambda path: path.write_text("[]", encoding="ascii"),
    "a string": lambda path: path.write_text('"x"', encoding="ascii"),
    "nested 100,000 deep": _nested,
    "a FIFO": _fifo,
    "a link to /dev/zero": _zero,
    "60 MB": _huge,
}


@posix_only
@pytest.mark.parametrize("make", RECOVERY_CONTENTS.values(), ids=RECOVERY_CONTENTS.keys())
def test_a_damaged_recovery_file_is_passed_over(make: Callable[[Path], None]) -> None:
    """The editor looks for recovery files at every start: a damaged one must not stop it starting."""
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    make(folder / f"1-{abs(hash(make)) % 10**8:08d}.recovery.json")
    result = run_python_bounded("from minutes_app.storage.recovery import find_recoveries\n"
                                "print(len(find_recoveries()))")
    assert result.returncode == 0 and result.stdout.strip() == "0", result.stderr


@posix_only
def test_a_fifo_named_as_the_log_does_not_stop_every_command(meeting: Path) -> None:
    """Every command and the editor open ``thuky.log`` first: opened for writing, a FIFO waited for a reader."""
    log = calendar_path().with_name("thuky.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(log)
    result = run_bounded("validate", meeting)
    assert result.returncode == 0 and result.stdout.strip().endswith("valid"), result.stderr


@posix_only
@pytest.mark.parametrize("make", [_fifo, _zero, _folder], ids=["a FIFO", "a link to /dev/zero", "a folder"])
def test_a_people_directory_that_is_not_a_regular_file_is_refused_at_once(make: Callable[[Path], None]) -> None:
    from minutes_app.storage.directory import default_path

    default_path().parent.mkdir(parents=True, exist_ok=True)
    make(default_path())
    result = run_python_bounded("from minutes_app.storage.directory import DirectoryError, PeopleDirectory\n"
                                "try:\n    PeopleDirectory().all_people()\nexcept DirectoryError as error:\n"
                                "    print(error)")
    assert result.returncode == 0 and "cannot be used" in result.stdout, (result.stdout, result.stderr)


def _link_to_fifo(path: Path) -> None:
    os.mkfifo(path.with_name("elsewhere"))
    path.symlink_to(path.with_name("elsewhere"))


@posix_only
# Not a link to /dev/zero: QSettings replaces the file a link points to, and without the check it would replace
# the machine's /dev/zero with a file of settings.
@pytest.mark.parametrize("make", [_fifo, _link_to_fifo, _folder], ids=["a FIFO", "a link to a FIFO", "a folder"])
def test_a_settings_file_that_is_not_a_regular_file_does_not_stop_the_editor(make: Callable[[Path], None]) -> None:
    """QSettings reads its file when it is made: a FIFO under the name made the editor wait for ever before its
    window showed. Now one line names it, and the settings are kept for the session in a file of our own."""
    from minutes_app.gui.settings import settings_file

    path = settings_file()
    assert path is not None  # the tests keep their data in a folder of their own
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    result = run_python_bounded("from minutes_app.logs import setup_logging\nsetup_logging()  # as the editor does\n"
                                "from minutes_app.gui.settings import AppSettings\n"
                                "settings = AppSettings()\nsettings.ui_language = 'vi'\nprint(settings.ui_language)")
    assert result.returncode == 0 and result.stdout.strip() == "vi", result.stderr
    assert result.stderr.strip().splitlines() == [
        f"{path}: not a regular file (a folder, a device or a pipe). The settings are kept for this session only."]


def test_settings_leave_a_calendar_they_cannot_read_as_it_was(make_window) -> None:  # noqa: ANN001
    """OK in the settings (pressed to change the language, say) replaced a calendar.json that had one mistyped
    date with an empty one, without a word: its days off were lost. Now the dialog says what is wrong with the
    file, and leaves it as it is unless days are typed in its place."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLabel

    from minutes_app.gui.settings_dialog import SettingsDialog

    path = calendar_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = '{"days_off": ["2026-01-02", "2026-02-30"], "working_days": ["2026-01-10"]}\n'
    path.write_text(text, encoding="utf-8")
    window = make_window(None)
    dialog = SettingsDialog(window.settings, window)
    dialog.show()
    said = [label.text() for label in dialog.findChildren(QLabel) if "calendar.json" in label.text()]
    assert len(said) == 1 and '"2026-02-30" is not a date' in said[0], said
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert path.read_text(encoding="utf-8") == text
