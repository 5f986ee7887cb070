"""Pure computations of the model: percentages, changes, statuses, tallies, headcounts."""

from __future__ import annotations

import pytest

from minutes_app.model import (
    Attendee,
    Indicator,
    Results,
    Status,
    Tally,
    Target,
    change_from_previous,
    change_ratio_from_previous,
    group_by_sector,
    headcount,
    percent_of_plan,
    results_tally,
    status,
    tally,
    tally_by_sector,
)


def test_percent_of_plan() -> None:
    assert percent_of_plan(Indicator(plan=28466, actual=31597)) == pytest.approx(1.10999, abs=1e-5)


@pytest.mark.parametrize("plan", [0, 0.0, None])
def test_no_plan_gives_no_percentage(plan: float | None) -> None:
    assert percent_of_plan(Indicator(plan=plan, actual=5)) is None


def test_missing_actual_gives_no_percentage() -> None:
    assert percent_of_plan(Indicator(plan=10, actual=None)) is None


def test_change_against_last_year() -> None:
    indicator = Indicator(actual=120, previous=100)
    assert change_from_previous(indicator) == 20
    assert change_ratio_from_previous(indicator) == pytest.approx(0.2)


def test_change_when_last_year_is_zero_or_missing() -> None:
    assert change_from_previous(Indicator(actual=3, previous=0)) == 3
    assert change_ratio_from_previous(Indicator(actual=3, previous=0)) is None
    assert change_from_previous(Indicator(actual=3)) is None


def test_change_against_negative_last_year_keeps_its_direction() -> None:
    assert change_ratio_from_previous(Indicator(actual=-50, previous=-100)) == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("target", "plan", "actual", "expected"),
    [
        (Target.AT_LEAST, 100, 100, Status.MET),
        (Target.AT_LEAST, 100, 99.9, Status.NOT_MET),
        (Target.AT_MOST, 5, 3, Status.MET),
        (Target.AT_MOST, 5, 6, Status.NOT_MET),
        (Target.AT_MOST, 0, 0, Status.MET),
        (Target.AT_MOST, 0, 1, Status.NOT_MET),
        (Target.AT_LEAST, None, 1, Status.UNKNOWN),
        (Target.AT_LEAST, 1, None, Status.UNKNOWN),
    ],
)
def test_status_honours_target(target: Target, plan: float | None, actual: float | None, expected: Status) -> None:
    assert status(Indicator(plan=plan, actual=actual, target=target)) is expected


def test_tally_counts_only_what_can_be_judged() -> None:
    indicators = [
        Indicator(sector="A", plan=10, actual=12),
        Indicator(sector="A", plan=10, actual=8),
        Indicator(sector="B", plan=3, actual=1, target=Target.AT_MOST),
        Indicator(sector="B", actual=7),  # no plan: not judged
    ]
    assert tally(indicators) == Tally(met=2, total=3)
    assert tally_by_sector(indicators) == {"A": Tally(1, 2), "B": Tally(1, 1)}
    assert [sector for sector, _ in group_by_sector(indicators)] == ["A", "B"]


def test_results_tally_prefers_the_plans_declared_count() -> None:
    results = Results(indicators=[Indicator(plan=1, actual=1)], targets_met=16, targets_total=18)
    assert results_tally(results) == Tally(16, 18)
    assert results_tally(Results(indicators=[Indicator(plan=1, actual=1)])) == Tally(1, 1)


def test_headcount() -> None:
    people = [
        Attendee(name="A"),
        Attendee(name="B", present=False, absence_reason="Ốm"),
        Attendee(name="C", present=False),
    ]
    count = headcount(people)
    assert (count.invited, count.present, count.absent) == (3, 1, 2)
    assert (count.absent_with_reason, count.absent_without_reason) == (1, 1)


def test_records_compare_show_and_hash_as_dataclasses_do() -> None:
    """``model.records.record`` gives every record one shared ``__eq__``, ``__repr__`` and (frozen) ``__hash__``
    instead of dataclass's own for each class: they must behave the same."""
    import dataclasses

    from minutes_app.model import Attendee, Role
    from minutes_app.storage import load_meeting

    from ..conftest import SEED_SAMPLE

    def plain_twin(cls: type, frozen: bool = False) -> type:
        def spec(f: dataclasses.Field) -> dataclasses.Field:  # type: ignore[type-arg]
            if f.default is not dataclasses.MISSING:
                return dataclasses.field(default=f.default, repr=f.repr, compare=f.compare)
            if f.default_factory is not dataclasses.MISSING:
                return dataclasses.field(default_factory=f.default_factory, repr=f.repr, compare=f.compare)
            return dataclasses.field(repr=f.repr, compare=f.compare)
        return dataclasses.make_dataclass(cls.__name__, [(f.name, f.type, spec(f)) for f in dataclasses.fields(cls)],
                                          frozen=frozen)

    person = Attendee(name="Nguyễn Thị Lan", role=Role.CHAIR, extra={"ghi_chu": 1})
    assert repr(person) == repr(plain_twin(Attendee)(name="Nguyễn Thị Lan", role=Role.CHAIR, extra={"ghi_chu": 1}))
    assert person == Attendee(name="Nguyễn Thị Lan", role=Role.CHAIR, extra={"ghi_chu": 1})
    assert person != Attendee(name="Nguyễn Thị Lan", role=Role.CHAIR)
    assert person != plain_twin(Attendee)(name="Nguyễn Thị Lan", role=Role.CHAIR, extra={"ghi_chu": 1})  # another class
    assert (person == "Nguyễn Thị Lan") is False
    with pytest.raises(TypeError):
        hash(person)
    assert dataclasses.replace(person, name="Trần Văn Sáu").name == "Trần Văn Sáu"
    meeting, again = load_meeting(SEED_SAMPLE), load_meeting(SEED_SAMPLE)
    assert meeting == again
    again.directives[0].tasks[0].assignee += "."
    assert meeting != again

    # Frozen: hashed by its fields, as dataclass(frozen=True) does, and not to be changed.
    from minutes_app.check.findings import Finding, Severity
    from minutes_app.check.pages import Page
    from minutes_app.storage.concurrency import DiskState

    found = Finding("no-deadline", Severity.WARNING, Page.DIRECTIVES, ("directives", 0, "tasks", 1), "Thiếu hạn")
    twin = plain_twin(Finding, frozen=True)(*(getattr(found, f.name) for f in dataclasses.fields(Finding)))
    assert repr(found) == repr(twin) and hash(found) == hash(twin)
    assert found == Finding("no-deadline", Severity.WARNING, Page.DIRECTIVES, ("directives", 0, "tasks", 1),
                            "Thiếu hạn")
    assert len({found, dataclasses.replace(found)}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.message = "changed"  # type: ignore[misc]
    state = DiskState(size=3, mtime_ns=1, data=b"abc")
    assert repr(state) == "DiskState(size=3, mtime_ns=1)"  # the bytes are left out of it (field(repr=False))
