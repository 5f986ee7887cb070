"""The people directory: everyone who attended a saved meeting, in an SQLite file in the user data dir.

Each saved meeting updates the people it names; a person's position and organisation come from the most
recent meeting they attended (an older meeting saved later never overwrites newer data). Names are matched
after NFC normalisation, case folding and whitespace collapsing, so "Nguyễn  Văn A" (decomposed, two spaces)
and "NGUYỄN VĂN A" are the same person.

No Qt here: the GUI calls these functions, the tests call them directly.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import MinutesError
from ..l10n.i18n import gettext as _
from ..model import Gender, Meeting
from ..userdirs import make_private_dir, make_private_file, user_data_dir

FILE_NAME = "people.sqlite3"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    gender TEXT NOT NULL DEFAULT 'unspecified',
    position TEXT NOT NULL DEFAULT '',
    organization TEXT NOT NULL DEFAULT '',
    last_seen TEXT
);
CREATE INDEX IF NOT EXISTS people_last_seen ON people(last_seen);
"""


class DirectoryError(MinutesError):
    """The people directory cannot be read or written (corrupt, locked, newer version); meetings still save."""


@dataclass
class Person:
    """One row of the directory; ``id`` is None until it is stored."""

    name: str
    gender: Gender = Gender.UNSPECIFIED
    position: str = ""
    organization: str = ""
    last_seen: dt.date | None = None
    id: int | None = None


def name_key(name: str) -> str:
    """The form under which two spellings of one name are the same person."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())


def clean_name(name: str) -> str:
    """The name as it is shown: NFC, single spaces, no surrounding blanks."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def default_path() -> Path:
    return user_data_dir() / FILE_NAME


def _gender(value: str) -> Gender:
    try:
        return Gender(value)
    except ValueError:
        return Gender.UNSPECIFIED


def _person(row: sqlite3.Row) -> Person:
    seen = dt.date.fromisoformat(row["last_seen"]) if row["last_seen"] else None
    return Person(id=row["id"], name=row["name"], gender=_gender(row["gender"]), position=row["position"],
                  organization=row["organization"], last_seen=seen)


def _newer_or_same(seen: dt.date | None, stored: str | None) -> bool:
    """True when data seen on ``seen`` may replace data stored as of ``stored`` (undated data never wins)."""
    if stored is None:
        return True
    if seen is None:
        return False
    return seen.isoformat() >= stored


class PeopleDirectory:
    """The directory file; every public method opens it, works in one transaction, and closes it."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_path()

    def _fail(self, error: Exception) -> DirectoryError:
        text = str(error)
        if "locked" in text or "busy" in text:
            return DirectoryError(_("The people directory {file} is in use by another program; "
                                    "try again in a moment.").format(file=self.path))
        return DirectoryError(_("The people directory {file} cannot be used ({problem}). Meetings are still "
                                "saved; move the file away to start a new directory.").format(
                                    file=self.path, problem=text))

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One connection and one transaction; any SQLite problem becomes a DirectoryError."""
        connection: sqlite3.Connection | None = None
        try:
            make_private_dir(self.path.parent)
            make_private_file(self.path)  # names, positions and units of people: the user's alone
            connection = sqlite3.connect(self.path, timeout=2.0, isolation_level=None)
            connection.row_factory = sqlite3.Row
            connection.execute("BEGIN IMMEDIATE")
            self._migrate(connection)
            yield connection
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            if connection is not None and connection.in_transaction:
                connection.execute("ROLLBACK")
            raise self._fail(error) from error
        except OSError as error:
            raise self._fail(error) from error
        except BaseException:
            if connection is not None and connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            if connection is not None:
                connection.close()

    def _migrate(self, connection: sqlite3.Connection) -> None:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise DirectoryError(_("The people directory {file} was written by a newer version of Thư Ký "
                                   "(version {found}, this one reads {known}).").format(
                                       file=self.path, found=version, known=SCHEMA_VERSION))
        if version < 1:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- reading -------------------------------------------------------------------------------------
    def all_people(self) -> list[Person]:
        """Everyone, most recently seen first."""
        with self._transaction() as db:
            rows = db.execute("SELECT * FROM people ORDER BY last_seen IS NULL, last_seen DESC, name").fetchall()
        return [_person(row) for row in rows]

    def search(self, text: str, limit: int = 20) -> list[Person]:
        """People whose name contains ``text`` (matched like names are), those starting with it first."""
        key = name_key(text)
        with self._transaction() as db:
            rows = db.execute("SELECT * FROM people").fetchall()
        found = [(not row["name_key"].startswith(key), row["name_key"], row) for row in rows if key in row["name_key"]]
        found.sort(key=lambda item: item[:2])
        return [_person(row) for _prefix, _key, row in found[:max(0, limit)]]

    # -- writing -------------------------------------------------------------------------------------
    def record_meeting(self, meeting: Meeting) -> int:
        """Adds or updates every named attendee with the meeting's date; returns how many were recorded."""
        seen = meeting.meeting.date
        count = 0
        with self._transaction() as db:
            for attendee in meeting.attendees:
                name = clean_name(attendee.name)
                if not name:
                    continue
                count += 1
                row = db.execute("SELECT * FROM people WHERE name_key = ?", (name_key(name),)).fetchone()
                if row is None:
                    db.execute("INSERT INTO people (name, name_key, gender, position, organization, last_seen) "
                               "VALUES (?, ?, ?, ?, ?, ?)",
                               (name, name_key(name), str(attendee.gender), attendee.position.strip(),
                                attendee.organization.strip(), seen.isoformat() if seen else None))
                    continue
                if not _newer_or_same(seen, row["last_seen"]):
                    continue  # an older meeting: what we know is more recent
                gender = attendee.gender if attendee.gender != Gender.UNSPECIFIED else _gender(row["gender"])
                db.execute("UPDATE people SET name = ?, gender = ?, position = ?, organization = ?, last_seen = ? "
                           "WHERE id = ?",
                           (name, str(gender), attendee.position.strip() or row["position"],
                            attendee.organization.strip() or row["organization"],
                            seen.isoformat() if seen else row["last_seen"], row["id"]))
        return count

    def update(self, person: Person) -> None:
        """Stores the user's corrections to one person (found by id)."""
        if person.id is None:
            raise DirectoryError(_("This person is not in the people directory."))
        name = clean_name(person.name)
        if not name:
            raise DirectoryError(_("A person in the people directory needs a name."))
        with self._transaction() as db:
            clash = db.execute("SELECT id FROM people WHERE name_key = ? AND id != ?",
                               (name_key(name), person.id)).fetchone()
            if clash is not None:
                raise DirectoryError(_("{name} is already in the people directory; merge the two instead.").format(
                    name=name))
            db.execute("UPDATE people SET name = ?, name_key = ?, gender = ?, position = ?, organization = ?, "
                       "last_seen = ? WHERE id = ?",
                       (name, name_key(name), str(person.gender), person.position.strip(),
                        person.organization.strip(),
                        person.last_seen.isoformat() if person.last_seen else None, person.id))

    def delete(self, ids: Iterable[int]) -> None:
        with self._transaction() as db:
            db.executemany("DELETE FROM people WHERE id = ?", [(int(i),) for i in ids])

    def merge(self, keep_id: int, other_ids: Iterable[int]) -> Person:
        """Keeps one person, taking the most recently seen position/organisation of the group; removes the others."""
        others = [int(i) for i in other_ids if int(i) != keep_id]
        with self._transaction() as db:
            ids = [keep_id, *others]
            marks = ",".join("?" * len(ids))
            rows = {row["id"]: row for row in db.execute(f"SELECT * FROM people WHERE id IN ({marks})", ids)}
            if keep_id not in rows:
                raise DirectoryError(_("This person is not in the people directory."))
            group = list(rows.values())
            # The latest known data wins; a blank field is filled from the next most recent that has it.
            group.sort(key=lambda row: (row["last_seen"] is not None, row["last_seen"] or ""), reverse=True)
            keep = rows[keep_id]

            def latest(column: str) -> str:
                return next((row[column] for row in group if row[column] and row[column] != "unspecified"),
                            keep[column])

            last_seen = next((row["last_seen"] for row in group if row["last_seen"]), None)
            db.execute("UPDATE people SET gender = ?, position = ?, organization = ?, last_seen = ? WHERE id = ?",
                       (latest("gender"), latest("position"), latest("organization"), last_seen, keep_id))
            db.executemany("DELETE FROM people WHERE id = ?", [(i,) for i in others if i in rows])
            merged = _person(db.execute("SELECT * FROM people WHERE id = ?", (keep_id,)).fetchone())
        return merged


def record_meeting(meeting: Meeting, path: Path | None = None) -> int:
    """Records a saved meeting's attendees in the user's people directory."""
    return PeopleDirectory(path).record_meeting(meeting)
