"""The type hints of the whole package, the GUI included, are checked: mypy (configured in pyproject.toml)
finds nothing, and every ``# type: ignore`` left is one mypy still needs (``warn_unused_ignores``).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from support import REPO


@pytest.mark.slow  # a first run without mypy's cache takes several seconds
def test_mypy_finds_nothing_in_the_package() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
    # Every module, the GUI's too: nothing is left out by an exclude.
    modules = len(list((REPO / "minutes_app").rglob("*.py")))
    assert f"no issues found in {modules} source files" in result.stdout
