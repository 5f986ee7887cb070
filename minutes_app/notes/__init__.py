"""Quick notes: the running record typed during a meeting, and how its lines become the meeting's items.

``syntax`` reads one line, ``placing`` decides what the lines ask for in context, ``apply`` changes the
meeting accordingly (pure: it returns a new meeting and the list of changes), ``notes_file`` reads a
notes file typed elsewhere. No Qt and no I/O outside ``notes_file``.
"""

from .apply import Action, Change, NoteInput, NotesOutcome, apply_notes
from .placing import LineProblem
from .syntax import Line, LineKind, Part, Span, read_line

__all__ = ["Action", "Change", "Line", "LineKind", "LineProblem", "NoteInput", "NotesOutcome", "Part", "Span",
           "apply_notes", "read_line"]
