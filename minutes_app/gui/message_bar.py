"""A coloured line above the form with a message and its buttons, shown without a modal dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class MessageBar(QFrame):
    """A hidden-by-default bar: a word-wrapped label, then ``buttons`` push buttons on the right."""

    def __init__(self, name: str, background: str, border: str, buttons: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.set_colours(background, border)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.buttons = [QPushButton() for _ in range(buttons)]
        for button in self.buttons:
            layout.addWidget(button)
        self.hide()

    def set_colours(self, background: str, border: str) -> None:
        """The bar's colours (a bar may turn from good news to a warning)."""
        name = self.objectName()
        self.setStyleSheet(f"#{name} {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}")
