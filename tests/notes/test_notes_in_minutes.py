"""The time of each intervention in the minutes (issue 18, item 6): a setting, off by default, and nothing
else of the documents changes with it. Checked by reopening the exported DOCX."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from notes.notes_helpers import commune_meeting, notes_lines
from support import run_cli

from minutes_app.export import ExportOptions, export_meeting
from minutes_app.model import DiscussionItem, Language, Meeting, intervention_times
from minutes_app.notes import apply_notes
from minutes_app.storage import save_meeting


def _noted(language: str) -> Meeting:
    meeting = commune_meeting()
    meeting.language = Language(language)
    meeting.discussion.clear()  # the sample's own interventions: only those of the notes, and one typed by hand
    meeting = apply_notes(meeting, notes_lines(meeting)).meeting
    meeting.discussion.append(DiscussionItem(speaker="Lê Văn Hùng", content="Ý kiến ghi trên trang Thảo luận."))
    return meeting


def _paragraphs(path: Path) -> list[str]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


# (the first words of the intervention without times, the same with its time): a line without a time
# takes the time of the line before; the topic line at 07:35 opens Hùng's report.
EXPECTED = {
    "vi": [("Ông Lê Văn Hùng, Phó Chủ tịch UBND xã phát biểu về kết quả",
            "7 giờ 35, ông Lê Văn Hùng, Phó Chủ tịch UBND xã phát biểu về kết quả"),
           ("Ông Phạm Văn Lộc", "7 giờ 50, ông Phạm Văn Lộc"),
           ("Ông Đặng Quốc Bảo", "7 giờ 50, ông Đặng Quốc Bảo"),
           ("Bà Huỳnh Thị Mỹ Linh", "8 giờ 05, bà Huỳnh Thị Mỹ Linh")],
    "en": [("On the topic of “Kết quả thực hiện nhiệm vụ tháng 02”, Lê Văn Hùng, Phó Chủ tịch UBND xã, said:",
            "At 7:35 AM, on the topic of “Kết quả thực hiện nhiệm vụ tháng 02”, Lê Văn Hùng"),
           ("Phạm Văn Lộc", "At 7:50 AM, Phạm Văn Lộc"),
           ("Đặng Quốc Bảo", "At 7:50 AM, Đặng Quốc Bảo"),
           ("On the topic of “Giải ngân đầu tư công”, Huỳnh Thị Mỹ Linh",
            "At 8:05 AM, on the topic of “Giải ngân đầu tư công”, Huỳnh Thị Mỹ Linh")],
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_minutes_give_each_intervention_its_time_only_when_asked(tmp_path: Path, language: str) -> None:
    meeting = _noted(language)
    plain = _paragraphs(export_meeting(meeting, "minutes", tmp_path / "plain.docx"))
    timed = _paragraphs(export_meeting(meeting, "minutes", tmp_path / "timed.docx",
                                       ExportOptions(intervention_times=True)))
    changed = [(a, b) for a, b in zip(plain, timed, strict=True) if a != b]
    interventions = [item for item in meeting.discussion if item.speaker]
    timed_ones = [item for item in interventions if item.id in intervention_times(meeting.notes)]
    # Every intervention the notes timed, and nothing else: the one typed on its page has no time.
    assert len(changed) == len(timed_ones) == len(interventions) - 1
    for (before, after), (start, timed_start) in zip(changed, EXPECTED[language], strict=False):
        assert before.removeprefix("- ").startswith(start), before
        assert after.removeprefix("- ").startswith(timed_start), after
    for before, after in changed:  # the same words after the time ("7 giờ 35,", "At 7:35 AM,")
        rest, before = after.removeprefix("- ").split(" ", 3)[-1], before.removeprefix("- ")
        assert rest[1:] == before[1:] and rest[:1].casefold() == before[:1].casefold()
    assert any("Lê Văn Hùng" in text and "trang Thảo luận" in text and "giờ" not in text for text in timed)


def test_a_meeting_without_notes_exports_the_same_bytes_with_the_setting(tmp_path: Path) -> None:
    meeting = commune_meeting()
    plain = export_meeting(meeting, "minutes", tmp_path / "plain.docx").read_bytes()
    timed = export_meeting(meeting, "minutes", tmp_path / "timed.docx", ExportOptions(intervention_times=True))
    assert timed.read_bytes() == plain


def test_the_export_command_takes_the_option(tmp_path: Path) -> None:
    path = tmp_path / "giao-ban.minutes.json"
    save_meeting(_noted("vi"), path)
    for extra, wanted, unwanted in (((), "Ông Phạm Văn Lộc", "7 giờ 50"),
                                    (("--intervention-times",), "7 giờ 50, ông Phạm Văn Lộc", None)):
        out = tmp_path / f"minutes{len(extra)}.docx"
        result = run_cli("export", path, "--kind", "minutes", "-o", out, *extra)
        assert result.returncode == 0, result.stderr
        texts = "\n".join(_paragraphs(out))
        assert wanted in texts
        if unwanted:
            assert unwanted not in texts
