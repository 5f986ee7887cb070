"""Names a package offers but imports from its modules only when first asked for (PEP 562).

The editor's window opens without what it needs only later (the check rules, the notes' parser, the intermediate
document): ``__getattr__ = lazy_names(__name__, {"run_checks": "running", …})`` in the package's ``__init__``,
with the same names imported under ``TYPE_CHECKING`` for the type checker."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_names(package: str, modules: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``name`` from ``package``'s submodule ``modules[name]``, once."""

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook's own name
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{module}", package), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
