"""The Tasks view's work on a folder of ten years of monthly meetings: read the register, export it.

Builds 120 meetings that follow one another (each gives 6 tasks; at the next meeting two of the carried
ones are reported done, so the open ones pile up to 480 carried tasks: an upper bound), then times
``collect_tasks`` (cold, then after one file changed, as the view reloads) and the DOCX and XLSX exports
of the register, then the whole ``minutes-app tasks FOLDER`` process: cold (no index of the folder in the
user cache folder: every file is parsed) and warm (the second and later processes start from that index),
beside ``json.load`` of the same files, in this process and in a process of its own (the peer of a whole
``tasks`` process). Figures are medians.
Run from the repository root: ``python benchmarks/bench_tasks.py``. Not a test.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from minutes_app.export.task_list import export_task_list
from minutes_app.model import Directive, Task, next_meeting
from minutes_app.storage import load_meeting, save_meeting
from minutes_app.storage.task_register import collect_tasks, forget_read_meetings
from minutes_app.userdirs import ENV_CACHE_DIR

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "giao-ban-xa-binh-thanh-2025-03.minutes.json"
MONTHS = 120
UNITS = ("Công an xã", "Ban Chỉ huy Quân sự xã", "Công chức Tài chính - Kế toán", "Công chức Văn hóa - Xã hội",
         "Công chức Địa chính - Nông nghiệp", "Văn phòng - Thống kê")


def build_folder(folder: Path) -> None:
    meeting = load_meeting(SAMPLE)
    day = dt.date(2016, 1, 6)
    previous_name = ""
    for _month in range(MONTHS):
        if previous_name:
            meeting = next_meeting(meeting, previous_name)
            for task in meeting.follow_up[:2]:
                task.done, task.progress = day - dt.timedelta(days=3), "Đã hoàn thành"
        meeting.meeting.date = day
        meeting.directives = [Directive(speaker="Võ Thị Hồng Nhung", content="Chỉ đạo", tasks=[
            Task(task=f"Nhiệm vụ {n + 1} tháng {day.month}/{day.year}", assignee=UNITS[n],
                 deadline=day + dt.timedelta(days=14 + n)) for n in range(6)])]
        name = f"giao-ban-{day:%Y-%m}.minutes.json"
        save_meeting(meeting, folder / name, keep_backup=False)
        previous_name = name
        day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=6)


def timed(function: Callable[[], object], repeats: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def command_times(folder: Path, rounds: int = 9) -> dict[str, list[float]]:
    """Whole processes, as a person runs them, in rounds so that a change in the machine's load touches every
    measure alike. Each round: ``minutes-app tasks FOLDER`` cold (an empty cache folder: every file is
    parsed), then warm three times (the second and later runs: the folder's index is there), then the peer:
    a process that ``json.load``s the same files and nothing else."""
    cache = Path(tempfile.mkdtemp())
    # Installed packages have their .pyc; a checkout run with PYTHONDONTWRITEBYTECODE would compile ours
    # in every process.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "minutes_app")], check=True,
                   stdout=subprocess.DEVNULL)
    env = {**os.environ, ENV_CACHE_DIR: str(cache)}
    command = [sys.executable, "-m", "minutes_app", "tasks", str(folder), "--today", "2026-01-15"]
    peer = [sys.executable, "-c", "import json, pathlib, sys\n"
            "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.minutes.json')):\n"
            "    with open(path, encoding='utf-8') as stream:\n        json.load(stream)", str(folder)]
    times: dict[str, list[float]] = {"cold": [], "warm": [], "peer": []}

    def run(kind: str, argv: list[str]) -> None:
        start = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
        times[kind].append(time.perf_counter() - start)

    for _round in range(rounds):
        shutil.rmtree(cache, ignore_errors=True)
        run("cold", command)
        for _warm in range(3):
            run("warm", command)
        run("peer", peer)
    shutil.rmtree(cache, ignore_errors=True)
    return times


def json_only(folder: Path) -> None:
    for path in sorted(folder.glob("*.minutes.json")):
        with open(path, encoding="utf-8") as stream:
            json.load(stream)


def main() -> int:
    # The folder is made for the run: its index goes to a cache folder of the run, not the user's.
    os.environ[ENV_CACHE_DIR] = tempfile.mkdtemp()
    folder = Path(tempfile.mkdtemp())
    build_folder(folder)
    today = dt.date(2026, 1, 15)
    register = collect_tasks(folder, today)
    print(f"{register.meetings} meetings, {len(register.entries)} tasks "
          f"({sum(e.status.value == 'overdue' for e in register.entries)} overdue)")
    last = sorted(folder.glob("*.minutes.json"))[-1]

    def cold() -> None:  # in this process, with no index in memory nor on disk
        forget_read_meetings()
        collect_tasks(folder, today, persist=False)

    def one_changed() -> None:
        last.touch()
        collect_tasks(folder, today)

    processes = command_times(folder)

    def summary(kind: str) -> tuple[float, float]:
        return statistics.median(processes[kind]), max(processes[kind])

    rows = [
        ("json.load of the 120 files", timed(lambda: json_only(folder), 9), 1.0),
        ("a process json.loading them", summary("peer"), 1.0),
        ("minutes-app tasks, cold", summary("cold"), 1.0),
        ("minutes-app tasks, warm", summary("warm"), 0.2),
        ("read the folder's register", timed(cold), 2.0),
        ("read it again, one file changed", timed(one_changed), 0.5),
        ("export the register to DOCX", timed(lambda: export_task_list(register, folder / "t.docx", "vi")), 2.0),
        ("export the register to XLSX", timed(lambda: export_task_list(register, folder / "t.xlsx", "vi")), 2.0),
    ]
    print(f"whole processes: {len(processes['cold'])} cold and {len(processes['warm'])} warm runs "
          f"(the second and later: the index is there), in rounds with the peer")
    print(f"{'operation':34} {'median':>9} {'max':>9} {'target':>8}")
    failed = False
    for name, (median, worst), target in rows:
        failed |= median > target
        print(f"{name:34} {median * 1000:7.0f} ms {worst * 1000:7.0f} ms {target:6.1f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
