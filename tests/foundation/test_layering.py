"""The layers below the GUI never import Qt (README, "Layout of the code": gui → export, storage, l10n → model)."""

from __future__ import annotations

import subprocess
import sys

from support import REPO

CODE = """
import importlib, pkgutil, sys
import minutes_app
for name in ("minutes_app.model", "minutes_app.storage", "minutes_app.l10n", "minutes_app.export",
             "minutes_app.check", "minutes_app.importing", "minutes_app.notes",
             "minutes_app.cli"):
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), name + "."):
        importlib.import_module(info.name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(",".join(qt))
"""


def test_model_storage_l10n_export_never_import_qt() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "", f"Qt imported below the GUI: {result.stdout}"
