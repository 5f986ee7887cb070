"""Files in the real window: a broken file is refused with a clear message and the meeting being edited stays
as it was; a file changed on disk since it was opened is not overwritten silently; a lock tells two people
they have the same file open."""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from minutes_app.storage import dumps_meeting, load_meeting, save_meeting
from minutes_app.storage.concurrency import REFRESH_EVERY, lock_path, read_lock

from ..conftest import ENGLISH_SAMPLE, SEED_SAMPLE

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`


def _broken_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, words the message must contain)."""
    text = SEED_SAMPLE.read_text(encoding="utf-8")
    future = json.loads(text)
    future["format_version"] = 99
    files = {
        "empty": ("empty.minutes.json", b"", "empty"),
        "truncated": ("truncated.minutes.json", text[: len(text) // 2].encode("utf-8"), "JSON"),
        "newer": ("newer.minutes.json", json.dumps(future).encode("utf-8"), "newer version"),
        "garbage": ("garbage.minutes.json", bytes(range(256)) * 4, ""),
    }
    result = {}
    for name, (file_name, data, words) in files.items():
        path = folder / file_name
        path.write_bytes(data)
        result[name] = (path, words)
    directory = folder / "folder.minutes.json"
    directory.mkdir()
    result["folder"] = (directory, "folder")
    return result


@pytest.mark.parametrize("case", ["empty", "truncated", "newer", "garbage", "folder"])
def test_open_of_a_broken_file_names_it_and_keeps_the_document(make_window, monkeypatch, tmp_path: Path,
                                                                case: str) -> None:  # noqa: ANN001
    window = make_window(ENGLISH_SAMPLE)
    window.document.set_field(window.document.meeting.meeting, "title", "Edited before the failed open")
    before = dumps_meeting(window.document.meeting)
    path, words = _broken_files(tmp_path)[case]
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: warnings.append((args[1], args[2])))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    asked = []  # unsaved changes: the user is asked first and chooses not to save them
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2])
                        or QMessageBox.StandardButton.Discard)
    window.actions["open"].trigger()
    assert len(asked) == 1 and "Save the changes" in asked[0]
    assert len(warnings) == 1
    title, message = warnings[0]
    assert title == "Cannot open the meeting"
    assert path.name in message and words in message
    assert "has not been changed" in message
    assert "Traceback" not in message
    assert dumps_meeting(window.document.meeting) == before
    assert window.document.path == ENGLISH_SAMPLE and window.document.is_modified
    assert window.windowTitle().startswith(ENGLISH_SAMPLE.name)


def test_saving_over_a_file_changed_on_disk_offers_save_as(make_window, qtbot, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "shared.minutes.json"
    shutil.copy(ENGLISH_SAMPLE, path)
    window = make_window(path)
    # A colleague saves their version after we opened it.
    theirs = load_meeting(path)
    theirs.meeting.title = "The colleague's title"
    time.sleep(0.01)
    save_meeting(theirs, path)
    window.document.set_field(window.document.meeting.meeting, "title", "Our title")

    def answer(button_text: str) -> None:
        def click() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox) and box.objectName() == "changedOnDiskBox"
            shown.append(box.text())
            next(b for b in box.buttons() if b.text().replace("&", "").startswith(button_text)).click()
        QTimer.singleShot(0, click)

    shown: list[str] = []
    answer("Cancel")
    assert window.save() is False
    assert "changed on disk" in shown[-1] and str(path) in shown[-1]
    assert load_meeting(path).meeting.title == "The colleague's title"  # nothing overwritten

    other = tmp_path / "ours.minutes.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(other), ""))
    answer("Save As")
    assert window.save() is True
    assert load_meeting(other).meeting.title == "Our title"
    assert load_meeting(path).meeting.title == "The colleague's title"
    assert window.document.path == other
    assert read_lock(path) is None and read_lock(other) is not None and read_lock(other).is_me()

    # The new file is ours now: saving it again does not ask.
    window.document.set_field(window.document.meeting.meeting, "title", "Our second title")
    assert window.save() is True and load_meeting(other).meeting.title == "Our second title"

    # Overwrite, when the user decides so.
    theirs.meeting.title = "Changed again"
    save_meeting(theirs, other)
    answer("Overwrite")
    assert window.save() is True
    assert load_meeting(other).meeting.title == "Our second title"


def test_a_save_by_a_colleague_while_the_editor_opens_the_file_is_not_overwritten(
        qtbot, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """The state the editor keeps is that of the bytes it read, not the file read again a moment later: a
    colleague's save in between is the other version at our save, not taken for ours (and the file is read and
    hashed once while the window opens)."""
    import minutes_app.storage as storage
    from minutes_app.gui.app import create_application, create_window

    path = tmp_path / "shared.minutes.json"
    shutil.copy(ENGLISH_SAMPLE, path)
    read_meeting = storage.read_meeting

    def read_then_a_colleague_saves(file: Path):  # noqa: ANN202
        ours = read_meeting(file)
        theirs = load_meeting(file)
        theirs.meeting.title = "The colleague's title"
        save_meeting(theirs, file, keep_backup=False)
        return ours

    monkeypatch.setattr(storage, "read_meeting", read_then_a_colleague_saves)
    create_application()
    window = create_window(path)
    with qtbot.waitActive(window):
        window.show()
    asked: list[str] = []

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "changedOnDiskBox"
        asked.append(box.text())
        box.reject()

    window.document.set_field(window.document.meeting.meeting, "title", "Our title")
    QTimer.singleShot(0, cancel)
    assert window.save() is False
    assert asked and "changed on disk" in asked[0]
    assert load_meeting(path).meeting.title == "The colleague's title"
    window.document.undo_stack.setClean()
    window.close()


def test_a_touch_without_a_change_saves_without_asking(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "touched.minutes.json"
    shutil.copy(ENGLISH_SAMPLE, path)
    window = make_window(path)
    os.utime(path, (time.time() + 5, time.time() + 5))
    window.document.set_field(window.document.meeting.meeting, "title", "Saved straight away")
    assert window.save() is True  # a modal question would block here
    assert load_meeting(path).meeting.title == "Saved straight away"


def _someone_elses_lock(path: Path) -> None:
    # Another computer: its process cannot be checked from here, only the age of the lock counts.
    lock_path(path).write_text(json.dumps({"user": "lan.nguyen", "host": "PC-VANTHU-02", "pid": 4242,
                                           "since": time.time() - 3600}), encoding="utf-8")


def test_lock_while_open_and_released_on_close_or_another_open(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    first, second = tmp_path / "a.minutes.json", tmp_path / "b.minutes.json"
    shutil.copy(ENGLISH_SAMPLE, first)
    shutil.copy(SEED_SAMPLE, second)
    window = make_window(first)
    owner = read_lock(first)
    assert owner is not None and owner.is_me() and owner.host == socket.gethostname()
    assert window.lock_timer.isActive() and window.lock_timer.interval() == REFRESH_EVERY * 1000
    old = time.time() - 120
    os.utime(lock_path(first), (old, old))
    window.lock_timer.timeout.emit()  # what the timer does every REFRESH_EVERY seconds
    assert lock_path(first).stat().st_mtime > old + 60

    assert window.open_path(second, ask=False)
    assert not lock_path(first).exists() and read_lock(second).is_me()
    window.close()
    assert not lock_path(second).exists()


def test_a_file_someone_else_holds_opens_with_a_warning(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "held.minutes.json"
    shutil.copy(ENGLISH_SAMPLE, path)
    _someone_elses_lock(path)
    window = make_window(path)
    assert window.document.path == path  # opened anyway, read-write
    bar = window.notice_bar
    assert bar.isVisible()
    text = bar.label.text()
    assert "lan.nguyen" in text and "PC-VANTHU-02" in text and path.name in text
    assert time.strftime("%d/%m/%Y", time.localtime(time.time() - 3600)) in text  # en_GB: day first
    assert "lan.nguyen" in window.statusBar().currentMessage()
    window.document.set_field(window.document.meeting.meeting, "title", "Edited anyway")
    assert window.save() is True
    assert load_meeting(path).meeting.title == "Edited anyway"
    bar.close_button.click()
    assert not bar.isVisible()
    window.close()
    assert json.loads(lock_path(path).read_text(encoding="utf-8"))["user"] == "lan.nguyen"  # theirs stays


def test_a_stale_lock_is_taken_over(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "stale.minutes.json"
    shutil.copy(ENGLISH_SAMPLE, path)
    _someone_elses_lock(path)
    ancient = time.time() - 3 * 3600
    os.utime(lock_path(path), (ancient, ancient))  # not refreshed for hours: its holder crashed
    window = make_window(path)
    assert not window.notice_bar.isVisible()
    assert read_lock(path).is_me()
