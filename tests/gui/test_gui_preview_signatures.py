"""The preview lays the two signatures of the minutes out as Qt shows them: when one caption wraps
("(Ký, ghi rõ họ tên, đóng dấu)" in a narrow pane), both names still stand on the same line (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument
from support import WORDING_MEETINGS

from minutes_app.export.registry import ExportOptions
from minutes_app.gui.preview import render_preview
from minutes_app.storage import load_meeting

SCHOOL = next(p for p in WORDING_MEETINGS if p.name.startswith("school"))


def _tops(document: QTextDocument, texts: set[str]) -> dict[str, tuple[float, int]]:
    """The top of each block whose text is one of ``texts``, and its number of lines."""
    found: dict[str, tuple[float, int]] = {}
    block = document.begin()
    while block.isValid():
        if block.text() in texts:
            found[block.text()] = (document.documentLayout().blockBoundingRect(block).top(), block.layout().lineCount())
        block = block.next()
    return found


@pytest.mark.parametrize("width", [360.0, 400.0, 700.0])
def test_names_stay_level_when_a_caption_wraps(qapp, tmp_path, width: float) -> None:  # noqa: ANN001
    meeting = load_meeting(SCHOOL)
    document = QTextDocument()
    document.setHtml(render_preview(meeting, "minutes", ExportOptions(templates_dir=tmp_path)))
    document.setTextWidth(width)
    secretary, chair = meeting.meeting.secretary, meeting.meeting.chair
    tops = _tops(document, {secretary, chair, "(Ký, ghi rõ họ tên, đóng dấu)"})
    if width < 500:
        assert tops["(Ký, ghi rõ họ tên, đóng dấu)"][1] == 2  # the chair's caption wraps at this width
    assert tops[secretary][0] == tops[chair][0]
