"""Issue 15, case 7 (what a shared folder holds): a meeting file whose name is not UTF-8 (copied from an old
share or a zip in another code page) no longer stops the task list of its whole folder; its tasks are
listed, the name written with U+FFFD where its bytes are not text."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest
from robustness.bounded import run_bounded
from robustness.test_xlsx_formulas import _hostile_folder

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="only Linux file names may be any bytes")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    _hostile_folder(tmp_path)
    os.rename(tmp_path / "=WEBSERVICE(1).minutes.json", os.fsencode(tmp_path) + b"/bi\xean b\xe1n.minutes.json")
    return tmp_path


@pytest.mark.parametrize("output", ["", "tasks.xlsx", "tasks.docx"])
def test_a_file_name_that_is_not_utf8_does_not_break_the_task_list(
        folder: Path, tmp_path_factory: pytest.TempPathFactory, output: str) -> None:
    out = tmp_path_factory.mktemp("out") / output if output else None
    result = run_bounded("tasks", folder, "--today", "2025-04-10", *(["-o", out] if out else []))
    assert result.returncode == 0 and not result.stderr, result.stderr
    if out is None:
        assert "7 nhiệm vụ: 7 quá hạn" in result.stdout  # the list is in Vietnamese unless asked
        return
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        text = b"".join(archive.read(name) for name in archive.namelist()).decode("utf-8").replace("&#65533;", "\ufffd")
    assert text.count("evil.example") == 2 * 3  # both such texts of the file, as task, unit and progress
    if output.endswith(".xlsx"):  # the sheet has a column of file names
        assert "bi\ufffdn b\ufffdn.minutes.json" in text
