"""Whole spreadsheets: title rows, sector headings, bad rows named by row and column, CSV dialects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from importing.import_helpers import write_csv, write_xlsx

from minutes_app.importing import (
    ATTENDEES,
    INDICATORS,
    ImportFileError,
    apply_import,
    load_last_mapping,
    mapping_path,
    read_sheet,
    save_last_mapping,
)
from minutes_app.model import Gender, Indicator, Meeting, Results, Role, Target

# A sheet as the district statistics office sends it: a title, a blank line, then the table.
STATS_ROWS = [
    ["BIỂU 01: MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2025"],
    [],
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Thực hiện năm 2025", "Cùng kỳ năm 2024",
     "Thực hiện so với kế hoạch (%)", "Ghi chú"],
    ["I", "Kinh tế"],
    [1, "Diện tích gieo trồng lúa", "ha", "31.597", "32.100", "31.020", "101,6", ""],
    [2, "Tổng thu ngân sách", "đồng", "926 tỷ 147 triệu", "1.002 tỷ", None, None, "ước"],
    ["II", "Văn hóa - Xã hội"],
    [3, "Tỷ lệ hộ nghèo", "%", "2,5%", "2,1%", "3,2%", None, ""],
    [4, "Tai nạn giao thông", "vụ", "abc", 4, 7, None, ""],
    [5, "", "lao động", 350, 380, 300, None, ""],
]


def test_import_xlsx_with_title_rows_sector_headings_and_bad_rows(tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "bieu-01.xlsx", STATS_ROWS)
    result = read_sheet(sheet)
    assert result.kind == INDICATORS
    assert result.header_row == 3
    assert result.mapping == {"Chỉ tiêu": "name", "ĐVT": "unit", "Kế hoạch năm 2025": "plan",
                              "Thực hiện năm 2025": "actual", "Cùng kỳ năm 2024": "previous", "Ghi chú": "note"}
    names = [item.name for item in result.items]
    assert names == ["Diện tích gieo trồng lúa", "Tổng thu ngân sách", "Tỷ lệ hộ nghèo"]
    rice, budget, poverty = result.items
    assert (rice.sector, rice.unit, rice.plan, rice.actual, rice.previous) == ("Kinh tế", "ha", 31597, 32100, 31020)
    assert (budget.plan, budget.actual, budget.previous, budget.note) == (926_147_000_000, 1_002_000_000_000,
                                                                          None, "ước")
    assert poverty.sector == "Văn hóa - Xã hội"
    assert (poverty.plan, poverty.actual, poverty.previous) == pytest.approx((2.5, 2.1, 3.2))
    assert [row.row for row in result.rows] == [5, 6, 8]
    assert [str(error) for error in result.errors] == [
        'row 9, column Kế hoạch năm 2025: "abc" is not a number',
        "row 10, column Chỉ tiêu: the name is empty",
    ]


def test_import_appends_to_meeting(tmp_path: Path) -> None:
    result = read_sheet(write_xlsx(tmp_path / "bieu.xlsx", STATS_ROWS))
    meeting = Meeting()
    plan = apply_import(meeting, result)
    assert len(plan.additions) == 3 and plan.updates == []
    assert [i.name for i in meeting.results.indicators][-1] == "Tỷ lệ hộ nghèo"


def test_import_fills_in_the_indicators_of_next_months_meeting(tmp_path: Path) -> None:
    """Next month's meeting starts with the indicators and their plan; the sheet brings the figures."""
    meeting = Meeting(results=Results(indicators=[
        Indicator(sector="Kinh tế", name="Diện tích gieo trồng lúa", unit="ha", plan=31597),
        Indicator(sector="Xã hội", name="Tai nạn giao thông", unit="vụ", plan=5, target=Target.AT_MOST),
        Indicator(sector="Xã hội", name="tỷ lệ  hộ nghèo", unit="%", plan=2.5, note="theo chuẩn mới"),
    ]))
    rows = [["Chỉ tiêu", "ĐVT", "Thực hiện", "Cùng kỳ", "Hướng"],
            ["Diện tích gieo trồng lúa", "ha", "32.100", "31.020", ""],
            ["Tỷ lệ hộ nghèo", "%", "2,1", "3,2", ""],
            ["Tai nạn giao thông", "vụ", "4", "7", ""],  # no direction given: "at most" stays
            ["Diện tích cây ăn trái", "ha", "418", "401", ""]]
    result = read_sheet(write_xlsx(tmp_path / "thang-4.xlsx", rows))
    plan = apply_import(meeting, result)
    indicators = meeting.results.indicators
    assert [i.name for i in indicators] == ["Diện tích gieo trồng lúa", "Tai nạn giao thông", "tỷ lệ  hộ nghèo",
                                            "Diện tích cây ăn trái"]
    assert [(i.plan, i.actual, i.previous) for i in indicators[:3]] == [(31597, 32100, 31020), (5, 4, 7),
                                                                      (2.5, 2.1, 3.2)]
    assert indicators[1].target is Target.AT_MOST and indicators[2].note == "theo chuẩn mới"
    assert len(plan.updates) == 3 and len(plan.additions) == 1 and plan.unchanged == 0
    again = apply_import(meeting, read_sheet(write_xlsx(tmp_path / "lai.xlsx", rows)))
    assert again.changes == 0 and again.unchanged == 4


def test_import_named_worksheet(tmp_path: Path) -> None:
    people = [["Họ và tên", "Chức vụ", "Đơn vị"], ["Nguyễn Văn A", "Chủ tịch", "UBND xã"]]
    sheet = write_xlsx(tmp_path / "book.xlsx", STATS_ROWS, extra_sheets={"Đại biểu": people})
    result = read_sheet(sheet, sheet="Đại biểu")
    assert result.kind == ATTENDEES
    assert [(a.name, a.position, a.organization) for a in result.items] == [("Nguyễn Văn A", "Chủ tịch", "UBND xã")]
    with pytest.raises(ImportFileError, match="no sheet named Khác"):
        read_sheet(sheet, sheet="Khác")


ATTENDEE_ROWS = [
    ["DANH SÁCH ĐẠI BIỂU DỰ HỌP"],
    ["TT", "Họ và tên", "Giới tính", "Chức vụ", "Đơn vị", "Vai trò", "Có mặt", "Lý do vắng", "Điểm cầu"],
    [1, "Võ Thị Hồng Nhung", "Nữ", "Chủ tịch UBND xã", "UBND xã Bình Thành", "Chủ trì", "có", "", ""],
    [2, "Trần Văn Bình", "Nam", "Công chức Văn phòng", "UBND xã", "Thư ký", "x", "", ""],
    [3, "Lê Văn Cường", "nam", "Trưởng Công an xã", "Công an xã", "", "vắng", "Đi công tác", ""],
    [4, "Phạm Thị Dung", "bà", "Bí thư Đoàn", "Đoàn xã", "", "", "", "Ấp 3"],
    [5, "Ngô Văn Em", "không rõ", "Trưởng ấp", "Ấp 1", "người xem", "có lẽ", "", ""],
]


@pytest.mark.parametrize(("delimiter", "encoding"), [(";", "utf-8-sig"), (",", "utf-8"), (";", "cp1258")])
def test_import_attendees_csv_dialects(tmp_path: Path, delimiter: str, encoding: str) -> None:
    sheet = write_csv(tmp_path / "dai-bieu.csv", ATTENDEE_ROWS, delimiter, encoding)
    result = read_sheet(sheet)
    assert result.kind == ATTENDEES
    assert result.header_row == 2
    chair, secretary, absent, youth = result.items
    assert (chair.name, chair.gender, chair.role, chair.present) == ("Võ Thị Hồng Nhung", Gender.FEMALE,
                                                                     Role.CHAIR, True)
    assert (secretary.gender, secretary.role, secretary.present) == (Gender.MALE, Role.SECRETARY, True)
    assert (absent.present, absent.absence_reason, absent.role) == (False, "Đi công tác", Role.MEMBER)
    assert (youth.gender, youth.bridge, youth.present) == (Gender.FEMALE, "Ấp 3", True)
    assert [str(error) for error in result.errors] == [
        'row 7, column Giới tính: "không rõ" is not a gender; write nam or nữ (male or female)',
        'row 7, column Vai trò: "người xem" is not a role; write chủ trì, thư ký, thành viên or khách mời',
        'row 7, column Có mặt: "có lẽ" is neither present nor absent; write có or vắng',
    ]


def test_import_english_comma_csv_with_quoted_numbers(tmp_path: Path) -> None:
    rows = [["Sector", "Indicator", "Unit", "Plan", "Actual", "Previous year", "Target", "Notes"],
            ["Economy", "Rice output", "tonnes", "31,597", "32,100.5", "", "at least", ""],
            ["Safety", "Traffic accidents", "cases", "10", "7", "12", "≤", "fewer, good"],
            ["Safety", "Fires", "cases", "2", "1", "3", "sideways", ""]]
    result = read_sheet(write_csv(tmp_path / "figures.csv", rows, ","), locale="en")
    rice, accidents = result.items
    assert (rice.sector, rice.plan, rice.actual, rice.previous, rice.target) == ("Economy", 31597, 32100.5, None,
                                                                                 Target.AT_LEAST)
    assert (accidents.target, accidents.note) == (Target.AT_MOST, "fewer, good")
    assert [str(error) for error in result.errors] == [
        'row 4, column Target: "sideways" is not a direction; write ≥ (at least) or ≤ (at most)']


def test_import_header_matching_ignores_case_and_diacritics(tmp_path: Path) -> None:
    rows = [["CHI TIEU", "d.v.t", "KẾ HOẠCH", "thuc hien"], ["Lúa", "ha", "1.000", "1.200"]]
    result = read_sheet(write_csv(tmp_path / "plain.csv", rows, ";"))
    assert result.mapping == {"CHI TIEU": "name", "d.v.t": "unit", "KẾ HOẠCH": "plan", "thuc hien": "actual"}
    assert (result.items[0].plan, result.items[0].actual) == (1000, 1200)


def test_import_explicit_mapping_and_the_remembered_one(tmp_path: Path) -> None:
    rows = [["Nội dung", "Số giao", "Số đạt", "Đơn vị tính"], ["Trồng cây", "5.000", "5.200", "cây"]]
    sheet = write_csv(tmp_path / "odd.csv", rows, ";")
    guessed = read_sheet(sheet, kind=INDICATORS)
    assert guessed.mapping == {"Nội dung": "name", "Đơn vị tính": "unit"}
    chosen = read_sheet(sheet, kind=INDICATORS, mapping={"Số giao": "plan", "so dat": "actual"})
    assert (chosen.items[0].plan, chosen.items[0].actual, chosen.items[0].unit) == (5000, 5200, "cây")
    save_last_mapping(INDICATORS, chosen.mapping)
    assert json.loads(mapping_path().read_text(encoding="utf-8"))[INDICATORS]["Số giao"] == "plan"
    assert load_last_mapping(INDICATORS)["Số đạt"] == "actual"
    remembered = read_sheet(sheet, kind=INDICATORS)
    assert (remembered.items[0].plan, remembered.items[0].actual) == (5000, 5200)
    assert read_sheet(sheet, kind=INDICATORS, remembered=False).items[0].plan is None


def test_import_refuses_unknown_field_and_missing_header(tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "x.csv", [["Chỉ tiêu", "Kế hoạch"], ["Lúa", "1"]])
    with pytest.raises(ImportFileError, match="colour is not a field here; the fields are: sector, name, unit"):
        read_sheet(sheet, mapping={"Kế hoạch": "colour"})
    with pytest.raises(ImportFileError, match="no header row found"):
        read_sheet(write_csv(tmp_path / "y.csv", [["a", "b"], ["1", "2"]]))
    (tmp_path / "z.ods").write_bytes(b"PK")
    with pytest.raises(ImportFileError, match="only .xlsx and .csv"):
        read_sheet(tmp_path / "z.ods")
    with pytest.raises(ImportFileError, match="no such file"):
        read_sheet(tmp_path / "missing.csv")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ImportFileError, match="not a readable .xlsx"):
        read_sheet(broken)


def test_import_package_does_not_import_qt() -> None:
    import subprocess
    import sys

    code = "import sys, minutes_app.importing; print(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_import_short_attendee_list_is_not_taken_for_indicators(tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "ds.xlsx", [["Họ và tên", "Đơn vị"], ["Nguyễn Văn A", "UBND xã"]])
    result = read_sheet(sheet)
    assert result.kind == ATTENDEES
    assert (result.items[0].name, result.items[0].organization) == ("Nguyễn Văn A", "UBND xã")


def test_import_header_without_a_name_column_is_refused(tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "n.csv", [["ĐVT", "Kế hoạch", "Thực hiện"], ["ha", "1", "2"]])
    with pytest.raises(ImportFileError, match=r"n\.csv, row 1: no column gives the name"):
        read_sheet(sheet)


def test_import_xlsx_percent_formatted_cells_read_as_shown(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"])
    sheet.append(["Tỷ lệ tham gia BHYT", "%", 0.925, 0.931])
    for cell in ("C2", "D2"):
        sheet[cell].number_format = "0.0%"
    book.save(tmp_path / "pct.xlsx")
    item = read_sheet(tmp_path / "pct.xlsx").items[0]
    assert (item.plan, item.actual) == pytest.approx((92.5, 93.1))


def test_import_csv_rows_are_numbered_by_record_like_a_spreadsheet(tmp_path: Path) -> None:
    rows = [["Chỉ tiêu", "Kế hoạch", "Ghi chú"], ["Lúa", "1.000", "dòng một\ndòng hai"], [], ["Ngô", "nhiều", ""]]
    result = read_sheet(write_csv(tmp_path / "ml.csv", rows, ";"))
    assert result.items[0].note == "dòng một dòng hai"  # one line in the form
    assert [str(e) for e in result.errors] == ['row 4, column Kế hoạch: "nhiều" is not a number']


@pytest.mark.parametrize(("header", "field"), [
    ("KH 2025", "plan"), ("Ước TH năm 2025", "actual"), ("Thực hiện cùng kỳ năm 2024", "previous"),
    ("Cùng kỳ", "previous"), ("Đơn vị tính", "unit"), ("Lĩnh vực", "sector"), ("Ghi chú", "note"),
    ("So cùng kỳ (%)", None), ("Thực hiện so với kế hoạch (%)", None), ("Tỷ lệ TH/KH", None),
])
def test_import_statistics_office_headers(header: str, field: str | None) -> None:
    from minutes_app.importing import guess_mapping

    assert guess_mapping(["Chỉ tiêu", header], INDICATORS).get(1) == field
