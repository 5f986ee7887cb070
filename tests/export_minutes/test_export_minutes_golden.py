"""``word/document.xml`` of each sample against a committed reference, so a layout change is a diff.

The export is deterministic (timestamps pinned to the meeting, no random ids), so the XML is compared
exactly, pretty-printed for a readable diff. After an intended change, regenerate the references:

    MINUTES_APP_UPDATE_REFERENCES=1 python -m pytest tests/export_minutes/test_export_minutes_golden.py
"""

from __future__ import annotations

import difflib
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from support import updating_references

REFERENCES = Path(__file__).resolve().parent / "reference"


def _pretty_document_xml(data: bytes) -> str:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    return etree.tostring(etree.fromstring(xml), pretty_print=True, encoding="unicode")


@pytest.mark.parametrize("name", ["seed", "commune", "english", "april"])
def test_document_xml_matches_the_reference(minutes_docx: dict[str, bytes], name: str) -> None:
    actual = _pretty_document_xml(minutes_docx[name])
    reference = REFERENCES / f"minutes-{name}.document.xml"
    if updating_references():
        reference.write_text(actual, encoding="utf-8")
    expected = reference.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"reference/{reference.name}", "exported", n=2))
        pytest.fail(f"word/document.xml of the {name} sample changed:\n{diff[:6000]}")


def test_zip_members_are_stamped_with_the_meeting_time(minutes_docx: dict[str, bytes]) -> None:
    infos = zipfile.ZipFile(io.BytesIO(minutes_docx["seed"])).infolist()
    assert {info.date_time for info in infos} == {(2020, 12, 29, 17, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"
