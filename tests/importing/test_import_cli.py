"""``minutes-app import`` end to end, in a subprocess, on a copy of the commune sample."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from importing.import_helpers import write_csv, write_xlsx
from support import COMMUNE_SAMPLE, run_cli

from minutes_app.storage import load_meeting

FIGURES = [
    ["UBND XÃ BÌNH THÀNH - BÁO CÁO THÁNG 3/2025"],
    ["Lĩnh vực", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Cùng kỳ"],
    ["Nông nghiệp", "Diện tích lúa Hè Thu xuống giống", "ha", "1.250", "1.310,5", "1.198"],
    ["Tài chính", "Thu ngân sách trên địa bàn", "đồng", "12 tỷ 500 triệu", "13 tỷ", "11 tỷ 800 triệu"],
    ["Xã hội", "Lao động có việc làm mới", "lao động", "abc", "95", "88"],
    ["Xã hội", "Tỷ lệ tham gia BHYT", "%", "92,5%", "93,1%", "90,2%"],
]


def _meeting_copy(tmp_path: Path) -> Path:
    target = tmp_path / "giao-ban.minutes.json"
    shutil.copyfile(COMMUNE_SAMPLE, target)
    return target


def test_import_cli_refuses_everything_when_a_row_is_bad(tmp_path: Path) -> None:
    meeting = _meeting_copy(tmp_path)
    before = meeting.read_bytes()
    sheet = write_xlsx(tmp_path / "so-lieu.xlsx", FIGURES)
    result = run_cli("import", sheet, "--into", meeting)
    assert result.returncode == 1
    assert 'row 5, column Kế hoạch: "abc" is not a number' in result.stderr.splitlines()
    assert "Nothing imported: 1 row was refused" in result.stderr
    assert "Traceback" not in result.stderr
    assert meeting.read_bytes() == before


def test_import_cli_skip_bad_imports_the_good_rows_and_validate_passes(tmp_path: Path) -> None:
    meeting = _meeting_copy(tmp_path)
    count_before = len(load_meeting(meeting).results.indicators)
    sheet = write_xlsx(tmp_path / "so-lieu.xlsx", FIGURES)
    result = run_cli("import", sheet, "--into", meeting, "--what", "indicators", "--skip-bad")
    assert result.returncode == 1
    assert f"Imported 3 indicators into {meeting}." in result.stdout
    assert "1 row was refused and left out." in result.stderr
    indicators = load_meeting(meeting).results.indicators
    assert len(indicators) == count_before + 3
    added = {i.name: i for i in indicators[count_before:]}
    assert added["Thu ngân sách trên địa bàn"].plan == 12_500_000_000
    assert added["Thu ngân sách trên địa bàn"].previous == 11_800_000_000
    assert added["Diện tích lúa Hè Thu xuống giống"].actual == 1310.5
    assert added["Tỷ lệ tham gia BHYT"].sector == "Xã hội"
    assert "Lao động có việc làm mới" not in added
    assert meeting.with_name(meeting.name + ".bak").read_bytes() == COMMUNE_SAMPLE.read_bytes()
    validated = run_cli("validate", meeting)
    assert validated.returncode == 0, validated.stderr
    remembered = json.loads((Path(os.environ["MINUTES_APP_DATA_DIR"]) / "import-mapping.json").read_text("utf-8"))
    assert remembered["indicators"]["Kế hoạch"] == "plan"


def test_import_cli_attendees_semicolon_csv_guessed_and_clean(tmp_path: Path) -> None:
    meeting = _meeting_copy(tmp_path)
    names_before = [a.name for a in load_meeting(meeting).attendees]
    rows = [["Họ và tên", "Giới tính", "Chức vụ", "Đơn vị", "Lý do vắng"],
            ["Huỳnh Văn Phúc", "Nam", "Trưởng ấp Bình Hòa", "Ấp Bình Hòa", ""],
            ["Đặng Thị Giang", "Nữ", "Chủ tịch Hội Phụ nữ", "Hội LHPN xã", "Bận việc gia đình"]]
    sheet = write_csv(tmp_path / "dai-bieu.csv", rows, ";", "utf-8-sig")
    result = run_cli("import", sheet, "--into", meeting)
    assert result.returncode == 0, result.stderr
    assert f"Imported 2 attendees into {meeting}." in result.stdout
    attendees = load_meeting(meeting).attendees
    assert [a.name for a in attendees] == [*names_before, "Huỳnh Văn Phúc", "Đặng Thị Giang"]
    assert (attendees[-1].present, attendees[-1].absence_reason) == (False, "Bận việc gia đình")
    assert run_cli("validate", meeting).returncode == 0


def test_import_cli_explicit_map_and_clear_errors(tmp_path: Path) -> None:
    meeting = _meeting_copy(tmp_path)
    rows = [["Nội dung", "Số giao", "Số đạt"], ["Trồng cây phân tán", "5.000", "5.200"]]
    sheet = write_csv(tmp_path / "cay.csv", rows, ",")
    result = run_cli("import", sheet, "--into", meeting, "--what", "indicators", "--map", "Số giao=plan",
                     "--map", "Số đạt=actual")
    assert result.returncode == 0, result.stderr
    added = load_meeting(meeting).results.indicators[-1]
    assert (added.name, added.plan, added.actual) == ("Trồng cây phân tán", 5000, 5200)
    missing = run_cli("import", tmp_path / "none.xlsx", "--into", meeting)
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"{tmp_path / 'none.xlsx'}: no such file"
    bad_map = run_cli("import", sheet, "--into", meeting, "--map", "Số giao")
    assert (bad_map.returncode, bad_map.stderr.strip()) == (1, "--map Số giao: write HEADER=FIELD")


def test_import_cli_help_documents_skip_bad() -> None:
    result = run_cli("import", "--help")
    assert result.returncode == 0
    flat = " ".join(result.stdout.split())
    assert "--skip-bad" in flat
    assert "nothing is imported unless --skip-bad is given" in flat
