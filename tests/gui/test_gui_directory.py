"""The people directory through the editor: saving feeds it, completion offers it, its dialog merges people."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from support import COMMUNE_SAMPLE

from minutes_app.l10n.collation import sorted_people
from minutes_app.model import Attendee, Meeting, MeetingInfo
from minutes_app.storage import load_meeting
from minutes_app.storage.directory import PeopleDirectory


def _names_in_directory() -> set[str]:
    return {person.name for person in PeopleDirectory().all_people()}


def _record(day: dt.date, *attendees: Attendee) -> None:
    PeopleDirectory().record_meeting(Meeting(meeting=MeetingInfo(date=day), attendees=list(attendees)))


def test_saving_feeds_the_directory_and_completion_offers_it(make_window, field, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "giao-ban.minutes.json"
    shutil.copy(COMMUNE_SAMPLE, path)
    window = make_window(path)
    window.document.set_field(window.document.meeting.meeting, "title", "Giao ban tháng 3")
    assert window.save() is True
    attendees = {a.name for a in load_meeting(path).attendees if a.name.strip()}
    qtbot.waitUntil(lambda: attendees <= _names_in_directory(), timeout=10000)
    people = {p.name: p for p in PeopleDirectory().all_people()}
    assert people["Võ Thị Hồng Nhung"].position == "Phó Bí thư Đảng ủy, Chủ tịch UBND xã"
    assert people["Võ Thị Hồng Nhung"].last_seen == dt.date(2025, 3, 5)

    # Someone met only in the directory (no open or recent file names her) is offered in a new meeting.
    _record(dt.date(2025, 4, 1), Attendee(name="Huỳnh Thị Mỹ Duyên", position="Giám đốc Sở Tư pháp tỉnh",
                                          organization="Sở Tư pháp"))
    fresh = make_window()
    assert fresh.document.meeting.attendees == []
    qtbot.waitUntil(lambda: "Huỳnh Thị Mỹ Duyên" in fresh.completions.models["name"].stringList(), timeout=10000)
    assert "Giám đốc Sở Tư pháp tỉnh" in fresh.completions.models["position"].stringList()
    assert "Sở Tư pháp" in fresh.completions.models["organization"].stringList()
    chair = field(fresh.pages[0], "chair")
    completer = chair.completer()
    completer.setCompletionPrefix("Huỳnh")
    assert completer.currentCompletion() == "Huỳnh Thị Mỹ Duyên"


def test_directory_dialog_sorts_edits_and_merges(make_window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    _record(dt.date(2025, 1, 6),
            Attendee(name="Đoàn Văn Tú", position="Trưởng phòng Nội vụ", organization="UBND huyện"),
            Attendee(name="Lê Thị An", position="Văn thư"), Attendee(name="Nguyễn Văn Bảo", position="Kế toán"))
    _record(dt.date(2025, 6, 2), Attendee(name="Đoàn V. Tú", position="Phó Chủ tịch UBND huyện",
                                          organization="UBND huyện"))
    window = make_window()
    qtbot.waitUntil(lambda: "Đoàn V. Tú" in window.completions.models["name"].stringList(), timeout=10000)
    dialog = window.open_people_directory()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    table = dialog.table
    shown = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert shown == sorted_people(shown)  # given name first: An, Bảo, Tú, Tú
    assert shown[:2] == ["Lê Thị An", "Nguyễn Văn Bảo"]

    # An edited position is stored at once.
    row = shown.index("Lê Thị An")
    table.item(row, 2).setText("Chánh Văn phòng")
    assert {p.name: p.position for p in PeopleDirectory().all_people()}["Lê Thị An"] == "Chánh Văn phòng"

    # Merge the two spellings: the most recently seen one is kept, with its newer position.
    dialog.table.clearSelection()
    rows = [r for r in range(table.rowCount()) if table.item(r, 0).text() in {"Đoàn Văn Tú", "Đoàn V. Tú"}]
    for r in rows:
        table.selectionModel().select(table.model().index(r, 0),
                                      table.selectionModel().SelectionFlag.Select
                                      | table.selectionModel().SelectionFlag.Rows)
    assert dialog.merge_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    assert dialog.merge_selected() is True
    assert "Đoàn Văn Tú" in asked[0] and "Đoàn V. Tú" in asked[0]
    people = {p.name: p for p in PeopleDirectory().all_people()}
    assert "Đoàn Văn Tú" not in people
    assert people["Đoàn V. Tú"].position == "Phó Chủ tịch UBND huyện"
    assert people["Đoàn V. Tú"].last_seen == dt.date(2025, 6, 2)
    assert table.rowCount() == 3
    qtbot.waitUntil(lambda: "Đoàn Văn Tú" not in window.completions.models["name"].stringList(), timeout=10000)
    assert "Trưởng phòng Nội vụ" not in window.completions.models["position"].stringList()
    dialog.close()


def test_a_corrupt_directory_never_blocks_saving(make_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    PeopleDirectory().path.parent.mkdir(parents=True, exist_ok=True)
    PeopleDirectory().path.write_bytes(b"not a database at all " * 200)
    path = tmp_path / "saved-anyway.minutes.json"
    shutil.copy(COMMUNE_SAMPLE, path)
    window = make_window(path)
    window.document.set_field(window.document.meeting.meeting, "title", "Saved despite the directory")
    assert window.save() is True
    assert load_meeting(path).meeting.title == "Saved despite the directory"
    qtbot.waitUntil(lambda: "people directory" in window.statusBar().currentMessage(), timeout=10000)
    assert "cannot be used" in window.statusBar().currentMessage()
    assert not window.isWindowModified()
