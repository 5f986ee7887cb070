"""An office's reference DOCX is a file from outside: bounded before it is read, stripped after.

The reference gives the look of every export (styles, numbering, page set-up, header and footer with
their embedded images, theme, fonts table). Anything else it carries would travel inside every exported
document that is then emailed: an attached template on a network share, external images, links and OLE
objects (which make Word fetch a URL or a UNC path when the document opens), macros, custom properties,
comments, glossary entries, fields that include other files. ``strip_reference`` drops all of that and
says what it dropped; ``read_reference`` refuses a ZIP bomb before python-docx expands it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from ..errors import ReferenceDocError
from ..l10n.i18n import gettext as _
from ..safe_io import FileTooLarge, NotARegularFile, read_regular

MAX_FILE_BYTES = 20 * 1024 * 1024  # a reference with a logo or two is well under 1 MB
MAX_EXPANDED_BYTES = 64 * 1024 * 1024  # all members, uncompressed
MAX_MEMBERS = 1000

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# Relationship types (the last part of the URI) kept from the main document part...
_DOCUMENT_KEEPS = frozenset({"styles", "numbering", "settings", "theme", "fontTable", "header", "footer"})
# ...and from the parts it keeps: their embedded images and fonts, nothing else.
_PART_KEEPS = frozenset({"image", "font"})
_PACKAGE_KEEPS = frozenset({"officeDocument", "core-properties"})
# Dropped without a word: Word writes them into every file and they say nothing about the office.
_ORDINARY = frozenset({"extended-properties", "webSettings", "stylesWithEffects", "thumbnail", "footnotes",
                       "endnotes", "printerSettings"})
# Elements that mean nothing without the relationship they name: removed with it.
_DEPENDENT_ELEMENTS = frozenset({"OLEObject", "control", "hlinkClick", "hlinkHover", "hlinkMouseOver", "altChunk",
                                 "subDoc", "attachedTemplate", "embedRegular", "embedBold", "embedItalic",
                                 "embedBoldItalic", "headerReference", "footerReference", "printerSettings",
                                 "contentPart", "chart", "relIds"})  # (these last: r:id is required)
# Settings that point outside the document or carry data of their own.
_DROPPED_SETTINGS = ("attachedTemplate", "mailMerge", "docVars", "documentProtection", "writeProtection",
                     "footnotePr", "endnotePr", "saveThroughXslt", "attachedSchema")
# Fields a header or footer may keep; others (INCLUDEPICTURE, INCLUDETEXT, HYPERLINK, DDE…) fetch or link.
_SAFE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "DATE", "TIME", "STYLEREF", "TITLE"})
# Tracked changes in a kept part would show in every export, with their authors' names: accepted. Insertions
# keep their content; deletions, and the former properties a change records, go with theirs.
_ACCEPTED = frozenset({"ins", "moveTo"})
_REJECTED = frozenset({"del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
                       "trPrChange", "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel",
                       "cellMerge", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
                       "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
                       "customXmlDelRangeEnd"})
# Anchors of the comments, which are not passed on: a reference to a comment that is not there.
_COMMENT_ANCHORS = frozenset({"commentRangeStart", "commentRangeEnd", "commentReference"})
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def read_reference(path: Path) -> bytes:
    """The bytes of the reference: a regular file (never a FIFO or a device, which would hang or never end)
    within the size limit, whose ZIP would not expand too far; ReferenceDocError otherwise, in one sentence."""
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise ReferenceDocError(_("The reference document \"{path}\" does not exist.").format(path=path)) from None
    except FileTooLarge as error:
        raise ReferenceDocError(_("The reference document \"{path}\" is too large ({size} MB; the limit is "
                                  "{limit} MB).").format(path=path, size=_mb(error.size),
                                                         limit=_mb(MAX_FILE_BYTES))) from None
    except NotARegularFile:
        raise ReferenceDocError(_("The reference document \"{path}\" is not a regular file (a folder, a device or "
                                  "a pipe).").format(path=path)) from None
    except OSError as error:
        raise ReferenceDocError(_("The reference document \"{path}\" cannot be read: {reason}").format(
            path=path, reason=error.strerror or type(error).__name__)) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        # zipfile's reason ("File is not a zip file") says nothing more to a secretary.
        raise ReferenceDocError(_("The reference document \"{path}\" is not a Word document (.docx).").format(
            path=path)) from None
    expanded = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or expanded > MAX_EXPANDED_BYTES:
        raise ReferenceDocError(_("The reference document \"{path}\" would expand to {size} MB in {count} parts "
                                  "(the limit is {limit} MB in {most} parts).").format(
            path=path, size=_mb(expanded), count=len(members), limit=_mb(MAX_EXPANDED_BYTES), most=MAX_MEMBERS))
    return data


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


def strip_reference(document: DocxDocument) -> list[str]:
    """Keep only what the look needs; returns what was dropped, in words, for one line to the user."""
    dropped: list[str] = []
    package = document.part.package
    _keep_relationships(package.rels, _PACKAGE_KEEPS, dropped)
    _clear_core_properties(document)
    _clean_part(document.part, _DOCUMENT_KEEPS, dropped)
    for rel in list(document.part.rels.values()):  # what is left: styles, settings, headers, theme…
        if rel.target_part is not document.part:
            _clean_part(rel.target_part, _PART_KEEPS, dropped)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    settings = document.settings.element
    for name in _DROPPED_SETTINGS:
        for element in settings.findall(qn(f"w:{name}")):
            settings.remove(element)
            dropped.append(_describe_setting(name))
    return _unique(dropped)


def _keep_relationships(rels: object, keep: frozenset[str], dropped: list[str]) -> set[str]:
    """Drop every relationship that is external or of a type not in ``keep``; the ids that stay."""
    kept = set()
    for rid, rel in list(rels.items()):  # type: ignore[attr-defined]
        kind = rel.reltype.rsplit("/", 1)[-1]
        if rel.is_external or kind not in keep:
            rels.pop(rid)  # type: ignore[attr-defined]
            if rel.is_external or kind not in _ORDINARY:
                dropped.append(_describe(kind, rel.is_external))
        else:
            kept.add(rid)
    return kept


def _clean_part(part: Part, keep: frozenset[str], dropped: list[str]) -> None:
    kept = _keep_relationships(part.rels, keep, dropped)
    if isinstance(part, XmlPart):
        _clean_xml(part.element, kept, dropped)
    elif part.content_type.endswith("xml"):  # the theme: python-docx keeps it as bytes
        try:
            root = parse_xml(part.blob)
        except etree.XMLSyntaxError:
            return
        if _clean_xml(root, kept, dropped):
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clean_xml(root: etree._Element, kept: set[str], dropped: list[str]) -> bool:
    """Remove references to dropped relationships and fields that fetch; whether anything changed."""
    changed = False
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        for attribute, value in list(element.attrib.items()):
            if not attribute.startswith(f"{{{_R_NS}}}") or value in kept:
                continue
            changed = True
            parent = element.getparent()
            if etree.QName(element).localname in _DEPENDENT_ELEMENTS and parent is not None:
                parent.remove(element)
                break
            del element.attrib[attribute]
    changed |= _clean_fields(root, dropped)
    changed |= _accept_revisions(root, dropped)
    return changed


def _clean_fields(root: etree._Element, dropped: list[str]) -> bool:
    """Remove whole every field that fetches or links, its last result too (the text of the file it
    included, say): what ``w:fldSimple`` holds, and a complex field from its begin to its end mark."""
    unsafe: list[etree._Element] = [field for field in root.iter(qn("w:fldSimple"))
                                    if not _safe_field(field.get(qn("w:instr"), ""))]
    open_fields: list[tuple[list[str], list[etree._Element]]] = []  # (instruction parts, runs) of fields begun
    for run in root.iter(qn("w:r")):
        for _parts, runs in open_fields:
            runs.append(run)
        mark = run.find(qn("w:fldChar"))
        kind = mark.get(qn("w:fldCharType")) if mark is not None else None
        if kind == "begin":
            open_fields.append(([], [run]))
        elif kind == "end" and open_fields:
            parts, runs = open_fields.pop()
            if not _safe_field("".join(parts)):
                unsafe.extend(runs)
        for instruction in run.findall(qn("w:instrText")):
            if open_fields:
                open_fields[-1][0].append(instruction.text or "")
            elif not _safe_field(instruction.text or ""):
                instruction.text = ""  # an instruction outside any field: emptied
                unsafe.append(instruction)
    for parts, runs in open_fields:  # a field never ended: its instruction is judged as it stands
        if not _safe_field("".join(parts)):
            unsafe.extend(runs)
    for element in unsafe:
        parent = element.getparent()
        if parent is not None and element.tag != qn("w:instrText"):
            parent.remove(element)
    if unsafe:
        dropped.append(_("fields that fetch or link"))
    return bool(unsafe)


def _accept_revisions(root: etree._Element, dropped: list[str]) -> bool:
    """Accept the tracked changes of a part and remove the anchors of its comments."""
    found = False
    for element in list(root.iter(*(f"{{{_W_NS}}}{name}" for name in _ACCEPTED | _REJECTED | _COMMENT_ANCHORS))):
        parent = element.getparent()
        if parent is None:
            continue
        name = etree.QName(element).localname
        if name in _ACCEPTED:
            position = parent.index(element)
            parent[position:position + 1] = list(element)  # its content stays, in its place
        else:
            parent.remove(element)
        if name not in _COMMENT_ANCHORS:
            found = True
    if found:
        dropped.append(_("the marks of tracked changes and their authors (the changes were accepted)"))
    return found


def _safe_field(instruction: str) -> bool:
    words = instruction.split()
    return not words or words[0].upper() in _SAFE_FIELDS


def _clear_core_properties(document: DocxDocument) -> None:
    """The exporter sets title, author and dates; nothing else of the office's file goes out."""
    properties = document.core_properties
    for name in ("category", "comments", "content_status", "identifier", "keywords", "subject", "version"):
        setattr(properties, name, "")


def _describe(kind: str, external: bool) -> str:
    if external and kind != "attachedTemplate":
        return _("links to outside files or addresses")
    return {
        "vbaProject": _("macros"),
        "custom-properties": _("custom properties"),
        "comments": _("comments"),
        "attachedTemplate": _("the attached template"),
        "glossaryDocument": _("building blocks"),
        "customXml": _("custom XML data"),
        "oleObject": _("embedded objects"),
        "package": _("embedded objects"),
        "control": _("embedded objects"),
    }.get(kind, _("other parts ({kind})").format(kind=kind))


def _describe_setting(name: str) -> str:
    return {
        "attachedTemplate": _("the attached template"),
        "mailMerge": _("a mail merge data source"),
        "docVars": _("document variables"),
    }.get(name, _("settings ({name})").format(name=name))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
