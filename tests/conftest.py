"""Test-wide set-up: Qt offscreen, a private user-data folder, a known interface language."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

# Before anything imports Qt: no display is needed, and none is used.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Fixtures of a module or the session run before each test's own folder is set (below): they get this one,
# so that nothing reads or writes the real user's folders (templates, the cache of folders and templates).
SESSION_DATA_DIR = os.environ["MINUTES_APP_DATA_DIR"] = tempfile.mkdtemp(prefix="thuky-tests-")

from support import COMMUNE_SAMPLE, ENGLISH_SAMPLE, REPO, SAMPLES, SEED_SAMPLE  # noqa: F401, E402  (re-exported)


def pytest_sessionfinish() -> None:
    shutil.rmtree(SESSION_DATA_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the real user's templates, settings or recovery files."""
    monkeypatch.setenv("MINUTES_APP_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(autouse=True)
def _ui_language_en() -> None:
    """Tests assert on English messages unless they switch language themselves."""
    from minutes_app.l10n.i18n import set_ui_language

    set_ui_language("en")
    yield
    set_ui_language("en")
