"""One line of quick notes read on its own: markers in either language, with or without marks."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_app.notes import LineKind, Part, read_line
from minutes_app.notes.syntax import DayMonth, fold, split_time


@pytest.mark.parametrize(("text", "kind"), [
    ("@sáu: Báo cáo", LineKind.SPEAKER),
    ("@Sau Báo cáo", LineKind.SPEAKER),
    ("KL: Tập trung", LineKind.DIRECTIVE),
    ("kl: Tập trung", LineKind.DIRECTIVE),
    ("CĐ: Tập trung", LineKind.DIRECTIVE),
    ("cd: Tập trung", LineKind.DIRECTIVE),
    ("Kết luận: Tập trung", LineKind.DIRECTIVE),
    ("chi dao: Tập trung", LineKind.DIRECTIVE),
    ("Directive: Focus", LineKind.DIRECTIVE),
    ("NV: Rà soát", LineKind.TASK),
    ("Nhiệm vụ: Rà soát", LineKind.TASK),
    ("+ Rà soát", LineKind.TASK),
    ("Task: Review", LineKind.TASK),
    ("Vắng: @ửng", LineKind.ABSENCE),
    ("VANG: @ung", LineKind.ABSENCE),
    ("Absent: @ung", LineKind.ABSENCE),
    ("Chủ đề: Nông nghiệp", LineKind.TOPIC),
    ("chu de: Nông nghiệp", LineKind.TOPIC),
    ("# Nông nghiệp", LineKind.TOPIC),
    ("Topic: Farming", LineKind.TOPIC),
    ("Vàng mã là hủ tục", LineKind.CONTINUATION),  # no colon: a sentence, not a marker
    ("Năng suất đạt 7,2 tấn/ha", LineKind.CONTINUATION),
    ("   ", LineKind.BLANK),
])
def test_markers_are_read_without_case_or_marks(text: str, kind: LineKind) -> None:
    line = read_line(text)
    assert line.kind is kind
    assert line.problem == ""


def test_a_speaker_is_the_words_before_the_colon_or_one_word() -> None:
    with_colon = read_line("@văn sáu: Đề nghị tăng cường")
    assert with_colon.names[0].words == ("văn", "sáu")
    assert with_colon.names[0].guest_words == 2
    assert with_colon.body == "Đề nghị tăng cường"
    without = read_line("@Sau đề nghị tăng cường")
    assert without.names[0].words[0] == "Sau" and without.names[0].guest_words == 1
    assert without.body == "đề nghị tăng cường"
    assert without.spans[0].part is Part.SPEAKER and without.text[:4] == "@Sau"


def test_a_directive_may_name_its_speaker() -> None:
    line = read_line("KL @nhanh: Khẩn trương hoàn thiện hồ sơ")
    assert line.kind is LineKind.DIRECTIVE
    assert line.names[0].words == ("nhanh",)
    assert line.body == "Khẩn trương hoàn thiện hồ sơ"


@pytest.mark.parametrize(("text", "task", "unit", "due"), [
    ("NV: Rà soát kênh → Phòng NN-PTNT, hạn 15/3", "Rà soát kênh", "Phòng NN-PTNT", DayMonth(15, 3, None, "15/3")),
    ("NV: Rà soát kênh -> Phòng NN-PTNT hạn 15/3", "Rà soát kênh", "Phòng NN-PTNT", DayMonth(15, 3, None, "15/3")),
    ("+ Báo cáo giao Văn phòng UBND, trước 15/03/2025", "Báo cáo", "Văn phòng UBND",
     DayMonth(15, 3, 2025, "15/03/2025")),
    ("+ Báo cáo giao cho Văn phòng, TRUOC 15/03/2025", "Báo cáo", "Văn phòng", DayMonth(15, 3, 2025, "15/03/2025")),
    ("NV: Sửa đường - Phòng KT-HT đến 30-4", "Sửa đường", "Phòng KT-HT", DayMonth(30, 4, None, "30-4")),
    ("NV: Sửa đường - Phòng KT-HT", "Sửa đường", "Phòng KT-HT", None),
    ("NV: Sửa đường hạn 30-4", "Sửa đường", "", DayMonth(30, 4, None, "30-4")),
    ("NV: Chuẩn bị báo cáo hạn cuối tháng", "Chuẩn bị báo cáo hạn cuối tháng", "", None),  # not a date: kept as text
    ("Task: Fix the road -> Works office, by 3/4/25", "Fix the road", "Works office", DayMonth(3, 4, 2025, "3/4/25")),
])
def test_a_task_splits_into_text_unit_and_date(text: str, task: str, unit: str, due: DayMonth | None) -> None:
    line = read_line(text)
    assert (line.body, line.unit, line.due) == (task, unit, due)
    parts = {span.part for span in line.spans}
    assert (Part.UNIT in parts) == bool(unit)
    assert (Part.DATE in parts) == (due is not None)


def test_absences_take_a_reason_in_brackets_or_after_a_dash() -> None:
    line = read_line("Vắng: @ửng (đi họp huyện), @hai - ốm")
    assert [(q.words, q.reason) for q in line.names] == [(("ửng",), "đi họp huyện"), (("hai",), "ốm")]


def test_a_leading_time_is_taken_and_a_bad_one_is_a_problem() -> None:
    assert split_time("08:20 @đức: Báo cáo") == (dt.time(8, 20), "@đức: Báo cáo", "")
    assert split_time("8:05 tiếp") == (dt.time(8, 5), "tiếp", "")
    assert read_line("14:05 KL: Tập trung").time == dt.time(14, 5)
    assert read_line("25:70 tiếp").problem == '"25:70" is not a time of day'


@pytest.mark.parametrize(("text", "problem"), [
    ("@", "no name after @"),
    ("@: nội dung", "no name after @"),
    ("KL:", "nothing was written after the marker"),
    ("NV: → Phòng KT", "the task itself is missing"),
    ("Vắng:", "no name after the marker: write Vắng: @name (reason)"),
    ("NV @sáu: Rà soát", "only a directive (KL) takes a speaker before its colon"),
])
def test_lines_that_cannot_be_read_say_why(text: str, problem: str) -> None:
    assert read_line(text).problem == problem


def test_fold_keeps_offsets() -> None:
    text = "Vắng mặt: Đức, Ửng"
    assert fold(text) == "vang mat: duc, ung"
    assert len(fold(text)) == len(text)
