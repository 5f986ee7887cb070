"""The command line, run as a user runs it: a real process, its exit status, stdout and stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import ALL_SAMPLES, SEED_SAMPLE
from support import run_cli as run

import minutes_app
from minutes_app import cli
from minutes_app.cli import SUBCOMMANDS


def test_validate_accepts_the_samples() -> None:
    result = run("validate", *ALL_SAMPLES)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": valid") == len(ALL_SAMPLES)


def test_validate_prints_one_line_per_problem_and_exits_1(tmp_path: Path) -> None:
    data = json.loads(SEED_SAMPLE.read_text(encoding="utf-8"))
    data["attendees"][0]["present"] = "yes"
    data["meeting"]["kind"] = "zoom"
    bad = tmp_path / "bad.minutes.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("validate", SEED_SAMPLE, bad)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{bad}: meeting.kind: \"zoom\" is not one of: in_person, online, hybrid",
        f"{bad}: attendees[0].present: must be true or false",
    ]
    assert "Traceback" not in result.stderr


def test_messages_in_vietnamese(tmp_path: Path) -> None:
    bad = tmp_path / "rong.minutes.json"
    bad.write_bytes(b"")
    result = run("validate", bad, ui="vi")
    assert result.returncode == 1
    assert result.stderr.strip() == f"{bad}: tệp trống"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export", "missing.minutes.json", "--kind", "minutes", "-o", "{tmp}/x.docx"], "the file does not exist"),
        (["export", str(SEED_SAMPLE), "--kind", "minutes", "-o", "{tmp}/x.txt"],
         "The minutes cannot be written as \".txt\"; use one of: .docx, .pdf, .html."),
        (["export", str(SEED_SAMPLE), "--kind", "notice", "-o", "{tmp}/x"], "use one of: .docx, .pdf, .html"),
    ],
    ids=["missing file", "wrong extension", "no extension"],
)
def test_export_refuses_bad_requests_without_traceback(tmp_path: Path, args: list[str], expected: str) -> None:
    result = run(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing half-written


@pytest.mark.parametrize(
    ("args", "mistyped", "hint"),
    [
        (["exprot", str(SEED_SAMPLE)], "exprot", ' Did you mean "export"?'),
        (["print", "x.txt", "--into", str(SEED_SAMPLE)], "print", ""),
        (["--ui-language", "en", "no-such.minutes.json"], "no-such.minutes.json", ""),
    ],
    ids=["typo", "no such command", "missing file"],
)
def test_a_mistyped_command_is_named_and_does_not_open_the_editor(args: list[str], mistyped: str, hint: str) -> None:
    # Without the fix this opened a window on a file named "exprot" (and hung with no display):
    # run_cli's timeout would fail the test.
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f'minutes-app: "{mistyped}" is neither a command nor an existing file.{hint} The commands are: '
        f"{', '.join(SUBCOMMANDS)}; give no command, or the name of a meeting file, to open the editor.")


def test_a_mistyped_command_is_answered_in_vietnamese() -> None:
    result = run("--ui-language", "vi", "exprot", SEED_SAMPLE, ui="en")
    assert result.returncode == 2
    assert result.stderr.startswith('minutes-app: "exprot" không phải là lệnh')
    assert 'Có phải ý bạn là "export"?' in result.stderr


@pytest.mark.parametrize(
    ("option", "hint"),
    [("--verbose", ' Did you mean "--version"?'), ("--hepl", ' Did you mean "--help"?'), ("-v", "")],
)
def test_an_unknown_option_is_named_and_does_not_open_the_editor(option: str, hint: str) -> None:
    # Qt ignores options it does not know: these opened the editor (and without a display aborted it).
    result = run(option, SEED_SAMPLE)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f'minutes-app: "{option}" is not an option.{hint} The commands are: {", ".join(SUBCOMMANDS)}; '
        "give no command, or the name of a meeting file, to open the editor.")


def test_an_unknown_option_is_answered_in_vietnamese() -> None:
    result = run("--ui-language", "vi", "--verbose", ui="en")
    assert result.returncode == 2
    assert result.stderr.startswith(
        'minutes-app: "--verbose" không phải là một tùy chọn. Có phải ý bạn là "--version"?')
    assert "Các lệnh: " in result.stderr


def test_the_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"minutes-app {minutes_app.__version__}")


def test_qt_options_reach_the_editor_with_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import minutes_app.gui.app as gui_app

    received: list[list[str]] = []
    monkeypatch.setattr(gui_app, "run_gui", lambda argv: received.append(list(argv)) or 0)
    assert cli.main(["-style", "fusion", "--reverse", str(SEED_SAMPLE), "--ui-language=en"]) == 0
    # The file first: the editor's own parser took "fusion", the value of -style, for the file to open.
    assert received == [[str(SEED_SAMPLE), "-style", "fusion", "--reverse", "--ui-language=en"]]


def test_notes_and_meeting_given_the_wrong_way_round(tmp_path: Path) -> None:
    notes = tmp_path / "ghi-nhanh.txt"
    notes.write_text("@Sáu: ý kiến\n", encoding="utf-8")
    result = run("notes", SEED_SAMPLE, "--into", notes)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"{SEED_SAMPLE}: this is a meeting file, not notes; write: "
                                     f"minutes-app notes NOTES --into {SEED_SAMPLE}")
    assert notes.read_text(encoding="utf-8") == "@Sáu: ý kiến\n"


def test_export_warns_of_a_templates_folder_that_does_not_exist(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    result = run("export", SEED_SAMPLE, "--kind", "minutes", "-o", out, "--templates", tmp_path / "no-such-dir")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == (f'Warning: The templates folder "{tmp_path / "no-such-dir"}" does not exist. '
                                     "The built-in templates were used instead.")
    assert out.is_file()


def test_export_warns_of_a_fake_reference_document_in_one_sentence(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    result = run("export", SEED_SAMPLE, "--kind", "minutes", "-o", tmp_path / "x.docx", "--reference-doc", fake)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == (f'Warning: The reference document "{fake}" is not a Word document (.docx). '
                                     "The built-in reference document was used instead.")


def test_export_of_a_broken_file_leaves_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.minutes.json"
    bad.write_text('{"format": "minutes-app.meeting", "format_version": 1, "meeting": {"title": ""}}',
                   encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run("export", bad, "--kind", "minutes", "-o", out)
    assert result.returncode == 1
    assert "meeting.title: must not be empty" in result.stderr
    assert not out.exists()


def test_export_does_not_replace_an_existing_output_on_failure(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous export")
    result = run("export", tmp_path / "nothing.minutes.json", "--kind", "minutes", "-o", out)
    assert result.returncode == 1
    assert out.read_bytes() == b"previous export"


def test_new_writes_an_empty_valid_meeting_dated_today(tmp_path: Path) -> None:
    import datetime as dt

    out = tmp_path / "new.minutes.json"
    result = run("new", out)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "minutes-app.meeting" and data["format_version"] == 1
    assert data["meeting"]["date"] == dt.date.today().isoformat()
    assert run("validate", out).returncode == 0
    again = run("new", out)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_help_lists_the_subcommands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "export", "new"):
        assert command in result.stdout
