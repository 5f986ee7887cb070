"""scripts/install.sh's system step, with apt, dpkg and sudo stood in for: what it asks of apt, and how."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from support import REPO

INSTALL = REPO / "scripts" / "install.sh"


def fake_system(tmp_path: Path, uid: int, with_sudo: bool,
                installed: tuple[str, ...] = ()) -> tuple[dict[str, str], Path]:
    """A PATH of stubs: only ``installed`` is, apt-get and sudo log their arguments, python3 is too old to go on."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    for tool in ("bash", "dirname", "grep", "uname", "env", "cat"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    stubs = {
        "id": f"echo {uid}",
        # dpkg-query -W -f=FORMAT PACKAGE...: the status of those it knows
        "dpkg-query": "".join(f'[[ " $* " == *" {name} "* ]] && echo "install ok installed"; ' for name in installed)
                      + "exit 1",
        "apt-get": f'echo "apt-get $*" >> {log}',
        "python3": "exit 1",
    }
    if with_sudo:
        stubs["sudo"] = f'echo "sudo $1" >> {log}; "$@"'
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!{shutil.which('bash')}\n{body}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return {"PATH": str(bin_dir), "HOME": str(tmp_path)}, log


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([shutil.which("bash"), INSTALL, *args], env=env, capture_output=True, text=True,
                          timeout=60, check=False)


def test_a_user_gets_the_system_packages_through_sudo(tmp_path: Path) -> None:
    env, log = fake_system(tmp_path, uid=1000, with_sudo=True)
    run(env, "--test")
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == "sudo apt-get" and calls[1] == "apt-get update -q"
    assert calls[2] == "sudo env"
    install = calls[3].split()
    assert install[:5] == ["apt-get", "install", "-y", "-q", "--no-install-recommends"]
    # Python, the Qt libraries a desktop lacks, and with --test what the renderings use.
    for package in ("python3", "python3-venv", "libxcb-cursor0", "libxkbcommon-x11-0", "libegl1",
                    "libreoffice-writer-nogui", "poppler-utils", "fonts-liberation2"):
        assert package in install


def test_root_needs_no_sudo_and_the_run_step_leaves_out_libreoffice(tmp_path: Path) -> None:
    env, log = fake_system(tmp_path, uid=0, with_sudo=False)
    run(env)
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == "apt-get update -q"
    assert "sudo" not in log.read_text(encoding="utf-8")
    assert "libxcb-cursor0" in calls[1] and "libreoffice-writer-nogui" not in calls[1]


def test_without_sudo_it_says_what_to_install_as_root(tmp_path: Path) -> None:
    env, log = fake_system(tmp_path, uid=1000, with_sudo=False)
    done = run(env)
    assert done.returncode == 1
    assert not log.exists()  # nothing was tried
    lines = done.stderr.strip().splitlines()
    assert re.fullmatch(r"Thư Ký needs these system packages: python3 python3-venv .*libxcb-cursor0.*", lines[0])
    assert lines[1].startswith("There is no sudo here: run as root  apt-get install python3 ")
    assert "command not found" not in done.stderr


def test_an_unknown_option_is_refused() -> None:
    done = subprocess.run([INSTALL, "--tests"], capture_output=True, text=True, timeout=60, check=False,
                          env={**os.environ})
    assert done.returncode == 2
    assert done.stderr.strip() == "usage: scripts/install.sh [--test]"


def test_a_library_under_ubuntus_new_name_counts_as_installed(tmp_path: Path) -> None:
    env, log = fake_system(tmp_path, uid=0, with_sudo=False, installed=("libglib2.0-0t64", "libgl1"))
    run(env)
    install = log.read_text(encoding="utf-8").splitlines()[1].split()
    assert "libxcb-cursor0" in install
    assert "libglib2.0-0" not in install and "libgl1" not in install
