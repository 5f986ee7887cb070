"""The editor's icons are read from resources/icons/standard, not asked of the style while the window opens; they
must stay the images the style gives (``scripts/make_icons.py`` writes them again after a Qt upgrade)."""

from __future__ import annotations

from typing import get_args

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyle

from minutes_app.gui.icons import DEFAULT_SIZES, SIZES, IconName, standard_icon


@pytest.mark.parametrize("name", get_args(IconName))
def test_each_icon_is_the_styles_own_at_every_size(qapp, name: str) -> None:  # noqa: ANN001
    ours = standard_icon(name)  # type: ignore[arg-type]  # (each name of the Literal, one at a time)
    theirs = QApplication.style().standardIcon(getattr(QStyle.StandardPixmap, f"SP_{name}"))
    sizes = SIZES.get(name, DEFAULT_SIZES)
    assert tuple(size.width() for size in theirs.availableSizes()) == sizes
    assert not ours.isNull()
    for size in sizes:
        image = ours.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        expected = theirs.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        assert image.size() == expected.size() and image == expected, (name, size)
