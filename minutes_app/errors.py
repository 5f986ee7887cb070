"""The program's one base exception and the errors that carry a message for the user."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class MinutesError(Exception):
    """Base of every error Thư Ký reports to the user; ``str()`` is a message fit to show."""


class MeetingFileError(MinutesError):
    """A meeting file cannot be read: one message per problem, each naming where it is."""

    def __init__(self, path: Path | str, problems: Sequence[str]):
        self.path = Path(path)
        self.problems = list(problems)
        super().__init__("\n".join(f"{self.path}: {problem}" for problem in self.problems))


class SaveError(MinutesError):
    """A meeting or a document could not be written; nothing on disk was damaged."""


class ExportError(MinutesError):
    """A document could not be produced (a missing exporter, LibreOffice, a template problem)."""


class ReferenceDocError(ExportError):
    """The office's reference DOCX is missing, not a DOCX, or unreadable."""


class FallbackWarning(UserWarning):
    """An office's own template or reference DOCX failed; the built-in one was used instead.

    Exporters issue it with ``warnings.warn``; the CLI prints it and the editor shows it.
    """


class ReferenceCleanedWarning(FallbackWarning):
    """The office's reference DOCX was used without what an export must not carry (macros, links to
    outside files, custom properties…); the message says what was left out."""
