"""Issue 15, case 5: two writers of one meeting never lose data silently. Every writer (the CLI's import,
the editor) checks at the moment of writing that the file is still what it read; if not, it refuses."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from support import COMMUNE_SAMPLE, REPO

from minutes_app.storage import files as storage_files
from minutes_app.storage import load_meeting, save_meeting


def _sheet(path: Path, prefix: str, count: int = 50) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Họ và tên", "Chức vụ", "Đơn vị"])
        for number in range(count):
            writer.writerow([f"{prefix} Người {number:03d}", "Cán bộ", f"Tổ {prefix}"])
    return path


def test_a_save_over_a_file_changed_since_it_was_read_is_refused(tmp_path: Path) -> None:
    from minutes_app.storage import ChangedOnDiskError, read_meeting

    path = tmp_path / "m.minutes.json"
    shutil.copy(COMMUNE_SAMPLE, path)
    ours, as_read = read_meeting(path)
    theirs = load_meeting(path)
    theirs.meeting.title = "Của đồng nghiệp"
    save_meeting(theirs, path)
    ours.meeting.title = "Của tôi"
    with pytest.raises(ChangedOnDiskError, match="changed by someone else"):
        save_meeting(ours, path, expected=as_read)
    assert load_meeting(path).meeting.title == "Của đồng nghiệp"


@pytest.mark.slow
def test_two_imports_at_once_never_lose_rows(tmp_path: Path) -> None:
    """Two ``minutes-app import … --into`` started together: each either lands (and says so) or is refused
    (and says so); the file holds exactly the rows of those that said they landed."""
    base = len(load_meeting(COMMUNE_SAMPLE).attendees)
    sheets = [_sheet(tmp_path / "a.csv", "A"), _sheet(tmp_path / "b.csv", "B")]
    for run in range(4):
        target = tmp_path / f"run{run}.minutes.json"
        shutil.copy(COMMUNE_SAMPLE, target)
        processes = [subprocess.Popen([sys.executable, "-m", "minutes_app", "--ui-language", "en", "import",
                                       str(sheet), "--into", str(target), "--what", "attendees"],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
                     for sheet in sheets]
        results = [(p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in processes]  # type: ignore[union-attr]
        landed = 0
        for status, out, err in results:
            assert "Traceback" not in err, err
            if status == 0:
                assert "Imported 50 attendees" in out
                landed += 1
            else:
                assert "changed by someone else" in err and "Imported" not in out, (out, err)
        assert landed >= 1
        assert len(load_meeting(target).attendees) == base + 50 * landed, results


@pytest.mark.slow  # the editor, for seconds
def test_the_editor_checks_the_bytes_it_read_not_the_file_read_again(make_window, monkeypatch,  # noqa: ANN001
                                                                      tmp_path: Path) -> None:
    """A colleague's save that lands while the editor is still opening the file is not overwritten."""
    path = tmp_path / "shared.minutes.json"
    shutil.copy(COMMUNE_SAMPLE, path)
    window = make_window(None)
    theirs = load_meeting(path)
    theirs.meeting.title = "Của đồng nghiệp"
    parse = storage_files.meeting_from_text

    def parse_then_colleague_saves(text: str, source: object = "<text>") -> object:
        meeting = parse(text, source)
        if Path(str(source)) == path:  # once: restored before the colleague saves
            monkeypatch.setattr(storage_files, "meeting_from_text", parse)
            save_meeting(theirs, path)
        return meeting

    monkeypatch.setattr(storage_files, "meeting_from_text", parse_then_colleague_saves)
    assert window.open_path(path, ask=False)
    window.document.set_field(window.document.meeting.meeting, "title", "Của tôi")
    shown: list[str] = []

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "changedOnDiskBox"
        shown.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == "Cancel").click()

    QTimer.singleShot(0, cancel)
    assert window.save() is False
    assert shown and "changed on disk" in shown[0]
    assert load_meeting(path).meeting.title == "Của đồng nghiệp"
