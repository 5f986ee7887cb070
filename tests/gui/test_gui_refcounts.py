"""The PySide6 we depend on keeps Python's reference counts: 100,000 signal emits and the app's own
virtual overrides, called by Qt thousands of times, must not drain True, False or None.

PySide6-Essentials 6.12.0 dropped a reference to True on every ``Signal.emit()`` and to None on void
virtual calls: the interpreter aborted ("bool_dealloc") after about a thousand emits. pyproject.toml
excludes it. The script runs in a child interpreter so that an abort is a failure, not a dead run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("PySide6")

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QObject, Qt, Signal
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtCore import QCoreApplication, QEvent
    from minutes_app.gui.app import create_application
    from minutes_app.gui.document import MeetingDocument
    from minutes_app.gui.qt_translations import install_qt_translations
    from minutes_app.gui.table_models import attendee_model, indicator_model
    from minutes_app.gui.table_view import EditableTableView
    from minutes_app.model import Attendee, Indicator, Meeting

    app = create_application()
    install_qt_translations("vi")

    def counts():
        return sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)

    class Probe(QObject):
        plain = Signal()
        text = Signal(str)
        pair = Signal(object, str)

    probe, sink = Probe(), []
    probe.text.connect(sink.append)
    meeting = Meeting(attendees=[Attendee(name="Lê Văn A")], )
    meeting.results.indicators.append(Indicator(name="GDP", plan=10))
    document = MeetingDocument(meeting)
    before = counts()
    for number in range(100_000):
        probe.plain.emit()
        probe.text.emit("x")
        probe.pair.emit(None, "a")
        document.changed.emit()
        document.fieldChanged.emit(meeting, "title")
        sink.clear()
    after = counts()
    print("emits", [b - a for b, a in zip(before, after)])

    # The overrides Qt calls: the translator, the table model, the delegate, the view's keys, undo commands.
    view = EditableTableView()
    view.setModel(attendee_model(document))
    numbers = EditableTableView()
    numbers.setModel(indicator_model(document))
    view.resize(800, 300)
    view.show()
    before = counts()
    for number in range(2_000):
        QCoreApplication.translate("QPlatformTheme", "OK")
        QCoreApplication.translate("QDialogButtonBox", "&Cancel")
        index = view.model().index(0, number % 8)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = view.indexWidget(index) or view.focusWidget()
        if editor is not None and editor is not view:
            view.commitData(editor)
            view.closeEditor(editor, view.itemDelegate().EndEditHint.NoHint)
        cell = numbers.model().index(0, 3)
        numbers.model().setData(cell, str(number))
        numbers.model().data(cell)
        document.undo_stack.undo()
        document.undo_stack.redo()
        press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
        QCoreApplication.sendEvent(view, press)
        app.processEvents()
    after = counts()
    print("overrides", [b - a for b, a in zip(before, after)])
""")


@pytest.mark.slow
def test_signals_and_virtual_overrides_keep_reference_counts(tmp_path) -> None:  # noqa: ANN001
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    lost = {}
    for line in done.stdout.splitlines():
        name, _space, figures = line.partition(" ")
        lost[name] = [int(n) for n in figures.strip("[]").split(",")]
    assert set(lost) == {"emits", "overrides"}, done.stdout
    for name, (true, false, none) in lost.items():
        # A broken build loses one reference per call (100,000 or thousands); a few may move legitimately.
        assert true < 50 and false < 50 and none < 50, (name, lost[name])
