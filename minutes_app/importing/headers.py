"""Column headers to fields: Vietnamese or English, case- and diacritics-insensitive."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..l10n.collation import folded

INDICATORS = "indicators"
ATTENDEES = "attendees"
KINDS = (INDICATORS, ATTENDEES)

FIELDS: dict[str, tuple[str, ...]] = {
    INDICATORS: ("sector", "name", "unit", "plan", "actual", "previous", "target", "note"),
    ATTENDEES: ("name", "gender", "position", "organization", "role", "present", "absence_reason", "bridge"),
}

# Normalised header texts (see ``normalise``) that name each field.
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    INDICATORS: {
        "sector": ("linh vuc", "nganh", "nhom chi tieu", "nhom", "sector", "field", "area"),
        "name": ("chi tieu", "ten chi tieu", "noi dung", "noi dung chi tieu", "indicator", "indicator name", "name"),
        "unit": ("dvt", "d v t", "don vi tinh", "don vi", "unit", "units"),
        "plan": ("ke hoach", "kh", "chi tieu ke hoach", "plan", "planned", "target value"),
        "actual": ("thuc hien", "uoc thuc hien", "uoc th", "th", "ket qua", "ket qua thuc hien", "actual",
                   "achieved", "result", "results"),
        "previous": ("cung ky", "cung ky nam truoc", "nam truoc", "ky truoc", "thuc hien cung ky", "previous",
                     "last year", "same period last year", "prior year"),
        "target": ("loai chi tieu", "chieu chi tieu", "huong", "target", "direction"),
        "note": ("ghi chu", "note", "notes", "remarks", "comment"),
    },
    ATTENDEES: {
        "name": ("ho va ten", "ho ten", "ten", "name", "full name"),
        "gender": ("gioi tinh", "gender", "sex"),
        "position": ("chuc vu", "chuc danh", "position", "title", "job title"),
        "organization": ("don vi", "co quan", "co quan don vi", "don vi cong tac", "to chuc", "organization",
                         "organisation", "agency"),
        "role": ("vai tro", "role"),
        "present": ("co mat", "tham du", "du hop", "present", "attendance", "attended"),
        "absence_reason": ("ly do vang", "ly do vang mat", "ly do", "absence reason", "reason"),
        "bridge": ("diem cau", "cau truyen hinh", "bridge", "venue"),
    },
}

# Headers of computed comparison columns ("Thực hiện so với kế hoạch (%)") are not the figures themselves.
_COMPARISONS = ("so voi", "so sanh", "ty le", "tang giam", "compared", "ratio", "percent of", " vs ")


def fold(text: object) -> str:
    """Lower case without diacritics, đ → d; punctuation kept: "Tỷ đồng" → "ty dong"."""
    return folded(str(text or ""))


def normalise(text: object) -> str:
    """``fold`` with punctuation turned into single spaces: "Đ.V.T" → "d v t"."""
    return re.sub(r"[^0-9a-z]+", " ", fold(text)).strip()


def _field_for(header: str, kind: str) -> str | None:
    key = normalise(header)
    if not key or any(mark in f" {key} " for mark in _COMPARISONS):
        return None
    aliases = ALIASES[kind]
    for field, names in aliases.items():
        if key in names:
            return field
    # "Kế hoạch năm 2025", "Cùng kỳ 2024": the longest alias that starts the header wins.
    best: tuple[int, str] | None = None
    for field, names in aliases.items():
        for name in names:
            if key.startswith(name + " ") and (best is None or len(name) > best[0]):
                best = (len(name), field)
    return best[1] if best else None


def guess_mapping(headers: Sequence[object], kind: str) -> dict[int, str]:
    """Column index → field, each field at most once (the leftmost column wins)."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = _field_for(str(header), kind) if header is not None else None
        if field and field not in mapping.values():
            mapping[index] = field
    return mapping


def apply_explicit(headers: Sequence[object], explicit: Mapping[str, str], kind: str,
                   base: Mapping[int, str] | None = None) -> dict[int, str]:
    """Overlay ``{header text: field}`` (matched like guessed headers) on ``base``; "" or None unmaps."""
    wanted = {normalise(header): field for header, field in explicit.items()}
    mapping = dict(base or {})
    for index, header in enumerate(headers):
        key = normalise(header)
        if key and key in wanted:
            field = wanted[key]
            mapping.pop(index, None)
            if field:
                if field not in FIELDS[kind]:
                    raise ValueError(field)
                for other in [i for i, f in mapping.items() if f == field]:
                    del mapping[other]
                mapping[index] = field
    return mapping


def score(headers: Iterable[object], kind: str) -> int:
    """How many known fields the row names; a header row names at least two."""
    return len(guess_mapping(list(headers), kind))


def guess_kind(headers: Sequence[object]) -> str:
    """Indicators or attendees, by which names more columns besides the shared "name"."""
    def weight(kind: str) -> tuple[int, int]:
        fields = guess_mapping(headers, kind).values()
        return len(fields), sum(1 for f in fields if f != "name")

    return ATTENDEES if weight(ATTENDEES) > weight(INDICATORS) else INDICATORS
