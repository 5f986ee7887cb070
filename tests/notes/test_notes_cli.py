"""``minutes-app notes NOTES --into MEETING`` as a user runs it: the same meeting as the editor's notes."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from notes.notes_helpers import NOTES_FILE, UNPLACEABLE_LINE, commune_meeting, edited_lines, notes_lines
from support import run_cli

from minutes_app.model import Meeting
from minutes_app.notes import apply_notes
from minutes_app.storage import load_meeting, save_meeting, validate
from minutes_app.storage.files import read_text


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    meeting_path = tmp_path / "giao-ban.minutes.json"
    save_meeting(commune_meeting(), meeting_path)
    notes_path = tmp_path / "ghi-nhanh.txt"
    shutil.copyfile(NOTES_FILE, notes_path)
    return meeting_path, notes_path


def _structure(meeting: Meeting) -> tuple:
    return meeting.attendees, meeting.discussion, meeting.directives, meeting.notes


def test_a_line_that_cannot_be_placed_stops_the_command_and_is_named(tmp_path: Path) -> None:
    meeting_path, notes_path = _setup(tmp_path)
    before = meeting_path.read_bytes()
    result = run_cli("notes", notes_path, "--into", meeting_path)
    assert result.returncode == 1
    assert f"{notes_path}, line {UNPLACEABLE_LINE}: \"Thu Trang\" is not among the attendees: " \
           "Vắng: @Thu Trang (ốm)" in result.stderr
    assert "Nothing written: 1 line could not be placed; correct it or use --skip-bad." in result.stderr
    assert "Traceback" not in result.stderr
    assert meeting_path.read_bytes() == before


def test_skip_bad_writes_the_same_meeting_as_the_editor_and_edits_update_it(tmp_path: Path) -> None:
    meeting_path, notes_path = _setup(tmp_path)
    result = run_cli("notes", notes_path, "--into", meeting_path, "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert "Created:" in result.stdout
    assert "  line 2, intervention: Lê Văn Hùng: Báo cáo tóm tắt" in result.stdout
    assert "  line 16, guest to check: Tư" in result.stdout
    assert "  line 20, task: Nạo vét tuyến kênh Bình Lợi → Trương Văn Đức, 20/03/2025" in result.stdout
    assert f"line {UNPLACEABLE_LINE}" in result.stderr and "kept as an unplaced note" in result.stderr
    saved = load_meeting(meeting_path)
    assert validate(json.loads(read_text(meeting_path))) == []
    expected = commune_meeting()
    # what the editor would hold after the same lines (ids and fingerprints included)
    assert _structure(saved) == _structure(apply_notes(expected, notes_lines(expected)).meeting)
    tasks = [t for d in saved.directives for t in d.tasks if t.id]
    assert [(t.assignee, t.deadline) for t in tasks] == [
        ("Trương Văn Đức", dt.date(2025, 3, 20)), ("Ấp Bình Hòa", dt.date(2025, 4, 15)),
        ("Ban Quản lý dự án xã", dt.date(2025, 4, 30)), ("Công chức Tài chính", dt.date(2026, 2, 10))]
    ha = saved.find_attendee("Lâm Thị Thu Hà")
    assert ha is not None and not ha.present and ha.absence_reason == "đi tập huấn tại huyện"

    # the secretary corrects two lines and deletes two in the file, and runs the command again
    lines = [line.text for line in edited_lines(notes_lines(saved))]
    notes_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = run_cli("notes", notes_path, "--into", meeting_path, "--skip-bad")
    assert again.returncode == 0, again.stderr
    assert "Updated:" in again.stdout and "Removed:" in again.stdout
    assert "Tổng kết giải ngân năm → Công chức Tài chính, 10/02/2026" in again.stdout.split("Removed:")[1]
    updated = load_meeting(meeting_path)
    hung = next(item for item in updated.discussion if item.id)
    assert hung.content == "Báo cáo kết quả kinh tế - xã hội tháng 02 và quý I."
    tasks = [t for d in updated.directives for t in d.tasks if t.id]
    assert [(t.assignee, t.deadline) for t in tasks] == [
        ("Ban Quản lý dự án xã", dt.date(2025, 3, 25)), ("Ấp Bình Hòa", dt.date(2025, 4, 15)),
        ("Ban Quản lý dự án xã", dt.date(2025, 4, 30))]
    assert meeting_path.with_name(meeting_path.name + ".bak").exists()  # the project's atomic save kept the last

    unchanged = run_cli("notes", notes_path, "--into", meeting_path, "--skip-bad")
    assert unchanged.returncode == 0 and "nothing to change" in unchanged.stdout


def test_messages_in_vietnamese(tmp_path: Path) -> None:
    meeting_path, notes_path = _setup(tmp_path)
    result = run_cli("notes", notes_path, "--into", meeting_path, ui="vi")
    assert result.returncode == 1
    assert f"dòng {UNPLACEABLE_LINE}: \"Thu Trang\" không có trong thành phần tham dự" in result.stderr
    assert "Chưa ghi gì: 1 dòng không xếp được" in result.stderr


def test_a_file_that_is_not_notes_gets_one_line(tmp_path: Path) -> None:
    meeting_path, _notes = _setup(tmp_path)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    result = run_cli("notes", binary, "--into", meeting_path)
    assert result.returncode == 1
    assert result.stderr.strip() == f"{binary}: not a text file; save the notes as plain text (UTF-8)"
    missing = run_cli("notes", tmp_path / "none.txt", "--into", meeting_path)
    assert missing.returncode == 1 and missing.stderr.strip() == f"{tmp_path / 'none.txt'}: no such file"


def test_a_final_meeting_is_not_changed(tmp_path: Path, capsys) -> None:
    from minutes_app.cli import run_cli as cli
    from minutes_app.model import Finalisation

    meeting_path, notes_path = _setup(tmp_path)
    meeting = load_meeting(meeting_path)
    meeting.final = Finalisation(version=1, date=dt.date(2025, 3, 6))
    save_meeting(meeting, meeting_path)
    before = meeting_path.read_bytes()
    assert cli(["notes", str(notes_path), "--into", str(meeting_path), "--skip-bad"]) == 1
    assert "the meeting is final; reopen it in the editor before adding notes" in capsys.readouterr().err
    assert meeting_path.read_bytes() == before


def test_a_notes_file_saved_by_old_windows_notepad_and_times_carried_down(tmp_path: Path) -> None:
    from minutes_app.notes.notes_file import read_notes_file

    path = tmp_path / "ghi.txt"
    tones = "\u0300\u0301\u0303\u0309\u0323"
    windows = ""  # as Windows writes Vietnamese in cp1258: the letter precomposed, its tone a combining mark
    for char in "@Đức: Báo cáo\r\n09:15 KL: Tập trung\r\nNV: Rà soát\r\n":
        parts = unicodedata.normalize("NFD", char)
        windows += unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        windows += "".join(c for c in parts if c in tones)
    path.write_bytes(windows.encode("cp1258"))
    lines = read_notes_file(path, dt.time(8, 0))
    assert [(line.text, line.time) for line in lines] == [
        ("@Đức: Báo cáo", dt.time(8, 0)), ("09:15 KL: Tập trung", dt.time(9, 15)), ("NV: Rà soát", dt.time(9, 15))]


@pytest.mark.slow  # several child processes
def test_a_notes_file_in_utf16_or_with_a_bom_is_read_and_binary_is_still_refused(tmp_path: Path) -> None:
    """Notepad's "Unicode" (UTF-16 LE with a byte order mark), "Unicode big endian", and UTF-8 with a BOM give
    the same meeting as plain UTF-8; a file with NUL bytes and no UTF-16 mark is still refused."""
    text = NOTES_FILE.read_text(encoding="utf-8").replace("\n", "\r\n")
    expected = None
    for name, data in (("utf8.txt", text.encode("utf-8")), ("utf8-bom.txt", text.encode("utf-8-sig")),
                       ("utf16le.txt", text.encode("utf-16")),  # with a BOM, little endian here
                       ("utf16be.txt", codecs.BOM_UTF16_BE + text.encode("utf-16-be"))):
        folder = tmp_path / name.removesuffix(".txt")
        folder.mkdir()
        meeting_path, notes_path = _setup(folder)
        notes_path.write_bytes(data)
        result = run_cli("notes", notes_path, "--into", meeting_path, "--skip-bad")
        assert result.returncode == 0, (name, result.stderr)
        saved = _structure(load_meeting(meeting_path))
        assert saved == (expected if expected is not None else saved)
        expected = saved
        assert saved[3][0].text == "Chủ đề: Kết quả thực hiện nhiệm vụ tháng 02"  # no BOM left on line 1
    (tmp_path / "bin").mkdir()
    meeting_path, _notes = _setup(tmp_path / "bin")
    for data in (b"@hung: x\0y\r\n", "@hung: x".encode("utf-16-le")):  # NUL bytes; UTF-16 without its mark
        binary = tmp_path / "bin" / "notes.txt"
        binary.write_bytes(data)
        result = run_cli("notes", binary, "--into", meeting_path)
        assert result.returncode == 1
        assert result.stderr.strip() == f"{binary}: not a text file; save the notes as plain text (UTF-8)"


def test_an_impossible_date_is_named_with_the_reason(tmp_path: Path) -> None:
    meeting_path, _notes = _setup(tmp_path)
    notes_path = tmp_path / "ghi.txt"
    notes_path.write_text("@hung: Báo cáo.\nKL: Đẩy nhanh giải ngân.\nNV: Rà soát → Văn phòng, hạn 31/2\n"
                          "NV: Báo cáo → Văn phòng, hạn 30-02-2025\n", encoding="utf-8")
    result = run_cli("notes", notes_path, "--into", meeting_path, ui="vi")
    assert result.returncode == 1
    assert "dòng 3: \"31/2\" không phải là ngày: tháng 02/2025 có 28 ngày" in result.stderr, result.stderr
    assert "dòng 4: \"30-02-2025\" không phải là ngày: tháng 02/2025 có 28 ngày" in result.stderr
