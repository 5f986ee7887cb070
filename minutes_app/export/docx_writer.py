"""The DOCX writer: any intermediate Document → Word bytes, on the reference DOCX's styles and page.

Paragraphs, runs and table cells are WordprocessingML elements made with lxml as copies of small
cached prototypes, each finished before it joins the document: python-docx's ``add_row`` and
``add_paragraph`` re-walk the tree on every call and would make a large minutes several times slower.
python-docx opens the reference and provides the package's parts. The writer knows block types, not
document kinds: the minutes, the notice and the news all go through it.

Looks come from named styles of the reference (``reference_doc.STYLE_*``); the writer adds only what
depends on the content: the length of rules, column widths scaled to the page, alignment per column.
Output is deterministic: the same Document gives the same bytes (timestamps pinned, no random ids).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable, Sequence

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Emu, Mm
from lxml import etree

from . import reference_doc as ref
from .document import (
    Align,
    Block,
    Cell,
    Document,
    Heading,
    LabelledLine,
    Letterhead,
    Paragraph,
    Recipients,
    Run,
    Signatory,
    SignatureBlock,
    Table,
    Title,
    clean_text,
)
from .options import ExportOptions
from .text_metrics import text_width_mm

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TWIPS_PER_MM = 1440 / 25.4

# Tags, resolved once: the table builders create thousands of elements.
_P, _PPR, _PSTYLE, _JC, _IND, _KEEP_NEXT, _SPACING = (qn(t) for t in (
    "w:p", "w:pPr", "w:pStyle", "w:jc", "w:ind", "w:keepNext", "w:spacing"))
_R, _RPR, _B, _BCS, _I, _ICS, _T, _BR, _TAB = (qn(t) for t in (
    "w:r", "w:rPr", "w:b", "w:bCs", "w:i", "w:iCs", "w:t", "w:br", "w:tab"))
_TBL, _TBLPR, _TBLSTYLE, _TBLW, _TBLLAYOUT, _TBLLOOK, _TBLGRID, _GRIDCOL = (qn(t) for t in (
    "w:tbl", "w:tblPr", "w:tblStyle", "w:tblW", "w:tblLayout", "w:tblLook", "w:tblGrid", "w:gridCol"))
_TR, _TRPR, _TBLHEADER, _CANTSPLIT, _TC, _TCPR, _TCW, _GRIDSPAN = (qn(t) for t in (
    "w:tr", "w:trPr", "w:tblHeader", "w:cantSplit", "w:tc", "w:tcPr", "w:tcW", "w:gridSpan"))
_VAL, _W, _TYPE = qn("w:val"), qn("w:w"), qn("w:type")
_JC_VALUES = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}

def write_docx(document: Document, options: ExportOptions | None = None) -> bytes:
    """The DOCX bytes of ``document`` on the reference DOCX of ``options`` (the built-in one by default)."""
    target = ref.open_reference((options or ExportOptions()).reference_doc)
    _DocxBuilder(target, document).build()
    _set_properties(target, document)
    return ref.package_bytes(target, document.created or ref.PINNED_TIME)


def _set_properties(target: DocxDocument, document: Document) -> None:
    properties = target.core_properties
    # Word limits these properties to 255 characters.
    properties.title = clean_text(document.title)[:255]
    properties.author = properties.last_modified_by = clean_text(document.author)[:255] or "Thư Ký"
    properties.subject = properties.keywords = properties.comments = ""
    properties.revision = 1
    properties.created = properties.modified = document.created or ref.PINNED_TIME
    properties.language = "vi-VN" if document.language == "vi" else "en-GB"


class _DocxBuilder:
    """Appends the blocks of one Document to the (emptied) body of the reference."""

    def __init__(self, target: DocxDocument, document: Document):
        self.target, self.document = target, document
        self.style_ids = self._ensure_styles()
        self._fonts: dict[str, tuple[float, bool]] = {}
        self.body = target.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        section = target.sections[-1]
        if document.landscape:
            _turn_landscape(section)
        # A reference without a page size or margins gets the NĐ 30 ones.
        page_width = section.page_width or Mm(ref.PAGE_WIDTH)
        left = section.left_margin if section.left_margin is not None else Mm(ref.MARGIN_LEFT)
        right = section.right_margin if section.right_margin is not None else Mm(ref.MARGIN_RIGHT)
        usable = page_width - left - right
        self.text_width = round(Emu(usable).mm * TWIPS_PER_MM)  # twips

    # --- set-up -------------------------------------------------------------------------------------
    def _ensure_styles(self) -> dict[str, str]:
        """Style name → id in the target, copying built-in definitions of the styles it lacks."""
        styles = self.target.styles.element
        ids: dict[str, str] = {}
        for element in styles.iterfind(qn("w:style")):
            name = element.find(qn("w:name"))
            if name is not None:
                ids[name.get(_VAL)] = element.get(qn("w:styleId"))
        taken = set(ids.values())
        for name, element in ref.builtin_styles().items():
            if name in ids:
                continue
            element = copy.deepcopy(element)
            style_id = element.get(qn("w:styleId"))
            while style_id in taken:  # a foreign style already uses the id: pick a free one
                style_id += "X"
            element.set(qn("w:styleId"), style_id)
            styles.append(element)
            ids[name], taken = style_id, taken | {style_id}
        self._set_language(styles)
        return ids

    def _set_language(self, styles: etree._Element) -> None:
        lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        if lang is not None:
            lang.set(_VAL, "vi-VN" if self.document.language == "vi" else "en-GB")

    def _size_and_bold(self, style_name: str) -> tuple[float, bool]:
        """Font size (pt) and boldness of a style, following its base styles (python-docx looks styles
        up by walking them all, so the answer is kept)."""
        if style_name not in self._fonts:
            self._fonts[style_name] = self._lookup_size_and_bold(style_name)
        return self._fonts[style_name]

    def _lookup_size_and_bold(self, style_name: str) -> tuple[float, bool]:
        size, bold = None, None
        style = self.target.styles[style_name] if style_name in self.target.styles else None  # noqa: SIM401
        while style is not None and (size is None or bold is None):
            size = size if size is not None else style.font.size
            bold = bold if bold is not None else style.font.bold
            style = style.base_style
        return (size.pt if size else 14.0), bool(bold)

    def build(self) -> None:
        for child in list(self.body):
            if child is not self.sect_pr:
                self.body.remove(child)
        if not self.document.page_numbers and self.sect_pr is not None:
            for reference in self.sect_pr.findall(qn("w:headerReference")):
                if reference.get(qn("w:type")) == "default":
                    self.sect_pr.remove(reference)
        # Blocks are appended to the body finished; the section properties go back to the end after.
        if self.sect_pr is not None:
            self.body.remove(self.sect_pr)
        blocks = self.document.blocks
        index = 0
        while index < len(blocks):
            block = blocks[index]
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, SignatureBlock) and isinstance(following, Recipients) and block.recipients is None:
                # "Nơi nhận" below the signatures goes into the signature row's left cell: one row
                # cannot split, so the list never lands alone on a page of its own.
                self._signatures(self.body, block, trailing=following)
                index += 2
                continue
            keep = isinstance(following, (SignatureBlock, Table))
            self._block(self.body, block, keep_next=keep)
            index += 1
        if not len(self.body):
            self._paragraph(self.body, "Normal", [])
        if self.sect_pr is not None:
            self.body.append(self.sect_pr)

    # --- blocks -------------------------------------------------------------------------------------
    def _block(self, parent: etree._Element, block: Block, keep_next: bool = False) -> None:
        if isinstance(block, Paragraph):
            prefix = [Run("- ")] if block.bullet else []
            self._paragraph(parent, "Normal", prefix + block.runs, align=block.align,
                            first_line=None if block.indent_first_line else 0, keep_next=keep_next)
        elif isinstance(block, LabelledLine):
            runs = [Run(f"{block.label}:" + (" " if block.text else ""), bold=True), Run(block.text)]
            self._paragraph(parent, "Normal", runs, keep_next=keep_next or not block.text)
        elif isinstance(block, Heading):
            style = ref.STYLE_HEADING_1 if block.level <= 1 else ref.STYLE_HEADING_2
            self._paragraph(parent, style, [Run(block.text)])
        elif isinstance(block, Title):
            self._title(parent, block)
        elif isinstance(block, Table):
            self._table(parent, block)
        elif isinstance(block, Letterhead):
            self._letterhead(parent, block)
        elif isinstance(block, SignatureBlock):
            self._signatures(parent, block)
        elif isinstance(block, Recipients):
            self._recipients(parent, block)
        else:
            raise TypeError(f"unknown block {type(block).__name__}")

    def _title(self, parent: etree._Element, title: Title) -> None:
        last = self._paragraph(parent, ref.STYLE_TITLE, [Run(title.text)])
        if title.subject:
            last = self._paragraph(parent, ref.STYLE_SUBJECT, [Run(title.subject)])
        if not title.rule:
            _set_space_after(last, "240")  # the body starts a line below
        else:
            # 1/3 of the subject's longest line (a long subject wraps at the text width).
            size, bold = self._size_and_bold(ref.STYLE_SUBJECT)
            widest = max((text_width_mm(line, size, bold) for line in (title.subject or title.text).split("\n")),
                         default=0.0)
            line = min(widest * TWIPS_PER_MM, self.text_width)
            rule = self._rule(parent, self.text_width, max(line / 3, 20 * TWIPS_PER_MM))
            _set_space_after(rule, "240")  # the body starts a line below the rule

    def _letterhead(self, parent: etree._Element, head: Letterhead) -> None:
        left, right = self._scale([67.5, 100])
        margin = 2 * 85  # the layout table's cell margins (twips), as in the reference
        table = self._table_element(ref.STYLE_LAYOUT_TABLE, [left, right])
        top_left, top_right = self._row(table, [left, right], cant_split=True)
        if head.parent_agency.strip():
            self._paragraph(top_left, ref.STYLE_PARENT, [Run(head.parent_agency)])
        if head.agency.strip():
            self._paragraph(top_left, ref.STYLE_AGENCY, [Run(head.agency)])
            size, bold = self._size_and_bold(ref.STYLE_AGENCY)
            widest = max(text_width_mm(line, size, bold) for line in clean_text(head.agency).split("\n"))
            self._rule(top_left, left - margin, widest * TWIPS_PER_MM * 0.4)  # 1/3–1/2 of the name
        if head.motto.strip():
            self._paragraph(top_right, ref.STYLE_MOTTO, [Run(head.motto)])
        if head.slogan.strip():
            self._paragraph(top_right, ref.STYLE_SLOGAN, [Run(head.slogan)])
            size, bold = self._size_and_bold(ref.STYLE_SLOGAN)
            self._rule(top_right, right - margin, text_width_mm(clean_text(head.slogan), size, bold) * TWIPS_PER_MM)
        bottom_left, bottom_right = self._row(table, [left, right], cant_split=True)
        if head.number_line:
            self._paragraph(bottom_left, ref.STYLE_NUMBER, [Run(head.number_line)])
        if head.place_date:
            self._paragraph(bottom_right, ref.STYLE_PLACE_DATE, [Run(head.place_date)])
        _fill_empty_cells(table)
        parent.append(table)

    def _signatures(self, parent: etree._Element, block: SignatureBlock, trailing: Recipients | None = None) -> None:
        if block.recipients is not None:
            widths = self._scale([45, 55])
            table = self._table_element(ref.STYLE_LAYOUT_TABLE, widths)
            left, right = self._row(table, widths, cant_split=True)
            self._recipients(left, block.recipients, first=True)
            for signatory in block.signatories:
                self._signatory(right, signatory)
        else:
            widths = self._scale([1] * max(len(block.signatories), 1))
            table = self._table_element(ref.STYLE_LAYOUT_TABLE, widths)
            cells = self._row(table, widths, cant_split=True)
            for cell, signatory in zip(cells, block.signatories, strict=False):
                self._signatory(cell, signatory)
            if trailing is not None:
                self._recipients(cells[0], trailing, outdent=True)
        _fill_empty_cells(table)
        parent.append(table)

    def _signatory(self, parent: etree._Element, signatory: Signatory) -> None:
        for title in signatory.titles:
            self._paragraph(parent, ref.STYLE_SIGNATURE_TITLE, [Run(title)])
        if signatory.note:
            self._paragraph(parent, ref.STYLE_SIGNATURE_NOTE, [Run(signatory.note)])
        self._paragraph(parent, ref.STYLE_SIGNATURE_NAME, [Run(signatory.name)])

    def _recipients(self, parent: etree._Element, block: Recipients, first: bool = False,
                    outdent: bool = False) -> None:
        """``first``: at the top of a signature row, level with the signer's title. ``outdent``: in the
        left cell of the signature row, pulled back over the cell margin to stand flush left."""
        indent = (-85, 0) if outdent else None
        self._paragraph(parent, ref.STYLE_RECIPIENTS_HEADING, [Run(block.heading)],
                        space_before="0" if first else None, indent=indent)
        last = len(block.lines) - 1  # the list stays in one piece
        for index, line in enumerate(block.lines):
            self._paragraph(parent, ref.STYLE_RECIPIENT, [Run(line)], keep_next=index < last, indent=indent)

    def _table(self, parent: etree._Element, table: Table) -> None:
        if table.caption:
            self._paragraph(parent, ref.STYLE_CAPTION, [Run(table.caption)])
        widths = self._fit_words(table, self._scale([c.width_mm for c in table.columns]))
        tbl = self._table_element(ref.STYLE_DATA_TABLE, widths)
        heading_id, text_id, group_id = (self.style_ids[n] for n in (
            ref.STYLE_TABLE_HEADING, ref.STYLE_TABLE_TEXT, ref.STYLE_TABLE_GROUP))
        cells = self._row(tbl, widths, cant_split=True, header=True)  # repeated on every page
        for cell, column in zip(cells, table.columns, strict=False):
            _paragraph_by_id(cell, heading_id, [Run(column.title)])
        # left is the style's own
        aligns: list[str | None] = [None if c.align is Align.LEFT else _JC_VALUES[c.align] for c in table.columns]
        total = [sum(widths)]
        for row in table.rows:
            # Rows do not split across pages; a sector heading keeps with its first row (Word).
            if row.group:
                (cell,) = self._row(tbl, total, span=len(widths), cant_split=True)
                _paragraph_by_id(cell, group_id, _runs(row.cells[0] if row.cells else ""), keep_next=True)
                continue
            values = list(row.cells) + [""] * (len(widths) - len(row.cells))
            for cell, value, align in zip(self._row(tbl, widths, cant_split=True), values, aligns, strict=False):
                _paragraph_by_id(cell, text_id, _runs(value), align)
        parent.append(tbl)
        self._gap(parent)

    def _fit_words(self, table: Table, widths: list[int]) -> list[int]:
        """Widen columns whose longest word would not fit (Word and LibreOffice would cut it in two),
        taking the room from the columns that have some to spare."""
        heading_size, _bold = self._size_and_bold(ref.STYLE_TABLE_HEADING)
        text_size, _bold = self._size_and_bold(ref.STYLE_TABLE_TEXT)
        margin = 2 * 85 + 30  # cell margins and a little slack, twips
        needed = []
        for index, column in enumerate(table.columns):
            longest = max((text_width_mm(word, heading_size, True) for word in column.title.split()), default=0.0)
            # The longest word of each cell by letters stands for the cell (widths follow length closely).
            words = {max(text.split(), key=len) for row in table.rows if not row.group and index < len(row.cells)
                     for text in _texts(row.cells[index]) if text.strip()}
            longest = max([longest] + [text_width_mm(word, text_size) for word in words])
            needed.append(int(longest * TWIPS_PER_MM) + margin)
        short = sum(max(n - w, 0) for n, w in zip(needed, widths, strict=False))
        spare = sum(max(w - n, 0) for n, w in zip(needed, widths, strict=False))
        if not short or spare < short:
            return widths
        fitted = [max(w, n) if n > w else w - int((w - n) * short / spare)
                  for n, w in zip(needed, widths, strict=False)]
        fitted[0] += sum(widths) - sum(fitted)
        return fitted

    # --- elements -----------------------------------------------------------------------------------
    def _scale(self, proportions: Sequence[float]) -> list[int]:
        """Column widths in twips: the proportions stretched to the text width."""
        total = sum(proportions) or 1
        widths = [int(self.text_width * p / total) for p in proportions]
        widths[-1] += self.text_width - sum(widths)
        return widths

    def _table_element(self, style_name: str, widths: Sequence[int]) -> etree._Element:
        """An empty table, detached: the caller fills it and then appends it."""
        tbl = etree.Element(_TBL)
        pr = etree.SubElement(tbl, _TBLPR)
        etree.SubElement(pr, _TBLSTYLE, {_VAL: self.style_ids[style_name]})
        etree.SubElement(pr, _TBLW, {_W: str(sum(widths)), _TYPE: "dxa"})
        etree.SubElement(pr, _TBLLAYOUT, {_TYPE: "fixed"})
        etree.SubElement(pr, _TBLLOOK, {_VAL: "0000", qn("w:firstRow"): "0", qn("w:lastRow"): "0",
                                        qn("w:firstColumn"): "0", qn("w:lastColumn"): "0",
                                        qn("w:noHBand"): "1", qn("w:noVBand"): "1"})
        grid = etree.SubElement(tbl, _TBLGRID)
        for width in widths:
            etree.SubElement(grid, _GRIDCOL, {_W: str(width)})
        return tbl

    @staticmethod
    def _row(tbl: etree._Element, widths: Sequence[int], cant_split: bool = False, header: bool = False,
             span: int = 1) -> list[etree._Element]:
        """A row of empty cells (w:tc), which the caller fills with at least one paragraph each."""
        tr = etree.SubElement(tbl, _TR)
        if cant_split or header:
            tr_pr = etree.SubElement(tr, _TRPR)
            if cant_split:
                etree.SubElement(tr_pr, _CANTSPLIT)
            if header:
                etree.SubElement(tr_pr, _TBLHEADER)
        cells = []
        for width in widths:
            key = (width, span)
            prototype = _PROTOTYPES.cells.get(key)
            if prototype is None:
                prototype = _PROTOTYPES.cells[key] = etree.Element(_TC)
                tc_pr = etree.SubElement(prototype, _TCPR)
                etree.SubElement(tc_pr, _TCW, {_W: str(width), _TYPE: "dxa"})
                if span > 1:
                    etree.SubElement(tc_pr, _GRIDSPAN, {_VAL: str(span)})
            tc = prototype.__copy__()
            tr.append(tc)
            cells.append(tc)
        return cells

    def _rule(self, parent: etree._Element, available: float, length: float) -> etree._Element:
        """A centred rule ``length`` twips long in a column ``available`` twips wide."""
        side = max(int((available - min(length, available)) / 2), 0)
        return self._paragraph(parent, ref.STYLE_RULE, [], indent=(side, side))

    @staticmethod
    def _gap(parent: etree._Element) -> None:
        """A 6 pt empty line after a table (the next paragraph would touch its bottom border)."""
        _paragraph_by_id(parent, "Normal", [], spacing=("0", "0", "120"))

    def _paragraph(self, parent: etree._Element, style_name: str, runs: Iterable[Run], align: Align | None = None,
                   first_line: int | None = None, keep_next: bool = False,
                   indent: tuple[int, int] | None = None, space_before: str | None = None) -> etree._Element:
        ind = None
        if indent is not None or first_line is not None:
            ind = {qn("w:firstLine"): str(first_line or 0)}
            if indent is not None:
                ind.update({qn("w:left"): str(indent[0]), qn("w:right"): str(indent[1])})
        return _paragraph_by_id(
            parent, self.style_ids.get(style_name, style_name), runs,
            _JC_VALUES[align] if align and align is not Align.JUSTIFY else None,
            keep_next=keep_next, ind=ind, spacing=(space_before, None, None) if space_before else None)


def _paragraph_by_id(parent: etree._Element, style_id: str, runs: Iterable[Run], jc: str | None = None,
                     keep_next: bool = False, ind: dict[str, str] | None = None,
                     spacing: tuple[str | None, str | None, str | None] | None = None) -> etree._Element:
    """A w:p appended to ``parent``: a copy of a cached empty paragraph with these properties (copying
    a finished subtree is several times faster than building it element by element), then the runs."""
    key = (style_id, jc, keep_next, tuple(sorted(ind.items())) if ind else None, spacing)
    prototype = _PROTOTYPES.paragraphs.get(key)
    if prototype is None:
        prototype = _PROTOTYPES.paragraphs[key] = _empty_paragraph(style_id, jc, keep_next, ind, spacing)
    p = prototype.__copy__()
    for run in runs:
        _append_run(p, run)
    parent.append(p)  # appended finished: building inside python-docx's tree would make proxies
    return p


class _Prototypes(threading.local):
    """Empty paragraphs, runs and cells to copy, per thread (lxml trees are not shared between
    threads: the preview and an export may run at the same time)."""

    def __init__(self) -> None:
        self.paragraphs: dict[tuple[object, ...], etree._Element] = {}
        self.runs: dict[tuple[bool, bool], etree._Element] = {}
        self.cells: dict[tuple[int, int], etree._Element] = {}


_PROTOTYPES = _Prototypes()


def _empty_paragraph(style_id: str, jc: str | None, keep_next: bool, ind: dict[str, str] | None,
                     spacing: tuple[str | None, str | None, str | None] | None) -> etree._Element:
    """The pPr children in the order the schema requires (Word rejects any other)."""
    p = etree.Element(_P)
    ppr = etree.SubElement(p, _PPR)
    if style_id != "Normal":
        etree.SubElement(ppr, _PSTYLE, {_VAL: style_id})
    if keep_next:
        etree.SubElement(ppr, _KEEP_NEXT)
    if spacing is not None:
        before, after, line = spacing
        attrs = {}
        if before is not None:
            attrs[qn("w:before")] = before
        if after is not None:
            attrs[qn("w:after")] = after
        if line is not None:
            attrs.update({qn("w:line"): line, qn("w:lineRule"): "exact"})
        etree.SubElement(ppr, _SPACING, attrs)
    if ind is not None:
        etree.SubElement(ppr, _IND, ind)
    if jc:
        etree.SubElement(ppr, _JC, {_VAL: jc})
    return p


def _run_prototype(bold: bool, italic: bool) -> etree._Element:
    r = etree.Element(_R)
    if bold or italic:
        rpr = etree.SubElement(r, _RPR)
        if bold:
            etree.SubElement(rpr, _B)
            etree.SubElement(rpr, _BCS)
        if italic:
            etree.SubElement(rpr, _I)
            etree.SubElement(rpr, _ICS)
    return r


def _turn_landscape(section: Section) -> None:
    """The reference's page turned on its side, wider than tall; its margins are kept as they are."""
    width = section.page_width or Mm(ref.PAGE_WIDTH)
    height = section.page_height or Mm(ref.PAGE_HEIGHT)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = max(width, height), min(width, height)


def _fill_empty_cells(table: etree._Element) -> None:
    """Every cell needs a paragraph, even an empty one."""
    for tc in table.iter(_TC):
        if tc.find(_P) is None:
            etree.SubElement(tc, _P)


def _set_space_after(p: etree._Element, after: str) -> None:
    ppr = p[0]
    spacing = ppr.find(_SPACING)
    if spacing is None:
        spacing = etree.Element(_SPACING)
        anchor = ppr.find(_IND) if ppr.find(_IND) is not None else ppr.find(_JC)
        if anchor is not None:
            anchor.addprevious(spacing)
        else:
            ppr.append(spacing)
    spacing.set(qn("w:after"), after)


def _texts(cell: Cell) -> list[str]:
    return [cell] if isinstance(cell, str) else [run.text for run in cell]


def _runs(cell: Cell) -> list[Run]:
    return [Run(cell)] if isinstance(cell, str) else list(cell)


def _append_run(p: etree._Element, run: Run) -> None:
    text = clean_text(run.text)
    if not text:
        return
    key = (run.bold, run.italic)
    prototype = _PROTOTYPES.runs.get(key)
    if prototype is None:
        prototype = _PROTOTYPES.runs[key] = _run_prototype(run.bold, run.italic)
    r = prototype.__copy__()
    if "\n" not in text and "\t" not in text:  # the common case: one w:t
        _add_text(r, text)
    else:
        for index, line in enumerate(text.split("\n")):
            if index:
                etree.SubElement(r, _BR)
            for part_index, part in enumerate(line.split("\t")):
                if part_index:
                    etree.SubElement(r, _TAB)
                if part:
                    _add_text(r, part)
    p.append(r)


def _add_text(r: etree._Element, text: str) -> None:
    t = etree.SubElement(r, _T)
    t.text = text
    if text[0] == " " or text[-1] == " " or "  " in text:
        t.set(XML_SPACE, "preserve")


__all__ = ["clean_text", "write_docx"]
