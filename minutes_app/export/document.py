"""The typed intermediate document: built once from a meeting, written by every writer.

A builder (minutes, news, notice) turns a Meeting into a ``Document``; the DOCX writer and the HTML
writer (the editor's preview) each walk the same blocks in the same order, so the preview shows what
the file will say. Blocks carry text and intent (bold, a rule below, a table's column widths), never
python-docx or HTML objects.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/FFFF).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text every writer can print: NFC (as an input method may leave it decomposed), line ends as
    "\\n", and the characters XML forbids dropped rather than failing the export."""
    return _ILLEGAL.sub("", unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")))


class Align(str, Enum):
    """Horizontal alignment of a paragraph or a table column."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class Run:
    """A piece of text with one look. A "\\n" inside ``text`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Letterhead:
    """The two-column header of NĐ 30: agencies and number on the left, motto and date on the right.

    ``motto`` and ``slogan`` are empty for documents in English.
    """

    parent_agency: str
    agency: str
    number_line: str  # "Số: 05/BB-UBND", or "Số:      /BB-UBND" to write by hand
    motto: str  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    slogan: str  # "Độc lập - Tự do - Hạnh phúc"
    place_date: str  # "Lấp Vò, ngày 29 tháng 12 năm 2020"


@dataclass
class Title:
    """The document type ("BIÊN BẢN") and its subject line, centred, with a short rule below.

    ``rule`` False leaves the rule out (a news headline).
    """

    text: str
    subject: str = ""
    rule: bool = True


@dataclass
class Heading:
    """A section heading inside the body ("I. THÀNH PHẦN THAM DỰ"); level 1 or 2."""

    text: str
    level: int = 1


@dataclass
class LabelledLine:
    """"Thời gian bắt đầu: 13 giờ 30, ngày 29 tháng 12 năm 2020" — the label in bold."""

    label: str
    text: str


@dataclass
class Paragraph:
    """Body text: justified with the first line indented unless told otherwise; ``bullet`` prints it
    as a "- " list item (the Vietnamese administrative list style)."""

    runs: list[Run]
    align: Align = Align.JUSTIFY
    indent_first_line: bool = True
    bullet: bool = False  # a "- " list item

    @classmethod
    def plain(cls, text: str, **kwargs: object) -> Paragraph:
        """A paragraph of one plain run."""
        return cls([Run(text)], **kwargs)  # type: ignore[arg-type]

    @property
    def text(self) -> str:
        """The paragraph's text without its looks."""
        return "".join(run.text for run in self.runs)


@dataclass
class Column:
    """A table column: its heading, its width (a proportion, in mm of A4's text width) and alignment."""

    title: str
    width_mm: float
    align: Align = Align.LEFT


# A cell is plain text, or runs when part of it has another look (an italic note below a name).
Cell = str | list[Run]


@dataclass
class TableRow:
    """One row of a Table; missing trailing cells print empty."""

    cells: list[Cell]
    group: bool = False  # a sector heading spanning the whole row, in bold (only ``cells[0]`` is used)


@dataclass
class Table:
    """A bordered data table. Column widths are proportions: writers scale them to the text width.

    ``caption`` (optional) is a line printed just above the table ("Nhiệm vụ được giao:").
    """

    columns: list[Column]
    rows: list[TableRow] = field(default_factory=list)
    caption: str = ""


@dataclass
class Signatory:
    """One signature column: "THƯ KÝ" (or "TL. CHỦ TỊCH" / "CHÁNH VĂN PHÒNG"), a note, the name."""

    titles: list[str]  # upper case, bold, one per line
    note: str = ""  # "(Ký, ghi rõ họ tên)", italic
    name: str = ""  # bold, below the space to sign


@dataclass
class Recipients:
    """"Nơi nhận:" and one line per recipient ("- Thường trực Huyện ủy;" … "- Lưu: VT.").

    ``lines`` hold the finished lines, dash and final punctuation included.
    """

    heading: str
    lines: list[str]


@dataclass
class SignatureBlock:
    """Signatures side by side (THƯ KÝ | CHỦ TỌA).

    With ``recipients`` set (the notice, Mẫu 1.4), "Nơi nhận" takes the left column and the
    signatories stack in the right one.
    """

    signatories: list[Signatory]
    recipients: Recipients | None = None


Block = Letterhead | Title | Heading | LabelledLine | Paragraph | Table | SignatureBlock | Recipients


@dataclass
class Document:
    """The blocks of one document, in reading order, and what the file properties say.

    ``page_numbers``: a PAGE field centred in the header from page 2 on (NĐ 30). ``created`` pins the
    file's timestamps so that the same meeting always gives the same bytes. ``landscape`` turns the page
    (a wide table: the task list).
    """

    kind: str  # "minutes", "news", "notice" or "tasks"
    language: str  # the document's language, "vi" or "en"
    title: str  # for file properties and the preview window
    blocks: list[Block] = field(default_factory=list)
    author: str = ""
    page_numbers: bool = True
    created: _dt.datetime | None = None
    landscape: bool = False

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
