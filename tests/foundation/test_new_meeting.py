"""One way to start a meeting (``model.new_meeting``): the ``new`` command and the editor's File › New."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from support import run_cli

from minutes_app.model import OFFICE_DEFAULTS, Language, new_meeting
from minutes_app.storage import load_meeting, validate
from minutes_app.storage.codec import to_json

OFFICE = {"parent_agency": "UBND HUYỆN LẤP VÒ", "agency": "UBND XÃ MỸ AN HƯNG B", "agency_code": "UBND",
          "place": "Mỹ An Hưng B", "author": "Trần Thị Thu"}


def test_a_new_meeting_is_valid_and_carries_the_office_defaults() -> None:
    meeting = new_meeting("vi", dt.date(2025, 5, 14), OFFICE)
    assert (meeting.meeting.title, meeting.meeting.date, meeting.language) == (
        "Cuộc họp", dt.date(2025, 5, 14), Language.VI)
    assert [getattr(meeting.header, name) for name in OFFICE_DEFAULTS[:4]] == list(OFFICE.values())[:4]
    assert meeting.news.author == "Trần Thị Thu"
    assert validate(to_json(meeting)) == []
    assert new_meeting("en").meeting.title == "Meeting" and new_meeting("en").header.agency == ""


def test_the_command_line_writes_that_meeting(tmp_path: Path) -> None:
    out = tmp_path / "new.minutes.json"
    assert run_cli("new", out, "--language", "en").returncode == 0
    assert load_meeting(out) == new_meeting("en", dt.date.today())


def test_the_editor_starts_from_it_with_its_settings(tmp_path: Path) -> None:
    from minutes_app.gui.main_window import new_meeting as editor_new_meeting
    from minutes_app.gui.settings import AppSettings

    settings = AppSettings()
    for name, value in OFFICE.items():
        settings.set_default(name, value)
    assert editor_new_meeting(settings, "vi") == new_meeting("vi", dt.date.today(), OFFICE)
