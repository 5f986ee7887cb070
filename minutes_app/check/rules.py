"""The checks run before export: one small function per rule, each yielding findings.

What counts as an empty section the documents expect (rule ``missing-field`` and the ``no-…`` rules):
- the minutes print the title, date, start and end times, place, issuing agency, the place of the date
  line, the chair and the secretary: each missing one is an error;
- a meeting without attendees has no "Thành phần tham dự": an error;
- no directives leaves the notice of conclusions without conclusions, and no recipients leaves the
  minutes without "Nơi nhận": warnings (a short internal meeting may have neither);
- when there are directives, the notice needs its signer's name and a title to sign under (and the
  head's title after KT., TL., TUQ.): warnings — the signature prints only the titles typed;
- a Vietnamese number line needs an agency code, typed or derived from the issuing agency: an error
  (without it "Số: 05/BB-" looks filled in and is not).
Not checked: the document numbers themselves (a blank number is written by hand), the discussion
(a meeting may have none), the results (not every meeting reviews figures).

Names are compared after NFC normalisation, collapsing white space and case folding, so "Trần  Văn
Sáu" typed with Telex and "trần văn sáu" pasted from a PDF are the same person.

A document number is "already used" when another meeting in the same folder of the same agency code
and the same year carries the same number for the same kind of document (minutes or notice): offices
number each kind of document from 01 every year. "5" and "05" are the same number.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from ..l10n.agency import agency_code
from ..l10n.formatting import format_numeric_date, format_time_of_day
from ..l10n.i18n import gettext as _
from ..l10n.i18n import ui_language
from ..l10n.workdays import EMPTY_CALENDAR, WorkCalendar, is_working_day, public_holiday_name
from ..model import Directive, DiscussionItem, Meeting, Signing, Task
from .findings import Finding, Page, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING
# Signed for the head by someone else, whose own title follows the head's.
DELEGATED = frozenset({Signing.ON_BEHALF, Signing.BY_ORDER, Signing.BY_DELEGATION})


@dataclass(frozen=True)
class CheckContext:
    """What the rules need beyond the meeting: the other meetings of its folder and the calendar."""

    folder_meetings: Sequence[tuple[str, Meeting]] = ()  # (file name shown to the user, meeting)
    calendar: WorkCalendar = field(default=EMPTY_CALENDAR)


Rule = Callable[[Meeting, CheckContext], Iterator[Finding]]


def normalize_name(name: str) -> str:
    """The form in which two spellings of one person's name compare equal."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def _date(value: dt.date) -> str:
    return format_numeric_date(value, ui_language())


def _attendee_names(meeting: Meeting) -> set[str]:
    return {normalize_name(a.name) for a in meeting.attendees if a.name.strip()}


# -- people --------------------------------------------------------------------------------------
def chair_not_attendee(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    chair = meeting.meeting.chair.strip()
    if chair and meeting.attendees and normalize_name(chair) not in _attendee_names(meeting):
        yield Finding("chair-not-attendee", WARNING, Page.GENERAL, ("meeting", "chair"),
                      _("The chair, {name}, is not in the list of attendees.").format(name=chair), person=chair)


def secretary_not_attendee(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    secretary = meeting.meeting.secretary.strip()
    if secretary and meeting.attendees and normalize_name(secretary) not in _attendee_names(meeting):
        yield Finding("secretary-not-attendee", WARNING, Page.GENERAL, ("meeting", "secretary"),
                      _("The secretary, {name}, is not in the list of attendees.").format(name=secretary),
                      person=secretary)


def speaker_not_attendee(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    """Each speaker missing from the attendees, once, where they first speak.

    The chair and the secretary are left to their own rules, so that one missing person is reported once.
    """
    info = meeting.meeting
    known = _attendee_names(meeting) | {normalize_name(info.chair), normalize_name(info.secretary)}
    if not meeting.attendees:
        return  # "no attendees" says it all
    reported: set[str] = set()
    places: tuple[tuple[Page, str, Sequence[DiscussionItem | Directive], str], ...] = (
        (Page.DISCUSSION, "discussion", meeting.discussion,
         _("{name} speaks in the discussion but is not in the list of attendees.")),
        (Page.DIRECTIVES, "directives", meeting.directives,
         _("{name} gives directions but is not in the list of attendees.")),
    )
    for page, list_name, items, message in places:
        for index, item in enumerate(items):
            key = normalize_name(item.speaker)
            if key and key not in known and key not in reported:
                reported.add(key)
                name = item.speaker.strip()
                yield Finding("speaker-not-attendee", WARNING, page, (list_name, index, "speaker"),
                              message.format(name=name), person=name)


def duplicate_attendee(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    first_row: dict[str, int] = {}
    for index, attendee in enumerate(meeting.attendees):
        key = normalize_name(attendee.name)
        if not key:
            continue
        if key in first_row:
            yield Finding("duplicate-attendee", ERROR, Page.ATTENDEES, ("attendees", index, "name"),
                          _("{name} is listed twice among the attendees (rows {first} and {second}).").format(
                              name=meeting.attendees[first_row[key]].name.strip(), first=first_row[key] + 1,
                              second=index + 1),
                          person=attendee.name.strip())
        else:
            first_row[key] = index


def guest_to_check(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    """A guest the quick notes added for a name they did not know, until the secretary marks it checked."""
    for index, attendee in enumerate(meeting.attendees):
        if attendee.to_check:
            yield Finding("guest-to-check", WARNING, Page.ATTENDEES, ("attendees", index, "name"),
                          _("{name} was added as a guest from the quick notes: check the name, position and "
                            "organisation, then mark it checked on the Attendees page.").format(
                              name=attendee.name.strip() or "?"))


# -- tasks ---------------------------------------------------------------------------------------
def _tasks(meeting: Meeting) -> Iterator[tuple[int, int, str, Task]]:
    for d_index, directive in enumerate(meeting.directives):
        for t_index, task in enumerate(directive.tasks):
            yield d_index, t_index, _task_name(task.task), task


def _task_name(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


def task_without_assignee(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    for d_index, t_index, name, task in _tasks(meeting):
        if not task.assignee.strip():
            yield Finding("task-without-assignee", WARNING, Page.DIRECTIVES,
                          ("directives", d_index, "tasks", t_index, "assignee"),
                          _("The task “{task}” has no unit in charge.").format(task=name))


def task_without_deadline(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    for d_index, t_index, name, task in _tasks(meeting):
        if task.deadline is None:
            yield Finding("task-without-deadline", WARNING, Page.DIRECTIVES,
                          ("directives", d_index, "tasks", t_index, "deadline"),
                          _("The task “{task}” has no deadline.").format(task=name))


def task_deadline_before_meeting(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    held = meeting.meeting.date
    if held is None:
        return
    for d_index, t_index, name, task in _tasks(meeting):
        if task.deadline is not None and task.deadline < held:
            yield Finding("task-deadline-before-meeting", ERROR, Page.DIRECTIVES,
                          ("directives", d_index, "tasks", t_index, "deadline"),
                          _("The deadline of the task “{task}”, {deadline}, is before the meeting ({date}).").format(
                              task=name, deadline=_date(task.deadline), date=_date(held)))


def task_deadline_on_day_off(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    held = meeting.meeting.date
    for d_index, t_index, name, task in _tasks(meeting):
        deadline = task.deadline
        if deadline is None or (held is not None and deadline < held) or is_working_day(deadline, context.calendar):
            continue
        path = ("directives", d_index, "tasks", t_index, "deadline")
        holiday = public_holiday_name(deadline, ui_language())
        if deadline in context.calendar.days_off:
            message = _("The deadline of the task “{task}”, {deadline}, is a day off in your calendar.")
        elif holiday:
            message = _("The deadline of the task “{task}”, {deadline}, is a public holiday ({holiday}).")
        else:
            message = _("The deadline of the task “{task}”, {deadline}, falls on a weekend.")
        yield Finding("task-deadline-day-off", WARNING, Page.DIRECTIVES, path,
                      message.format(task=name, deadline=_date(deadline), holiday=holiday or ""))


def follow_up_not_reported(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    """A task carried from an earlier meeting with nothing said about it: the minutes would list it bare."""
    for index, task in enumerate(meeting.follow_up):
        if task.done is None and not task.progress.strip() and task.task.strip():
            yield Finding("follow-up-not-reported", WARNING, Page.FOLLOW_UP, ("follow_up", index, "progress"),
                          _("Nothing is reported on the carried task “{task}”: tick Done on or type what the unit "
                            "reported.").format(task=_task_name(task.task)))


# -- results -------------------------------------------------------------------------------------
def _indicator_name(name: str, index: int) -> str:
    return name.strip() or _("row {row}").format(row=index + 1)


def indicator_without_unit(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    for index, indicator in enumerate(meeting.results.indicators):
        has_figure = any(v is not None for v in (indicator.plan, indicator.actual, indicator.previous))
        if has_figure and not indicator.unit.strip():
            yield Finding("indicator-without-unit", WARNING, Page.RESULTS, ("results", "indicators", index, "unit"),
                          _("The indicator “{name}” has figures but no unit.").format(
                              name=_indicator_name(indicator.name, index)))


def indicator_without_reference(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    for index, indicator in enumerate(meeting.results.indicators):
        if indicator.actual is not None and indicator.plan is None and indicator.previous is None:
            yield Finding("indicator-without-reference", WARNING, Page.RESULTS,
                          ("results", "indicators", index, "plan"),
                          _("The indicator “{name}” has a result but neither a plan nor last year's figure to "
                            "compare it with.").format(name=_indicator_name(indicator.name, index)))


# -- times ---------------------------------------------------------------------------------------
def end_before_start(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    start, end = meeting.meeting.start, meeting.meeting.end
    if start is not None and end is not None and end < start:
        language = ui_language()
        yield Finding("end-before-start", ERROR, Page.GENERAL, ("meeting", "end"),
                      _("The meeting ends at {end}, before it starts at {start}.").format(
                          end=format_time_of_day(end, language), start=format_time_of_day(start, language)))


# -- empty sections ------------------------------------------------------------------------------
def missing_field(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    info, header = meeting.meeting, meeting.header
    checks = (
        (("meeting", "title"), not info.title.strip(), _("The meeting has no title.")),
        (("meeting", "date"), info.date is None, _("The date of the meeting is missing.")),
        (("meeting", "start"), info.start is None, _("The time the meeting started is missing.")),
        (("meeting", "end"), info.end is None, _("The time the meeting ended is missing.")),
        (("meeting", "location"), not info.location.strip(), _("The place of the meeting is missing.")),
        (("meeting", "chair"), not info.chair.strip(), _("Nobody is named as the chair.")),
        (("meeting", "secretary"), not info.secretary.strip(), _("Nobody is named as the secretary.")),
        (("header", "agency"), not header.agency.strip(), _("The issuing agency of the letterhead is missing.")),
        (("header", "place"), not header.place.strip(),
         _("The place on the date line of the letterhead is missing.")),
    )
    for path, missing, message in checks:
        if missing:
            yield Finding("missing-field", ERROR, Page.GENERAL, path, message)


def no_attendees(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    if not meeting.attendees:
        yield Finding("no-attendees", ERROR, Page.ATTENDEES, ("attendees",),
                      _("Nobody is listed as attending the meeting."))


def no_directives(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    if not meeting.directives:
        yield Finding("no-directives", WARNING, Page.DIRECTIVES, ("directives",),
                      _("There are no directives: the notice of conclusions would have nothing to announce."))


def no_recipients(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    if not any(r.strip() for r in meeting.closing.recipients):
        yield Finding("no-recipients", WARNING, Page.CLOSING, ("closing", "recipients"),
                      _("The minutes have no recipients (“Nơi nhận”)."))


def notice_without_signer(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    if meeting.directives and not meeting.notice.signer_name.strip():
        yield Finding("notice-without-signer", WARNING, Page.CLOSING, ("notice", "signer_name"),
                      _("The notice of conclusions has no signer's name."))


def number_without_code(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    """"Số: 05/BB-" looks filled in and is not: the code is neither typed nor derivable from the agency."""
    if meeting.language.value == "vi" and not agency_code(meeting.header, "vi"):
        yield Finding("number-without-code", ERROR, Page.GENERAL, ("header", "agency_code"),
                      _("The number lines would print without an agency code (“Số: …/BB-”): type the code, "
                        "or an issuing agency it can be derived from."))


def notice_signature_incomplete(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    """The signature prints only the titles typed: say which one is missing rather than invent it."""
    notice = meeting.notice
    if not meeting.directives:
        return
    if not (notice.authority.strip() or notice.signer_title.strip()):
        yield Finding("notice-signature-incomplete", WARNING, Page.CLOSING, ("notice", "signer_title"),
                      _("The signature of the notice has no title (“CHỦ TỊCH”, “GIÁM ĐỐC”)."))
    elif notice.signing in DELEGATED and not notice.authority.strip():
        yield Finding("notice-signature-incomplete", WARNING, Page.CLOSING, ("notice", "authority"),
                      _("The notice is signed for the head (KT., TL., TUQ.) but the head's title is missing."))


# -- the folder ----------------------------------------------------------------------------------
def normalize_number(number: str) -> str:
    """"05" and "5" are the same document number; other numbers compare without case and spaces."""
    text = "".join(number.split()).casefold()
    return str(int(text)) if text.isdigit() else text


def _same_series(meeting: Meeting, other: Meeting) -> bool:
    """Same agency code and, when both are dated, the same year (numbering restarts each year)."""
    if normalize_name(meeting.header.agency_code) != normalize_name(other.header.agency_code):
        return False
    ours, theirs = meeting.meeting.date, other.meeting.date
    return ours is None or theirs is None or ours.year == theirs.year


def duplicate_document_number(meeting: Meeting, context: CheckContext) -> Iterator[Finding]:
    kinds = (
        (Page.GENERAL, ("header", "number"), lambda m: m.header.number,
         _("The minutes number {number} is already used by the meeting of {date} in “{file}”."),
         _("The minutes number {number} is already used by the meeting in “{file}”.")),
        (Page.CLOSING, ("notice", "number"), lambda m: m.notice.number,
         _("The notice number {number} is already used by the meeting of {date} in “{file}”."),
         _("The notice number {number} is already used by the meeting in “{file}”.")),
    )
    for page, path, number_of, dated, undated in kinds:
        ours = normalize_number(number_of(meeting))
        if not ours:
            continue
        for file_name, other in context.folder_meetings:
            if normalize_number(number_of(other)) == ours and _same_series(meeting, other):
                date = other.meeting.date
                message = (dated if date else undated).format(
                    number=number_of(meeting).strip(), file=file_name, date=_date(date) if date else "")
                yield Finding("duplicate-document-number", ERROR, page, path, message)
                break  # one other file is enough to say so


RULES: tuple[Rule, ...] = (
    missing_field,
    end_before_start,
    chair_not_attendee,
    secretary_not_attendee,
    duplicate_document_number,
    no_attendees,
    duplicate_attendee,
    guest_to_check,
    indicator_without_unit,
    indicator_without_reference,
    speaker_not_attendee,
    no_directives,
    task_without_assignee,
    task_without_deadline,
    task_deadline_before_meeting,
    task_deadline_on_day_off,
    follow_up_not_reported,
    no_recipients,
    notice_without_signer,
    notice_signature_incomplete,
    number_without_code,
)
