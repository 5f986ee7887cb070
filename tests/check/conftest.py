"""Fixtures for the checker's tests: a meeting on which no rule has anything to say."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_app.model import (
    Attendee,
    Closing,
    Directive,
    DiscussionItem,
    Header,
    Indicator,
    Meeting,
    MeetingInfo,
    Notice,
    Results,
    Role,
    Task,
)

MEETING_DATE = dt.date(2025, 3, 5)  # a Wednesday


def clean_meeting() -> Meeting:
    """A commune meeting on which no rule has anything to say."""
    return Meeting(
        header=Header(parent_agency="UBND HUYỆN LẤP VÒ", agency="UBND XÃ BÌNH THÀNH", agency_code="UBND",
                      number="05", place="Bình Thành"),
        meeting=MeetingInfo(title="Họp giao ban tháng 3 năm 2025", date=MEETING_DATE, start=dt.time(7, 30),
                            end=dt.time(10, 45), location="Hội trường UBND xã", chair="Võ Thị Hồng Nhung",
                            secretary="Trần Thị Kim Ngân"),
        attendees=[
            Attendee(name="Võ Thị Hồng Nhung", role=Role.CHAIR),
            Attendee(name="Trần Thị Kim Ngân", role=Role.SECRETARY),
            Attendee(name="Lê Văn Hùng"),
            Attendee(name="Phạm Văn Lộc", present=False, absence_reason="Đi học"),
        ],
        results=Results(indicators=[
            Indicator(sector="Nông nghiệp", name="Diện tích xuống giống", unit="ha", plan=1850, actual=1872),
            Indicator(sector="Văn hóa - xã hội", name="Số hộ nghèo", unit="hộ", actual=41, previous=52),
        ]),
        discussion=[DiscussionItem(speaker="Lê Văn Hùng", topic="Nạo vét kênh nội đồng")],
        directives=[Directive(speaker="Võ Thị Hồng Nhung", content="Tập trung chăm sóc lúa Đông Xuân.", tasks=[
            Task(task="Nạo vét kênh Ba Xuân", assignee="Công chức Địa chính", deadline=dt.date(2025, 3, 20)),
            Task(task="Báo cáo tiến độ thu ngân sách", assignee="Công chức Tài chính", deadline=dt.date(2025, 3, 25)),
        ])],
        closing=Closing(note="Cuộc họp kết thúc.", copies=2, recipients=["Đảng ủy xã (b/c)", "Lưu: VT"]),
        notice=Notice(number="12", signer_name="Võ Thị Hồng Nhung", authority="CHỦ TỊCH"),
    )


@pytest.fixture
def meeting() -> Meeting:
    """A fresh clean meeting, for a test to break in one place."""
    return clean_meeting()
