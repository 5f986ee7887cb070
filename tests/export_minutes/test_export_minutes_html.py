"""The HTML writer: a semantic fragment without inline styles, saying what the DOCX says, in order."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import docx
import pytest
from support import COMMUNE_SAMPLE, ENGLISH_SAMPLE, SEED_SAMPLE

from minutes_app.export.document import (
    Document,
    Paragraph,
    Recipients,
    Run,
    Signatory,
    SignatureBlock,
    Title,
)
from minutes_app.export.html_writer import preview_stylesheet, write_html
from minutes_app.export.minutes import build_minutes
from minutes_app.storage import load_meeting

PATHS = {"seed": SEED_SAMPLE, "commune": COMMUNE_SAMPLE, "english": ENGLISH_SAMPLE}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


@pytest.mark.parametrize("name", ["seed", "commune", "english"])
def test_fragment_is_semantic_and_unstyled(name: str) -> None:
    html = write_html(build_minutes(load_meeting(PATHS[name]))).decode("utf-8")
    parsed = _parse(html)
    assert "style" not in {key for key, _value in parsed.attributes}
    assert {"h1", "h2", "p", "table", "thead", "th", "td"} <= set(parsed.tags)
    assert not {"html", "body", "head", "script", "font"} & set(parsed.tags)
    assert html.startswith('<article class="document minutes"')


def test_preview_says_what_the_docx_says_in_the_same_order(minutes_docx: dict[str, bytes]) -> None:
    meeting = load_meeting(COMMUNE_SAMPLE)
    html = write_html(build_minutes(meeting)).decode("utf-8")
    text = re.sub(r"\s+", " ", " ".join(_parse(html).text))
    document = docx.Document(io.BytesIO(minutes_docx["commune"]))
    paragraphs = [p.text.removeprefix("- ") for p in document.paragraphs if p.text.strip()]
    position = 0
    for paragraph in paragraphs:
        found = text.find(paragraph, position)
        assert found >= 0, paragraph
        position = found + len(paragraph)
    for table in document.tables[1:]:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert paragraph.text.removeprefix("- ").replace("\n", " ") in text


def test_escaping_line_breaks_and_forbidden_characters() -> None:
    document = Document("news", "vi", "Tin", [
        Title("Tiêu đề <b>", rule=False),
        Paragraph([Run("a < b & c\nđòng hai\x01", bold=True), Run(" nghiêng", italic=True)]),
        SignatureBlock([Signatory(["CHỦ TỊCH"], "", "Võ Thị Hồng Nhung")],
                       recipients=Recipients("Nơi nhận:", ["- Các ngành;", "- Lưu: VT."])),
    ])
    html = write_html(document).decode("utf-8")
    assert "Tiêu đề &lt;b&gt;" in html
    assert "<strong>a &lt; b &amp; c<br/>đòng hai</strong><em> nghiêng</em>" in html
    assert "\x01" not in html
    assert '<h1 class="title">' in html
    assert '<p class="recipient">- Lưu: VT.</p>' in html and "Võ Thị Hồng Nhung" in html


def test_preview_stylesheet_approximates_the_page() -> None:
    css = preview_stylesheet()
    assert "Times New Roman" in css and "14pt" in css and "48px" in css and "justify" in css  # 1.27 cm
    assert "table.letterhead" in css and "table.data" in css


def test_dash_items_and_kept_spaces() -> None:
    meeting = load_meeting(SEED_SAMPLE)
    html = write_html(build_minutes(meeting)).decode("utf-8")
    assert '<p class="dash">- Tình hình an ninh chính trị được giữ vững.</p>' in html
    assert "Số:\u00a0\u00a0\u00a0\u00a0\u00a0 /BB-UBND" in html  # the blank to fill by hand survives
