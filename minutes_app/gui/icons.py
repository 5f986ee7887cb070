"""The editor's icons: Qt's standard ones (the side bar's pages, the menus, the check's findings), read from
``resources/icons/standard``.

They are the images ``QStyle.standardIcon`` gives (``scripts/make_icons.py`` writes them, and a test keeps them
equal): asked of the style, PySide made QStyle's Python class and its 14 enums, some 580 members, a fortieth of the
editor's start-up, for the icons of its first frame. Read from files, they also look the same on every desktop,
as the Fusion style the editor uses everywhere does.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from ..paths import resources_dir

# The names of QStyle.StandardPixmap, without "SP_".
IconName = Literal[
    "ArrowBack", "ArrowForward", "BrowserReload", "DialogApplyButton", "DialogOkButton", "DialogOpenButton",
    "DialogSaveButton", "DirHomeIcon", "DirOpenIcon", "FileDialogDetailedView", "FileDialogInfoView", "FileIcon",
    "MessageBoxCritical", "MessageBoxInformation", "MessageBoxWarning",
]
SIZES: dict[str, tuple[int, ...]] = {"BrowserReload": (24, 32)}  # the others: DEFAULT_SIZES, as Qt has them
DEFAULT_SIZES = (16, 32, 128)

_cache: dict[str, QIcon] = {}


def standard_icon(name: IconName) -> QIcon:
    """The standard icon ``name`` (its files are read when it is first drawn)."""
    icon = _cache.get(name)
    if icon is None:
        icon = _cache[name] = QIcon()
        folder = resources_dir() / "icons" / "standard"
        for size in SIZES.get(name, DEFAULT_SIZES):
            icon.addFile(str(folder / f"{name}-{size}.png"), QSize(size, size))
    return icon
