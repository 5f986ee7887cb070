"""Quick notes: the running record typed during a meeting, and how its lines become the meeting's items.

``syntax`` reads one line, ``placing`` decides what the lines ask for in context, ``apply`` changes the
meeting accordingly (pure: it returns a new meeting and the list of changes), ``notes_file`` reads a
notes file typed elsewhere. No Qt and no I/O outside ``notes_file``.

The names below are imported when first asked for: the editor's window needs only ``running`` (where its
side bar puts the notes' entry) to open, and the parser once the notes page is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

if TYPE_CHECKING:
    from .apply import Action, Change, NoteInput, NotesOutcome, apply_notes
    from .placing import LineProblem
    from .syntax import Line, LineKind, Part, Span, read_line

__all__ = ["Action", "Change", "Line", "LineKind", "LineProblem", "NoteInput", "NotesOutcome", "Part", "Span",
           "apply_notes", "read_line"]

__getattr__ = lazy_names(__name__, {
    "Action": "apply", "Change": "apply", "NoteInput": "apply", "NotesOutcome": "apply", "apply_notes": "apply",
    "LineProblem": "placing", "Line": "syntax", "LineKind": "syntax", "Part": "syntax", "Span": "syntax",
    "read_line": "syntax"})
