"""Paths and helpers shared by the tests (``tests/`` is on sys.path through pyproject's pythonpath)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "resources" / "samples"
SEED_SAMPLE = SAMPLES / "tong-ket-kt-xh-2020-lap-vo.minutes.json"
COMMUNE_SAMPLE = SAMPLES / "giao-ban-xa-binh-thanh-2025-03.minutes.json"
ENGLISH_SAMPLE = SAMPLES / "steering-committee-2024-q3-en.minutes.json"
# The commune's next meeting: follows COMMUNE_SAMPLE and reviews the tasks carried from it.
APRIL_SAMPLE = SAMPLES / "giao-ban-xa-binh-thanh-2025-04.minutes.json"
ALL_SAMPLES = (SEED_SAMPLE, COMMUNE_SAMPLE, ENGLISH_SAMPLE, APRIL_SAMPLE)
# Meetings written for the wording tests (issue 14): a commune, a district department, a school, a
# company and an English cooperative, with different periods, signing forms and recipient styles.
MEETINGS = REPO / "tests" / "meetings"
WORDING_MEETINGS = tuple(sorted(MEETINGS.glob("*.minutes.json")))

# One switch for every committed reference file (reference/ beside each test: the minutes' XML, the news
# and notice texts): set it to 1 after an intended change, then read the diff before committing.
# THUKY_UPDATE_GOLDEN is its former name for the news and the notice, still understood.
UPDATE_REFERENCES = "MINUTES_APP_UPDATE_REFERENCES"


def updating_references() -> bool:
    return "1" in (os.environ.get(UPDATE_REFERENCES), os.environ.get("THUKY_UPDATE_GOLDEN"))


def run_cli(*args: str | Path, ui: str = "en", cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run ``python -m minutes_app ARGS`` as a user would, with messages in ``ui``."""
    env = {**os.environ, "MINUTES_APP_UI_LANGUAGE": ui}
    return subprocess.run([sys.executable, "-m", "minutes_app", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120, check=False)
