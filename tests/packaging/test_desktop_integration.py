"""The Linux desktop integration: menu entry, icons and the *.minutes.json file type, installed for a user."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support import REPO

LINUX = REPO / "packaging" / "linux"
ICONS = REPO / "resources" / "icons"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_entry_opens_files_of_the_meeting_type_with_the_icon() -> None:
    entry = desktop_entry(LINUX / "thuky.desktop")
    mime = ET.parse(LINUX / "thuky-mime.xml").getroot().find(f"{MIME_NS}mime-type")
    assert entry["Type"] == "Application" and entry["Name"] == "Thư Ký"
    assert entry["Exec"] == "@EXEC@ %f"  # the installer puts the program's path in
    assert entry["MimeType"] == f"{mime.get('type')};"
    assert entry["Icon"] == "thuky" and entry["Terminal"] == "false"
    assert "Office;" in entry["Categories"]
    assert entry["StartupWMClass"] == "ThuKy"  # QCoreApplication's applicationName, Qt's WM_CLASS
    assert [glob.get("pattern") for glob in mime.iter(f"{MIME_NS}glob")] == ["*.minutes.json"]
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"


def test_icons_in_every_size_and_a_windows_ico() -> None:
    for size in SIZES:
        header = (ICONS / f"thuky-{size}.png").read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == (size, size)
    ico = (ICONS / "thuky.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    widths = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= widths


def test_installed_for_the_user_and_removed_again(tmp_path: Path) -> None:
    program = tmp_path / "my apps" / "minutes-app"  # a space in the path must survive the Exec key
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    data = tmp_path / "share"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "LC_ALL": "C.UTF-8"}  # gio's messages, read below
    script = LINUX / "install-desktop-entry.sh"
    done = subprocess.run([script, program], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    entry = desktop_entry(data / "applications" / "thuky.desktop")
    assert entry["Exec"] == f'"{program}" %f'
    assert entry["TryExec"] == str(program)
    assert (data / "mime" / "packages" / "thuky.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "thuky.svg").is_file()
    for size in SIZES:
        folder = data / "icons" / "hicolor" / f"{size}x{size}"
        assert (folder / "apps" / "thuky.png").is_file()
        assert (folder / "mimetypes" / "application-x-thuky-meeting.png").is_file()
    if shutil.which("update-mime-database"):  # file managers read the compiled database
        assert "application/x-thuky-meeting:*.minutes.json" in (data / "mime" / "globs2").read_text(encoding="utf-8")
    if shutil.which("gio") and not shutil.which("xdg-mime"):  # a double-click opens the meeting in Thư Ký
        sample = tmp_path / "m.minutes.json"
        sample.write_text("{}", encoding="utf-8")
        info = subprocess.run(["gio", "info", "-a", "standard::content-type", sample], env=env, capture_output=True,
                              text=True, timeout=30, check=True).stdout
        assert "standard::content-type: application/x-thuky-meeting" in info
        default = subprocess.run(["gio", "mime", "application/x-thuky-meeting"], env=env, capture_output=True,
                                 text=True, timeout=30, check=True).stdout
        assert "Default application for “application/x-thuky-meeting”: thuky.desktop" in default

    removed = subprocess.run([script, "--uninstall"], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert removed.returncode == 0, removed.stderr
    assert not (data / "applications" / "thuky.desktop").exists()
    assert not list((data / "icons").rglob("*thuky*"))


def test_without_the_desktops_tools_the_default_is_written_and_a_double_click_opens_the_meeting(tmp_path: Path) -> None:
    # A minimal system (no xdg-mime, gio, update-desktop-database) to which a desktop is added later: GIO then
    # knows no program for the type unless the default is in mimeapps.list. Found on a fresh Debian 12 root.
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("bash", "dirname", "basename", "sed", "grep", "mkdir", "cp", "rm", "update-mime-database"):
        if shutil.which(tool):
            (tools / tool).symlink_to(shutil.which(tool))
    opened = tmp_path / "opened.txt"
    program = tmp_path / "thuky"
    program.write_text(f'#!/bin/sh\necho "$1" > "{opened}"\n', encoding="utf-8")
    program.chmod(0o755)
    config = tmp_path / "config"
    config.mkdir()
    mimeapps = config / "mimeapps.list"
    mimeapps.write_text("[Default Applications]\ntext/plain=gedit.desktop;\n"
                        "application/x-thuky-meeting=old.desktop;\n\n"
                        "[Added Associations]\ntext/plain=gedit.desktop;\n", encoding="utf-8")
    env = {"PATH": str(tools), "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share"),
           "XDG_CONFIG_HOME": str(config)}
    script = LINUX / "install-desktop-entry.sh"
    done = subprocess.run([script, program], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert mimeapps.read_text(encoding="utf-8") == (
        "[Default Applications]\napplication/x-thuky-meeting=thuky.desktop;\ntext/plain=gedit.desktop;\n\n"
        "[Added Associations]\ntext/plain=gedit.desktop;\n")
    if shutil.which("gio") and shutil.which("update-mime-database"):  # the desktop, added afterwards
        meeting = tmp_path / "hop.minutes.json"
        meeting.write_text("{}", encoding="utf-8")
        subprocess.run(["gio", "open", meeting], env={**env, "PATH": os.environ["PATH"]}, timeout=30, check=True)
        for _ in range(100):
            if opened.exists():
                break
            time.sleep(0.05)
        assert opened.read_text(encoding="utf-8").strip() == str(meeting)

    removed = subprocess.run([script, "--uninstall"], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert removed.returncode == 0, removed.stderr
    assert "thuky.desktop" not in mimeapps.read_text(encoding="utf-8")
    assert "text/plain=gedit.desktop;" in mimeapps.read_text(encoding="utf-8")


def test_a_program_that_is_not_there_is_refused(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    done = subprocess.run([LINUX / "install-desktop-entry.sh", tmp_path / "nothing"], env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.strip() == f"install-desktop-entry.sh: {tmp_path / 'nothing'} is not a program"
    assert not (tmp_path / "share").exists()


@pytest.mark.usefixtures("qapp")
def test_the_application_has_its_name_and_icon() -> None:
    from minutes_app.gui.app import create_application

    app = create_application()
    assert app.applicationDisplayName() == "Thư Ký"
    assert app.desktopFileName() == "thuky"  # Wayland shells find the menu entry's icon by it
    assert not app.windowIcon().isNull()
    assert 256 in {size.width() for size in app.windowIcon().availableSizes()}
