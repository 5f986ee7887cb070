"""Thư Ký — the meeting-minutes editor for Vietnamese public offices."""

__version__ = "0.1.0"
