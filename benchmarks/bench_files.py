"""Open, save and export the stress meeting; print medians and the peak memory of each operation.

Each operation runs in a fresh process so that its peak memory (max RSS) is its own, and its first call there
(after the imports, as when the editor opens its first file) is shown beside the median of the calls after
it. Run from the repository root: ``python benchmarks/bench_files.py`` (``--json`` for machine-readable output).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

OPERATIONS: dict[str, tuple[str, float]] = {  # name → (what it does, target seconds)
    "open": ("load the .minutes.json", 1.0),
    "open to edit": ("load, the file's state and its lock, as the editor does before its window shows", 1.0),
    "save": ("atomic save with backup", 1.0),
    "autosave": ("recovery snapshot, as the editor's worker thread writes it", 0.05),
    "export minutes docx": ("build + write DOCX", 1.0),
    "export news html": ("build + write HTML", 1.0),
    "export news docx": ("build + write DOCX", 1.0),
    "export notice docx": ("build + write DOCX", 1.0),
}

WORKER = r"""
import json, sys, time, statistics, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from stress import stress_meeting
from minutes_app.storage import save_meeting, load_meeting
from minutes_app.export import export_meeting
from minutes_app.storage.recovery import write_recovery
from minutes_app.storage.concurrency import DiskState, acquire_lock, release_lock
operation, repeats = sys.argv[2], int(sys.argv[3])
folder = Path(tempfile.mkdtemp())
import os
os.environ["MINUTES_APP_DATA_DIR"] = str(folder / "userdata")  # recovery files go there
meeting = stress_meeting()
path = folder / "stress.minutes.json"
save_meeting(meeting, path)
def run():
    if operation == "open":
        load_meeting(path)
    elif operation == "open to edit":
        load_meeting(path)
        DiskState.of(path)
        acquire_lock(path)
        release_lock(path)
    elif operation == "save":
        save_meeting(meeting, path)
    elif operation == "autosave":
        write_recovery("bench", meeting, path)
    else:
        _, kind, fmt = operation.split()
        export_meeting(meeting, kind, folder / f"out.{fmt}")
start = time.perf_counter(); run(); first = time.perf_counter() - start  # imports, template compilation…
times = []
for _ in range(repeats):
    start = time.perf_counter(); run(); times.append(time.perf_counter() - start)
try:
    import resource
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
except ImportError:  # Windows
    peak_mb = float("nan")
print(json.dumps({"first": first, "median": statistics.median(times), "peak_mb": peak_mb}))
"""


def measure(operation: str, repeats: int) -> dict[str, float]:
    output = subprocess.run([sys.executable, "-c", WORKER, str(HERE), operation, str(repeats)],
                            capture_output=True, text=True, check=True, cwd=HERE.parent).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = {name: measure(name, args.repeats) for name in OPERATIONS}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'operation':<22} {'first ms':>9} {'median ms':>10} {'target ms':>10} {'peak MB':>8}")
    for name, result in results.items():
        target = OPERATIONS[name][1]
        flag = "" if result["median"] <= target else "  MISSES TARGET"
        print(f"{name:<22} {result['first'] * 1000:>9.1f} {result['median'] * 1000:>10.1f} {target * 1000:>10.0f} "
              f"{result['peak_mb']:>8.0f}{flag}")


if __name__ == "__main__":
    main()
