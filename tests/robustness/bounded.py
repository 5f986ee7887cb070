"""Run the CLI on a hostile input as a user would, but bounded: 10 s and 500 MB, as issue 15 asks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import REPO

SECONDS = 10
MEMORY = 500 * 1024 * 1024


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """``python -m minutes_app ARGS`` with at most 500 MB of memory (where the system can limit it) and
    10 s; a run that takes longer fails the test with TimeoutExpired."""
    return _run(["-m", "minutes_app", *map(str, args)], cwd)


def run_python_bounded(code: str, *args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """``python -c CODE ARGS`` within the same bounds: for a call that could read without end."""
    return _run(["-c", code, *map(str, args)], cwd)


def _run(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MINUTES_APP_UI_LANGUAGE": "en"}
    limit = _limit_memory if sys.platform.startswith("linux") else None
    return subprocess.run([sys.executable, *arguments], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=SECONDS, check=False, preexec_fn=limit)


def one_line_refusal(result: subprocess.CompletedProcess[str], path: Path) -> str:
    """The run ended with exit status 1 and one line on stderr naming ``path``; that line."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert len(lines) == 1, lines
    assert path.name in lines[0], lines[0]
    return lines[0]
