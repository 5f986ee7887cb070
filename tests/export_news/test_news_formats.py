"""The article in its three formats, through the same path the CLI takes, and the safety of templates."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from support import COMMUNE_SAMPLE, ENGLISH_SAMPLE, SEED_SAMPLE, run_cli

from minutes_app.export.news import build_news
from minutes_app.export.registry import ExportOptions, export_meeting
from minutes_app.export.templating import TemplateError
from minutes_app.storage import load_meeting


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)


def test_html_is_a_semantic_fragment_without_inline_styles(tmp_path: Path) -> None:
    out = export_meeting(load_meeting(SEED_SAMPLE), "news", tmp_path / "tin.html")
    html = out.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    assert parser.tags.count("h1") == 1
    assert parser.tags.count("p") >= 7
    assert "style" not in {name for name, _value in parser.attributes}
    assert not re.search(r"<(html|head|body|style|script)\b", html)
    assert "<h1" in html and "Hội nghị trực tuyến tổng kết kinh tế - xã hội năm 2020" in html
    assert "926 tỷ 147 triệu đồng" in html
    assert html.rstrip().endswith("</article>") or "Minh Thư" in html.splitlines()[-2]


def test_html_escapes_what_the_secretary_typed(tmp_path: Path) -> None:
    meeting = load_meeting(COMMUNE_SAMPLE)
    meeting.closing.note = "Kết thúc <script>alert(1)</script> & bế mạc"
    html = export_meeting(meeting, "news", tmp_path / "tin.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "&amp; bế mạc" in html


def test_docx_reopens_with_the_headline_first_and_the_author_last(tmp_path: Path) -> None:
    out = export_meeting(load_meeting(SEED_SAMPLE), "news", tmp_path / "tin.docx")
    paragraphs = [p for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert paragraphs[0].text == "Hội nghị trực tuyến tổng kết kinh tế - xã hội năm 2020"
    assert paragraphs[1].text.startswith("Chiều ngày 29/12, UBND huyện Lấp Vò tổ chức")
    assert paragraphs[-1].text == "Minh Thư"
    assert all(run.bold for run in paragraphs[-1].runs if run.text.strip())
    body = "\n".join(p.text for p in paragraphs)
    for figure in ("16/18 chỉ tiêu", "895 tỷ 026 triệu đồng", "93,8%", "32/57 trường"):
        assert figure in body


def test_text_is_utf8_one_paragraph_per_line(tmp_path: Path) -> None:
    out = export_meeting(load_meeting(COMMUNE_SAMPLE), "news", tmp_path / "tin.txt")
    text = out.read_bytes().decode("utf-8")
    paragraphs = text.rstrip("\n").split("\n\n")
    assert all("\n" not in p for p in paragraphs)
    assert paragraphs[-1] == "Kim Ngân"
    assert paragraphs[0] == ("UBND xã Bình Thành họp giao ban đánh giá kết quả thực hiện nhiệm vụ tháng 02 và "
                             "triển khai nhiệm vụ tháng 3 năm 2025")


def test_commune_lead_names_the_chair_and_the_guest() -> None:
    text = "\n".join(getattr(b, "text", "") for b in build_news(load_meeting(COMMUNE_SAMPLE)).blocks)
    assert ("Sáng ngày 5/3, UBND xã Bình Thành tổ chức họp giao ban đánh giá kết quả thực hiện nhiệm vụ "
            "tháng 02 và triển khai nhiệm vụ tháng 3 năm 2025 tại Hội trường UBND xã Bình Thành, đến dự có "
            "bà Bùi Thị Ngọc Ánh, Chủ tịch Ủy ban MTTQ Việt Nam xã.") in text
    assert "Bà Võ Thị Hồng Nhung, Phó Bí thư Đảng ủy, Chủ tịch UBND xã chủ trì cuộc họp" in text
    assert "Kết luận cuộc họp, bà Võ Thị Hồng Nhung, Chủ tịch UBND xã chỉ đạo: các ngành" in text
    assert "số hộ nghèo là 41 hộ, trong mức kế hoạch (không quá 45 hộ)" in text  # a ceiling, met
    assert "tỷ lệ người dân tham gia bảo hiểm y tế đạt 92,1% (chưa đạt kế hoạch 93,5%), tăng 0,7%" in text


def test_english_article_reads_naturally() -> None:
    text = "\n".join(getattr(b, "text", "") for b in build_news(load_meeting(ENGLISH_SAMPLE)).blocks)
    assert text.startswith("Steering Committee meeting of the Mekong Smart Farming Project, third quarter 2024\n"
                           "On the afternoon of 17 October 2024, the Department of Science and Technology held")
    assert "Ms Nguyen Thi Lan (Deputy Director, Department of Science and Technology) chaired the meeting" in text
    assert "attended by Ms Sarah Whitfield (Programme Manager, Partner foundation) and representatives" in text
    assert "Funds disbursed reached USD 1,287,412.50, 85.8% of plan, up 35.5% on the same period of 2023" in text
    assert text.endswith("Pham Quoc Huy")
    assert not re.search(r"[ăâđêôơưạảấầẩẫậ]", text.lower())  # no Vietnamese word slipped in


def test_news_title_is_written_from_the_meeting_title_when_not_given() -> None:
    meeting = load_meeting(SEED_SAMPLE)
    meeting.news.title = ""
    document = build_news(meeting)
    assert document.title == ("UBND huyện Lấp Vò tổ chức Hội nghị trực tuyến tổng kết tình hình kinh tế - xã hội "
                              "năm 2020, triển khai nhiệm vụ năm 2021")


def test_an_empty_meeting_still_gives_an_article() -> None:
    from minutes_app.cli import new_meeting

    for language in ("vi", "en"):
        document = build_news(new_meeting(language))
        assert document.blocks, language


@pytest.mark.parametrize("ext", ["html", "txt", "docx"])
def test_cli_writes_each_format(tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"a.{ext}"
    result = run_cli("export", ENGLISH_SAMPLE, "--kind", "news", "--output", out)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


# --- templates an office writes --------------------------------------------------------------

def _user_template(folder: Path, text: str, name: str = "news/article.vi.j2") -> ExportOptions:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return ExportOptions(templates_dir=folder)


def test_a_user_template_overrides_the_built_in_one(tmp_path: Path) -> None:
    options = _user_template(tmp_path, "[[title]]\nTin của {{ agency }}\n[[body]]\n{{ info.date | long_date }}\n"
                                       "[[author]]\n{{ author }}\n")
    document = build_news(load_meeting(SEED_SAMPLE), options)
    assert document.title == "Tin của UBND huyện Lấp Vò"
    assert [getattr(b, "text", "") for b in document.blocks][1:] == ["Ngày 29 tháng 12 năm 2020", "Minh Thư"]


@pytest.mark.parametrize("attack", ["{{ ''.__class__.__mro__ }}", "{{ cycler.__init__.__globals__ }}",
                                    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
                                    "{{ meeting.__dict__ }}"])
def test_a_template_reaching_python_internals_is_refused(tmp_path: Path, attack: str) -> None:
    options = _user_template(tmp_path, f"[[title]]\nTin\n[[body]]\nXin chào\n{attack}\n")
    with pytest.raises(TemplateError) as caught:
        build_news(load_meeting(SEED_SAMPLE), options)
    message = str(caught.value)
    assert message.startswith("Template news/article.vi.j2:5: unsafe operation refused")
    assert caught.value.line == 5


def test_a_broken_user_template_is_reported_by_name_and_line(tmp_path: Path) -> None:
    options = _user_template(tmp_path, "[[title]]\nTin\n[[body]]\n{% if %}\n")
    with pytest.raises(TemplateError, match=r"^Template news/article.vi.j2:4: "):
        build_news(load_meeting(SEED_SAMPLE), options)
    options = _user_template(tmp_path, "[[title]]\n{{ no_such_thing }}\n")
    with pytest.raises(TemplateError, match=r"^Template news/article.vi.j2:2: undefined value: 'no_such_thing'"):
        build_news(load_meeting(SEED_SAMPLE), options)


def test_the_cli_reports_an_unsafe_template_in_one_line_and_uses_the_built_in_one(tmp_path: Path) -> None:
    _user_template(tmp_path / "mine", "[[title]]\n{{ cycler.__init__.__globals__ }}\n")
    result = run_cli("export", SEED_SAMPLE, "--kind", "news", "-o", tmp_path / "a.txt",
                     "--templates", tmp_path / "mine")
    assert result.returncode == 0
    warning, = result.stderr.splitlines()
    assert warning.startswith("Warning: Template news/article.vi.j2:2: unsafe operation refused")
    assert warning.endswith("The built-in template was used instead.")
    assert "Traceback" not in result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").splitlines()[-1] == "Minh Thư"


def test_the_users_own_templates_folder_is_used_by_default() -> None:
    from minutes_app.userdirs import user_templates_dir

    _user_template(user_templates_dir(), "[[title]]\nBản tin {{ info.date | short_date }}\n[[body]]\nx\n",
                   name="news/article.vi.j2")
    assert build_news(load_meeting(SEED_SAMPLE)).title == "Bản tin 29/12"
    assert build_news(load_meeting(ENGLISH_SAMPLE)).title.startswith("Steering Committee")  # en not overridden
