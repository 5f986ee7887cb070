"""Small helpers that make generated prose read as a person writes it.

They are plain functions (the templates reach them as filters, see ``templating``) and know two
document languages, Vietnamese and English. Numbers and dates stay in ``l10n.formatting``; here live
the words around them: honorifics, lists, the part of the day, capitals, sentence ends.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ..model import Gender
from ..model.period import Period

_HONORIFICS = {
    "vi": {Gender.MALE: "ông", Gender.FEMALE: "bà"},
    "en": {Gender.MALE: "Mr", Gender.FEMALE: "Ms"},
}
_AND = {"vi": "và", "en": "and"}
_PARTS_OF_DAY = {
    "vi": ("Sáng", "Chiều", "Tối"),
    "en": ("morning", "afternoon", "evening"),
}
NOON = dt.time(12, 0)
EVENING = dt.time(18, 0)
_SENTENCE_END = (".", "!", "?", "…", "./.")
# Words Vietnamese writes with a capital wherever they stand.
_ALWAYS_CAPITAL = frozenset({"Đảng", "Bác"})
_TRAILING = " \t\r\n;,:."
# First words that begin no name, whatever capital the next word has: "Họp Hội đồng quản trị".
_NEVER_A_NAME = frozenset({"họp", "cuộc", "phiên", "buổi", "meeting"})
_ROMAN = re.compile(r"^[IVX]{1,4}[,.;:/]?$")


def _lang(language: str) -> str:
    return "vi" if language == "vi" else "en"


def honorific(gender: Gender | str | None, language: str) -> str:
    """"ông"/"bà" (vi), "Mr"/"Ms" (en); nothing when the gender is not given."""
    try:
        key = Gender(gender) if gender is not None else Gender.UNSPECIFIED
    except ValueError:
        return ""
    return _HONORIFICS[_lang(language)].get(key, "")


def join_list(items: Iterable[object] | None, language: str) -> str:
    """Join as a person would: "A, B và C" / "A, B and C" (no Oxford comma); blanks are skipped."""
    words = [str(item).strip() for item in items or () if item is not None and str(item).strip()]
    if len(words) <= 1:
        return words[0] if words else ""
    return f"{', '.join(words[:-1])} {_AND[_lang(language)]} {words[-1]}"


def part_of_day(value: dt.time | None, language: str) -> str:
    """"Sáng"/"Chiều"/"Tối" (vi) or "morning"/"afternoon"/"evening" (en) from the start time.

    Before noon is morning, before 18:00 afternoon, later evening; no time gives "".
    """
    if value is None:
        return ""
    morning, afternoon, evening = _PARTS_OF_DAY[_lang(language)]
    if value < NOON:
        return morning
    return afternoon if value < EVENING else evening


def upper_first(text: str | None) -> str:
    """The text with its first letter in capitals (the rest untouched)."""
    text = (text or "").strip()
    return text[:1].upper() + text[1:]


def lower_first(text: str | None) -> str:
    """The first letter in lower case, unless the first word is an abbreviation ("UBND", "HTX") or
    begins a proper name ("Ban Chỉ huy", "Huyện ủy Lấp Vò" — a capital starting the next word too)."""
    text = (text or "").strip()
    if not text:
        return ""
    words = text.split()
    first = words[0]
    if len(first) > 1 and first[1:].lower() != first[1:]:
        return text  # UBND, HĐND, COVID-19, iPhone-like words keep their case
    if any(ch.isdigit() for ch in first) or first.strip(",.;:") in _ALWAYS_CAPITAL:
        return text  # "Covid-19", "Đảng", "Bác": names however they stand
    if first.casefold() in _NEVER_A_NAME:
        return text[:1].lower() + text[1:]  # "Họp Hội đồng sư phạm": a meeting of a named body
    if len(words) > 1 and words[1][:1].isupper() and words[1][:1].isalpha() and not _ROMAN.match(words[1]):
        return text  # "Ban Chỉ huy", "Phòng Nội vụ": a name; "Quý I năm 2024" is not
    return text[:1].lower() + text[1:]


def place_name(text: str | None) -> str:
    """An English place as it follows "at": a common noun takes "the" ("the Community room, 12 Elm
    Street"); a name ("Meeting Room 2", "Can Tho University"), an address or a phrase with its own
    article stays as typed."""
    text = (text or "").strip()
    words = text.split(",", 1)[0].split()
    if len(words) < 2 or words[0].casefold() in {"the", "a", "an"} or not words[0][:1].isupper():
        return text
    common = [w for w in words[1:] if w[:1].isalpha() and w[:1].islower() and w not in {"of", "and", "for"}]
    return f"the {text}" if common else text


def strip_end(text: str | None) -> str:
    """The text without the punctuation that ends it, so it can go inside a longer sentence."""
    return (text or "").strip().rstrip(_TRAILING).strip()


def sentence(text: str | None) -> str:
    """The text as a finished sentence: capital first, a full stop at the end unless it has one."""
    text = (text or "").strip().rstrip(" ;,:")
    if not text:
        return ""
    text = upper_first(text)
    return text if text.endswith(_SENTENCE_END) else text + "."


def closing_mark(text: str | None) -> str:
    """The last sentence of a Vietnamese administrative text ends "./."."""
    text = strip_end(text)
    return f"{text}./." if text else ""


def previous_period(period: Period | None, language: str) -> str:
    """What the figure of the period before is called in prose ("so với …", "up 12% on …").

    A whole year compares with the year before ("năm 2022"), a school year with the one before ("năm học
    2022-2023"); a part of a year with the same part of the year before ("cùng kỳ năm 2023"); a period
    without a year, or none, with "cùng kỳ" / "the same period last year".
    """
    vi = _lang(language) == "vi"
    if period is None or period.year is None:
        return "cùng kỳ" if vi else "the same period last year"
    if period.school_year is not None:
        before = period.previous_school_year
        if period.whole_year:
            return f"năm học {before}" if vi else f"the {before} school year"
        return f"cùng kỳ năm học {before}" if vi else f"the same period of the {before} school year"
    if period.whole_year:
        return f"năm {period.year - 1}" if vi else str(period.year - 1)
    return f"cùng kỳ năm {period.year - 1}" if vi else f"the same period of {period.year - 1}"
