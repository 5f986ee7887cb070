"""The minutes (biên bản, NĐ 30/2020 Mẫu 1.9) as an intermediate Document.

The order is the decree's: start time, place, attendance, chair, secretary, the content as the meeting
went (results, indicator table, highlights, shortcomings, the review of the tasks carried from the
earlier meeting, discussion, directives with their tasks, the closing), the closing time, the copies
line, signatures and recipients. Sections with nothing in them are left out. Every label and fixed
sentence comes from ``templates/minutes/phrases.<lang>.j2`` (an office may override it); numbers and
dates go through Babel in the meeting's language.
"""

from __future__ import annotations

import math
from typing import Any

from ..l10n import formatting as fmt
from ..l10n.agency import agency_code
from ..model import Attendee, Meeting, Role
from ..model.computations import (
    Status,
    change_from_previous,
    change_ratio_from_previous,
    group_by_sector,
    headcount,
    intervention_times,
    percent_of_plan,
    results_tally,
    status,
)
from ..model.meeting import Indicator
from ..model.period import meeting_period
from .document import (
    Align,
    Column,
    Document,
    Heading,
    LabelledLine,
    Letterhead,
    Paragraph,
    Run,
    Signatory,
    SignatureBlock,
    Table,
    TableRow,
    Title,
)
from .follow_up import CarriedTask, FollowUp, follow_up
from .options import ExportOptions
from .parts import format_number_field, recipients_block, timestamp
from .phrases import Phrases
from .prose import previous_period

# Proportions of the columns (writers scale them to the text width; these sum to A4's 165 mm).
INDICATOR_WIDTHS = (44, 13, 25, 25, 19, 19, 20)
TASK_WIDTHS = (85, 55, 25)
FOLLOW_UP_WIDTHS = (9, 50, 33, 21, 52)


def build_minutes(meeting: Meeting, options: ExportOptions | None = None) -> Document:
    """The minutes of ``meeting`` in its own language."""
    language = str(meeting.language)
    p = Phrases(language, (options or ExportOptions()).templates_dir)
    info, header = meeting.meeting, meeting.header
    document = Document(kind="minutes", language=language, title=f"{p.title} – {info.title}".strip(" –"),
                        author=info.secretary, created=timestamp(meeting))
    document.add(
        Letterhead(
            parent_agency=header.parent_agency,
            agency=header.agency,
            number_line=p.number_line(format_number_field(header.number), agency_code(header, language)),
            motto=p.motto,
            slogan=p.slogan,
            place_date=fmt.format_place_and_date(header.place, info.date, language),
        ),
        Title(p.title, p.subject(info.title)),
    )
    if info.start or info.date:
        document.add(LabelledLine(p.start_label, p.start(info.start, info.date)))
    if info.location or info.bridges or str(info.kind) != "in_person":
        document.add(LabelledLine(p.place_label, p.place(info.location, str(info.kind), info.bridges)))
    names = _attendees_by_name(meeting)
    _attendance(document, meeting, p, names)
    _content(document, meeting, p, language, names, (options or ExportOptions()).intervention_times)
    document.add(Paragraph.plain(p.end(info.end, None, info.date)))
    if meeting.closing.copies:
        document.add(Paragraph.plain(p.copies(meeting.closing.copies)))
    document.add(SignatureBlock([
        Signatory([p.secretary_title], p.secretary_note, info.secretary),
        Signatory([p.chair_title], p.chair_note, info.chair),
    ]))
    document.add(recipients_block(meeting.closing.recipients, p.recipients_heading, p.archive_line,
                                  p.archive_prefix))
    return document


def _person(p: Phrases, attendee: Attendee) -> str:
    return p.person(attendee.name, str(attendee.gender), attendee.position)


def _named(names: dict[str, Attendee], p: Phrases, name: str, position: str = "") -> str:
    """A chair, secretary or speaker with the honorific and position from the attendee list."""
    attendee = names.get(name.strip().casefold())
    if attendee is not None:
        return p.person(attendee.name, str(attendee.gender), position or attendee.position)
    return p.person(name, "unspecified", position)


def _attendees_by_name(meeting: Meeting) -> dict[str, Attendee]:
    """Attendees by case-folded name, the first of each name winning (as Meeting.find_attendee)."""
    index: dict[str, Attendee] = {}
    for attendee in meeting.attendees:
        index.setdefault(attendee.name.strip().casefold(), attendee)
    return index


def _attendance(document: Document, meeting: Meeting, p: Phrases, names: dict[str, Attendee]) -> None:
    info, people = meeting.meeting, meeting.attendees
    lines: list[Paragraph] = []
    present = [a for a in people if a.present and a.name.strip()]
    guests = [a for a in present if a.role is Role.GUEST]
    if guests:
        lines.append(_bullet(p.guests_label + ": " + "; ".join(_person(p, a) for a in guests) + "."))
    members = [a for a in present if a.role is Role.MEMBER]
    organizations: dict[str, list[Attendee]] = {}
    for attendee in members:
        organizations.setdefault(attendee.organization.strip(), []).append(attendee)
    for organization, group in organizations.items():
        listed = "; ".join(_person(p, a) for a in group)
        lines.append(_bullet(f"{p.organization_line(organization)}: {listed}."))
    if info.participants_note.strip():
        lines.append(_bullet(p.participants_note(info.participants_note.strip())))
    absent = [a for a in people if not a.present and a.name.strip()]
    if absent:
        listed = "; ".join(_person(p, a) + " " + p.absent_reason(a.absence_reason.strip()) for a in absent)
        lines.append(_bullet(f"{p.absent_label}: {listed}."))
    if people:
        count = headcount(people)
        lines.append(Paragraph.plain(p.headcount(count.present, count.invited, count.absent,
                                                 count.absent_with_reason)))
    if lines:
        document.add(LabelledLine(p.attendance_label, ""), *lines)
    if info.chair.strip():
        document.add(LabelledLine(p.chair_label, _named(names, p, info.chair.strip())))
    if info.secretary.strip():
        document.add(LabelledLine(p.secretary_label, _named(names, p, info.secretary.strip())))


def _bullet(text: str) -> Paragraph:
    return Paragraph([Run(text)], bullet=True)


def _content(document: Document, meeting: Meeting, p: Phrases, language: str,
             names: dict[str, Attendee], with_times: bool = False) -> None:
    results = meeting.results
    sections: list[tuple[str, list[Any]]] = []
    blocks: list[Any] = []
    if results.summary.strip():
        blocks.append(Paragraph.plain(results.summary.strip()))
    if results.indicators:
        tally = results_tally(results)
        # Not when the summary already says it ("đạt và vượt 16/18 chỉ tiêu"): a repeat the chief strikes out.
        if tally.total and f"{tally.met}/{tally.total}" not in results.summary:
            blocks.append(Paragraph.plain(p.tally(tally.met, tally.total)))
        blocks.append(_indicator_table(meeting, p, language))
    sections.append((p.results_heading, blocks))
    sections.append((p.highlights_heading, _list_items(results.highlights, p)))
    sections.append((p.shortcomings_heading, _list_items(results.shortcomings, p)))
    # A giao ban reviews what the last meeting ordered once the month's report is heard, before the debate.
    review = follow_up(meeting)
    if review is not None:
        code = agency_code(meeting.header, language)
        sections.append((p.follow_up_heading(review.source.date, review.source.notice_number, code),
                         _follow_up(review, p, language, code)))
    sections.append((p.discussion_heading, _discussion(meeting, p, names, with_times)))
    sections.append((p.directives_heading, _directives(meeting, p, language, names)))
    if meeting.closing.note.strip():
        sections.append((p.closing_heading, [Paragraph.plain(meeting.closing.note.strip())]))
    sections = [(title, blocks) for title, blocks in sections if blocks]
    if not sections:
        return
    document.add(LabelledLine(p.content_heading, ""))
    for number, (title, blocks) in enumerate(sections, start=1):
        document.add(Heading(f"{number}. {title}", level=1), *blocks)


def _sentence(text: str, end: str) -> str:
    """A list item ends as typed if it has an end mark, else with ``end`` (";" between Vietnamese
    items, "." after the last)."""
    text = text.strip()
    return text if text[-1:] in ".;:!?" else text + end


def _list_items(texts: list[str], p: Phrases) -> list[Paragraph]:
    items = [t for t in texts if t.strip()]
    return [_bullet(_sentence(t, p.last_item_end if i == len(items) - 1 else p.item_end)) for i, t in enumerate(items)]


def _status_label(p: Phrases, indicator: Indicator) -> str:
    state = status(indicator)
    if state is Status.UNKNOWN:
        return fmt.DASH
    if state is Status.NOT_MET:
        return p.status_not_met
    exceeded = indicator.actual != indicator.plan
    return p.status_exceeded if exceeded else p.status_met


# Currencies other than the đồng keep their cents: "1,287,412.50".
CURRENCY_UNITS = frozenset({"usd", "us$", "$", "eur", "€"})


def _value(value: float | None, unit: str, language: str) -> str:
    if value is None:
        return fmt.DASH
    unit = unit.strip().casefold()
    if unit in fmt.MONEY_UNITS:
        return fmt.format_money(value, language)
    if unit in CURRENCY_UNITS and value != int(value):
        return fmt.format_fixed(value, language, 2)
    return fmt.format_number(value, language)


def _indicator_table(meeting: Meeting, p: Phrases, language: str) -> Table:
    indicators = meeting.results.indicators
    # The template names six columns; the change column's title follows the period compared with.
    titles = list(p.indicator_columns)
    if len(titles) < len(INDICATOR_WIDTHS):  # an office's older template may still name all seven
        titles.insert(5, p.compared_column(previous_period(meeting_period(meeting), language)))
    columns = [Column(title, width, Align.LEFT if i == 0 else Align.CENTER)
               for i, (title, width) in enumerate(zip(titles, INDICATOR_WIDTHS, strict=False))]
    for column in columns[2:6]:
        column.align = Align.RIGHT
    table = Table(columns)
    groups = group_by_sector(indicators)
    show_groups = len(groups) > 1 or bool(groups and groups[0][0].strip())
    for sector, items in groups:
        if show_groups:
            table.rows.append(TableRow([sector.strip() or p.no_sector], group=True))
        for indicator in items:
            name: list[Run] = [Run(indicator.name)]
            if indicator.note.strip():
                name.append(Run("\n" + indicator.note.strip(), italic=True))
            plan = indicator.plan if indicator.plan else None  # a plan of 0 prints "—"
            table.rows.append(TableRow([
                name,
                indicator.unit,
                _value(plan, indicator.unit, language),
                _value(indicator.actual, indicator.unit, language),
                _percent(percent_of_plan(indicator), language),
                _change(indicator, p, language),
                _status_label(p, indicator),
            ]))
    return table


def _change(indicator: Indicator, p: Phrases, language: str) -> str:
    """Against the same period last year: actual as a percentage of last year's figure; for a rate
    (unit "%") the difference in percentage points, since a ratio of two rates misleads."""
    if indicator.unit.strip() == "%":
        change = change_from_previous(indicator)
        if change is None or not math.isfinite(change) or abs(change) >= 1e9:
            return fmt.DASH
        sign = "+" if change > 0 else ("−" if change < 0 else "")
        return p.points(sign + fmt.format_number(abs(change), language, 1))
    ratio = change_ratio_from_previous(indicator)
    return fmt.DASH if ratio is None else _percent(1 + ratio, language)


def _percent(ratio: float | None, language: str) -> str:
    """A percentage, or "—" where the ratio means nothing (a plan or last year near zero gives
    astronomic or infinite ratios that no table should print)."""
    if ratio is None or not math.isfinite(ratio) or abs(ratio) >= 1e9:
        return fmt.DASH
    return fmt.format_percent(ratio, language)


def _follow_up(review: FollowUp, p: Phrases, language: str, code: str) -> list[Any]:
    """The tally, then one row per carried task: what, who, by when, and where it stands."""
    columns = [Column(title, width) for title, width in zip(p.follow_up_columns, FOLLOW_UP_WIDTHS, strict=False)]
    columns[0].align = columns[3].align = Align.CENTER
    rows: list[TableRow] = []
    for number, carried in enumerate(review.tasks, start=1):
        task = carried.task
        name: list[Run] = [Run(task.task.strip())]
        if carried.given is not None:
            name.append(Run("\n" + p.follow_up_given(carried.given, carried.given_notice, code), italic=True))
        rows.append(TableRow([fmt.format_number(number, language), name, task.assignee.strip(),
                              fmt.format_numeric_date(task.deadline, language), _follow_up_result(carried, p, review)]))
    tally = p.follow_up_tally(review.done, review.total, review.overdue, review.open)
    return [Paragraph.plain(tally), Table(columns, rows)]


def _follow_up_result(carried: CarriedTask, p: Phrases, review: FollowUp) -> list[Run]:
    """The status in italics ("Đã hoàn thành ngày 19/3"), then what was reported, as typed."""
    if carried.done:
        done = carried.task.done
        # "19/3" within the meeting's year; the full date when it was done in another year.
        state = p.follow_up_done(done, done is None or review.year is None or done.year == review.year)
    else:
        state = p.follow_up_overdue if carried.overdue else p.follow_up_open
    runs = [Run(state, italic=True)]
    if carried.task.progress.strip():
        runs.append(Run("\n" + carried.task.progress.strip()))
    return runs


def _discussion(meeting: Meeting, p: Phrases, names: dict[str, Attendee], with_times: bool = False) -> list[Paragraph]:
    """One paragraph per intervention; with ``with_times``, those the quick notes timed begin with their time."""
    items = [item for item in meeting.discussion
             if item.topic.strip() or item.content.strip() or item.speaker.strip()]
    times = intervention_times(meeting.notes) if with_times else {}
    paragraphs: list[Paragraph] = []
    for index, item in enumerate(items):
        topic, content = item.topic.strip(), item.content.strip()
        runs: list[Run] = []
        if item.speaker.strip():
            speaker = _named(names, p, item.speaker.strip(), item.position.strip())
            time = times.get(item.id) if item.id else None
            # "… phát biểu về <topic>: …" rather than "… phát biểu: <Topic>. …"; an office's older phrases
            # template without the macro keeps the older form.
            if topic and content and p.defines("speaker_says_on"):
                runs.append(Run(p.speaker_says_on(speaker, topic, time) + " "))
                topic = ""
            else:
                runs.append(Run((p.speaker_says_at(speaker, time) if time else p.speaker_says(speaker)) + " "))
        if topic:
            runs.append(Run(topic + (". " if content else ""), italic=bool(content)))
        if content:
            runs.append(Run(content))
        last = runs[-1]
        end = p.last_item_end if index == len(items) - 1 else p.item_end
        runs[-1] = Run(_sentence(last.text.rstrip(), end), bold=last.bold, italic=last.italic)
        paragraphs.append(Paragraph(runs, bullet=True))
    return paragraphs


def _directives(meeting: Meeting, p: Phrases, language: str, names: dict[str, Attendee]) -> list[Any]:
    blocks: list[Any] = []
    for directive in meeting.directives:
        content = directive.content.strip()
        tasks = [t for t in directive.tasks if t.task.strip() or t.assignee.strip()]
        if not (content or tasks):
            continue
        runs: list[Run] = []
        if directive.speaker.strip():
            speaker = _named(names, p, directive.speaker.strip(), directive.position.strip())
            runs.append(Run(p.directs(speaker) + " ", bold=False))
        if content:
            runs.append(Run(content))
        if runs:
            blocks.append(Paragraph(runs))
        if tasks:
            columns = [Column(title, width) for title, width in zip(p.task_columns, TASK_WIDTHS, strict=False)]
            columns[2].align = Align.CENTER
            rows = [TableRow([t.task.strip(), t.assignee.strip(), fmt.format_numeric_date(t.deadline, language)])
                    for t in tasks]
            blocks.append(Table(columns, rows, caption=p.tasks_caption(len(tasks))))
    return blocks
