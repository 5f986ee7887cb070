"""Issue 15, case 10: what holds the secretary's drafts, people and problems is readable by the user alone
(0600 files, 0700 folders), whatever the umask; the lock beside a meeting is no more readable than it."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from support import COMMUNE_SAMPLE, run_cli

from minutes_app.storage import load_meeting, save_meeting
from minutes_app.storage.concurrency import acquire_lock, lock_path
from minutes_app.storage.directory import PeopleDirectory
from minutes_app.storage.recovery import write_recovery
from minutes_app.userdirs import ENV_DATA_DIR, recovery_dir, user_data_dir

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions; Windows keeps profile ACLs")


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def _umask_022() -> None:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_recovery_files_and_their_folder_are_private(tmp_path: Path) -> None:
    path = write_recovery("session-1", load_meeting(COMMUNE_SAMPLE), tmp_path / "m.minutes.json")
    assert _mode(path) == 0o600
    assert _mode(recovery_dir()) == 0o700


def test_an_existing_recovery_folder_is_narrowed(tmp_path: Path) -> None:
    recovery_dir().mkdir(parents=True, mode=0o755)
    os.chmod(recovery_dir(), 0o755)
    write_recovery("session-1", load_meeting(COMMUNE_SAMPLE), None)
    assert _mode(recovery_dir()) == 0o700


def test_the_people_directory_is_private() -> None:
    PeopleDirectory().record_meeting(load_meeting(COMMUNE_SAMPLE))
    assert _mode(user_data_dir() / "people.sqlite3") == 0o600
    assert _mode(user_data_dir()) == 0o700


def test_the_log_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv(ENV_DATA_DIR, str(data))
    result = run_cli("validate", tmp_path / "missing.minutes.json")
    assert result.returncode == 1
    assert _mode(data) == 0o700 and _mode(data / "thuky.log") == 0o600


def test_the_lock_is_no_more_readable_than_the_meeting(tmp_path: Path) -> None:
    private = tmp_path / "private.minutes.json"
    save_meeting(load_meeting(COMMUNE_SAMPLE), private)
    os.chmod(private, 0o600)
    acquire_lock(private)
    assert _mode(lock_path(private)) == 0o600
    shared = tmp_path / "shared.minutes.json"
    save_meeting(load_meeting(COMMUNE_SAMPLE), shared)
    os.chmod(shared, 0o666)
    acquire_lock(shared)
    assert _mode(lock_path(shared)) == 0o644  # colleagues read who holds it; nobody else writes it


def test_the_log_opened_at_its_first_record_rotates_and_stays_private(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    from minutes_app import logs

    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    logs.setup_logging()
    logger = logging.getLogger("minutes_app.test")
    handler = next(h for h in logging.getLogger("minutes_app").handlers if isinstance(h, logs._LogFile)
                   and h.path.parent == tmp_path / "data")
    try:
        for number in range(60):
            logger.warning("problem %d with a file of the office, told to the secretary", number)
        log = tmp_path / "data" / logs.LOG_NAME
        assert "problem 59 " in log.read_text(encoding="utf-8")
        backup = log.with_name(logs.LOG_NAME + ".1")
        assert backup.is_file() and log.stat().st_size <= 2000
        assert _mode(log) == 0o600 and _mode(backup) == 0o600
    finally:
        logging.getLogger("minutes_app").removeHandler(handler)
        handler.close()
