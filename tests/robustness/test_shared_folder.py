"""Issue 15, case 4: in a shared folder, links planted under the names the program writes (``NAME.bak``, the
lock ``.~NAME.lock``) are replaced, never written through; the backup is written atomically; temporary
files an interrupted save left are cleaned up by the next save."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from robustness.bounded import run_python_bounded
from support import COMMUNE_SAMPLE

from minutes_app.storage import load_meeting, save_meeting
from minutes_app.storage.concurrency import acquire_lock, lock_path, read_lock, release_lock

needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
PRECIOUS = "số liệu của người khác\n"


@pytest.fixture()
def folder(tmp_path: Path) -> tuple[Path, Path]:
    """A shared folder holding a meeting, and a file elsewhere that must never change."""
    shared = tmp_path / "shared"
    shared.mkdir()
    victim = tmp_path / "elsewhere" / "victim.txt"
    victim.parent.mkdir()
    victim.write_text(PRECIOUS, encoding="utf-8")
    path = shared / "m.minutes.json"
    save_meeting(load_meeting(COMMUNE_SAMPLE), path)
    return path, victim


@needs_links
def test_a_linked_backup_is_replaced_not_written_through(folder: tuple[Path, Path]) -> None:
    path, victim = folder
    backup = path.with_name(path.name + ".bak")
    backup.unlink(missing_ok=True)
    backup.symlink_to(victim)
    previous = path.read_bytes()
    meeting = load_meeting(path)
    meeting.meeting.title = "Phiên bản mới"
    save_meeting(meeting, path)
    assert victim.read_text(encoding="utf-8") == PRECIOUS
    assert not backup.is_symlink() and backup.read_bytes() == previous


def test_a_hard_linked_backup_is_replaced_not_written_through(folder: tuple[Path, Path]) -> None:
    path, victim = folder
    backup = path.with_name(path.name + ".bak")
    backup.unlink(missing_ok=True)
    os.link(victim, backup)
    save_meeting(load_meeting(path), path)
    assert victim.read_text(encoding="utf-8") == PRECIOUS
    assert os.stat(backup).st_ino != os.stat(victim).st_ino


@needs_links
def test_opening_with_a_linked_lock_does_not_write_its_target(folder: tuple[Path, Path]) -> None:
    path, victim = folder
    lock_path(path).symlink_to(victim)
    assert acquire_lock(path) is None  # what opening the meeting in the editor does
    assert victim.read_text(encoding="utf-8") == PRECIOUS
    assert not lock_path(path).is_symlink() and read_lock(path).is_me()
    release_lock(path)
    assert victim.read_text(encoding="utf-8") == PRECIOUS


@needs_links
def test_a_lock_linked_to_a_device_is_not_read(folder: tuple[Path, Path]) -> None:
    path, _victim = folder
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    lock_path(path).symlink_to("/dev/zero")
    result = run_python_bounded("import sys; from pathlib import Path; from minutes_app.storage.concurrency import "
                                "read_lock; print(read_lock(Path(sys.argv[1])))", path)
    assert result.returncode == 0 and result.stdout.strip() == "None", result.stderr[-500:]


def test_orphans_of_an_interrupted_save_are_removed_by_the_next(folder: tuple[Path, Path]) -> None:
    path, _victim = folder
    old = time.time() - 3600
    orphans = [path.with_name(f".{path.name}.k3j4h5.tmp"), path.with_name(f".{path.name}.bak.x9y8z7.tmp")]
    for orphan in orphans:
        orphan.write_text("{half a meeting", encoding="utf-8")
        os.utime(orphan, (old, old))
    in_progress = path.with_name(f".{path.name}.a1b2c3.tmp")  # another program's save, still running
    in_progress.write_text("{", encoding="utf-8")
    other = path.with_name(".other.minutes.json.q1w2e3.tmp")  # another file's: not ours to remove
    other.write_text("{", encoding="utf-8")
    os.utime(other, (old, old))
    save_meeting(load_meeting(path), path)
    assert not any(orphan.exists() for orphan in orphans)
    assert in_progress.exists() and other.exists()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == sorted([path.name, path.name + ".bak", in_progress.name, other.name]), names


def test_a_save_marker_left_by_a_crash_does_not_block(folder: tuple[Path, Path],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    import subprocess

    from minutes_app.errors import SaveError
    from minutes_app.storage import atomic

    path, _victim = folder
    marker = path.with_name(f".~{path.name}.saving")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    marker.write_text(f"{gone.stdout.strip()} {socket.gethostname()}", encoding="ascii")
    started = time.monotonic()
    save_meeting(load_meeting(path), path)  # the saver died: its marker is taken over at once
    assert time.monotonic() - started < atomic.SAVE_WAIT and not marker.exists()  # taken over, not waited out

    marker.write_bytes(b"")  # the saver was killed before it could write its name
    os.utime(marker, (time.time() - 2, time.time() - 2))
    started = time.monotonic()
    save_meeting(load_meeting(path), path)
    assert time.monotonic() - started < atomic.SAVE_WAIT and not marker.exists()  # taken over, not waited out

    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        marker.write_text(f"{alive.pid} {socket.gethostname()}", encoding="ascii")
        monkeypatch.setattr(atomic, "SAVE_WAIT", 0.3)
        before = path.read_bytes()
        with pytest.raises(SaveError, match="another program has been saving it"):
            save_meeting(load_meeting(path), path)
        assert path.read_bytes() == before and marker.exists()
    finally:
        alive.kill()
        alive.wait()
