"""A coloured line above the form with a message and its buttons, shown without a modal dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


class MessageBar(QFrame):
    """A hidden-by-default bar: a word-wrapped label, then ``buttons`` push buttons on the right.

    Its rounded box is painted here rather than by a style sheet: the window makes three bars as it opens, and a
    style sheet on each was parsed and put a style-sheet style over the bar and its buttons, for a box."""

    def __init__(self, name: str, background: str, border: str, buttons: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.set_colours(background, border)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(11, 7, 11, 7)  # inside the 1-pixel border painted around them
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.buttons = [QPushButton() for _ in range(buttons)]
        for button in self.buttons:
            layout.addWidget(button)
        self.hide()

    def set_colours(self, background: str, border: str) -> None:
        """The bar's colours (a bar may turn from good news to a warning)."""
        self.colours = (background, border)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QColor, QPainter

        background, border = self.colours
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(border))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
