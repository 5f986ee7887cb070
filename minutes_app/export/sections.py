"""From the text a prose template renders to the blocks of the intermediate document.

The templates write words; the builders decide the layout. A template's output is cut into named
sections by lines of the form ``[[name]]`` (``[[title]]``, ``[[body]]``, ``[[author]]`` …). Inside a
body section:

- a blank line ends a paragraph; the lines of one paragraph are joined with single spaces, so a
  template may wrap its sentences freely;
- ``# text`` is a heading, ``## text`` a sub-heading, ``- text`` a list item;
- ``**text**`` is bold;
- a paragraph always starts with a capital letter.
"""

from __future__ import annotations

import re

from .document import Align, Block, Heading, Paragraph, Run

_SECTION = re.compile(r"^\s*\[\[([a-z_]+)\]\]\s*$")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\S)\s+(?=[,;:.](?:\s|$))")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def parse_sections(text: str) -> dict[str, str]:
    """The named sections of a rendered template, each stripped; text before the first is dropped."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        match = _SECTION.match(line)
        if match:
            current = sections.setdefault(match.group(1), [])
        elif current is not None:
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in sections.items()}


def tidy(text: str) -> str:
    """One line, single spaces, no space before a comma or a full stop (left by optional parts)."""
    text = " ".join(text.split())
    return _SPACE_BEFORE_PUNCTUATION.sub("", text)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a section: blank lines separate them, inner line breaks become spaces."""
    result: list[str] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        line = tidy(chunk)
        if line:
            result.append(line)
    return result


def lines(text: str) -> list[str]:
    """The non-blank lines of a section, each tidied (signature titles, recipients)."""
    return [tidy(line) for line in text.splitlines() if line.strip()]


def runs(text: str) -> list[Run]:
    """``**bold**`` marks cut into runs."""
    result: list[Run] = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            result.append(Run(text[position:match.start()]))
        result.append(Run(match.group(1), bold=True))
        position = match.end()
    if position < len(text):
        result.append(Run(text[position:]))
    return result or [Run("")]


def blocks(text: str) -> list[Block]:
    """The blocks of a body section: headings, list items and justified paragraphs."""
    result: list[Block] = []
    for paragraph in paragraphs(text):
        if paragraph.startswith("## "):
            result.append(Heading(paragraph[3:].strip(), level=2))
        elif paragraph.startswith("# "):
            result.append(Heading(paragraph[2:].strip(), level=1))
        elif paragraph.startswith("- "):
            result.append(Paragraph(runs(paragraph[2:].strip()), bullet=True))
        else:
            # A paragraph starts with a capital even when its first words were optional and left out.
            result.append(Paragraph(runs(paragraph[:1].upper() + paragraph[1:]), align=Align.JUSTIFY))
    return result
