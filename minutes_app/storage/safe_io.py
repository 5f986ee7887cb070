"""Moved to ``minutes_app.safe_io`` (the layers below storage read files from outside too); this name is
kept for the folder index, which another branch owns this round."""

from ..safe_io import FileTooLarge, NotARegularFile, is_link, read_regular, read_regular_stat

__all__ = ["FileTooLarge", "NotARegularFile", "is_link", "read_regular", "read_regular_stat"]
