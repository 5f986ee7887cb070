"""Import from a spreadsheet through the real dialog: preview, refused rows, mapping, one undo step."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from support import SEED_SAMPLE

openpyxl = pytest.importorskip("openpyxl")

# Where the screenshots go: MINUTES_APP_SHOTS to look at them after the run, else the test's own folder.
SHOTS_ENV = "MINUTES_APP_SHOTS"

ROWS = [
    ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025", None, None, None, None],
    ["Lĩnh vực", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"],
    ["Kinh tế", "Diện tích gieo trồng lúa", "ha", "28.466", "31.597"],
    ["Kinh tế", "Sản lượng lương thực", "tấn", "150.000", "152.300,5"],
    ["Xã hội", "Số trường đạt chuẩn quốc gia", "trường", "12", "hơn mười"],  # row 5: refused
    ["Xã hội", "Tỷ lệ hộ nghèo", "%", "3,5", "3,2"],
]


def _sheet(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    path = tmp_path / "chi-tieu-2025.xlsx"
    book.save(path)
    return path


def _column(table, title: str) -> list[str]:  # noqa: ANN001
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    column = headers.index(title)
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_import_indicators_previews_maps_and_undoes_in_one_step(make_window, qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from minutes_app.gui import import_dialog
    from minutes_app.importing import mapping_path

    window = make_window(SEED_SAMPLE)
    indicators = window.document.meeting.results.indicators
    before = [item.name for item in indicators]
    table = window.pages[2].tables[0]
    rows_shown = table.model().rowCount()
    assert rows_shown == len(before)

    dialog = window.import_spreadsheet(_sheet(tmp_path))
    assert dialog.isVisible() and dialog.kind_combo.currentData() == "indicators"
    preview = dialog.preview_table
    assert _column(preview, "Row") == ["3", "4", "6"]
    assert _column(preview, "Indicator") == ["Diện tích gieo trồng lúa", "Sản lượng lương thực", "Tỷ lệ hộ nghèo"]
    assert _column(preview, "Plan") == ["28.466", "150.000", "3,5"]  # the meeting is Vietnamese
    assert _column(preview, "Actual") == ["31.597", "152.300,5", "3,2"]
    assert _column(preview, "Sector") == ["Kinh tế", "Kinh tế", "Xã hội"]
    refused = [dialog.errors_list.item(i).text() for i in range(dialog.errors_list.count())]
    assert refused == ['row 5, column Thực hiện: "hơn mười" is not a number']
    assert "3 rows will be imported" in dialog.summary.text() and "1 row is refused" in dialog.summary.text()
    assert [item.name for item in indicators] == before  # nothing changes before Import

    combo = dialog.combos["Lĩnh vực"]
    assert combo.currentData() == "sector"
    combo.setCurrentIndex(combo.findData(""))  # "(ignore)": the sector column is not imported
    headers = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    assert headers == ["Row", "Indicator", "Unit", "Plan", "Actual"]
    assert dialog.reading.mapping == {"Chỉ tiêu": "name", "ĐVT": "unit", "Kế hoạch": "plan", "Thực hiện": "actual"}

    asked = []
    monkeypatch.setattr(import_dialog.QMessageBox, "question",
                        lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    dialog.import_button.click()
    assert asked and "Import only the 3 good rows?" in asked[0]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(indicators) == len(before) + 3
    assert table.model().rowCount() == rows_shown + 3  # the open table followed
    added = indicators[-3:]
    assert [(i.name, i.unit, i.plan, i.actual, i.sector) for i in added] == [
        ("Diện tích gieo trồng lúa", "ha", 28466, 31597, ""),
        ("Sản lượng lương thực", "tấn", 150000, 152300.5, ""),
        ("Tỷ lệ hộ nghèo", "%", 3.5, 3.2, "")]
    assert window.pages[2] is window.stack.currentWidget()
    remembered = json.loads(mapping_path().read_text(encoding="utf-8"))["indicators"]
    assert "Lĩnh vực" not in remembered and remembered["Thực hiện"] == "actual"

    window.actions["undo"].trigger()  # the whole import is one step
    assert [item.name for item in indicators] == before
    assert table.model().rowCount() == rows_shown


def test_import_refused_answer_no_changes_nothing(make_window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from minutes_app.gui import import_dialog

    window = make_window(SEED_SAMPLE)
    count = len(window.document.meeting.results.indicators)
    dialog = window.import_spreadsheet(_sheet(tmp_path))
    monkeypatch.setattr(import_dialog.QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    dialog.import_button.click()
    assert dialog.isVisible()
    assert len(window.document.meeting.results.indicators) == count
    assert not window.document.undo_stack.canUndo()


def test_import_attendees_kind_and_a_file_without_header(make_window, tmp_path) -> None:  # noqa: ANN001
    window = make_window(SEED_SAMPLE)
    people = window.document.meeting.attendees
    count = len(people)
    path = tmp_path / "dai-bieu.csv"
    path.write_text("Họ và tên;Chức vụ;Đơn vị;Giới tính\nLê Thị Hoa;Chủ tịch;UBND xã;nữ\n"
                    "Trần Văn Nam;Phó Chủ tịch;UBND xã;nam\n", encoding="utf-8")
    dialog = window.import_spreadsheet(path)
    assert dialog.kind_combo.currentData() == "attendees"
    assert _column(dialog.preview_table, "Full name") == ["Lê Thị Hoa", "Trần Văn Nam"]
    assert _column(dialog.preview_table, "Gender") == ["Female", "Male"]
    assert not dialog.errors_box.isVisibleTo(dialog)
    dialog.import_button.click()  # no refused rows: no question
    assert [p.name for p in people[count:]] == ["Lê Thị Hoa", "Trần Văn Nam"]
    assert window.stack.currentWidget() is window.pages[1]

    empty = tmp_path / "empty.csv"
    empty.write_text("a;b\n1;2\n", encoding="utf-8")
    dialog = window.import_spreadsheet(empty)
    assert "no header row found" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.reject()


@pytest.mark.slow  # screenshots of the dialog
@pytest.mark.parametrize("language", ["vi", "en"])
def test_import_dialog_screenshot(make_window, tmp_path, language: str) -> None:  # noqa: ANN001
    from minutes_app.l10n.i18n import set_ui_language

    set_ui_language(language)
    window = make_window(SEED_SAMPLE)
    dialog = window.import_spreadsheet(_sheet(tmp_path))
    shots = Path(os.environ.get(SHOTS_ENV) or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    image = dialog.grab()
    assert image.save(str(shots / f"import-{language}.png"))
    assert not image.isNull() and image.width() >= 900
    assert dialog.preview_table.rowCount() == 3 and dialog.errors_list.count() == 1
    dialog.reject()
