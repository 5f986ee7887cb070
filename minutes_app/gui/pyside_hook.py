"""PySide's import hook, made lighter (``gui/__init__`` and ``gui.app.create_application`` call it)."""

from __future__ import annotations

import os
import sys
from typing import Any


def lighten_pyside_import_hook() -> None:
    """Let PySide's import hook find "PySide6" in a module's file by a plain read.

    Once PySide6 is loaded, every module imported after it (ours and the standard library's, some 190 as the
    window opens) goes through PySide's ``__feature__`` hook, which asks whether the module's source mentions
    "PySide6" through ``inspect.getsource`` (linecache, tokenize): about 0.15 ms a module, a tenth of the
    window's start-up. The same question answered by reading the file's bytes costs a few µs. Anything that is
    not a plain ``.py`` file is left to PySide's own check; without that hook (another PySide version) this
    does nothing. The standard library's modules (a third of them) never mention PySide6: not read at all.

    Nor are this program's own (66 as the window opens): PySide gives a module that uses it the switching default
    0, "no feature", and any other -1, "leave the features as they are"; this program selects no feature anywhere,
    so 0 for all of its modules is what each of them runs with either way."""
    feature = sys.modules.get("PySide6.support.feature")
    own_check = getattr(feature, "_mod_uses_pyside", None)
    if own_check is None or getattr(own_check, "lightened", False):
        return

    stdlib = os.path.dirname(os.__file__) + os.sep
    program = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep

    def uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(own_check(module))
        if path.startswith(program):
            return True
        if path.startswith(stdlib) and "-packages" not in path:  # (site- or dist-packages may live below it)
            return False
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
