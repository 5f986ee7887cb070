"""Golden notices (plain text of the intermediate document), compared with reviewed files.

Regenerate after an intended change with ``MINUTES_APP_UPDATE_REFERENCES=1 pytest tests/export_notice`` and read
the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ALL_SAMPLES, WORDING_MEETINGS, updating_references

from minutes_app.export.notice import build_notice
from minutes_app.export.text_writer import write_text
from minutes_app.storage import load_meeting

GOLDEN = Path(__file__).parent / "reference"
UPDATE = updating_references()


def _stem(sample: Path) -> str:
    return sample.name.removesuffix(".minutes.json")


@pytest.mark.parametrize("sample", ALL_SAMPLES + WORDING_MEETINGS, ids=_stem)
def test_notice_text_matches_the_reviewed_golden_file(sample: Path) -> None:
    data = write_text(build_notice(load_meeting(sample)))
    golden = GOLDEN / f"{_stem(sample)}.notice.txt"
    if UPDATE:
        golden.write_bytes(data)
    assert golden.exists(), f"missing {golden}; run with MINUTES_APP_UPDATE_REFERENCES=1 and review it"
    assert data.decode("utf-8") == golden.read_text(encoding="utf-8")
