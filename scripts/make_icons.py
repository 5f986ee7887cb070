"""Render resources/icons/thuky.svg into the PNG sizes desktops use and the Windows .ico; write Qt's standard
icons that the editor uses (``minutes_app/gui/icons.py``) into resources/icons/standard.

Run after changing the SVG or the list of standard icons:
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py``. The outputs are committed (the window icon,
the Linux desktop entry, the Windows bundle and the editor use them).
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyle

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An .ico of PNG entries (Windows Vista and later read them)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def write_standard_icons() -> None:
    """Each icon the editor names, at the sizes Qt has it, as the Fusion style draws it on a desktop without an
    icon theme (the images Qt carries; the Windows theme's own are left to Windows' dialogs)."""
    import sys

    sys.path.insert(0, str(ICONS.parent.parent))
    from typing import get_args

    from minutes_app.gui.icons import DEFAULT_SIZES, SIZES, IconName

    folder = ICONS / "standard"
    folder.mkdir(exist_ok=True)
    style = QApplication.style()
    for name in get_args(IconName):
        icon = style.standardIcon(getattr(QStyle.StandardPixmap, f"SP_{name}"))
        sizes = tuple(size.width() for size in icon.availableSizes())
        assert sizes == SIZES.get(name, DEFAULT_SIZES), (name, sizes)
        for size in sizes:
            assert icon.pixmap(size, size).save(str(folder / f"{name}-{size}.png"), "PNG")


def main() -> None:
    _app = QApplication([__file__, "-style", "Fusion"])
    write_standard_icons()
    renderer = QSvgRenderer(str(ICONS / "thuky.svg"))
    images = {size: render(renderer, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        (ICONS / f"thuky-{size}.png").write_bytes(images[size])
    (ICONS / "thuky.ico").write_bytes(ico({size: images[size] for size in ICO_SIZES}))


if __name__ == "__main__":
    main()
