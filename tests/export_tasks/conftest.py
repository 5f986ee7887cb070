"""The folder of meetings the task-list tests read (see ``task_folder``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_tasks.task_folder import build_folder


@pytest.fixture(scope="module")
def task_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_folder(tmp_path_factory.mktemp("giao-ban"))
