"""``minutes-app notes NOTES.txt --into MEETING``: apply a notes file typed elsewhere to a meeting file.

The file is the whole running record: running the command again after correcting the file updates
what its lines produced, and removes what deleted lines produced (items edited by hand since stay).
"""

from __future__ import annotations

import argparse
import sys

from ..l10n.i18n import gettext as _
from ..l10n.i18n import ngettext
from ..model import NoteKind
from .apply import Action, Change, apply_notes
from .directory import directory_people
from .notes_file import read_notes_file


def _kind_name(kind: NoteKind) -> str:
    return {
        NoteKind.DISCUSSION: _("intervention"),
        NoteKind.DIRECTIVE: _("directive"),
        NoteKind.TASK: _("task"),
        NoteKind.GUEST: _("guest to check"),
        NoteKind.ABSENCE: _("absence"),
    }[kind]


def _headings() -> dict[Action, str]:
    return {
        Action.CREATED: _("Created:"),
        Action.UPDATED: _("Updated:"),
        Action.REMOVED: _("Removed:"),
        Action.UNLINKED: _("Edited by hand, no longer updated by its note:"),
        Action.KEPT: _("Edited by hand, kept although its note changed or was deleted:"),
    }


def _describe(change: Change) -> str:
    if change.line is None:
        return _("  {kind}: {label}").format(kind=_kind_name(change.kind), label=change.label)
    return _("  line {line}, {kind}: {label}").format(line=change.line, kind=_kind_name(change.kind),
                                                      label=change.label)


def run(args: argparse.Namespace) -> int:
    """Apply, print what changed, name each line that could not be placed; exit 1 for those unless --skip-bad."""
    from ..storage import load_meeting, save_meeting

    meeting = load_meeting(args.into)
    if meeting.is_final:
        print(_("{path}: the meeting is final; reopen it in the editor before adding notes").format(path=args.into),
              file=sys.stderr)
        return 1
    lines = read_notes_file(args.notes, meeting.meeting.start)
    outcome = apply_notes(meeting, lines, directory_people())
    for problem in outcome.problems:
        print(_("{path}, line {number}: {reason}: {text}").format(
            path=args.notes, number=problem.number, reason=problem.reason, text=problem.text), file=sys.stderr)
    bad = len(outcome.problems)
    if bad and not args.skip_bad:
        print(ngettext("Nothing written: {count} line could not be placed; correct it or use --skip-bad.",
                       "Nothing written: {count} lines could not be placed; correct them or use --skip-bad.",
                       bad).format(count=bad), file=sys.stderr)
        return 1
    for action, heading in _headings().items():
        changes = outcome.of(action)
        if changes:
            print(heading)
            for change in changes:
                print(_describe(change))
    if outcome.meeting != meeting:
        save_meeting(outcome.meeting, args.into)
        notes = len(outcome.meeting.notes)
        print(ngettext("Wrote {path} ({count} note).", "Wrote {path} ({count} notes).", notes).format(
            path=args.into, count=notes))
    else:
        print(_("{path}: nothing to change").format(path=args.into))
    if bad:
        print(ngettext("{count} line could not be placed; it is kept as an unplaced note.",
                       "{count} lines could not be placed; they are kept as unplaced notes.",
                       bad).format(count=bad), file=sys.stderr)
    return 0
