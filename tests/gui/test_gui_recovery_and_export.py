"""Never lose work: the real program, killed with SIGKILL, offers its autosaved work on the next start.
And exports from the editor: every kind, in a worker thread, files that reopen."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from minutes_app.storage import load_meeting

from ..conftest import REPO, SEED_SAMPLE

pytestmark = pytest.mark.slow  # drives the editor for seconds a test: out of the quick run, `pytest -m "not slow"`


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_work_survives_sigkill(make_window, tmp_path: Path) -> None:  # noqa: ANN001
    data_dir = Path(os.environ["MINUTES_APP_DATA_DIR"])
    # The settings the program reads: a one-second autosave (INI file in the private data folder).
    (data_dir / "settings.ini").write_text("[autosave]\ninterval_seconds=1\n", encoding="utf-8")
    meeting_file = tmp_path / "hop.minutes.json"
    shutil.copy(SEED_SAMPLE, meeting_file)
    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps([
        {"field": "meeting.title", "value": "Tiêu đề gõ trước khi máy treo"},
        {"field": "attendees.0.position", "value": "Bí thư Huyện ủy"},
    ], ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MINUTES_APP_SCRIPTED_EDITS=str(edits),
               MINUTES_APP_UI_LANGUAGE="en")
    process = subprocess.Popen([sys.executable, "-m", "minutes_app", str(meeting_file)], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    recovery_dir = data_dir / "recovery"
    try:
        deadline = time.monotonic() + 30
        found: list[Path] = []
        while time.monotonic() < deadline and not found:
            time.sleep(0.2)
            found = [p for p in recovery_dir.glob("*.recovery.json")
                     if "Tiêu đề gõ trước khi máy treo" in p.read_text(encoding="utf-8")]
            assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
        assert found, "no recovery file was written"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert process.returncode == -signal.SIGKILL
    # The file on disk was never saved: the edit lives only in the recovery file.
    assert load_meeting(meeting_file).meeting.title != "Tiêu đề gõ trước khi máy treo"

    # Start again (the same start-up code the program runs), and restore.
    from minutes_app.gui.app import create_window

    window = create_window(meeting_file)
    window.show()
    assert window.recovery_bar.isVisible()
    assert "hop.minutes.json" in window.recovery_bar.label.text()
    window.recovery_bar.restore_button.click()
    meeting = window.document.meeting
    assert meeting.meeting.title == "Tiêu đề gõ trước khi máy treo"
    assert meeting.attendees[0].position == "Bí thư Huyện ủy"
    assert window.document.path == meeting_file and window.isWindowModified()
    assert not found[0].exists()  # the old session's copy is gone once ours exists
    assert window.save()
    assert load_meeting(meeting_file).meeting.title == "Tiêu đề gõ trước khi máy treo"
    assert not list(recovery_dir.glob("*.recovery.json"))  # saved: nothing left to recover
    window.close()


def _text_of_docx(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


@pytest.mark.parametrize("kind,fmt", [("minutes", "docx"), ("news", "html"), ("news", "txt"), ("news", "docx"),
                                      ("notice", "docx")])
def test_export_from_the_editor(make_window, qtbot, tmp_path: Path, kind: str, fmt: str) -> None:  # noqa: ANN001
    window = make_window(SEED_SAMPLE)
    output = tmp_path / f"out.{fmt}"
    with qtbot.waitSignal(window.exporter.finished, timeout=60000) as blocker:
        window.exporter.export_as(kind, fmt, output)
    assert blocker.args[0] == [output]
    if fmt == "docx":
        assert zipfile.is_zipfile(output)
        text = _text_of_docx(output)
    else:
        text = output.read_text(encoding="utf-8")
    assert "Lấp Vò" in text
    assert window.exporter.last_written == output


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_pdf_export_and_email_draft(make_window, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from email import message_from_bytes
    from email.policy import default

    from PySide6.QtGui import QDesktopServices

    from minutes_app.gui import email_dialog

    window = make_window(SEED_SAMPLE)
    output = tmp_path / "bien-ban.pdf"
    with qtbot.waitSignal(window.exporter.finished, timeout=120000):
        window.exporter.export_as("minutes", "pdf", output)
    assert output.read_bytes().startswith(b"%PDF")

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(email_dialog.EmailDialog, "exec", lambda self: email_dialog.QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(window.exporter.finished, timeout=60000):
        window.exporter.email()
    eml = Path(opened[-1])
    message = message_from_bytes(eml.read_bytes(), policy=default)
    assert message["X-Unsent"] == "1" and "tổng kết" in message["Subject"]
    names = sorted(part.get_filename() for part in message.iter_attachments())
    assert len(names) == 2 and all(name.endswith(".docx") for name in names)
    assert window.exporter.open_folder() is True and opened[-1] == str(eml.parent)


def test_an_office_template_that_fails_is_told_in_the_editor(make_window, qtbot, tmp_path: Path,  # noqa: ANN001
                                                              monkeypatch) -> None:  # noqa: ANN001
    """The article is written with the built-in template, and the secretary is told why, not only a log."""
    from PySide6.QtWidgets import QMessageBox

    mine = tmp_path / "mine" / "news"
    mine.mkdir(parents=True)
    (mine / "article.vi.j2").write_text("{{ meeting.title ", encoding="utf-8")  # never closed
    window = make_window(SEED_SAMPLE)
    window.settings.templates_dir = tmp_path / "mine"
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text)))
    output = tmp_path / "tin.txt"
    with qtbot.waitSignal(window.exporter.finished, timeout=60000):
        window.exporter.export_as("news", "txt", output)
    assert "Lấp Vò" in output.read_text(encoding="utf-8")
    assert len(shown) == 1, shown
    title, text = shown[0]
    assert "news/article.vi.j2" in text and text.endswith("The built-in template was used instead."), text

    shown.clear()
    window.settings.templates_dir = None
    with qtbot.waitSignal(window.exporter.finished, timeout=60000):
        window.exporter.export_as("news", "txt", output)
    assert shown == []  # nothing to tell when the office's choice worked
