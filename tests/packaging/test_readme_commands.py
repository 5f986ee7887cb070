"""The README's two set-up commands: one line each, between the markers CI reads, doing the whole set-up."""

from __future__ import annotations

import re

from support import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def block(name: str) -> list[str]:
    """The lines between <!-- name --> and <!-- /name -->, without the fence, as .ci/run reads them."""
    found = re.findall(rf"^<!-- {name} -->\n(.*?)^<!-- /{name} -->", README, flags=re.M | re.S)
    assert len(found) == 1, f"one {name} block"
    return [line for line in found[0].splitlines() if not line.startswith("```")]


def test_the_run_command_sets_up_the_system_and_starts_the_editor() -> None:
    assert block("run-command") == ["./scripts/install.sh && .venv/bin/minutes-app"]


def test_the_test_command_sets_up_everything_and_runs_every_test() -> None:
    (command,) = block("test-command")
    assert command.startswith("./scripts/install.sh --test && ")
    assert command.endswith("-m pytest")  # everything: no -m "not slow" here


def test_ci_starts_from_the_readme() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "block test-command" in ci and "block run-command" in ci
    assert "apt-get" not in ci  # no list of its own: the README's commands install what is needed
