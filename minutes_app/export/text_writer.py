"""Plain text (UTF-8) from the intermediate document: for pasting into a portal's editor or an e-mail.

One paragraph per line and a blank line between blocks, no hard wrapping (the receiving editor wraps);
tables become tab-separated lines, which a spreadsheet or a portal's table tool takes as they are.
"""

from __future__ import annotations

import unicodedata

from .document import (
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
)
from .options import ExportOptions


def _cell(cell: str | list[Run]) -> str:
    text = cell if isinstance(cell, str) else "".join(run.text for run in cell)
    return " ".join(text.split())  # a tab or a line break would break the row


def _letterhead(block: Letterhead) -> list[str]:
    left = [block.parent_agency, block.agency, block.number_line]
    right = [block.motto, block.slogan, block.place_date]
    return ["\n".join(line for line in left if line.strip()), "\n".join(line for line in right if line.strip())]


def _signatory(signatory: Signatory) -> str:
    lines = [*signatory.titles, signatory.note, signatory.name]
    return "\n".join(line for line in lines if line.strip())


def _recipients(block: Recipients) -> str:
    return "\n".join([block.heading, *block.lines])


def _block(block: object) -> list[str]:
    """The text chunks of one block; each chunk is separated from the next by a blank line."""
    if isinstance(block, Letterhead):
        return [chunk for chunk in _letterhead(block) if chunk]
    if isinstance(block, Title):
        return ["\n".join(line for line in (block.text, block.subject) if line.strip())]
    if isinstance(block, Heading):
        return [block.text]
    if isinstance(block, LabelledLine):
        return [f"{block.label}: {block.text}"]
    if isinstance(block, Paragraph):
        return [("- " if block.bullet else "") + block.text]
    if isinstance(block, Table):
        rows = [[column.title for column in block.columns]]
        rows += [[_cell(row.cells[0])] if row.group else [_cell(c) for c in row.cells] for row in block.rows]
        table = "\n".join("\t".join(row) for row in rows)
        return [f"{block.caption}\n{table}" if block.caption else table]
    if isinstance(block, SignatureBlock):
        chunks = [_recipients(block.recipients)] if block.recipients is not None else []
        return chunks + [_signatory(s) for s in block.signatories]
    if isinstance(block, Recipients):
        return [_recipients(block)]
    return []


def render_text(document: Document) -> str:
    """The document as text, NFC-normalised, ending with one line break."""
    chunks = [chunk.strip("\n") for block in document.blocks for chunk in _block(block)]
    text = "\n\n".join(chunk for chunk in chunks if chunk.strip())
    return unicodedata.normalize("NFC", text) + "\n"


def write_text(document: Document, options: ExportOptions | None = None) -> bytes:
    """The document as UTF-8 plain text (``options`` is accepted for the writers' common signature)."""
    return render_text(document).encode("utf-8")
