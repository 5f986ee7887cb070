"""The built wheel carries everything the program needs: templates, resources, schema, catalogs.

The wheel is built from a copy of the sources and installed into a fresh folder outside the
repository; the installed program then validates and exports the sample from there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support import REPO

pytestmark = pytest.mark.slow  # builds and installs a wheel

SOURCES = ("minutes_app", "templates", "resources", "pyproject.toml", "setup.py", "README.md", "babel.cfg")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        origin = REPO / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif origin.exists():
            shutil.copy2(origin, source / name)
    dist = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                            str(dist), str(source)], capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    (wheel_file,) = dist.glob("minutes_app-*.whl")
    return wheel_file


def test_wheel_contains_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "minutes_app/schema/meeting.schema.json",
        "minutes_app/locale/vi/LC_MESSAGES/minutes_app.mo",
        "minutes_app/locale/en/LC_MESSAGES/minutes_app.mo",
        "minutes_app/resources/samples/tong-ket-kt-xh-2020-lap-vo.minutes.json",
        "minutes_app/resources/samples/giao-ban-xa-binh-thanh-2025-03.minutes.json",
    ):
        assert required in names
    templates_in_repo = {p.relative_to(REPO).as_posix() for p in (REPO / "templates").rglob("*") if p.is_file()}
    assert {"minutes_app/" + t for t in templates_in_repo} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]" in text and "minutes-app = minutes_app.cli:main" in text


def test_installed_wheel_runs_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "MINUTES_APP_UI_LANGUAGE": "vi"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "minutes_app", *args], capture_output=True, text=True,
                              env=env, cwd=work, timeout=120, check=False)

    where = subprocess.run([sys.executable, "-c", "import minutes_app, minutes_app.paths as p; "
                            "print(minutes_app.__file__); print(p.templates_dir()); print(p.samples_dir())"],
                           capture_output=True, text=True, env=env, cwd=work, check=True)
    module, templates, samples = where.stdout.split("\n")[:3]
    assert all(Path(p).is_relative_to(target) for p in (module, templates, samples)), where.stdout

    sample = Path(samples) / "tong-ket-kt-xh-2020-lap-vo.minutes.json"
    validated = run("validate", str(sample))
    assert validated.returncode == 0 and "hợp lệ" in validated.stdout  # the compiled catalog is found
    exported = run("export", str(sample), "--kind", "minutes", "-o", "seed.docx")
    assert exported.returncode == 0, exported.stderr
    assert (work / "seed.docx").stat().st_size > 5000
