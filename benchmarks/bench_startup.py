"""Start-up of the editor against a bare PySide6 window, and the check panel's first result in a full folder.

    python benchmarks/bench_startup.py        # prints a table; offscreen unless QT_QPA_PLATFORM is set

Every figure is a whole new process, timed from its launch, median of several runs, the runs of the editor
and of the bare window interleaved so that both see the same machine:

- bare window: ``QApplication`` (Fusion, as the editor's) + an empty ``QMainWindow``, shown, until the event
  loop first waits (``QAbstractEventDispatcher.aboutToBlock``: nothing left to do);
- the editor (its interface language, ``create_application`` + ``create_window``, as ``python -m minutes_app``
  does) on its sample, and on the stress meeting, until the same first wait; the ratio to the bare window is
  the target (≤ 2.0). The same child then types one key into the first field (how long the GUI thread took
  for it) and waits for the first preview, so that work moved after the window shows is seen where it lands;
- the check panel: the editor opens one meeting of a folder of 120 monthly meetings (``bench_tasks``'s
  folder), timed from the open (``create_window``) to the first result shown in the panel — cold (no index
  of the folder in the cache folder: every file is read) and warm (the index a previous process left).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 7

# Idle: the event loop about to wait with nothing to do, after the window's first paint (the loop first
# waits before it, while the window system is still to ask for the paint).
IDLE = """
from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject


class FirstIdle(QObject):
    def __init__(self, window, then):
        super().__init__()
        self.painted, self.then = False, then
        window.installEventFilter(self)
        QAbstractEventDispatcher.instance().aboutToBlock.connect(self.idle)

    def eventFilter(self, watched, event):
        self.painted |= event.type() == QEvent.Type.Paint
        return False

    def idle(self):
        if self.painted:
            QAbstractEventDispatcher.instance().aboutToBlock.disconnect(self.idle)
            print("IDLE", flush=True)
            self.then()
"""

# The same application set-up as the editor's where it costs nothing (its style, named on the command line as
# ``create_application`` does); nothing the editor draws (its font, icons) is added to the bare window.
BARE = IDLE + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0], "-style", "Fusion"])
window = QMainWindow()
window.show()
first_idle = FirstIdle(window, app.quit)
app.exec()
"""

EDITOR = IDLE + """
import sys, time
from pathlib import Path
from minutes_app.gui.app import create_application, create_window
from minutes_app.l10n.i18n import detect_ui_language, set_ui_language
from minutes_app.logs import setup_logging
from PySide6.QtCore import QTimer
set_ui_language(detect_ui_language())  # as minutes_app.cli.main does: Vietnamese here (no LANG), its catalog read
setup_logging()
app = create_application()
opened = time.perf_counter()
window = create_window(Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else None)
window.show()
mode = sys.argv[2] if len(sys.argv) > 2 else "startup"

def finish():
    window.document.undo_stack.setClean()
    window.close()
    app.quit()

def after_idle():
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    window.go_to_page(0)
    field = window.sheet.page(0).first_field  # (window.pages would build every page: a person does not)
    started = time.perf_counter()
    QTest.keyClick(field, Qt.Key.Key_A)
    app.processEvents()
    print(f"KEY {(time.perf_counter() - started) * 1000:.2f}", flush=True)
    def preview_done():
        if window.preview.view.toPlainText():
            print(f"PREVIEW {time.perf_counter() - opened:.4f}", flush=True)
            finish()
        else:
            QTimer.singleShot(5, preview_done)
    preview_done()

def checked(_result):
    print(f"CHECKED {time.perf_counter() - opened:.4f}", flush=True)
    finish()

if mode == "checks":
    window.checks.checked.connect(checked)
else:
    first_idle = FirstIdle(window, after_idle)
app.exec()
"""


def child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run one child; the seconds from its launch to its IDLE line, and the figures it printed."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, *args], cwd=REPO, stdout=subprocess.PIPE, text=True,
                               env=env, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    figures: dict[str, float] = {}
    for line in process.stdout:
        word, _space, value = line.strip().partition(" ")
        figures[word] = time.perf_counter() - started if word == "IDLE" else float(value)
    process.wait(60)
    return figures


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def startup(stress_file: Path, env: dict[str, str]) -> list[tuple[str, float, float, str]]:
    bare: list[float] = []
    runs: dict[str, list[dict[str, float]]] = {"sample": [], "stress": []}
    # A file opened joins the recent files, and the editor started without one opens the most recent: the stress
    # runs keep their settings apart, or every sample run after the first would open the stress meeting.
    stress_env = {**env, "MINUTES_APP_DATA_DIR": str(Path(env["MINUTES_APP_DATA_DIR"]) / "stress-runs")}
    for _run in range(RUNS):
        bare.append(child(BARE, env=env)["IDLE"])
        runs["sample"].append(child(EDITOR, "", env=env))
        runs["stress"].append(child(EDITOR, str(stress_file), env=stress_env))
    base = median(bare)
    rows = [("bare PySide6 window, launch to first idle", base * 1000, max(bare) * 1000, "")]
    for name, results in runs.items():
        idle = [r["IDLE"] for r in results if "IDLE" in r]
        rows.append((f"editor ({name}), launch to first idle", median(idle) * 1000, max(idle) * 1000,
                     f"ratio {median(idle) / base:.2f} (≤ 2.0)"))
        keys = [r["KEY"] for r in results if "KEY" in r]
        rows.append((f"  first key in the first field ({name})", median(keys), max(keys), "≤ 16 ms"))
        previews = [r["PREVIEW"] * 1000 for r in results if "PREVIEW" in r]
        rows.append((f"  open to first preview shown ({name})", median(previews), max(previews), ""))
    return rows


def check_panel(env: dict[str, str]) -> list[tuple[str, float, float, str]]:
    from bench_tasks import build_folder

    folder = Path(tempfile.mkdtemp(prefix="thuky-folder-"))
    build_folder(folder)
    meeting = str(sorted(folder.glob("*.minutes.json"))[-1])
    cache = Path(tempfile.mkdtemp(prefix="thuky-cache-"))
    env = {**env, "MINUTES_APP_CACHE_DIR": str(cache)}
    cold, warm = [], []
    for _run in range(RUNS):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(child(EDITOR, meeting, "checks", env=env)["CHECKED"] * 1000)
        warm.append(child(EDITOR, meeting, "checks", env=env)["CHECKED"] * 1000)
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return [("check panel's first result, 120-meeting folder, cold", median(cold), max(cold), "≤ 1000 ms"),
            ("  the same, warm (the folder's index cached)", median(warm), max(warm), "≤ 1000 ms")]


def main() -> int:
    from stress import stress_meeting

    from minutes_app.storage import save_meeting

    data = tempfile.mkdtemp(prefix="thuky-bench-")
    env = {**os.environ, "MINUTES_APP_DATA_DIR": data, "MINUTES_APP_CACHE_DIR": str(Path(data) / "cache")}
    stress_file = Path(data) / "stress.minutes.json"
    save_meeting(stress_meeting(), stress_file, keep_backup=False)
    # Installed packages have their .pyc; make ours so that no child compiles them.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "minutes_app")], check=True,
                   stdout=subprocess.DEVNULL)
    child(EDITOR, "", env=env)  # the templates' bytecode cache and the fonts, as after a first use
    rows = startup(stress_file, env) + check_panel(env)
    print(f"{'measure':<58}{'median ms':>10}{'max ms':>9}  target")
    failed = False
    for name, middle, worst, target in rows:
        print(f"{name:<58}{middle:>10.1f}{worst:>9.1f}  {target}")
        if target.startswith("ratio"):
            failed |= float(target.split()[1]) > 2.0
        elif target.startswith("≤"):
            failed |= middle > float(target.split()[1])
    shutil.rmtree(data, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
