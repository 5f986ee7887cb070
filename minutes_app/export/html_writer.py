"""The HTML writer: any intermediate Document → a semantic HTML fragment (UTF-8 bytes).

The fragment is what the news article publishes on a portal and what the editor's preview shows,
wrapped with ``preview_stylesheet()``. It uses headings, paragraphs, lists and tables with class names
and never inline styles, so a portal's own stylesheet governs its look. Blocks come out in the order
the DOCX writer writes them, so the preview says what the file will say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

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


def write_html(document: Document, options: ExportOptions | None = None) -> bytes:
    """The fragment: ``<article class="document minutes" lang="vi">…</article>``, UTF-8; also well-formed
    XML (``<br/>``), so it can be embedded in XHTML or checked with an XML parser."""
    lines = [f'<article class="document {escape(document.kind)}" lang="{escape(document.language)}">']
    lines += [_block(block) for block in document.blocks]
    lines.append("</article>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _text(text: str) -> str:
    """Escaped text; a line break in a field is a line break on the page, and runs of spaces stay
    (the blank number "Số:      /BB-UBND" to fill by hand) as no-break spaces."""
    html = escape(clean_text(text), quote=False).replace("\n", "<br/>")
    return _SPACES.sub(lambda m: "\u00a0" * (len(m.group()) - 1) + " ", html)


_SPACES = re.compile("  +")


def _runs(runs: Iterable[Run]) -> str:
    parts = []
    for run in runs:
        html = _text(run.text)
        if not html:
            continue
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        parts.append(html)
    return "".join(parts)


def _cell(cell: Cell) -> str:
    return _text(cell) if isinstance(cell, str) else _runs(cell)


def _align_class(align: Align) -> str:
    return {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: ""}[align]


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        # A "- " item is a paragraph starting with the dash, as the administrative style writes it
        # (and as the DOCX has it), not a bulleted list.
        classes = [c for c in (_align_class(block.align), "" if block.indent_first_line else "no-indent",
                               "dash" if block.bullet else "") if c]
        attr = f' class="{" ".join(classes)}"' if classes else ""
        return f"<p{attr}>{'- ' if block.bullet else ''}{_runs(block.runs)}</p>"
    if isinstance(block, LabelledLine):
        text = (" " + _text(block.text)) if block.text else ""
        return f'<p class="labelled"><strong>{_text(block.label)}:</strong>{text}</p>'
    if isinstance(block, Heading):
        level = 2 if block.level <= 1 else 3
        return f"<h{level}>{_text(block.text)}</h{level}>"
    if isinstance(block, Title):
        subject = f'<span class="subject">{_text(block.subject)}</span>' if block.subject else ""
        rule = " ruled" if block.rule else ""
        separator = "<br/>" if subject else ""
        return f'<h1 class="title{rule}"><span class="type">{_text(block.text)}</span>{separator}{subject}</h1>'
    if isinstance(block, Letterhead):
        return _letterhead(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, SignatureBlock):
        return _signatures(block)
    if isinstance(block, Recipients):
        return _recipients(block)
    raise TypeError(f"unknown block {type(block).__name__}")


def _letterhead(head: Letterhead) -> str:
    left = []
    if head.parent_agency.strip():
        left.append(f'<p class="parent-agency">{_text(head.parent_agency)}</p>')
    if head.agency.strip():
        left.append(f'<p class="agency">{_text(head.agency)}</p>')
    right = []
    if head.motto.strip():
        right.append(f'<p class="motto">{_text(head.motto)}</p>')
    if head.slogan.strip():
        right.append(f'<p class="slogan">{_text(head.slogan)}</p>')
    number = f'<p class="number">{_text(head.number_line)}</p>' if head.number_line else ""
    date = f'<p class="place-date">{_text(head.place_date)}</p>' if head.place_date else ""
    # Width attributes (not styles): Qt's rich text in the preview sizes cells only from these.
    issuer, nation = '<td class="issuer" width="40%">', '<td class="nation" width="60%">'
    return (f'<table class="letterhead" width="100%"><tr>{issuer}{"".join(left)}</td>'
            f'{nation}{"".join(right)}</td></tr>'
            f'<tr>{issuer}{number}</td>{nation}{date}</td></tr></table>')


def _table(table: Table) -> str:
    parts = []
    if table.caption:
        parts.append(f'<p class="caption">{_text(table.caption)}</p>')
    head = "".join(f'<th class="{_align_class(c.align) or "left"}">{_text(c.title)}</th>' for c in table.columns)
    rows = []
    aligns = [_align_class(c.align) for c in table.columns]
    for row in table.rows:
        if row.group:
            label = _cell(row.cells[0]) if row.cells else ""
            rows.append(f'<tr class="group"><th colspan="{len(table.columns)}">{label}</th></tr>')
            continue
        cells = list(row.cells) + [""] * (len(table.columns) - len(row.cells))
        rows.append("<tr>" + "".join(
            f'<td class="{a}">{_cell(c)}</td>' if a else f"<td>{_cell(c)}</td>"
            for c, a in zip(cells, aligns, strict=False)
        ) + "</tr>")
    parts.append(f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return "\n".join(parts)


def _signatory(signatory: Signatory) -> str:
    parts = [f'<p class="signer-title">{_text(t)}</p>' for t in signatory.titles]
    if signatory.note:
        parts.append(f'<p class="signer-note">{_text(signatory.note)}</p>')
    parts.append(f'<p class="signer-name">{_text(signatory.name)}</p>')
    return "".join(parts)


def _signatures(block: SignatureBlock) -> str:
    if block.recipients is not None:
        cells = [_recipients(block.recipients), "".join(_signatory(s) for s in block.signatories)]
        width = f"{100 // len(cells)}%"
        return ('<table class="signatures" width="100%"><tr>'
                + "".join(f'<td width="{width}">{c}</td>' for c in cells) + "</tr></table>")
    # Side by side, one row for the titles, one for the notes and one for the names: a caption that
    # wraps in one column moves the whole row down, so the two names stay level.
    signatories = block.signatories
    width = f"{100 // max(len(signatories), 1)}%"
    rows = [
        ["".join(f'<p class="signer-title">{_text(t)}</p>' for t in s.titles) for s in signatories],
        [f'<p class="signer-note">{_text(s.note)}</p>' if s.note else "" for s in signatories],
        [f'<p class="signer-name">{_text(s.name)}</p>' for s in signatories],
    ]
    classes = ["", "", ' class="signer-space"']  # the room to sign stands above the names
    return ('<table class="signatures" width="100%">'
            + "".join("<tr>" + "".join(f'<td{css} width="{width}">{c}</td>' for c in row) + "</tr>"
                      for css, row in zip(classes, rows, strict=True))
            + "</table>")


def _recipients(block: Recipients) -> str:
    lines = "".join(f'<p class="recipient">{_text(line)}</p>' for line in block.lines)
    return (f'<div class="recipients"><p class="recipients-heading"><strong><em>{_text(block.heading)}</em>'
            f"</strong></p>{lines}</div>")


def preview_stylesheet() -> str:
    """CSS that makes the fragment look like the printed page (Times New Roman, NĐ 30 sizes, justified
    body with its first-line indent) in the editor's preview. Plain selectors and lengths in px: Qt's
    rich text, which shows the preview, ignores descendant selectors and cm/pt margins (96 px = 1 in)."""
    return """
body, article { font-family: "Times New Roman", "Liberation Serif", "Tinos", serif; font-size: 14pt; color: #000; }
p { text-align: justify; text-indent: 48px; margin-top: 0px; margin-bottom: 8px; }
p.no-indent { text-indent: 0px; }
p.left { text-align: left; }
p.center { text-align: center; }
p.right { text-align: right; }
table.letterhead { width: 100%; margin-bottom: 16px; }
td.issuer { width: 40%; vertical-align: top; text-align: center; }
td.nation { width: 60%; vertical-align: top; text-align: center; }
p.parent-agency { text-align: center; text-indent: 0px; margin: 0px; font-size: 13pt; }
p.agency { text-align: center; text-indent: 0px; margin: 0px; font-size: 13pt; font-weight: bold; }
p.number { text-align: center; text-indent: 0px; margin: 8px 0px 0px 0px; font-size: 13pt; }
p.motto { text-align: center; text-indent: 0px; margin: 0px; font-size: 12pt; font-weight: bold; }
p.slogan { text-align: center; text-indent: 0px; margin: 0px; font-size: 13pt; font-weight: bold;
  text-decoration: underline; }
p.place-date { text-align: center; text-indent: 0px; margin: 8px 0px 0px 0px; font-size: 14pt; font-style: italic; }
h1 { text-align: center; font-size: 14pt; font-weight: bold; margin-top: 24px; margin-bottom: 16px; }
h2 { font-size: 14pt; font-weight: bold; text-indent: 48px; margin-top: 8px; margin-bottom: 8px; }
h3 { font-size: 14pt; font-weight: bold; text-indent: 48px; margin-top: 8px; margin-bottom: 8px; }
p.labelled { text-indent: 48px; }
p.caption { font-style: italic; }
table.data { width: 100%; border-collapse: collapse; margin-bottom: 8px; font-size: 12pt; }
th { border: 1px solid #000; padding: 2px 4px; font-weight: bold; text-align: center; vertical-align: top; }
td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
tr.group th { text-align: left; }
td.right { text-align: right; }
td.center { text-align: center; }
table.letterhead td, table.signatures td { border: none; }
table.signatures { width: 100%; margin-top: 8px; }
table.signatures td { vertical-align: top; text-align: center; width: 50%; }
p.signer-title { text-align: center; text-indent: 0px; margin: 0px; font-weight: bold; }
p.signer-note { text-align: center; text-indent: 0px; margin: 0px; font-style: italic; font-size: 13pt; }
p.signer-name { text-align: center; text-indent: 0px; margin: 80px 0px 0px 0px; font-weight: bold; }
td.signer-space { padding-top: 80px; }
p.recipients-heading { text-align: left; text-indent: 0px; margin: 16px 0px 0px 0px; font-size: 12pt; }
p.recipient { text-align: left; text-indent: 0px; margin: 0px; font-size: 11pt; }
""".strip() + "\n"
