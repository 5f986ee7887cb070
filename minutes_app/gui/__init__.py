"""The PySide6 editor. Nothing outside this package imports Qt."""
