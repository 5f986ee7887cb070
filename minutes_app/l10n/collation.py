"""Vietnamese alphabetical order, and people sorted the Vietnamese way (given name first).

The letters follow the CLDR/ICU tailoring for Vietnamese: a ă â b c d đ e ê g h i k l m n o ô ơ p q
r s t u ư v x y (f j w z, for foreign names, in their Latin places). Tone marks are secondary: words
are compared by their letters first, and only words with the same letters by their tones, in the
order ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ). Upper and lower case differ only after that.

A name "Nguyễn Thị Ánh Tuyết" is sorted by the given name (Tuyết), then the middle names (Thị Ánh),
then the family name (Nguyễn), as Vietnamese lists of people are.

We implement the rule here rather than depend on PyICU: its wheels are not published for every
platform an office runs, and this rule is all we need (the tests check it against ICU where present).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
# Combining marks that carry the tone, in the order Vietnamese dictionaries give them (0 is ngang).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

SortKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def without_marks(text: str) -> str:
    """The text with no tone or vowel marks and đ as d ("Đồng Tháp" → "Dong Thap"): for searches typed
    without accents and for ASCII file names. Case is kept."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded(text: str) -> str:
    """Lower case without marks, đ as d, punctuation and spaces kept ("Tỷ đồng" → "ty dong"): how searches,
    headers and number words are compared."""
    return without_marks(text).casefold()


@lru_cache(maxsize=4096)
def _letter_and_tone(char: str) -> tuple[tuple[int, int], int, int]:
    """(primary weight, tone, case) of one character."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = next((_TONES[mark] for mark in decomposed if mark in _TONES), 0)
    base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in _TONES))
    lower = base.lower()
    case = 0 if base == lower else 1
    if lower in _LETTER_RANK:
        return (2, _LETTER_RANK[lower]), tone, case
    if lower.isdigit():
        return (1, int(lower) if lower.isascii() else ord(lower)), tone, case
    if lower.isspace() or not lower.isalnum():
        return (0, 0), tone, case  # spaces and punctuation count as the lowest character
    return (3, ord(lower)), tone, case  # other scripts and letters: after ours, by code point


def sort_key(text: str) -> SortKey:
    """A key that orders text in Vietnamese alphabetical order."""
    weights = [_letter_and_tone(char) for char in unicodedata.normalize("NFC", text.strip())]
    primary = tuple(part for weight, _tone, _case in weights for part in weight)
    return primary, tuple(tone for _w, tone, _c in weights), tuple(case for _w, _t, case in weights)


def name_parts(name: str) -> tuple[str, str, str]:
    """(given, middle, family) of a Vietnamese full name written family first."""
    words = name.split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return words[0], "", ""
    return words[-1], " ".join(words[1:-1]), words[0]


def person_sort_key(name: str) -> tuple[SortKey, ...]:
    """Order people by given name, then middle name, then family name."""
    given, middle, family = name_parts(name)
    return sort_key(given), sort_key(middle), sort_key(family), sort_key(name)


def sorted_people(names: list[str]) -> list[str]:
    return sorted(names, key=person_sort_key)
