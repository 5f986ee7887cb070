"""The seed test: the article written from the seed sample carries every fact of the seed article
(../shared/seeds/tin-tuc-hoi-nghi-tong-ket-kt-xh-2020.txt) with the seed's formatting."""

from __future__ import annotations

import dataclasses

import pytest
from support import SEED_SAMPLE

from minutes_app.export.news import build_news
from minutes_app.export.text_writer import render_text
from minutes_app.storage import load_meeting

SEED_FIGURES = [
    "16/18 chỉ tiêu", "36%", "17,4%", "3.325 ha", "31.597 ha", "11%", "5.468 ha", "18%", "12/12 xã",
    "03 HTX", "17 HTX", "02 Quỹ tín dụng", "06 Hội quán", "350 người", "926 tỷ 147 triệu đồng", "101,2%",
    "895 tỷ 026 triệu đồng", "93,8%", "32/57 trường", "19 lớp", "817 học viên", "5.000 lao động",
    "130 lao động",
]


@pytest.fixture(scope="module")
def article() -> str:
    return render_text(build_news(load_meeting(SEED_SAMPLE)))


@pytest.mark.parametrize("figure", SEED_FIGURES)
def test_every_figure_of_the_seed_is_in_the_article(article: str, figure: str) -> None:
    assert figure in article


def test_figures_are_stated_as_the_seed_states_them(article: str) -> None:
    # Not just present somewhere: each with the words the seed puts around it.
    for phrase in ("thực hiện đạt và vượt 16/18 chỉ tiêu", "tăng 17,4% so với năm 2019",
                   "31.597 ha, vượt 11% kế hoạch", "5.468 ha, vượt 18% kế hoạch",
                   "926 tỷ 147 triệu đồng, đạt 101,2%", "895 tỷ 026 triệu đồng, đạt 93,8%"):
        assert phrase in article


def test_the_lead_opens_as_the_seed_does(article: str) -> None:
    lines = article.splitlines()
    assert lines[0] == "Hội nghị trực tuyến tổng kết kinh tế - xã hội năm 2020"  # the headline
    lead = lines[2]
    assert lead.startswith("Chiều ngày 29/12, UBND huyện Lấp Vò tổ chức")
    assert "đến dự có ông Trần Văn Sáu, Tỉnh ủy viên, Bí thư Huyện ủy, lãnh đạo UBND huyện" in lead


def test_one_paragraph_per_leader(article: str) -> None:
    paragraphs = article.split("\n\n")
    assert any(p.startswith("Dự và phát biểu tại hội nghị, ông Trần Văn Sáu, Tỉnh ủy viên, Bí thư Huyện ủy "
                            "chỉ đạo: trước những kết quả") for p in paragraphs)
    assert any(p.startswith("Bà Nguyễn Thị Nhanh, Chủ tịch UBND huyện nhấn mạnh: trước mắt") for p in paragraphs)


def test_the_author_is_alone_on_the_last_line(article: str) -> None:
    lines = article.rstrip("\n").split("\n")
    assert lines[-1] == "Minh Thư"
    assert lines[-2] == ""
    assert lines[-3].endswith("với Chủ tịch UBND huyện./.")


def test_the_count_of_targets_is_written_when_the_summary_does_not_say_it() -> None:
    meeting = load_meeting(SEED_SAMPLE)
    meeting.results = dataclasses.replace(meeting.results, summary="")
    text = render_text(build_news(meeting))
    assert "UBND huyện Lấp Vò thực hiện đạt và vượt 16/18 chỉ tiêu." in text
    # and counted from the table when the plan's own count is not given (6 of the 8 have a plan).
    meeting.results = dataclasses.replace(meeting.results, targets_met=None, targets_total=None)
    assert "thực hiện đạt và vượt 5/6 chỉ tiêu." in render_text(build_news(meeting))
