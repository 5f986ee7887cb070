"""Atomic saves, proven: a process saving in a loop is killed at random moments, 100 times.

After every kill the file on disk must be a valid meeting, either the old or the new version, and
no temporary file may be mistaken for it.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import SEED_SAMPLE

from minutes_app.storage import load_meeting

pytestmark = pytest.mark.slow  # 100 kills during a save

SAVER = """
import sys
from minutes_app.storage import load_meeting, save_meeting
meeting = load_meeting(sys.argv[1])
target = sys.argv[2]
titles = ("Phiên bản A", "Phiên bản B " + "dài " * 2000)  # different sizes: a torn write would show
print("ready", flush=True)
i = 0
while True:
    meeting.meeting.title = titles[i % 2]
    save_meeting(meeting, target)
    i += 1
    print("saved", i, flush=True)
"""

RUNS = 100


def test_file_is_always_old_or_new_after_a_kill(tmp_path: Path) -> None:
    rng = random.Random(1229)
    target = tmp_path / "m.minutes.json"
    seen: set[str] = set()
    for _ in range(RUNS):
        process = subprocess.Popen([sys.executable, "-c", SAVER, str(SEED_SAMPLE), str(target)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready", process.stderr.read() if process.stderr else ""
        # Wait for a random number of finished saves, so that both versions are the last one saved
        # in some runs whatever the disk's speed, then kill at a random moment of the next saves.
        for _ in range(rng.randint(1, 4)):
            assert process.stdout.readline().startswith("saved"), process.stderr.read() if process.stderr else ""
        time.sleep(rng.uniform(0, 0.005))
        process.kill()
        process.wait(timeout=30)
        process.stdout.close()
        if process.stderr:
            process.stderr.close()
        if not target.exists():
            continue  # killed before the very first rename: nothing was there to damage
        title = load_meeting(target).meeting.title
        assert title == "Phiên bản A" or title.startswith("Phiên bản B")
        seen.add(title[:11])
    assert target.exists()
    assert len(seen) == 2, "the kills should land between saves of both versions"
