"""Finalise and reopen through the real editor: exported DOCX, hashes in the file, read-only form."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QMessageBox

from minutes_app.gui.finalising import final_label
from minutes_app.storage import load_meeting

from ..conftest import SEED_SAMPLE

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`


def _answer_yes(monkeypatch) -> list[str]:  # noqa: ANN001
    """Every question is answered Yes; returns the questions asked."""
    asked: list[str] = []

    def question(parent, title, text, *args):  # noqa: ANN001, ANN002, ANN202
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _finalise(window, qtbot) -> None:  # noqa: ANN001
    window.actions["finalise"].trigger()
    qtbot.waitUntil(lambda: window.document.meeting.is_final and not window.document.is_modified, timeout=60000)


def _window_on_copy(make_window, path: Path):  # noqa: ANN001, ANN202
    """A window on a copy of the seed meeting saved at ``path``."""
    shutil.copy(SEED_SAMPLE, path)
    return make_window(path)


def test_finalise_records_the_exported_files_and_locks_the_form(make_window, qtbot, field, monkeypatch,  # noqa: ANN001
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "tong-ket.minutes.json"
    window = _window_on_copy(make_window, path)
    asked = _answer_yes(monkeypatch)
    assert window.actions["finalise"].isEnabled() and not window.actions["reopen"].isEnabled()

    _finalise(window, qtbot)

    assert any("version 1" in text for text in asked)
    folder = tmp_path / "tong-ket-final-v1"
    written = sorted(folder.glob("*.docx"))
    assert len(written) == 3
    saved = json.loads(path.read_text(encoding="utf-8"))["final"]
    assert saved["version"] == 1 and saved["reopened"] is None
    assert {f["kind"] for f in saved["files"]} == {"minutes", "news", "notice"}
    for item in saved["files"]:
        assert item["sha256"] == hashlib.sha256((folder / item["name"]).read_bytes()).hexdigest()
    assert "BIÊN BẢN" in "\n".join(p.text for p in DocxDocument(folder / saved["files"][0]["name"]).paragraphs)

    # The state shows: title bar, bar above the form, actions.
    assert final_label(window.document.meeting) == "final v1"
    assert "final v1" in window.windowTitle()
    assert window.finaliser.bar.isVisible() and "version 1" in window.finaliser.bar.label.text()
    assert not window.actions["finalise"].isEnabled() and window.actions["reopen"].isEnabled()
    assert not window.actions["import_sheet"].isEnabled()

    # Read-only: typing changes nothing, nor does any edit that reaches the document; tables do not edit.
    general, attendees = window.pages[0], window.pages[1]
    title = field(general, "title")
    before = title.text()
    count = window.document.undo_stack.count()
    title.setFocus()
    QTest.keyClicks(title, "XYZ")
    assert title.text() == before and title.isReadOnly()
    window.document.set_field(window.document.meeting.meeting, "title", "Other")
    window.document.remove_items(window.document.meeting.attendees, [0], "Remove")
    assert window.document.meeting.meeting.title == before
    assert window.document.undo_stack.count() == count
    assert all(t.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers for t in attendees.tables)
    assert not window.document.is_modified


def test_reopen_unlocks_and_a_second_finalise_is_version_2(make_window, qtbot, field, monkeypatch,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    path = tmp_path / "hop.minutes.json"
    window = _window_on_copy(make_window, path)
    asked = _answer_yes(monkeypatch)
    triggers = window.pages[1].tables[0].editTriggers()
    assert triggers != QAbstractItemView.EditTrigger.NoEditTriggers
    _finalise(window, qtbot)

    window.actions["reopen"].trigger()
    assert any("Reopen version 1" in text for text in asked)
    assert not window.document.meeting.is_final and not window.document.is_modified
    assert "final" not in window.windowTitle() and not window.finaliser.bar.isVisible()
    saved = load_meeting(path)
    assert saved.final.version == 1 and saved.final.reopened is not None
    title = field(window.pages[0], "title")
    assert not title.isReadOnly()
    assert window.pages[1].tables[0].editTriggers() == triggers
    title.setFocus()
    title.end(False)
    QTest.keyClicks(title, " 2")
    assert window.document.meeting.meeting.title.endswith(" 2")

    window.save()
    _finalise(window, qtbot)
    assert load_meeting(path).final.version == 2
    assert len(list((tmp_path / "hop-final-v2").glob("*.docx"))) == 3
    assert "final v2" in window.windowTitle()


def _finalised(make_window, qtbot, monkeypatch, folder: Path):  # noqa: ANN001, ANN202
    """A window on a copy of the seed meeting in ``folder``, finalised once; (window, path)."""
    path = folder / "hop.minutes.json"
    window = _window_on_copy(make_window, path)
    _answer_yes(monkeypatch)
    _finalise(window, qtbot)
    return window, path


def test_undo_of_finalise_and_a_final_file_opens_read_only(make_window, qtbot, field, monkeypatch,  # noqa: ANN001
                                                           tmp_path: Path) -> None:
    window, path = _finalised(make_window, qtbot, monkeypatch, tmp_path)

    # Undo takes the finalisation back, redo makes it final again.
    assert window.actions["undo"].isEnabled()
    window.actions["undo"].trigger()
    assert not window.document.meeting.is_final and window.document.is_modified
    assert not field(window.pages[0], "title").isReadOnly() and "final" not in window.windowTitle()
    window.actions["redo"].trigger()
    assert window.document.meeting.is_final and field(window.pages[0], "title").isReadOnly()
    assert not window.document.is_modified

    # A final file opened again is read-only from the start.
    window.close()
    again = make_window(path)
    assert again.document.meeting.is_final and field(again.pages[0], "title").isReadOnly()
    assert again.finaliser.bar.isVisible() and "final v1" in again.windowTitle()
    assert again.document.undo_stack.count() == 0


def test_a_final_meeting_whose_issued_file_was_changed_says_so(make_window, qtbot, monkeypatch,  # noqa: ANN001
                                                               tmp_path: Path) -> None:
    window, path = _finalised(make_window, qtbot, monkeypatch, tmp_path)
    window.exporter.wait(30000)
    assert window.finaliser.changed_issued == []
    issued = sorted((tmp_path / "hop-final-v1").glob("*.docx"))
    window.close()

    with open(issued[0], "ab") as stream:  # edited after it was signed
        stream.write(b"\0")
    issued[1].unlink()
    again = make_window(path)
    qtbot.waitUntil(lambda: again.finaliser.changed_issued != [], timeout=15000)
    assert sorted(again.finaliser.changed_issued) == [p.name for p in issued[:2]]
    label = again.finaliser.bar.label.text()
    assert "Changed or missing since they were issued:" in label and issued[0].name in label
