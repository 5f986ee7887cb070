"""The typed intermediate document: built once from a meeting, written by every writer.

A builder (minutes, news, notice) turns a Meeting into a ``Document``; the DOCX writer and the HTML
writer (the editor's preview) each walk the same blocks in the same order, so the preview shows what
the file will say. Blocks carry text and intent (bold, a rule below, a table's column widths), never
python-docx or HTML objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Align(str, Enum):
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
    """The document type ("BIÊN BẢN") and its subject line, centred, with a short rule below."""

    text: str
    subject: str = ""


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
    runs: list[Run]
    align: Align = Align.JUSTIFY
    indent_first_line: bool = True
    bullet: bool = False  # a "- " list item

    @classmethod
    def plain(cls, text: str, **kwargs: object) -> Paragraph:
        return cls([Run(text)], **kwargs)  # type: ignore[arg-type]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Column:
    title: str
    width_mm: float
    align: Align = Align.LEFT


@dataclass
class TableRow:
    cells: list[str]
    group: bool = False  # a sector heading spanning the whole row, in bold


@dataclass
class Table:
    columns: list[Column]
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class Signatory:
    """One signature column: "THƯ KÝ" (or "TL. CHỦ TỊCH" / "CHÁNH VĂN PHÒNG"), a note, the name."""

    titles: list[str]  # upper case, bold, one per line
    note: str = ""  # "(Ký, ghi rõ họ tên)", italic
    name: str = ""  # bold, below the space to sign


@dataclass
class SignatureBlock:
    signatories: list[Signatory]


@dataclass
class Recipients:
    """"Nơi nhận:" and one line per recipient, the last ending "./"."""

    heading: str
    lines: list[str]


Block = Letterhead | Title | Heading | LabelledLine | Paragraph | Table | SignatureBlock | Recipients


@dataclass
class Document:
    kind: str  # "minutes", "news" or "notice"
    language: str  # the document's language, "vi" or "en"
    title: str  # for file properties and the preview window
    blocks: list[Block] = field(default_factory=list)
    author: str = ""

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
