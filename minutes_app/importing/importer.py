"""Rows of a spreadsheet → Indicator / Attendee objects, with one error per refused cell.

Nothing here touches a meeting file: ``read_sheet`` gives a preview (rows and errors), ``plan_import``
says which rows fill in records the meeting already has (same name: next month's meeting starts with
last month's indicators and people) and which are new, and ``apply_import`` does it once the user (or
the CLI) has decided.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..l10n.i18n import gettext as _
from ..model import Attendee, Gender, Indicator, Meeting, Role, Target
from .headers import ATTENDEES, FIELDS, INDICATORS, apply_explicit, fold, guess_kind, guess_mapping, normalise
from .mapping_store import load_last_mapping
from .numbers import NotANumber, is_blank, parse_number
from .reading import ImportFileError, read_rows

HEADER_SEARCH_ROWS = 30  # title rows above the header are common; the header is near the top
_ROMAN_PREFIX = re.compile(r"^\s*(?:[IVXLC]+|[A-Z]|\d+)[.)]\s+")


@dataclass
class RowError:
    """A refused cell: the row number as the spreadsheet shows it and the column's header."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("row {row}, column {column}: {message}").format(row=self.row, column=self.column,
                                                                 message=self.message)


@dataclass
class ImportedRow:
    """An item read from a spreadsheet, and its row there."""

    row: int
    item: Indicator | Attendee


@dataclass
class ImportResult:
    """The preview of an import: what would be added and what was refused."""

    kind: str
    header_row: int
    headers: list[str]
    mapping: dict[str, str]  # header text → field, as used (the form to remember)
    rows: list[ImportedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def items(self) -> list[Indicator | Attendee]:
        return [row.item for row in self.rows]


class _CellError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _words(value: object) -> str:
    return normalise(value)


def _choice(table: Mapping[str, object], message: str) -> Callable[[object], object]:
    def parse(value: object) -> object:
        key = _words(value)
        if key not in table:
            raise _CellError(message.format(value=str(value).strip()))
        return table[key]
    return parse


_GENDERS = {"nam": Gender.MALE, "male": Gender.MALE, "m": Gender.MALE, "ong": Gender.MALE,
            "nu": Gender.FEMALE, "female": Gender.FEMALE, "f": Gender.FEMALE, "ba": Gender.FEMALE}
_ROLES = {"chu tri": Role.CHAIR, "chair": Role.CHAIR, "chu toa": Role.CHAIR,
          "thu ky": Role.SECRETARY, "secretary": Role.SECRETARY,
          "thanh vien": Role.MEMBER, "member": Role.MEMBER, "du hop": Role.MEMBER,
          "khach moi": Role.GUEST, "khach": Role.GUEST, "guest": Role.GUEST}
_PRESENT = {"co": True, "co mat": True, "x": True, "yes": True, "y": True, "true": True, "1": True, "present": True,
            "vang": False, "vang mat": False, "khong": False, "no": False, "n": False, "false": False, "0": False,
            "absent": False}
_TARGETS = {"at least": Target.AT_LEAST, "at_least": Target.AT_LEAST, "toi thieu": Target.AT_LEAST,
            "it nhat": Target.AT_LEAST, "khong duoi": Target.AT_LEAST, "tang": Target.AT_LEAST,
            "at most": Target.AT_MOST, "at_most": Target.AT_MOST, "toi da": Target.AT_MOST,
            "khong vuot": Target.AT_MOST, "khong qua": Target.AT_MOST, "giam": Target.AT_MOST}


def _target(value: object) -> Target:
    text = str(value).strip()
    if text in (">=", "≥"):
        return Target.AT_LEAST
    if text in ("<=", "≤"):
        return Target.AT_MOST
    key = _words(fold(text).replace("_", " "))
    if key in _TARGETS:
        return _TARGETS[key]
    raise _CellError(_('"{value}" is not a direction; write ≥ (at least) or ≤ (at most)').format(value=text))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _find_header(path: Path, rows: Sequence[tuple[int, list[object]]], kind: str | None,
                 explicit: Mapping[str, str]) -> tuple[int, str]:
    """Index in ``rows`` of the first row that maps at least two known columns, and the kind."""
    wanted = {normalise(header) for header in explicit}
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        kinds = (kind,) if kind else (INDICATORS, ATTENDEES)
        named = sum(1 for cell in cells if cell is not None and normalise(cell) in wanted and normalise(cell))
        for candidate in kinds:
            if len(guess_mapping(cells, candidate)) + named >= 2:
                return index, kind or guess_kind(cells)
        if named >= min(2, len(wanted)) and wanted and kind:
            return index, kind
    raise ImportFileError(_("{path}: no header row found in the first {count} rows; expected columns such as "
                            "Chỉ tiêu, ĐVT, Kế hoạch, Thực hiện or Họ và tên, Chức vụ, Đơn vị").format(
        path=path, count=HEADER_SEARCH_ROWS))


def read_sheet(path: Path, kind: str | None = None, mapping: Mapping[str, str] | None = None,
               sheet: str | None = None, locale: str = "vi", remembered: bool = True) -> ImportResult:
    """Read ``path`` (.xlsx or .csv) into a preview of indicators or attendees.

    ``kind`` is guessed from the headers when None. Columns map by header name; the last mapping the
    user chose (when ``remembered``) and then ``mapping`` ({header: field}, "" to ignore a column)
    override the guess. Raises ImportFileError when the file or its header row cannot be read.
    """
    rows = read_rows(Path(path), sheet)
    explicit = dict(mapping or {})
    start, kind = _find_header(Path(path), rows, kind, explicit)
    header_number, header_cells = rows[start]
    headers = [_text(cell) for cell in header_cells]
    columns = guess_mapping(headers, kind)
    if remembered:
        columns = apply_explicit(headers, load_last_mapping(kind), kind, columns)
    try:
        columns = apply_explicit(headers, explicit, kind, columns)
    except ValueError as error:
        raise ImportFileError(_("{path}: {field} is not a field here; the fields are: {fields}").format(
            path=path, field=error, fields=", ".join(FIELDS[kind]))) from error
    if "name" not in columns.values():
        raise ImportFileError(_("{path}, row {row}: no column gives the name (such as Chỉ tiêu or Họ và tên)")
                              .format(path=path, row=header_number))
    result = ImportResult(kind=kind, header_row=header_number, headers=headers,
                          mapping={headers[index]: name for index, name in sorted(columns.items())})
    build = _indicator if kind == INDICATORS else _attendee
    sector = ""
    for number, cells in rows[start + 1:]:
        values = {name: (cells[index] if index < len(cells) else None) for index, name in columns.items()}
        if all(is_blank(value) for value in values.values()):
            continue
        label = {name: headers[index] or str(index + 1) for index, name in columns.items()}
        if kind == INDICATORS and "sector" not in values and _is_sector_heading(values):
            sector = _ROMAN_PREFIX.sub("", _text(values["name"]))
            continue
        errors: list[RowError] = []
        item = build(values, label, number, errors, locale, sector)
        if errors:
            result.errors.extend(errors)
        else:
            result.rows.append(ImportedRow(number, item))
    return result


def _is_sector_heading(values: Mapping[str, object]) -> bool:
    """ "I. Kinh tế" alone on its row: a group heading, not an indicator."""
    return not is_blank(values.get("name")) and all(
        is_blank(value) for name, value in values.items() if name not in ("name", "note"))


def _indicator(values: Mapping[str, object], label: Mapping[str, str], row: int, errors: list[RowError],
               locale: str, sector: str) -> Indicator:
    indicator = Indicator(sector=sector)
    unit = _text(values.get("unit"))
    for name, value in values.items():
        try:
            if name in ("plan", "actual", "previous"):
                try:
                    setattr(indicator, name, parse_number(value, locale, unit))
                except NotANumber as error:
                    raise _CellError(_('"{value}" is not a number').format(value=_text(value))) from error
            elif name == "target":
                indicator.target = Target.AT_LEAST if is_blank(value) else _target(value)
            else:
                setattr(indicator, name, _text(value))
        except _CellError as error:
            errors.append(RowError(row, label[name], error.message))
    if not indicator.name:
        errors.append(RowError(row, label["name"], _("the name is empty")))
    return indicator


def _attendee(values: Mapping[str, object], label: Mapping[str, str], row: int, errors: list[RowError],
              locale: str, sector: str) -> Attendee:
    del locale, sector  # attendees have neither numbers nor sectors
    attendee = Attendee()
    parsers: dict[str, Callable[[object], object]] = {
        "gender": _choice(_GENDERS, _('"{value}" is not a gender; write nam or nữ (male or female)')),
        "role": _choice(_ROLES, _('"{value}" is not a role; write chủ trì, thư ký, thành viên or khách mời')),
        "present": _choice(_PRESENT, _('"{value}" is neither present nor absent; write có or vắng')),
    }
    present_given = False
    for name, value in values.items():
        try:
            if name in parsers:
                if is_blank(value) and not (isinstance(value, str) and value.strip().casefold() == "x"):
                    continue
                if isinstance(value, bool):
                    parsed: object = value
                else:
                    parsed = parsers[name](value)
                setattr(attendee, name, parsed)
                present_given = present_given or name == "present"
            else:
                setattr(attendee, name, _text(value))
        except _CellError as error:
            errors.append(RowError(row, label[name], error.message))
    if not present_given and attendee.absence_reason:
        attendee.present = False  # a reason for absence says the person was absent
    if not attendee.name:
        errors.append(RowError(row, label["name"], _("the name is empty")))
    return attendee


@dataclass
class ImportPlan:
    """What an import does to a meeting: fill in records it already has, add the others."""

    updates: list[tuple[Indicator | Attendee, dict[str, Any]]] = field(default_factory=list)  # record → new values
    additions: list[Indicator | Attendee] = field(default_factory=list)
    unchanged: int = 0  # rows naming a record that already holds every value they give

    @property
    def changes(self) -> int:
        return len(self.updates) + len(self.additions)


def _same_name(name: str) -> str:
    # Case and spacing only: "Lê Văn Hùng" and "Lê Văn Hưng" are two people.
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def target_list(meeting: Meeting, kind: str) -> list[Any]:
    """The meeting's list an import of ``kind`` goes into."""
    return meeting.results.indicators if kind == INDICATORS else meeting.attendees


def plan_import(meeting: Meeting, result: ImportResult) -> ImportPlan:
    """Match the good rows to the meeting's records by name.

    A row naming a record fills in the values it gives (a figure, a text that is not empty, a choice
    other than the default), so last month's plan and direction stay when the sheet has only this
    month's figures; a row naming nothing new is added. Two rows of the same name: the second fills
    in the first.
    """
    plan = ImportPlan()
    held: dict[str, Any] = {}
    for record in target_list(meeting, result.kind):
        held.setdefault(_same_name(record.name), record)
    defaults = {f.name: f.default for f in dataclasses.fields(Indicator if result.kind == INDICATORS else Attendee)
                if f.name not in ("name", "extra")}
    for item in result.items:
        record = held.get(_same_name(item.name))
        if record is None:
            item = copy.deepcopy(item)  # the preview stays as read
            held[_same_name(item.name)] = item
            plan.additions.append(item)
            continue
        values = {name: getattr(item, name) for name, default in defaults.items()
                  if getattr(item, name) != default and getattr(item, name) != getattr(record, name)}
        pending = next((changes for updated, changes in plan.updates if updated is record), None)
        if record in plan.additions:
            for name, value in values.items():
                setattr(record, name, value)
        elif pending is not None:
            pending.update(values)
        elif values:
            plan.updates.append((record, values))
        else:
            plan.unchanged += 1
    return plan


def apply_import(meeting: Meeting, result: ImportResult, plan: ImportPlan | None = None) -> ImportPlan:
    """Fill in and add the preview's good rows (``plan``, else planned now); returns what was done."""
    plan = plan or plan_import(meeting, result)
    for record, values in plan.updates:
        for name, value in values.items():
            setattr(record, name, value)
    target_list(meeting, result.kind).extend(plan.additions)
    return plan
