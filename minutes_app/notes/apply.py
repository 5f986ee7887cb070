"""Apply the quick notes to a meeting: create, update and remove what the lines ask for.

``apply_notes`` takes the meeting and the whole list of lines as they are now, and returns a new meeting
(the input is not changed) with the changes listed: the editor runs it after each edit and pushes the
before and after as one undo step; the command line runs it once on a notes file.

Every note keeps links to the items it produced or added to, with a fingerprint of the fields the notes
wrote. The lines given are matched to the notes already in the meeting (same text, or an edited line in
the same place), so an edited line updates what it produced and a deleted line removes it. An item
whose fields no longer match its fingerprint was edited by hand (or deleted by hand): it is left as it
is and the link is marked ``unlinked``, which the note shows; the notes never change it again.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import difflib
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

from ..l10n.formatting import format_numeric_date
from ..l10n.i18n import gettext as _
from ..model import Attendee, Directive, DiscussionItem, Meeting, Note, NoteKind, NoteLink, Task, Unlinked
from .placing import GUEST_FIELDS, LineProblem, Wanted, place_lines
from .syntax import Line, LineKind, read_line, split_time

# The fields of each kind of item that the notes write (and fingerprint).
FIELDS: dict[NoteKind, tuple[str, ...]] = {
    NoteKind.DISCUSSION: ("speaker", "position", "topic", "content"),
    NoteKind.DIRECTIVE: ("speaker", "position", "content"),
    NoteKind.TASK: ("task", "assignee", "deadline"),
    NoteKind.GUEST: GUEST_FIELDS,
    NoteKind.ABSENCE: ("present", "absence_reason"),
}
# The kinds of item a line of each kind opens (a continuation or a topic only adds to one).
_OWNS: dict[LineKind, frozenset[NoteKind]] = {
    LineKind.SPEAKER: frozenset({NoteKind.DISCUSSION, NoteKind.GUEST}),
    LineKind.DIRECTIVE: frozenset({NoteKind.DIRECTIVE, NoteKind.GUEST}),
    LineKind.TASK: frozenset({NoteKind.TASK}),
    LineKind.ABSENCE: frozenset({NoteKind.ABSENCE}),
}
ID_PREFIX = "n"


@dataclass(frozen=True)
class NoteInput:
    """One line as typed; ``time`` is when it was typed (a time written at its start wins)."""

    text: str
    time: dt.time | None = None


class Action(str, Enum):
    CREATED = "created"
    UPDATED = "updated"
    REMOVED = "removed"
    UNLINKED = "unlinked"  # edited or deleted by hand: the line no longer changes it
    KEPT = "kept"  # its line was deleted or changed, but it was edited by hand and stays


@dataclass(frozen=True)
class Change:
    """What the notes did to one item of the meeting (created, updated, removed, let go or kept), and its line."""

    action: Action
    kind: NoteKind
    id: str
    line: int | None  # the 1-based number of the line it comes from; None when that line is gone
    label: str  # a short description: "Trần Văn Sáu: Báo cáo …"


@dataclass
class NotesOutcome:
    """The meeting with the notes applied, what changed, and the lines' problems and parts."""

    meeting: Meeting  # a new meeting; lists that did not change are shared with the one given
    changes: list[Change]
    problems: list[LineProblem]
    lines: list[Line]  # every line given, read (for colouring the parts of each)

    def of(self, action: Action) -> list[Change]:
        return [change for change in self.changes if change.action is action]


def digest(kind: NoteKind, values: dict[str, Any]) -> str:
    """A fingerprint of the fields the notes write for an item of that kind."""
    return _digest((kind.value, *(str(values.get(name, "")) for name in FIELDS[kind])))


@lru_cache(maxsize=8192)
def _digest(data: tuple[str, ...]) -> str:
    return hashlib.sha1(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:16]


def _values(item: Any, kind: NoteKind) -> dict[str, Any]:
    return {name: getattr(item, name) for name in FIELDS[kind]}


_GROUP = {NoteKind.GUEST: "attendee", NoteKind.ABSENCE: "attendee", NoteKind.DISCUSSION: "discussion",
          NoteKind.DIRECTIVE: "directive", NoteKind.TASK: "task"}


def _index(items: list[Any], item: Any) -> int:
    return next(index for index, existing in enumerate(items) if existing is item)


class _Items:
    """The meeting's attendees, discussion and directives, found by id.

    Copy on write: the lists are copies, and an item is copied before it is changed, so the meeting
    given never changes and the new one shares every item that did not change."""

    def __init__(self, meeting: Meeting):
        self.attendees = list(meeting.attendees)
        self.discussion = list(meeting.discussion)
        self.directives = list(meeting.directives)
        self.copies: set[int] = set()  # id() of the items copied here, which are ours to change
        self.replaced: dict[int, Any] = {}  # id() of an item of the meeting given → its copy
        self.by_id: dict[tuple[str, str], Any] = {}
        self.parent: dict[str, Directive] = {}  # a task's id → its directive
        for group, items in (("attendee", self.attendees), ("discussion", self.discussion),
                             ("directive", self.directives)):
            self.by_id.update(((group, item.id), item) for item in items if item.id)
        for directive in self.directives:
            for task in directive.tasks:
                if task.id:
                    self.by_id["task", task.id] = task
                    self.parent[task.id] = directive
        numbers = [int(key[len(ID_PREFIX):]) for _group, key in self.by_id
                   if key.startswith(ID_PREFIX) and key[len(ID_PREFIX):].isdigit()]
        self.next_number = max(numbers, default=0) + 1

    def new_id(self) -> str:
        self.next_number += 1
        return f"{ID_PREFIX}{self.next_number - 1}"

    def find(self, kind: NoteKind, item_id: str) -> Any:
        return self.by_id.get((_GROUP[kind], item_id)) if item_id else None

    def list_of(self, kind: NoteKind) -> list[Any]:
        if kind in (NoteKind.GUEST, NoteKind.ABSENCE):
            return self.attendees
        return self.discussion if kind is NoteKind.DISCUSSION else self.directives

    def own(self, kind: NoteKind, item: Any) -> Any:
        """The item, copied into its place first unless it is already a copy of ours."""
        if id(item) in self.copies:
            return item
        if id(item) in self.replaced:
            return self.replaced[id(item)]
        mine = copy.copy(item)
        if kind is NoteKind.TASK:
            directive = self.own(NoteKind.DIRECTIVE, self.parent[item.id])
            directive.tasks[_index(directive.tasks, item)] = mine
        else:
            items = self.list_of(kind)
            items[_index(items, item)] = mine
            if kind is NoteKind.DIRECTIVE:
                mine.tasks = list(item.tasks)
                self.parent.update((task.id, mine) for task in mine.tasks if task.id)
        self.copies.add(id(mine))
        self.replaced[id(item)] = mine
        if mine.id:
            self.by_id[_GROUP[kind], mine.id] = mine
        return mine

    def add(self, kind: NoteKind, item: Any, items: list[Any], group: Sequence[Wanted] = (), at: int = 0) -> None:
        self.copies.add(id(item))
        _insert(items, item, group, at)
        self.by_id[_GROUP[kind], item.id] = item

    def remove(self, kind: NoteKind, item: Any) -> None:
        if kind is NoteKind.TASK:
            directive = self.own(NoteKind.DIRECTIVE, self.parent.pop(item.id))
            directive.tasks.pop(_index(directive.tasks, item))
        else:
            items = self.list_of(kind)
            items.pop(_index(items, item))
        del self.by_id[_GROUP[kind], item.id]

    def task_list(self, directive_id: str) -> list[Task] | None:
        """The tasks of that directive, ours to change; None when it is gone."""
        directive = self.find(NoteKind.DIRECTIVE, directive_id)
        return self.own(NoteKind.DIRECTIVE, directive).tasks if directive is not None else None

    def move(self, task: Task, directive_id: str) -> bool:
        """Put a task under another directive (at its end); False when it is there already or that is gone."""
        target = self.find(NoteKind.DIRECTIVE, directive_id)
        if target is None or self.parent[task.id] is target:
            return False
        self.remove(NoteKind.TASK, task)
        target = self.own(NoteKind.DIRECTIVE, target)
        target.tasks.append(task)
        self.by_id["task", task.id] = task
        self.parent[task.id] = target
        return True


def _match_notes(old: Sequence[Note], texts: Sequence[str]) -> dict[int, Note]:
    """For each new line (by index), the earlier note it is: the same text, or an edited line in its place.

    Within a run of changed lines, an edited line is paired with the changed earlier line of the same
    kind that it resembles most (a deleted line next to an edited one must not take its place)."""
    matcher = difflib.SequenceMatcher(None, [note.text for note in old], list(texts), autojunk=False)
    matched: dict[int, Note] = {}
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(old_end - old_start):
                matched[new_start + offset] = old[old_start + offset]
        elif tag == "replace":
            first = old_start
            for new in range(new_start, new_end):
                kind = read_line(texts[new]).kind
                scored = [(_resemblance(kind, texts[new], old[index].text), index) for index in range(first, old_end)]
                best = max(scored, default=None)
                if best is not None and best[0] >= 1.0:
                    matched[new] = old[best[1]]
                    first = best[1] + 1
    return matched


def _resemblance(kind: LineKind, text: str, other: str) -> float:
    """1 and more for lines of the same kind (more when alike); under 1 for different kinds."""
    same = 1.0 if read_line(other).kind is kind else 0.0
    return same + difflib.SequenceMatcher(None, text, other).ratio()


def _insert(items: list[Any], item: Any, group: Sequence[Wanted], at: int) -> None:
    """Put a new item after the item of the nearest sibling line before it that is in the list, else
    before the first of the following ones; at the end when none is there."""
    earlier = at - 1
    while earlier >= 0 and not group[earlier].id:
        earlier -= 1
    if earlier >= 0 and items and items[-1].id == group[earlier].id:
        items.append(item)  # the usual case, typing at the end: no search
        return
    positions = {existing.id: index for index, existing in enumerate(items) if existing.id}
    before = [positions[w.id] for w in group[:at] if w.id in positions]
    if before:
        items.insert(max(before) + 1, item)
        return
    later = [positions[w.id] for w in group[at + 1:] if w.id in positions]
    items.insert(min(later) if later else len(items), item)


class _Applier:
    def __init__(self, meeting: Meeting, texts: Sequence[str]):
        self.meeting = meeting
        self.texts = texts  # the lines as given, without their leading times
        self.items = _Items(meeting)
        self.language = meeting.language.value
        self.changes: list[Change] = []
        self.extra_problems: list[LineProblem] = []

    def label(self, kind: NoteKind, values: dict[str, Any]) -> str:
        if kind is NoteKind.TASK:
            text = values["task"] + (f" → {values['assignee']}" if values["assignee"] else "")
            return text + (f", {format_numeric_date(values['deadline'], self.language)}" if values["deadline"] else "")
        if kind is NoteKind.GUEST:
            return values["name"]
        if kind is NoteKind.ABSENCE:
            return values.get("name", "") + (f" ({values['absence_reason']})" if values["absence_reason"] else "")
        text = values["content"] or values.get("topic", "")
        short = text if len(text) <= 60 else text[:59] + "…"
        return f"{values['speaker']}: {short}" if short else values["speaker"]

    def note(self, action: Action, kind: NoteKind, item_id: str, line: int | None, values: dict[str, Any]) -> None:
        self.changes.append(Change(action, kind, item_id, line, self.label(kind, values)))

    def check_links(self, notes: Sequence[Note]) -> tuple[list[Note], set[int]]:
        """Copies of the notes whose links to items edited or deleted by hand are marked unlinked;
        and the id()s of the links marked now."""
        checked: list[Note] = []
        fresh: set[int] = set()
        for old in notes:
            links = []
            for link in old.items:
                if link.unlinked is None:
                    item = self.items.find(link.kind, link.id)
                    state = None
                    if item is None:
                        state = Unlinked.DELETED
                    elif digest(link.kind, _values(item, link.kind)) != link.digest:
                        state = Unlinked.EDITED
                    if state is not None:
                        link = dataclasses.replace(link, unlinked=state)
                        fresh.add(id(link))
                links.append(link)
            # The same note object when nothing changed: fewer new objects per keystroke, fewer long GC passes.
            same = all(new is was for new, was in zip(links, old.items, strict=True))
            checked.append(old if same else dataclasses.replace(old, items=links))
        return checked, fresh

    def write(self, wanted: Wanted, siblings: Callable[[Wanted], tuple[list[Wanted], int]]) -> None:
        """Create or update the item one wanted entry stands for."""
        kind, link, line = wanted.kind, wanted.link, wanted.owner + 1
        values = dict(wanted.fields)
        if link is not None and link.unlinked is not None:
            return
        if kind is NoteKind.ABSENCE:
            assert wanted.person is not None
            values["name"] = wanted.person.name
        written = {name: values[name] for name in FIELDS[kind]}
        item = self.items.find(kind, wanted.id) if link is not None else None
        if item is not None:
            moved = kind is NoteKind.TASK and wanted.parent is not None and self.items.move(item, wanted.parent.id)
            changed = _values(item, kind) != written
            if changed:
                item = self.items.own(kind, item)
                for name, value in written.items():
                    setattr(item, name, value)
            if moved or changed:
                self.note(Action.UPDATED, kind, wanted.id, line, values)
            return
        if kind is NoteKind.ABSENCE:
            assert wanted.person is not None
            person = self.items.own(kind, wanted.person)
            person.id = person.id or self.items.new_id()
            person.present, person.absence_reason = False, values["absence_reason"]
            self.items.by_id["attendee", person.id] = person
            wanted.id = person.id
            self.note(Action.CREATED, kind, wanted.id, line, values)
            return
        new_id = self.items.new_id()
        if kind is NoteKind.GUEST:
            assert wanted.person is not None
            new: Any = wanted.person
            new.id = new_id
            self.items.add(kind, new, self.items.attendees)
        else:
            new = {NoteKind.DISCUSSION: DiscussionItem, NoteKind.DIRECTIVE: Directive, NoteKind.TASK: Task}[kind](
                **written, id=new_id)
            if kind is NoteKind.TASK:
                target = self.items.task_list(wanted.parent.id) if wanted.parent is not None else None
            else:
                target = self.items.list_of(kind)
            if target is None:
                self.extra_problems.append(LineProblem(line, self.texts[wanted.owner],
                                                       _("the directive of this task was deleted by hand")))
                return
            group, at = siblings(wanted)
            self.items.add(kind, new, target, group, at)
            if kind is NoteKind.TASK:
                assert wanted.parent is not None
                self.items.parent[new_id] = self.items.find(NoteKind.DIRECTIVE, wanted.parent.id)
        wanted.id = new_id
        self.note(Action.CREATED, kind, new_id, line, values)

    def remove(self, link: NoteLink, line: int | None, fresh: set[int]) -> None:
        """What a deleted or changed line produced goes, unless it was edited by hand (then it stays)."""
        item = self.items.find(link.kind, link.id)
        if item is None:
            return
        values = _values(item, link.kind)
        if link.kind is NoteKind.ABSENCE:
            values["name"] = item.name
        if link.unlinked is not None:
            if id(link) in fresh:
                self.note(Action.KEPT, link.kind, link.id, line, values)
            return
        if link.kind is NoteKind.DIRECTIVE and item.tasks:
            self.note(Action.KEPT, link.kind, link.id, line, values)  # tasks added by hand stay with it
            return
        if link.kind is NoteKind.ABSENCE:
            item = self.items.own(link.kind, item)
            item.present, item.absence_reason = True, ""
        else:
            self.items.remove(link.kind, item)
        self.note(Action.REMOVED, link.kind, link.id, line, values)


def apply_notes(meeting: Meeting, lines: Sequence[NoteInput], directory: Sequence[Attendee] = (),
                today: dt.date | None = None) -> NotesOutcome:
    """The meeting with the notes ``lines`` applied (they replace the meeting's notes); see the module."""
    split = [split_time(line.text) for line in lines]
    texts = [rest for _time, rest, _problem in split]
    applier = _Applier(meeting, texts)
    kept = [index for index, text in enumerate(texts) if text]  # blank lines are not notes
    old_notes, fresh = applier.check_links(meeting.notes)
    matched = {kept[new]: note for new, note in _match_notes(old_notes, [texts[i] for i in kept]).items()}

    # Guests the notes added are found again by placing; those edited by hand are ordinary attendees.
    note_guests = {link.id for note in old_notes for link in note.items
                   if link.kind is NoteKind.GUEST and link.unlinked is None}
    attendees = [person for person in applier.items.attendees if person.id not in note_guests]
    placed = place_lines([line.text for line in lines], meeting, attendees, directory, today)

    orphans = _carry_links(old_notes, matched, placed.wanted)

    for wanted in placed.wanted:
        if wanted.link is not None and id(wanted.link) in fresh:
            values = dict(wanted.fields, name=wanted.person.name if wanted.person else "")
            applier.note(Action.UNLINKED, wanted.kind, wanted.link.id, wanted.owner + 1, values)

    # The items of one kind (tasks: of one directive) in the order of their lines, and each one's place.
    groups: dict[tuple[NoteKind, int], list[Wanted]] = {}
    place: dict[int, int] = {}
    for wanted in placed.wanted:
        group = groups.setdefault((wanted.kind, id(wanted.parent)), [])
        place[id(wanted)] = len(group)
        group.append(wanted)

    def siblings(wanted: Wanted) -> tuple[list[Wanted], int]:
        return groups[wanted.kind, id(wanted.parent)], place[id(wanted)]

    for kind in (NoteKind.GUEST, NoteKind.ABSENCE, NoteKind.DISCUSSION, NoteKind.DIRECTIVE, NoteKind.TASK):
        for wanted in placed.wanted:
            if wanted.kind is kind:
                applier.write(wanted, siblings)
    order = [NoteKind.TASK, NoteKind.DISCUSSION, NoteKind.DIRECTIVE, NoteKind.GUEST, NoteKind.ABSENCE]
    still_made = {(wanted.kind, wanted.id) for wanted in placed.wanted if wanted.id}
    for link, line in sorted(orphans, key=lambda pair: order.index(pair[0].kind)):
        if (link.kind, link.id) not in still_made:  # an attendee another line marks absent stays absent
            applier.remove(link, line, fresh)

    notes = _notes(lines, split, kept, matched, placed.wanted)
    items = applier.items
    result = dataclasses.replace(meeting, attendees=items.attendees, discussion=items.discussion,
                                 directives=items.directives, notes=notes)
    problems = sorted(placed.problems + applier.extra_problems, key=lambda problem: problem.number)
    changes = sorted(applier.changes, key=lambda change: (change.line is None, change.line or 0))
    return NotesOutcome(result, changes, problems, placed.lines)


def _carry_links(old_notes: Sequence[Note], matched: dict[int, Note],
                 wanted_items: Sequence[Wanted]) -> list[tuple[NoteLink, int | None]]:
    """Give each wanted item the link its line had last time (same kind, same order); return the links left
    over (orphans), each with the number of its note's line now (None: the line is gone)."""
    orphans: list[tuple[NoteLink, int | None]] = []
    carried: set[int] = set()
    by_owner: dict[int, list[Wanted]] = {}
    for wanted in wanted_items:
        by_owner.setdefault(wanted.owner, []).append(wanted)
    owns = {id(note): _OWNS.get(read_line(note.text).kind, frozenset()) for note in old_notes}
    for index, old in matched.items():
        for kind in owns[id(old)]:
            links = [link for link in old.items if link.kind is kind]
            wants = [w for w in by_owner.get(index, []) if w.kind is kind]
            if kind is NoteKind.ABSENCE:
                for want in wants:
                    want.link = next((link for link in links if want.person and link.id == want.person.id), None)
            else:
                for want, link in zip(wants, links, strict=False):
                    want.link = link
            for want in wants:
                if want.link is not None:
                    want.id = want.link.id
                    carried.add(id(want.link))
    new_line = {id(note): index + 1 for index, note in matched.items()}
    for old in old_notes:
        for link in old.items:
            if link.kind in owns[id(old)] and id(link) not in carried:
                orphans.append((link, new_line.get(id(old))))
    return orphans

def _notes(lines: Sequence[NoteInput], split: Sequence[tuple[dt.time | None, str, str]], kept: Sequence[int],
           matched: dict[int, Note], wanted: Sequence[Wanted]) -> list[Note]:
    """The meeting's new notes: one per line that is not blank, with the links to what it produced."""
    links: dict[int, list[NoteLink]] = {}
    for want in wanted:
        if not want.id:
            continue
        if want.link is not None and want.link.unlinked is not None:
            link = want.link
        else:
            link = NoteLink(id=want.id, kind=want.kind, digest=digest(want.kind, want.fields))
            if link == want.link:
                link = want.link
        for index in want.contributors:
            links.setdefault(index, []).append(link)
    notes = []
    for index in kept:
        _written, text, _problem = split[index]
        time = _written or lines[index].time
        old = matched.get(index)
        items = links.get(index, [])
        if old is not None and (old.text, old.time, old.items) == (text, time, items):
            notes.append(old)  # unchanged: the same object (the editor applies after every keystroke)
        else:
            notes.append(Note(time=time, text=text, items=items, extra=dict(old.extra) if old is not None else {}))
    return notes
