"""Every benchmark in one command: ``python benchmarks/run.py`` (from the repository root).

Prints the machine, then the tables of bench_files (open, save, autosave, exports; peak memory),
bench_startup (start-up against a bare PySide6 window, the check panel's first result in a folder of 120
meetings), bench_gui (keystroke latency), bench_typing (stalls while typing into the stress meeting with the
preview shown), bench_export_minutes (against docxtpl), bench_tasks (the Tasks view on ten years of monthly
meetings) and bench_notes (quick notes filed as typed; keys at a typist's pace). Not a test: figures depend on the
machine; the targets are printed beside them.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("bench_files.py", "bench_startup.py", "bench_gui.py", "bench_typing.py", "bench_export_minutes.py",
           "bench_tasks.py", "bench_notes.py")


def main() -> int:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}")
    failed = 0
    for script in SCRIPTS:
        print(f"\n== {script}")
        sys.stdout.flush()
        failed |= subprocess.run([sys.executable, str(HERE / script)], cwd=HERE.parent, check=False).returncode
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
