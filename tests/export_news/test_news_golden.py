"""Golden articles: the text and HTML written from each sample, compared with reviewed files.

The files under ``reference/`` were read whole and judged to read like the seed article. After an
intended change of wording, regenerate them with ``MINUTES_APP_UPDATE_REFERENCES=1 pytest tests/export_news`` and
read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ALL_SAMPLES, WORDING_MEETINGS, updating_references

from minutes_app.export.registry import build_document, render_document
from minutes_app.storage import load_meeting

GOLDEN = Path(__file__).parent / "reference"
UPDATE = updating_references()


def _stem(sample: Path) -> str:
    return sample.name.removesuffix(".minutes.json")


@pytest.mark.parametrize("fmt", ["txt", "html"])
@pytest.mark.parametrize("sample", ALL_SAMPLES + WORDING_MEETINGS, ids=_stem)
def test_article_matches_the_reviewed_golden_file(sample: Path, fmt: str) -> None:
    data = render_document(build_document(load_meeting(sample), "news"), fmt)
    golden = GOLDEN / f"{_stem(sample)}.news.{fmt}"
    if UPDATE:
        golden.write_bytes(data)
    assert golden.exists(), f"missing {golden}; run with MINUTES_APP_UPDATE_REFERENCES=1 and review it"
    assert data.decode("utf-8") == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=_stem)
def test_the_same_meeting_gives_the_same_bytes(sample: Path) -> None:
    meeting = load_meeting(sample)
    first = render_document(build_document(meeting, "news"), "html")
    assert render_document(build_document(meeting, "news"), "html") == first


@pytest.mark.parametrize("kind", ["news", "notice"])
def test_docx_bytes_are_reproducible(kind: str) -> None:
    meeting = load_meeting(ALL_SAMPLES[0])
    first = render_document(build_document(meeting, kind), "docx")
    assert render_document(build_document(meeting, kind), "docx") == first
