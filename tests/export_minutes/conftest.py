"""Fixtures of the minutes exporter tests: the three samples exported once per session."""

from __future__ import annotations

import io

import docx
import pytest
from support import APRIL_SAMPLE, COMMUNE_SAMPLE, ENGLISH_SAMPLE, SEED_SAMPLE

from minutes_app.export.docx_writer import write_docx
from minutes_app.export.minutes import build_minutes
from minutes_app.export.registry import ExportOptions
from minutes_app.storage import load_meeting

SAMPLES = {"seed": SEED_SAMPLE, "commune": COMMUNE_SAMPLE, "english": ENGLISH_SAMPLE, "april": APRIL_SAMPLE}


@pytest.fixture(scope="session")
def minutes_docx(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The minutes DOCX bytes of each sample, by short name (built-in templates only: an empty
    user templates folder, since a session fixture runs before the per-test private user folder)."""
    options = ExportOptions(templates_dir=tmp_path_factory.mktemp("no-user-templates"))
    return {name: write_docx(build_minutes(load_meeting(path), options), options) for name, path in SAMPLES.items()}


@pytest.fixture
def opened(minutes_docx: dict[str, bytes]):  # type: ignore[no-untyped-def]
    """Reopen a sample's DOCX with python-docx: ``opened("seed")``."""
    return lambda name: docx.Document(io.BytesIO(minutes_docx[name]))
