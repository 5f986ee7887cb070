"""Start-up helpers of ``gui.app``: PySide's import hook, made lighter, still gives PySide the answer
its own check gives (whether a module's source mentions PySide6) for every module but the program's own, which all
get "uses PySide" (the switching default "no feature", which is what they all run with); the collector is paused only
while the application and the window are made."""

from __future__ import annotations

import importlib
import inspect
import os
import sys

import pytest

pytest.importorskip("PySide6")


def test_the_lighter_check_answers_as_pysides_own() -> None:
    from minutes_app.gui.app import create_application

    create_application()
    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide has no __feature__ import hook")
    check = feature._mod_uses_pyside
    assert getattr(check, "lightened", False)
    names = ["minutes_app.gui.main_window", "minutes_app.gui.pages", "minutes_app.model", "minutes_app.storage.codec",
             "json", "babel.dates", "collections", "math", "_datetime", "PySide6.QtCore"]
    answers = {}
    for name in names:
        module = importlib.import_module(name)
        try:
            own = "PySide6" in inspect.getsource(module)
        except (OSError, TypeError):
            own = False  # compiled: PySide's check says no
        answers[name] = (check(module), own)
    ours = {name: answer for name, answer in answers.items() if name.startswith("minutes_app.")}
    assert all(lighter for lighter, _own in ours.values()), ours  # the program's own modules: not read
    assert all(lighter == own for name, (lighter, own) in answers.items() if name not in ours), answers
    assert answers["minutes_app.gui.main_window"] == (True, True) and answers["json"] == (False, False)
    assert answers["babel.dates"] == (False, False) and answers["minutes_app.model"] == (True, False)
    # The program never selects a PySide feature: with none selected, "no feature" is what every module runs with.
    root = importlib.import_module("minutes_app").__path__[0]
    for folder, _dirs, files in os.walk(root):
        for file in files:
            if file.endswith(".py"):
                with open(f"{folder}/{file}", encoding="utf-8") as source:
                    assert "__feature__ import" not in source.read(), file


def test_the_collector_is_paused_only_while_the_application_and_window_are_made() -> None:
    import gc

    from minutes_app.gui.app import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer one turns it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()  # a caller that had turned it off keeps it off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
