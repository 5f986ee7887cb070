"""No module of the package is over 600 lines and no function over 60: a reader takes each in at once.

Lines are counted as the file has them (docstrings and comments included); a function from its ``def``
to its last line (decorators aside), a nested function inside its parent as well as on its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support import REPO

PACKAGE = REPO / "minutes_app"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60


def long_functions(source: str) -> dict[str, int]:
    """"name:line" → length of each function of ``source`` longer than the limit."""
    found = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found[f"{node.name}:{node.lineno}"] = length
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_fits_in_600_lines() -> None:
    long = {str(path.relative_to(REPO)): count for path in _modules()
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_every_function_fits_in_60_lines() -> None:
    long = {f"{path.relative_to(REPO)} {name}": length for path in _modules()
            for name, length in long_functions(path.read_text(encoding="utf-8")).items()}
    assert long == {}, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_the_measure_counts_every_line_of_a_function() -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(59))
    assert long_functions(f"def fits():\n{body}\n") == {}
    indented = body.replace("\n", "\n    ")
    assert long_functions(f"class A:\n    def method():\n    {indented}\n        return 1\n") == {"method:2": 61}
