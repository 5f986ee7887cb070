"""Finding the person a note names by any part of the name, with or without marks.

"@sáu", "@Sau", "@văn sáu" and "@SAU" all find "Trần Văn Sáu". The words typed must be whole words of
the name, in order; marks typed must match ("@sâu" does not find Sáu when they are typed), marks left
out match any; a word typed short ("@ngh") finds a name whose word starts so, when nothing else does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from ..l10n.collation import person_sort_key, without_marks
from ..model import Attendee

# Words that come before a name ("ông Sáu", "đ/c Nhanh") and are not part of it.
HONORIFICS = frozenset({"ong", "ba", "anh", "chi", "co", "chu", "dong chi", "d/c", "mr", "ms", "mrs", "dr"})


class Found(Enum):
    ONE = "one"
    NONE = "none"
    MANY = "many"


@dataclass(frozen=True)
class Match:
    """How a name typed in the notes was found among the attendees: the person, or the candidates."""

    found: Found
    person: Attendee | None = None
    candidates: tuple[Attendee, ...] = ()


@dataclass(frozen=True)
class _Name:
    """A name's words compared with and without their marks."""

    exact: tuple[str, ...]  # case folded, marks kept
    bare: tuple[str, ...]  # case folded, no marks


def _words(text: str) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", text).casefold().split())


def _bare(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(without_marks(word) for word in words)


def _contains(name: _Name, query: Sequence[str], marked: Sequence[bool], prefix: bool) -> tuple[bool, bool]:
    """(found, ends on the given name) for the query as consecutive words of the name.

    A word typed with marks (``marked``) must match them; a word typed without marks matches any."""
    size = len(query)
    found = ends_last = False
    for start in range(len(name.exact) - size + 1):
        same = True
        for offset, word in enumerate(query):
            have = (name.exact if marked[offset] else name.bare)[start + offset]
            if not (have.startswith(word) if prefix and offset == size - 1 else have == word):
                same = False
                break
        if same:
            found = True
            ends_last = ends_last or start + size == len(name.exact)
    return found, ends_last


# Names are offered at every key after "@": their order is worked out once per name.
_person_key = lru_cache(maxsize=16384)(person_sort_key)


@lru_cache(maxsize=16384)
def _name_of(name: str) -> _Name:
    exact = _words(name)
    return _Name(exact, _bare(exact))


class People:
    """A list of people to search, read once (the words of each name are folded a single time)."""

    def __init__(self, people: Sequence[Attendee]):
        self.people: list[Attendee] = []
        self._names: list[_Name] = []
        self._by_word: dict[str, list[int]] = {}  # a word without marks → the people whose name has it
        self._found: dict[tuple[str, ...], Match] = {}  # find() by the words asked, while nobody is added
        for person in people:
            self.add(person)

    @classmethod
    def of(cls, people: Sequence[Attendee]) -> People:
        """``People(people)``, read again only when the list or a name in it changed since the last few calls:
        the notes are placed again after every edit, with the same attendees almost every time."""
        key = tuple((id(person), person.name) for person in people)
        found = _RECENT.get(key)
        if found is None:
            found = _RECENT[key] = cls(people)
            while len(_RECENT) > 4:
                del _RECENT[next(iter(_RECENT))]
        return found

    def plus(self, person: Attendee) -> People:
        """A copy with one more person (the original may be shared: see ``of``)."""
        copy = People(())
        copy.people, copy._names = list(self.people), list(self._names)
        copy._by_word = {word: list(rows) for word, rows in self._by_word.items()}
        copy.add(person)
        return copy

    def add(self, person: Attendee) -> None:
        self._found.clear()
        name = _name_of(person.name)
        for word in set(name.bare):
            self._by_word.setdefault(word, []).append(len(self.people))
        self.people.append(person)
        self._names.append(name)

    def find(self, words: Sequence[str]) -> Match:
        """The one person the words name; several at the best level are reported, not guessed."""
        key = tuple(words)
        match = self._found.get(key)
        if match is None:
            match = self._found[key] = self._find(words)
        return match

    def _find(self, words: Sequence[str]) -> Match:
        query = _words(" ".join(words))
        while len(query) > 1:
            if " ".join(_bare(query[:2])) in HONORIFICS and len(query) > 2:
                query = query[2:]
            elif without_marks(query[0]) in HONORIFICS:
                query = query[1:]
            else:
                break
        if not query:
            return Match(Found.NONE)
        marked = [word != without_marks(word) for word in query]
        for prefix in (False, True):
            # A whole first word narrows the search to the names that have it.
            whole_first = not prefix or len(query) > 1
            candidates = self._by_word.get(without_marks(query[0]), []) if whole_first else range(len(self.people))
            hits = [(self.people[i], last) for i in candidates
                    for found, last in [_contains(self._names[i], query, marked, prefix)] if found]
            if not hits:
                continue
            if len(hits) > 1:
                # "@Sáu" names the person called Sáu before the one whose middle name is Sáu.
                on_given = [person for person, last in hits if last]
                if len(on_given) == 1:
                    return Match(Found.ONE, on_given[0])
                return Match(Found.MANY, candidates=tuple(person for person, _last in hits))
            return Match(Found.ONE, hits[0][0])
        return Match(Found.NONE)

    def starting(self, typed: str, limit: int = 12) -> list[Attendee]:
        """The people with a word of the name that starts with what was typed after "@" (for completion):
        those whose given name does first, then in Vietnamese order of names."""
        word = _words(typed)[:1]
        if not word:
            return []
        prefix = word[0]
        marked = prefix != without_marks(prefix)
        found: list[tuple[bool, Attendee]] = []
        for person, name in zip(self.people, self._names, strict=True):
            words = name.exact if marked else name.bare
            hits = [index for index, have in enumerate(words) if have.startswith(prefix)]
            if hits:
                found.append((hits[-1] != len(words) - 1, person))
        found.sort(key=lambda pair: (pair[0], _person_key(pair[1].name)))
        return [person for _later, person in found[:limit]]


# The People of the last attendee lists searched (``People.of``); each holds its people, so the ids in a
# key cannot be those of other objects while the key is here.
_RECENT: dict[tuple[tuple[int, str], ...], People] = {}
