"""The people directory as the notes search it (after the attendees): read once per use, never required."""

from __future__ import annotations

from ..model import Attendee


def directory_people() -> list[Attendee]:
    """Everyone in the people directory, as attendees to search; empty when there is none or it cannot
    be read (the names are then added as guests to check)."""
    from ..storage.directory import DirectoryError, PeopleDirectory, default_path

    if not default_path().is_file():
        return []
    try:
        people = PeopleDirectory().all_people()
    except DirectoryError:
        return []
    return [Attendee(name=p.name, gender=p.gender, position=p.position, organization=p.organization) for p in people]
