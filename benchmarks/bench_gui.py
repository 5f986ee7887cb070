"""How fast the editor feels: keystroke latency in a 400-row attendee table.

    python benchmarks/bench_gui.py            # prints a table; offscreen unless QT_QPA_PLATFORM is set

Latency is measured in-process on the real widgets: one key press typed into an open cell editor, one cell
committed with Enter (model, undo command, repaint) and one character typed in a form field (binding, undo
merge). Target: ≤ 16 ms. Start-up is measured by ``bench_startup.py``, against a bare PySide6 window.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MINUTES_APP_DATA_DIR", tempfile.mkdtemp(prefix="thuky-bench-"))


def latencies() -> dict[str, list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from minutes_app.gui.app import create_application
    from minutes_app.gui.main_window import MainWindow
    from minutes_app.model import Attendee
    from minutes_app.storage import load_meeting

    app = create_application()
    meeting = load_meeting(REPO / "resources/samples/tong-ket-kt-xh-2020-lap-vo.minutes.json")
    meeting.attendees = [Attendee(name=f"Nguyễn Văn {n}", position="Chuyên viên", organization=f"Phòng {n % 12}")
                         for n in range(400)]
    window = MainWindow(meeting)
    window.show()
    window.activateWindow()
    app.processEvents()
    window.go_to_page(1)
    view = window.pages[1].tables[0]
    results: dict[str, list[float]] = {"key in cell editor": [], "commit cell (Enter)": [], "key in form field": []}
    for row in range(200, 260):
        view.setCurrentIndex(view.model().index(row, 2))
        QTest.keyClick(view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        for char in "abc":
            started = time.perf_counter()
            QTest.keyClick(editor, char)
            app.processEvents()
            results["key in cell editor"].append(time.perf_counter() - started)
        started = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        app.processEvents()
        results["commit cell (Enter)"].append(time.perf_counter() - started)
    window.go_to_page(0)
    title = window.pages[0].first_field
    for char in "giao ban thang muoi mot " * 4:
        started = time.perf_counter()
        QTest.keyClick(title, char)
        app.processEvents()
        results["key in form field"].append(time.perf_counter() - started)
    window.document.undo_stack.setClean()
    window.close()
    return results


def main() -> None:
    rows = []
    for name, values in latencies().items():
        values = sorted(values)
        p95 = values[int(len(values) * 0.95) - 1]
        rows.append((f"{name} (400 rows)" if "cell" in name else name, statistics.median(values) * 1000, p95, 16.0))
    print(f"{'measure':<38}{'median ms':>11}{'max/p95 ms':>12}{'target ms':>11}")
    for name, median, worst, target in rows:
        print(f"{name:<38}{median:>11.1f}{worst * 1000:>12.1f}{target:>11.0f}")


if __name__ == "__main__":
    main()
