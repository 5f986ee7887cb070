"""Hypothesis strategies for arbitrary meetings: any Unicode, odd numbers, empty and huge fields."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import strategies as st

from minutes_app.model import (
    Attendee,
    Closing,
    Directive,
    DiscussionItem,
    Gender,
    Header,
    Indicator,
    Language,
    Meeting,
    MeetingInfo,
    MeetingKind,
    News,
    Notice,
    Results,
    Role,
    Signing,
    Target,
    Task,
)

VIETNAMESE = "Nguyễn Thị Ánh Tuyết — Ủy ban nhân dân xã Đồng Hòa; đạt 101,2% kế hoạch"
NFD_VIETNAMESE = unicodedata.normalize("NFD", VIETNAMESE)

# Control characters XML forbids, lone surrogates excluded (JSON files cannot carry them either).
xml_illegal = st.sampled_from(["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\ufffe", "\uffff"])
texts = st.one_of(
    st.just(""),
    st.text(max_size=40),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.sampled_from([VIETNAMESE, NFD_VIETNAMESE, "🎉📈 Chúc mừng", "a\nb\r\nc\td", "<b>&amp;</b> \"'", "  "]),
    st.lists(st.one_of(xml_illegal, st.text(max_size=5)), max_size=8).map("".join),
)
numbers = st.one_of(
    st.none(),
    st.just(0),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False),
)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
times = st.one_of(st.none(), st.times().map(lambda t: t.replace(second=0, microsecond=0)))
text_lists = st.lists(texts, max_size=4)


def _records(cls, **fields):
    return st.builds(cls, **fields)


attendees = _records(Attendee, name=texts, gender=st.sampled_from(Gender), position=texts, organization=texts,
                     role=st.sampled_from(Role), present=st.booleans(), absence_reason=texts, bridge=texts)
indicators = _records(Indicator, sector=texts, name=texts, unit=st.one_of(texts, st.sampled_from(["đồng", "%", "ha"])),
                      plan=numbers, actual=numbers, previous=numbers, target=st.sampled_from(Target), note=texts)
tasks = _records(Task, task=texts, assignee=texts, deadline=dates)

meetings = _records(
    Meeting,
    language=st.sampled_from(Language),
    header=_records(Header, parent_agency=texts, agency=texts, agency_code=texts, number=texts, place=texts,
                    agency_name=texts),
    meeting=_records(MeetingInfo, title=texts.filter(lambda t: t.strip() != "") | st.just("Họp"),
                     kind=st.sampled_from(MeetingKind), date=dates, start=times, end=times, location=texts,
                     bridges=text_lists, chair=texts, secretary=texts, participants_note=texts),
    attendees=st.lists(attendees, max_size=6),
    results=_records(Results, summary=texts, indicators=st.lists(indicators, max_size=6), highlights=text_lists,
                     shortcomings=text_lists, targets_met=st.one_of(st.none(), st.integers(0, 30)),
                     targets_total=st.one_of(st.none(), st.integers(0, 30))),
    discussion=st.lists(_records(DiscussionItem, speaker=texts, position=texts, topic=texts, content=texts),
                        max_size=4),
    directives=st.lists(_records(Directive, speaker=texts, position=texts, content=texts,
                                 tasks=st.lists(tasks, max_size=3)), max_size=3),
    closing=_records(Closing, note=texts, copies=st.one_of(st.none(), st.integers(0, 20)), recipients=text_lists),
    news=_records(News, title=texts, author=texts),
    notice=_records(Notice, number=texts, signing=st.sampled_from(Signing), authority=texts, signer_title=texts,
                    signer_name=texts, recipients=text_lists),
)
