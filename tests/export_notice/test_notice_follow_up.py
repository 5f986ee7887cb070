"""Tasks carried from the earlier meeting, in the notice of conclusions: the acknowledgement of what was
done, and the tasks still not done given again, by unit, as tasks to continue (overdue ones marked)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from support import APRIL_SAMPLE, COMMUNE_SAMPLE, ENGLISH_SAMPLE

from minutes_app.export.follow_up import follow_up
from minutes_app.export.notice import build_notice, unfinished_by_unit
from minutes_app.export.registry import export_meeting
from minutes_app.model import Meeting
from minutes_app.model.follow_up import next_meeting
from minutes_app.storage import load_meeting

CONTINUE = "III. TIẾP TỤC THỰC HIỆN CÁC NHIỆM VỤ CHƯA HOÀN THÀNH THEO THÔNG BÁO SỐ 12/TB-UBND"
ACKNOWLEDGED = ("2. Ghi nhận 3/5 nhiệm vụ được giao tại cuộc họp ngày 05/03/2025 (Thông báo số 12/TB-UBND) đã hoàn "
                "thành; còn 2 nhiệm vụ chưa hoàn thành (trong đó 1 nhiệm vụ đã quá hạn), yêu cầu tiếp tục thực hiện.")


def _body(meeting: Meeting, path: Path) -> list[str]:
    export_meeting(meeting, "notice", path)
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


@pytest.fixture
def april() -> Meeting:
    return load_meeting(APRIL_SAMPLE)


def test_the_april_notice_acknowledges_and_continues(april: Meeting, tmp_path: Path) -> None:
    body = _body(april, tmp_path / "tb.docx")
    first, second = body.index("I. KẾT LUẬN CHUNG"), body.index("II. NHIỆM VỤ GIAO CÁC CƠ QUAN, ĐƠN VỊ")
    third = body.index(CONTINUE)
    assert first < body.index(ACKNOWLEDGED) < second < third
    # The acknowledgement follows the assessment and comes before the chair's conclusions.
    assert body[body.index(ACKNOWLEDGED) - 1].startswith("1. Thống nhất đánh giá kết quả")
    assert body[body.index(ACKNOWLEDGED) + 1].startswith("3. Các ngành, các ấp tập trung thu hoạch lúa")
    continued = body[third + 1:]
    assert continued[:4] == [
        "1. Công chức Tài chính - Kế toán:",
        "- Rà soát, đôn đốc hộ kinh doanh nộp thuế; báo cáo tiến độ thu ngân sách; thời hạn: trước ngày "
        "25/03/2025 (đã quá hạn, yêu cầu khẩn trương hoàn thành).",
        "2. Công chức Văn hóa - Xã hội; Trưởng các ấp:",
        "- Vận động người dân tham gia bảo hiểm y tế hộ gia đình; thời hạn: trước ngày 15/04/2025.",
    ]
    assert continued[4].startswith("UBND xã Bình Thành thông báo")


def test_tasks_done_are_not_repeated(april: Meeting, tmp_path: Path) -> None:
    text = "\n".join(_body(april, tmp_path / "tb.docx"))
    for task in april.follow_up:
        assert (task.task in text) == (task.done is None), task.task


def test_new_tasks_stay_in_part_two(april: Meeting, tmp_path: Path) -> None:
    body = _body(april, tmp_path / "tb.docx")
    part_two = body[body.index("II. NHIỆM VỤ GIAO CÁC CƠ QUAN, ĐƠN VỊ"):body.index(CONTINUE)]
    for task in april.all_tasks():
        assert any(line.startswith(f"- {task.task};") for line in part_two), task.task


def test_carried_tasks_grouped_by_unit_without_case(april: Meeting) -> None:
    april.follow_up[3].assignee = "công chức tài chính -  kế toán"  # typed differently, same unit
    units = unfinished_by_unit(follow_up(april))
    assert [u.unit for u in units] == ["Công chức Tài chính - Kế toán"]
    assert [[c.task.task for c in u.tasks] for u in units] == [[april.follow_up[1].task, april.follow_up[3].task]]


def test_overdue_is_judged_on_the_meeting_day(april: Meeting, tmp_path: Path) -> None:
    april.meeting.date = dt.date(2025, 3, 24)  # before the tax deadline
    body = _body(april, tmp_path / "tb.docx")
    assert not any("quá hạn" in line for line in body)
    assert any(line.startswith("2. Ghi nhận 3/5 nhiệm vụ") and line.endswith("còn 2 nhiệm vụ chưa hoàn thành, "
                                                                            "yêu cầu tiếp tục thực hiện.")
               for line in body)


def test_without_new_tasks_the_continued_part_is_part_two(april: Meeting, tmp_path: Path) -> None:
    for directive in april.directives:
        directive.tasks.clear()
    body = _body(april, tmp_path / "tb.docx")
    assert "I. KẾT LUẬN CHUNG" in body
    assert not any("NHIỆM VỤ GIAO CÁC CƠ QUAN" in line for line in body)
    assert CONTINUE.replace("III.", "II.") in body


def test_all_done_only_acknowledged(april: Meeting, tmp_path: Path) -> None:
    for task in april.follow_up:
        task.done = task.done or dt.date(2025, 4, 1)
    body = _body(april, tmp_path / "tb.docx")
    assert ("2. Ghi nhận 5/5 nhiệm vụ được giao tại cuộc họp ngày 05/03/2025 (Thông báo số 12/TB-UBND) đã hoàn "
            "thành.") in body
    assert not any("TIẾP TỤC" in line for line in body)


def test_none_done_asks_for_speed(april: Meeting, tmp_path: Path) -> None:
    for task in april.follow_up:
        task.done = None
    body = _body(april, tmp_path / "tb.docx")
    assert ("2. Các nhiệm vụ được giao tại cuộc họp ngày 05/03/2025 (Thông báo số 12/TB-UBND) chưa hoàn thành "
            "(4 nhiệm vụ đã quá hạn), yêu cầu khẩn trương thực hiện.") in body
    continued = body[body.index(CONTINUE):]
    assert sum(line.startswith("- ") for line in continued) == 5
    assert sum("(đã quá hạn" in line for line in continued) == 4


def test_a_full_notice_number_is_kept(april: Meeting, tmp_path: Path) -> None:
    assert april.follows is not None
    april.follows.notice_number = "12/TB-VP"
    body = _body(april, tmp_path / "tb.docx")
    assert "III. TIẾP TỤC THỰC HIỆN CÁC NHIỆM VỤ CHƯA HOÀN THÀNH THEO THÔNG BÁO SỐ 12/TB-VP" in body


def test_without_a_notice_number_the_meeting_date_names_the_source(april: Meeting, tmp_path: Path) -> None:
    assert april.follows is not None
    april.follows.notice_number = ""
    for task in april.follow_up:
        assert task.origin is not None
        task.origin.notice_number = ""
    body = _body(april, tmp_path / "tb.docx")
    assert ("III. TIẾP TỤC THỰC HIỆN CÁC NHIỆM VỤ CHƯA HOÀN THÀNH ĐƯỢC GIAO TẠI CUỘC HỌP NGÀY 05/03/2025"
            in body)


def test_notices_without_carried_tasks_are_unchanged_in_shape(tmp_path: Path) -> None:
    for sample in (COMMUNE_SAMPLE, ENGLISH_SAMPLE):
        text = "\n".join(p.text for p in build_notice(load_meeting(sample)).blocks if hasattr(p, "text"))
        assert "TIẾP TỤC" not in text and "Ghi nhận" not in text and "TO BE CONTINUED" not in text


def test_english_notice(tmp_path: Path) -> None:
    previous = load_meeting(ENGLISH_SAMPLE)
    previous.notice.number = "27"
    meeting = next_meeting(previous, ENGLISH_SAMPLE.name)
    meeting.meeting.date = dt.date(2025, 1, 15)
    done, late = meeting.follow_up
    done.done = dt.date(2024, 12, 10)
    body = _body(meeting, tmp_path / "notice.docx")
    assert ("1. Of the 2 tasks given at the meeting of 17 October 2024 (Notice No. 27), 1 was done; 1 is "
            "not yet done (overdue) and is to be continued.") in body
    heading = "II. TASKS NOT YET DONE, TO BE CONTINUED (NOTICE NO. 27)"
    assert body.index("I. CONCLUSIONS") < body.index(heading)
    after = body[body.index(heading) + 1:]
    assert after[:2] == [f"1. {late.assignee}:",
                         f"- {late.task}; deadline: 8 Nov 2024 (overdue, to be completed without delay)."]
    assert done.task not in "\n".join(body)
