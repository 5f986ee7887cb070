"""Issue 15, case 6: spreadsheets from outside are bounded before and while they are read. Bombs, sheets
too long, entity tricks and oversize cells are refused in one line naming the file and the limit; a
meeting the program would refuse to open is never written; Excel's UTF-16 "Unicode text" is read."""

from __future__ import annotations

import codecs
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from robustness.bounded import one_line_refusal, run_bounded
from support import COMMUNE_SAMPLE

from minutes_app.errors import SaveError
from minutes_app.model import Attendee
from minutes_app.storage import load_meeting, save_meeting

HEADER = ["Họ và tên", "Chức vụ", "Đơn vị"]


@pytest.fixture()
def meeting(tmp_path: Path) -> Path:
    path = tmp_path / "m.minutes.json"
    shutil.copy(COMMUNE_SAMPLE, path)
    return path


def _import(sheet: Path, meeting: Path) -> str:
    """The one line of a refused import; the meeting file is left exactly as it was."""
    before = meeting.read_bytes()
    line = one_line_refusal(run_bounded("import", sheet, "--into", meeting, "--what", "attendees"), sheet)
    assert meeting.read_bytes() == before
    return line


def _workbook(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _rewrite(data: bytes, path: Path, member: str, write: object) -> Path:
    """``data`` (an .xlsx) saved as ``path`` with ``member`` written by ``write(stream)`` instead."""
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                                                                     compresslevel=1) as out:
        for item in source.infolist():
            if item.filename != member:
                out.writestr(item, source.read(item))
        with out.open(member, "w", force_zip64=True) as stream:
            write(stream)  # type: ignore[operator]
    return path


@pytest.mark.slow
def test_a_cell_that_expands_to_gigabytes(tmp_path: Path, meeting: Path) -> None:
    data = _workbook([HEADER, ["PLACEHOLDER", "Cán bộ", "Tổ 1"]])

    def huge_strings(stream: io.BufferedWriter) -> None:
        stream.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main"><si><t>H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan</t></si><si><t>')
        block = b"A" * (1 << 20)
        for _ in range(1024):  # 1 GB of one cell
            stream.write(block)
        stream.write(b"</t></si></sst>")

    sheet = _rewrite(data, tmp_path / "bomb.xlsx", "xl/sharedStrings.xml", huge_strings)
    assert sheet.stat().st_size < 5 * 1024 * 1024
    line = _import(sheet, meeting)
    assert "would expand to 1024" in line and "the limit is 32 MB" in line


@pytest.mark.slow  # a sheet of millions of rows
def test_a_sheet_that_goes_on_for_millions_of_rows(tmp_path: Path, meeting: Path) -> None:
    """One cell far down (row 3,000,000) makes a reader walk every empty row before it."""
    data = _workbook([HEADER, ["Nguyễn Văn A", "Cán bộ", "Tổ 1"]])

    def far_down(stream: io.BufferedWriter) -> None:
        stream.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>H\xe1\xbb\x8d '
                     b'v\xc3\xa0 t\xc3\xaan</t></is></c></row><row r="3000000"><c r="A3000000" t="inlineStr"><is>'
                     b'<t>x</t></is></c></row></sheetData></worksheet>')

    sheet = _rewrite(data, tmp_path / "long.xlsx", "xl/worksheets/sheet1.xml", far_down)
    assert "past row 100,000" in _import(sheet, meeting)


@pytest.mark.slow
def test_200000_rows_are_refused_before_a_meeting_too_big_to_open(tmp_path: Path, meeting: Path) -> None:
    sheet = tmp_path / "people.csv"
    with sheet.open("w", encoding="utf-8") as stream:
        stream.write(",".join(HEADER) + "\n")
        for number in range(200_000):
            stream.write(f"Người {number},Cán bộ,Tổ {number % 50}\n")
    assert "more than 10,000 rows" in _import(sheet, meeting)


def test_a_meeting_too_big_to_open_is_never_written(tmp_path: Path, meeting: Path) -> None:
    big = load_meeting(meeting)
    big.attendees += [Attendee(name=f"Người {n} " + "x" * 10_000) for n in range(2_200)]
    before = meeting.read_bytes()
    with pytest.raises(SaveError, match="more than the 20 MB a meeting file may hold"):
        save_meeting(big, meeting)
    assert meeting.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [meeting.name]


XML_TRICKS = {
    "external entity": b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                       b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&e;</t></si>'
                       b'</sst>',
    "billion laughs": b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
                      + b"".join(b'<!ENTITY %c "' % (98 + i) + b"&%c;" % (97 + i) * 10 + b'">' for i in range(8))
                      + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&i;</t>'
                      b'</si></sst>',
}


@pytest.mark.parametrize("payload", XML_TRICKS.values(), ids=XML_TRICKS.keys())
def test_xml_tricks_in_an_xlsx(tmp_path: Path, meeting: Path, payload: bytes) -> None:
    data = _workbook([HEADER, ["Nguyễn Văn A", "Cán bộ", "Tổ 1"]])
    sheet = _rewrite(data, tmp_path / "trick.xlsx", "xl/sharedStrings.xml", lambda stream: stream.write(payload))
    line = _import(sheet, meeting)
    assert "root:" not in line


def test_a_csv_field_over_128_kb(tmp_path: Path, meeting: Path) -> None:
    sheet = tmp_path / "long-cell.csv"
    sheet.write_text(",".join(HEADER) + "\n" + '"' + "a" * 200_000 + '",Cán bộ,Tổ 1\n', encoding="utf-8")
    assert "row 2: a cell is longer than" in _import(sheet, meeting)


def test_utf16_csv_from_excel_is_read(tmp_path: Path, meeting: Path) -> None:
    """Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated."""
    sheet = tmp_path / "unicode.txt"
    lines = ["\t".join(HEADER)] + [f"Nguyễn Thị Hồng {n}\tCán bộ\tTổ {n}" for n in range(5)]
    sheet.write_bytes(codecs.BOM_UTF16_LE + "\r\n".join(lines).encode("utf-16-le"))
    base = len(load_meeting(meeting).attendees)
    result = run_bounded("import", sheet, "--into", meeting, "--what", "attendees")
    assert result.returncode == 0, result.stderr
    attendees = load_meeting(meeting).attendees
    assert len(attendees) == base + 5 and attendees[-1].name == "Nguyễn Thị Hồng 4"
