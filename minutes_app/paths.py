"""Where the program's own data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # An installed wheel carries the folder inside the package (setup.py copies it there);
    # a source checkout or an editable install keeps it at the top of the repository.
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


def templates_dir() -> Path:
    return _data_dir("templates")


def resources_dir() -> Path:
    return _data_dir("resources")


def samples_dir() -> Path:
    return resources_dir() / "samples"


def locale_dir() -> Path:
    return PACKAGE_DIR / "locale"


def schema_path() -> Path:
    return PACKAGE_DIR / "schema" / "meeting.schema.json"
