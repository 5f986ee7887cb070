"""The news article for the office's portal ("bài tin"), written from the meeting's data.

The words are in ``templates/news/article.<language>.j2`` (an office may override it in its own
templates folder); this module gathers what the template needs — people with their honorifics, the
figures with their ratios, the count of targets met — and turns the rendered sections into blocks:
a headline, the paragraphs, and the author alone on the last line.
"""

from __future__ import annotations

from ..model import Meeting
from . import prose
from .document import Align, Document, Paragraph, Run, Title
from .options import ExportOptions
from .parts import timestamp
from .prose_context import context
from .sections import blocks, paragraphs, parse_sections, tidy
from .templating import render


def build_news(meeting: Meeting, options: ExportOptions | None = None) -> Document:
    """The article as blocks: the headline, one paragraph per part, the author on the last line."""
    options = options or ExportOptions()
    language = meeting.language.value
    text = render(f"news/article.{language}.j2", language, options.templates_dir, **context(meeting))
    parts = parse_sections(text)
    title = prose.upper_first(tidy(parts.get("title", "")) or meeting.meeting.title)
    document = Document(kind="news", language=language, title=title, author=tidy(parts.get("author", "")),
                        page_numbers=False, created=timestamp(meeting))
    document.add(Title(title, rule=False))
    document.add(*blocks(parts.get("body", "")))
    for line in paragraphs(parts.get("author", "")):
        document.add(Paragraph([Run(line, bold=True)], align=Align.RIGHT, indent_first_line=False))
    return document
