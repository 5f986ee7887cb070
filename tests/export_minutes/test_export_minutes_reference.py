"""The reference DOCX: generated reproducibly, an office's own one honoured, a wrong one refused clearly."""

from __future__ import annotations

import io
import subprocess
import sys

import docx
import pytest
from docx.shared import Mm, Pt
from support import COMMUNE_SAMPLE, REPO

from minutes_app.cli import run_cli
from minutes_app.errors import ExportError
from minutes_app.export.docx_writer import write_docx
from minutes_app.export.minutes import build_minutes
from minutes_app.export.reference_doc import STYLE_DEFINITIONS, build_reference_docx, default_reference_path
from minutes_app.export.registry import ExportOptions
from minutes_app.storage import load_meeting


def test_committed_reference_is_what_the_script_makes() -> None:
    assert default_reference_path().read_bytes() == build_reference_docx()
    completed = subprocess.run([sys.executable, str(REPO / "scripts" / "make_reference_docx.py"), "--check"],
                               capture_output=True, text=True, cwd=REPO, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_reference_defines_every_style_the_writer_uses() -> None:
    reference = docx.Document(str(default_reference_path()))
    names = {style.name for style in reference.styles}
    assert set(STYLE_DEFINITIONS) <= names
    assert reference.styles["Recipient"].font.size == Pt(11)


def test_an_office_reference_sets_page_and_styles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    office = docx.Document(io.BytesIO(build_reference_docx()))
    section = office.sections[0]
    section.left_margin, section.top_margin = Mm(35), Mm(25)
    office.styles["Normal"].font.size = Pt(13)
    office.styles["Letterhead Agency"].font.size = Pt(12)
    office.add_paragraph("Nội dung mẫu của văn phòng — không được in ra")
    section.first_page_header.paragraphs[0].text = "LOGO ỦY BAN"  # a letterhead on page 1 only
    path = tmp_path / "van-phong.docx"
    office.save(str(path))
    options = ExportOptions(reference_doc=path)
    result = docx.Document(io.BytesIO(write_docx(build_minutes(load_meeting(COMMUNE_SAMPLE), options), options)))
    assert round(result.sections[0].left_margin.mm) == 35 and round(result.sections[0].top_margin.mm) == 25
    assert result.styles["Normal"].font.size == Pt(13)
    assert result.styles["Letterhead Agency"].font.size == Pt(12)
    assert not any("văn phòng — không được in ra" in p.text for p in result.paragraphs)
    assert result.sections[0].first_page_header.paragraphs[0].text == "LOGO ỦY BAN"
    assert "PAGE" in result.sections[0].header._element.xml
    # Tables follow the narrower text width (210 - 35 - 15 = 160 mm).
    grid = result.tables[0]._tbl.tblGrid.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")
    total = sum(int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w")) for col in grid)
    assert abs(total / 1440 * 25.4 - 160) < 0.5


def test_a_reference_made_elsewhere_gets_the_missing_styles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plain.docx"
    docx.Document().save(str(path))  # python-docx's blank: none of our styles, Letter paper
    options = ExportOptions(reference_doc=path)
    result = docx.Document(io.BytesIO(write_docx(build_minutes(load_meeting(COMMUNE_SAMPLE), options), options)))
    assert "Signature Name" in {s.name for s in result.styles}
    assert result.tables[0].rows[0].cells[1].paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert result.tables[0].rows[0].cells[1].paragraphs[0].style.name == "Letterhead Motto"


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04 broken zip"])
def test_a_reference_that_is_not_a_docx_is_a_clear_error(tmp_path, content: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "logo.docx"
    path.write_bytes(content)
    with pytest.raises(ExportError, match="is not a Word document"):
        write_docx(build_minutes(load_meeting(COMMUNE_SAMPLE)), ExportOptions(reference_doc=path))


def test_a_missing_reference_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError, match="does not exist"):
        write_docx(build_minutes(load_meeting(COMMUNE_SAMPLE)), ExportOptions(reference_doc=tmp_path / "none.docx"))


def test_cli_exports_minutes_and_reports_a_bad_reference(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    output = tmp_path / "bien-ban.docx"
    assert run_cli(["export", str(COMMUNE_SAMPLE), "--kind", "minutes", "--output", str(output)]) == 0
    assert docx.Document(str(output)).tables[0].rows[1].cells[0].text == "Số: 05/BB-UBND"
    bad = tmp_path / "bad.docx"
    bad.write_text("hello", encoding="utf-8")
    capsys.readouterr()
    status = run_cli(["export", str(COMMUNE_SAMPLE), "--kind", "minutes", "--output", str(tmp_path / "x.docx"),
                      "--reference-doc", str(bad)])
    assert status == 0  # the built-in reference stands in, and the user is told why
    err = capsys.readouterr().err
    assert "bad.docx" in err and "is not a Word document" in err
    assert "The built-in reference document was used instead." in err
    assert abs(docx.Document(str(tmp_path / "x.docx")).sections[0].left_margin.mm - 30) < 0.1
