"""A folder of three meetings for the task list: March gives tasks, April follows it (one task reported done,
one still open and now overdue, one new), and an older meeting of another office."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from minutes_app.model import Directive, Language, Meeting, MeetingInfo, Task, next_meeting
from minutes_app.storage import save_meeting

TODAY = dt.date(2025, 4, 10)
MARCH, APRIL, JANUARY = "a-giao-ban-2025-03.minutes.json", "b-giao-ban-2025-04.minutes.json", "c-noi-vu.minutes.json"

# The register's order: overdue (by unit), then open (by unit), then done.
EXPECTED_TASKS = [
    "Xây dựng phương án trực sẵn sàng chiến đấu dịp 30/4",  # overdue 5 days, Ban Chỉ huy Quân sự xã
    "Rà soát, đôn đốc hộ kinh doanh nộp thuế",  # overdue 16 days, Công chức Tài chính - Kế toán
    "Vận động người dân tham gia bảo hiểm y tế",  # open, Công chức Văn hóa - Xã hội
    "Tiếp tục đẩy mạnh cải cách hành chính",  # open, no deadline, Phòng Nội vụ
    "Nạo vét kênh Ba Xuân",  # given in March, reported done in April
]


def build_folder(folder: Path) -> Path:
    """Write the three meetings into ``folder``; the April one is made with ``next_meeting`` from March."""
    march = Meeting(language=Language.VI, meeting=MeetingInfo(title="Họp giao ban tháng 3", date=dt.date(2025, 3, 5)))
    march.directives = [Directive(speaker="Võ Thị Hồng Nhung", content="Chỉ đạo các nhiệm vụ tháng 3", tasks=[
        Task(task="Nạo vét kênh Ba Xuân", assignee="Công chức Địa chính - Nông nghiệp",
             deadline=dt.date(2025, 3, 20)),
        Task(task="Rà soát, đôn đốc hộ kinh doanh nộp thuế", assignee="Công chức Tài chính - Kế toán",
             deadline=dt.date(2025, 3, 25)),
        Task(task="Vận động người dân tham gia bảo hiểm y tế", assignee="Công chức Văn hóa - Xã hội",
             deadline=dt.date(2025, 4, 30)),
    ])]
    save_meeting(march, folder / MARCH)

    april = next_meeting(march, MARCH)
    april.meeting.title = "Họp giao ban tháng 4"
    april.meeting.date = dt.date(2025, 4, 2)
    dredging, taxes, _insurance = april.follow_up
    dredging.done, dredging.progress = dt.date(2025, 3, 19), "Đã nạo vét 1,2 km kênh"
    taxes.progress = "Đã thu được 85% số thuế; còn 14 hộ chưa nộp"
    april.directives = [Directive(speaker="Võ Thị Hồng Nhung", content="Chỉ đạo các nhiệm vụ tháng 4", tasks=[
        Task(task="Xây dựng phương án trực sẵn sàng chiến đấu dịp 30/4", assignee="Ban Chỉ huy Quân sự xã",
             deadline=dt.date(2025, 4, 5)),
    ])]
    save_meeting(april, folder / APRIL)

    january = Meeting(language=Language.VI, meeting=MeetingInfo(title="Hội nghị cải cách hành chính",
                                                                date=dt.date(2025, 1, 10)))
    january.directives = [Directive(speaker="Trần Văn Sáu", content="Cải cách hành chính", tasks=[
        Task(task="Tiếp tục đẩy mạnh cải cách hành chính", assignee="Phòng Nội vụ"),
    ])]
    save_meeting(january, folder / JANUARY)
    return folder
