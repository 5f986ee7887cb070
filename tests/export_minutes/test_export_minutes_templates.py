"""Labels and sentences come from templates/minutes/phrases.<lang>.j2; an office may override them."""

from __future__ import annotations

import pytest
from support import COMMUNE_SAMPLE

from minutes_app.export.document import LabelledLine, Paragraph, Title
from minutes_app.export.minutes import build_minutes, format_number_field
from minutes_app.export.registry import ExportOptions
from minutes_app.export.templating import TemplateError
from minutes_app.paths import templates_dir
from minutes_app.storage import load_meeting


def _office_folder(tmp_path, text: str):  # type: ignore[no-untyped-def]
    folder = tmp_path / "office-templates"
    (folder / "minutes").mkdir(parents=True)
    (folder / "minutes" / "phrases.vi.j2").write_text(text, encoding="utf-8")
    return folder


def test_an_office_changes_the_wording(tmp_path) -> None:  # type: ignore[no-untyped-def]
    builtin = (templates_dir() / "minutes" / "phrases.vi.j2").read_text(encoding="utf-8")
    changed = builtin.replace('{% set title = "BIÊN BẢN" %}', '{% set title = "BIÊN BẢN HỌP" %}').replace(
        "Biên bản được lập thành", "Biên bản này được lập thành")
    options = ExportOptions(templates_dir=_office_folder(tmp_path, changed))
    document = build_minutes(load_meeting(COMMUNE_SAMPLE), options)
    assert next(b for b in document.blocks if isinstance(b, Title)).text == "BIÊN BẢN HỌP"
    assert any(isinstance(b, Paragraph) and b.text.startswith("Biên bản này được lập thành 02 bản")
               for b in document.blocks)


def test_a_missing_label_names_the_template(tmp_path) -> None:  # type: ignore[no-untyped-def]
    builtin = (templates_dir() / "minutes" / "phrases.vi.j2").read_text(encoding="utf-8")
    options = ExportOptions(templates_dir=_office_folder(tmp_path, builtin.replace(
        '{% set motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" %}', "")))
    with pytest.raises(TemplateError, match=r"minutes/phrases\.vi\.j2.*\"motto\" is not defined"):
        build_minutes(load_meeting(COMMUNE_SAMPLE), options)


def test_a_syntax_error_names_the_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    options = ExportOptions(templates_dir=_office_folder(tmp_path, '{% set title = "A" %}\n{% if %}\n'))
    with pytest.raises(TemplateError, match=r"minutes/phrases\.vi\.j2:2"):
        build_minutes(load_meeting(COMMUNE_SAMPLE), options)


def test_numbers_below_ten_take_a_leading_zero() -> None:
    assert [format_number_field(n) for n in ("5", "05", "12", "", " 7 ", "12a")] == ["05", "05", "12", "", "07", "12a"]


def test_labelled_lines_come_from_the_template() -> None:
    document = build_minutes(load_meeting(COMMUNE_SAMPLE))
    labels = [b.label for b in document.blocks if isinstance(b, LabelledLine)]
    assert labels == ["Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự", "Chủ trì (chủ tọa)",
                      "Thư ký (người ghi biên bản)", "Nội dung cuộc họp"]
