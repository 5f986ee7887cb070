"""Fuzzing the exporters: any meeting gives, for every kind and format, a file that reopens.

The suite runs a bounded number of examples; a longer run is one command (see README):
``HYPOTHESIS_PROFILE=long python -m pytest tests/robustness/test_fuzz_exporters.py``.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import xml.dom.minidom

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import NFD_VIETNAMESE, meetings

from minutes_app.export import FORMATS, build_document, render_document
from minutes_app.model import Attendee, Indicator, Meeting, MeetingInfo, Results

pytestmark = pytest.mark.slow  # fuzzing

settings.register_profile("ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "2000")), deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TEXT_FORMATS = [(kind, fmt) for kind, formats in FORMATS.items() for fmt in formats if fmt != "pdf"]


def check_output(kind: str, fmt: str, data: bytes) -> None:
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        assert document.paragraphs or document.tables, kind
    elif fmt == "html":
        # A fragment: well-formed once wrapped in one root element.
        xml.dom.minidom.parseString(b"<root>" + data.replace(b"&nbsp;", b"&#160;") + b"</root>")
    else:
        data.decode("utf-8")


@pytest.mark.parametrize(("kind", "fmt"), TEXT_FORMATS)
@given(meeting=meetings)
def test_any_meeting_exports(kind: str, fmt: str, meeting: Meeting) -> None:
    check_output(kind, fmt, render_document(build_document(meeting, kind), fmt))


def _big_meeting() -> Meeting:
    huge = ("Nội dung rất dài " + NFD_VIETNAMESE + " 🎉 ") * 1100  # about 100 kB
    attendees = [Attendee(name=f"Nguyễn Văn {i % 50}", position="Chuyên viên", organization=f"Phòng {i % 12}")
                 for i in range(500)]  # duplicate names on purpose
    indicators = [Indicator(sector="Kinh tế", name="Chỉ tiêu", unit="ha", plan=plan, actual=5, previous=-3)
                  for plan in (0, None, -10, 10)]
    return Meeting(meeting=MeetingInfo(title=huge[:300], location=huge), attendees=attendees,
                   results=Results(summary=huge, indicators=indicators))


@pytest.mark.parametrize(("kind", "fmt"), TEXT_FORMATS)
def test_huge_fields_and_500_attendees(kind: str, fmt: str) -> None:
    check_output(kind, fmt, render_document(build_document(_big_meeting(), kind), fmt))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("kind", ["minutes", "news", "notice"])
@settings(max_examples=2)
@given(meeting=meetings)
def test_a_fuzzed_meeting_goes_through_libreoffice(kind: str, meeting: Meeting, tmp_path_factory) -> None:
    tmp_path = tmp_path_factory.mktemp("lo")
    data = render_document(build_document(meeting, kind), "docx")
    source = tmp_path / f"{kind}.docx"
    source.write_bytes(data)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / f"{kind}.pdf").stat().st_size > 1000
