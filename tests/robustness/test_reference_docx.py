"""Issue 15, cases 2 and 9: an office's reference DOCX passes on its look and nothing else, and a DOCX
bomb is refused before it is expanded."""

from __future__ import annotations

import io
import re
import struct
import warnings
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from robustness.bounded import run_bounded
from support import COMMUNE_SAMPLE

from minutes_app.errors import FallbackWarning
from minutes_app.export import ExportOptions, export_meeting
from minutes_app.export.reference_doc import default_reference_path
from minutes_app.storage import load_meeting

UNC = "file://\\\\fileserver\\share\\templates\\t.dotm"
SECRET = "Ghi chú nội bộ: không gửi ra ngoài"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def hostile_reference(path: Path) -> Path:
    """The built-in reference with a bigger Normal font (the look), plus everything that must not travel."""
    document = docx.Document(str(default_reference_path()))
    package = document.part.package
    document.styles["Normal"].font.size = Pt(13.5)
    document.add_paragraph(SECRET)  # the body of a reference is never used
    # An attached template on a network share, and document variables.
    settings = document.part._settings_part
    rid = settings.relate_to(UNC, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                  "attachedTemplate", is_external=True)
    settings.element.append(parse_xml(f'<w:attachedTemplate {nsdecls("w", "r")} r:id="{rid}"/>'))
    settings.element.append(parse_xml(f'<w:docVars {nsdecls("w")}><w:docVar w:name="note" w:val="{SECRET}"/>'
                                      '</w:docVars>'))
    # Macros, custom properties, comments.
    vba = Part(PackURI("/word/vbaProject.bin"), "application/vnd.ms-office.vbaProject", b"VBA" * 100, package)
    document.part.relate_to(vba, "http://schemas.microsoft.com/office/2006/relationships/vbaProject")
    custom = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, (
        '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument'
        '/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="Ghi chú"><vt:lpwstr>{SECRET}'
        '</vt:lpwstr></property></Properties>').encode(), package)
    package.relate_to(custom, RT.CUSTOM_PROPERTIES)
    comments = Part(PackURI("/word/comments.xml"), CT.WML_COMMENTS, (
        f'<w:comments {nsdecls("w")}><w:comment w:id="0" w:author="A"><w:p><w:r><w:t>{SECRET}</w:t></w:r></w:p>'
        '</w:comment></w:comments>').encode(), package)
    document.part.relate_to(comments, RT.COMMENTS)
    # External targets from the body part: an image, a hyperlink, an OLE object.
    document.part.relate_to("http://tracker.example/pixel.png", RT.IMAGE, is_external=True)
    document.part.relate_to("\\\\fileserver\\share\\x.html", RT.HYPERLINK, is_external=True)
    document.part.relate_to("file://\\\\fileserver\\share\\o.xlsx", RT.OLE_OBJECT, is_external=True)
    # The first-page header: an embedded logo (kept), an external image, a hyperlink and a fetching field.
    header = document.sections[0].first_page_header
    header.paragraphs[0].add_run().add_picture(io.BytesIO(_png()))
    image = header.part.relate_to("http://tracker.example/header.png", RT.IMAGE, is_external=True)
    link = header.part.relate_to("http://tracker.example/", RT.HYPERLINK, is_external=True)
    header.paragraphs[0]._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{link}"><w:r><w:t>link</w:t></w:r></w:hyperlink>'))
    header.paragraphs[0]._p.append(parse_xml(
        f'<w:r {nsdecls("w", "r")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape>'
        f'<v:imagedata r:id="{image}"/></v:shape></w:pict></w:r>'))
    header.paragraphs[0]._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=\'INCLUDEPICTURE "\\\\fileserver\\share\\p.png"\'/>'))
    document.core_properties.category = SECRET
    document.save(str(path))
    return path


def _parts_and_relationships(data: bytes) -> tuple[list[str], list[tuple[str, str, str]], bytes]:
    """Every member of the package, and every relationship as (rels file, type, target)."""
    relationships = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        for name in names:
            if name.endswith(".rels"):
                for match in re.finditer(rb"<Relationship ([^>]*)/>", archive.read(name)):
                    attributes = dict(re.findall(rb'(\w+)="([^"]*)"', match.group(1)))
                    relationships.append((name, attributes[b"Type"].decode().rsplit("/", 1)[-1],
                                          attributes[b"Target"].decode()
                                          + (" (external)" if attributes.get(b"TargetMode") else "")))
        text = b"".join(archive.read(name) for name in names)
    return names, relationships, text


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list[str]]:
    folder = tmp_path_factory.mktemp("reference")
    reference = hostile_reference(folder / "office.docx")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = export_meeting(load_meeting(COMMUNE_SAMPLE), "minutes", folder / "bien-ban.docx",
                             ExportOptions(reference_doc=reference))
    return out.read_bytes(), [str(w.message) for w in caught if "left out" in str(w.message)]


def test_only_the_parts_of_the_look_are_passed_on(exported: tuple[bytes, list[str]]) -> None:
    data, _warnings = exported
    names, relationships, text = _parts_and_relationships(data)
    parts = {re.sub(r"\d+", "N", name) for name in names}
    assert parts <= {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
                     "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/numbering.xml",
                     "word/fontTable.xml", "word/theme/themeN.xml", "word/headerN.xml", "word/footerN.xml",
                     "word/_rels/headerN.xml.rels", "word/media/imageN.png"}, sorted(names)
    kinds = {kind for _rels, kind, _target in relationships}
    assert kinds <= {"officeDocument", "core-properties", "styles", "settings", "numbering", "fontTable", "theme",
                     "header", "footer", "image"}, relationships
    assert not [r for r in relationships if "(external)" in r[2]], relationships
    for leak in (SECRET.encode(), b"fileserver", b"tracker.example", b"attachedTemplate", b"docVar",
                 b"INCLUDEPICTURE", b"vbaProject"):
        assert leak not in text, leak


def test_the_look_and_the_embedded_logo_are_kept(exported: tuple[bytes, list[str]]) -> None:
    data, _warnings = exported
    result = docx.Document(io.BytesIO(data))
    assert result.styles["Normal"].font.size == Pt(13.5)
    header = result.sections[0].first_page_header
    assert [rel for rel in header.part.rels.values() if rel.reltype == RT.IMAGE and not rel.is_external]
    assert result.paragraphs  # the minutes themselves are there


def test_one_line_says_what_was_left_out(exported: tuple[bytes, list[str]]) -> None:
    _data, messages = exported
    assert len(messages) == 1 and "\n" not in messages[0]
    for what in ("office.docx", "macros", "custom properties", "comments", "attached template",
                 "links to outside files"):
        assert what in messages[0], (what, messages[0])


def test_the_built_in_reference_exports_without_a_word(tmp_path: Path, recwarn: pytest.WarningsRecorder) -> None:
    export_meeting(load_meeting(COMMUNE_SAMPLE), "minutes", tmp_path / "bb.docx",
                   ExportOptions(reference_doc=default_reference_path()))
    assert not [w for w in recwarn if issubclass(w.category, FallbackWarning)]


WORD_TRACES = "Bản nháp của Trần Văn Bí Mật"


def _reference_as_word_leaves_it(path: Path) -> Path:
    """The built-in reference as an office's Word leaves it: printer settings (Word on Windows), a header
    with a field that includes a file (its last result cached), a page number, a tracked change with its
    author and a comment's anchor."""
    document = docx.Document(str(default_reference_path()))
    printer = Part(PackURI("/word/printerSettings/printerSettings1.bin"),
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings", b"\0" * 64,
                   document.part.package)
    rid = document.part.relate_to(printer, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                           "printerSettings")
    document.sections[0]._sectPr.append(parse_xml(f'<w:printerSettings {nsdecls("w", "r")} r:id="{rid}"/>'))
    paragraph = document.sections[0].header.paragraphs[0]._p
    runs = ['<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> INCLUDE</w:instrText>',
            '<w:instrText xml:space="preserve">TEXT "\\\\fileserver\\share\\t.docx" </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>', f"<w:t>{SECRET}</w:t>", '<w:fldChar w:fldCharType="end"/>',
            '<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>', "<w:t>1</w:t>", '<w:fldChar w:fldCharType="end"/>']
    for run in runs:
        paragraph.append(parse_xml(f'<w:r {nsdecls("w")}>{run}</w:r>'))
    paragraph.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="90" w:author="{WORD_TRACES}" '
                               'w:date="2025-01-01T00:00:00Z"><w:r><w:t>Số hiệu</w:t></w:r></w:ins>'))
    paragraph.append(parse_xml(f'<w:del {nsdecls("w")} w:id="91" w:author="{WORD_TRACES}" '
                               'w:date="2025-01-01T00:00:00Z"><w:r><w:delText>bỏ đi</w:delText></w:r></w:del>'))
    paragraph.append(parse_xml(f'<w:r {nsdecls("w")}><w:commentReference w:id="0"/></w:r>'))
    document.save(str(path))
    return path


def test_what_word_leaves_in_a_reference_is_not_passed_on(tmp_path: Path) -> None:
    reference = _reference_as_word_leaves_it(tmp_path / "office.docx")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = export_meeting(load_meeting(COMMUNE_SAMPLE), "minutes", tmp_path / "bb.docx",
                             ExportOptions(reference_doc=reference))
    names, relationships, text = _parts_and_relationships(out.read_bytes())
    assert not [name for name in names if "printerSettings" in name], names
    assert b"printerSettings" not in text  # the element too: its r:id is required, and its part is gone
    for leak in (SECRET.encode(), b"INCLUDE", b"fileserver", WORD_TRACES.encode(), b"<w:ins ", b"<w:del ",
                 "bỏ đi".encode(), b"commentReference"):
        assert leak not in text, leak
    header = docx.Document(io.BytesIO(out.read_bytes())).sections[0].header.paragraphs[0]._p.xml
    assert " PAGE " in header and "Số hiệu" in header  # the page number stays, the insertion is accepted
    messages = [str(w.message) for w in caught if "left out" in str(w.message)]
    assert len(messages) == 1 and "fields that fetch" in messages[0] and "tracked changes" in messages[0], messages
    assert "printerSettings" not in messages[0]  # a part Word writes everywhere is dropped without a word


def _docx_bomb(path: Path, megabytes: int) -> Path:
    """A DOCX of about 1 MB whose document.xml expands to ``megabytes`` of valid WordprocessingML."""
    with zipfile.ZipFile(default_reference_path()) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, source.read(item))
        with out.open("word/document.xml", "w", force_zip64=True) as stream:
            stream.write(f'<w:document {nsdecls("w")}><w:body>'.encode())
            block = b"<w:p/>" * (1024 * 1024 // 6)
            for _ in range(megabytes):
                stream.write(block)
            stream.write(b"<w:sectPr/></w:body></w:document>")
    return path


@pytest.mark.slow
def test_a_docx_bomb_falls_back_at_once_with_a_reason(tmp_path: Path) -> None:
    reference = _docx_bomb(tmp_path / "bomb.docx", 600)
    assert reference.stat().st_size < 5 * 1024 * 1024
    result = run_bounded("export", COMMUNE_SAMPLE, "--kind", "minutes", "-o", tmp_path / "bb.docx",
                         "--reference-doc", reference)
    assert result.returncode == 0, result.stderr
    warning = result.stderr.strip()
    assert "\n" not in warning and "bomb.docx" in warning
    assert re.search(r"would expand to 6\d\d(\.\d)? MB .*\(the limit is 64 MB", warning), warning
    assert docx.Document(str(tmp_path / "bb.docx")).paragraphs
