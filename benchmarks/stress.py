"""The stress meeting every benchmark measures: 400 attendees, 150 indicators, 120 discussion items,
40 directives with 5 tasks each (the sizes issues #3, #5 and #7 name), deterministic."""

from __future__ import annotations

import datetime as dt
import random

from minutes_app.model import (
    Attendee,
    Closing,
    Directive,
    DiscussionItem,
    Gender,
    Header,
    Indicator,
    Meeting,
    MeetingInfo,
    MeetingKind,
    News,
    Results,
    Role,
    Target,
    Task,
)

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Hồng", "Đức", "Kim"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hùng", "Khoa", "Lan", "Minh", "Nhung", "Phúc", "Sơn",
         "Tâm", "Thư", "Trang", "Tuấn", "Uyên", "Vy", "Yến"]
SECTORS = ["Nông nghiệp", "Công nghiệp - Xây dựng", "Thương mại - Dịch vụ", "Ngân sách", "Văn hóa - Xã hội",
           "Y tế", "Giáo dục", "An ninh - Quốc phòng"]
TEXT = ("Đề nghị các ngành phối hợp chặt chẽ với UBND các xã, thị trấn rà soát, đánh giá kết quả thực hiện "
        "các chỉ tiêu, làm rõ nguyên nhân của những hạn chế và đề xuất giải pháp khắc phục trong thời gian tới. ")


def stress_meeting(attendees: int = 400, indicators: int = 150, discussion: int = 120, directives: int = 40,
                   tasks_per_directive: int = 5, seed: int = 2020) -> Meeting:
    rng = random.Random(seed)

    def person() -> str:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    people = [
        Attendee(name=person(), gender=rng.choice([Gender.MALE, Gender.FEMALE]),
                 position=f"Trưởng phòng {i % 17 + 1}", organization=f"Phòng chuyên môn số {i % 23 + 1}",
                 role=Role.GUEST if i % 40 == 0 else Role.MEMBER, present=i % 15 != 0,
                 absence_reason="Đi công tác" if i % 15 == 0 and i % 2 else "", bridge=f"Điểm cầu {i % 13}")
        for i in range(attendees)
    ]
    people[0].role, people[1].role = Role.CHAIR, Role.SECRETARY
    figures = []
    for i in range(indicators):
        plan = rng.randint(0, 50_000) if i % 11 else None
        figures.append(Indicator(
            sector=SECTORS[i % len(SECTORS)], name=f"Chỉ tiêu thứ {i + 1} về sản xuất và đời sống",
            unit="đồng" if i % 9 == 0 else "ha", plan=plan * 1_000_000 if plan and i % 9 == 0 else plan,
            actual=rng.randint(0, 60_000), previous=rng.randint(0, 50_000) if i % 4 else None,
            target=Target.AT_MOST if i % 10 == 0 else Target.AT_LEAST))
    talks = [DiscussionItem(speaker=people[i % attendees].name, position=people[i % attendees].position,
                            topic=f"Nội dung thảo luận số {i + 1}", content=TEXT * 2) for i in range(discussion)]
    orders = [
        Directive(speaker=people[i % attendees].name, position="Phó Chủ tịch UBND huyện", content=TEXT * 3,
                  tasks=[Task(task=f"Nhiệm vụ {i + 1}.{j + 1}: {TEXT[:80]}", assignee=f"Phòng chuyên môn số {j + 1}",
                              deadline=dt.date(2021, 1 + (i + j) % 12, 1 + (i * j) % 28))
                         for j in range(tasks_per_directive)])
        for i in range(directives)
    ]
    return Meeting(
        header=Header(parent_agency="UBND TỈNH ĐỒNG THÁP", agency="UBND HUYỆN LẤP VÒ", agency_code="UBND",
                      number="15", place="Lấp Vò", agency_name="UBND huyện Lấp Vò"),
        meeting=MeetingInfo(title="Hội nghị tổng kết năm (bài thử tải)", kind=MeetingKind.HYBRID,
                            date=dt.date(2020, 12, 29), start=dt.time(7, 30), end=dt.time(17, 0),
                            location="Hội trường UBND huyện", bridges=[f"Điểm cầu {i}" for i in range(13)],
                            chair=people[0].name, secretary=people[1].name),
        attendees=people,
        results=Results(summary=TEXT, indicators=figures, highlights=[TEXT] * 10, shortcomings=[TEXT] * 5),
        discussion=talks,
        directives=orders,
        closing=Closing(note=TEXT, copies=2, recipients=["Thường trực Huyện ủy", "Lưu: VT"]),
        news=News(author="Minh Thư"),
    )
