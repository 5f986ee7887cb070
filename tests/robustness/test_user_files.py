"""An office's own templates and reference DOCX: broken or hostile ones fall back to the built-in ones."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest
from robustness.bounded import run_bounded
from support import COMMUNE_SAMPLE, SEED_SAMPLE

from minutes_app.errors import FallbackWarning
from minutes_app.export import ExportOptions, build_document, render_document
from minutes_app.export.templating import TemplateError, render
from minutes_app.storage import load_meeting

BROKEN = {
    "syntax error": "{% if %}",
    "undefined name": "{{ no_such_name }}",
    "python internals": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals of a helper": "{{ cycler.__init__.__globals__ }}",
    "file system": "{% include '/etc/passwd' %}",
}


def _user_folder(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "mine" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path / "mine"


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
@pytest.mark.parametrize(("kind", "template"), [("minutes", "minutes/phrases.vi.j2"),
                                                ("news", "news/article.vi.j2"),
                                                ("notice", "notice/notice.vi.j2")])
def test_a_broken_user_template_falls_back_with_a_clear_warning(tmp_path: Path, kind: str, template: str,
                                                                text: str) -> None:
    options = ExportOptions(templates_dir=_user_folder(tmp_path, template, text))
    meeting = load_meeting(COMMUNE_SAMPLE)
    with pytest.warns(FallbackWarning) as caught:
        document = build_document(meeting, kind, options)
    message = str(caught[0].message)
    assert message.startswith(f"Template {template}")
    assert message.endswith("The built-in template was used instead.")
    assert message.count("\n") == 0 and message[:-len(" The built-in template was used instead.")].endswith(
        (".", "?", "!", "…")), message  # two sentences ("… is undefined The built-in …" was one run-on)
    assert document.blocks == build_document(meeting, kind).blocks


@pytest.mark.parametrize("text", [BROKEN["python internals"], BROKEN["globals of a helper"]])
def test_the_sandbox_refuses_internals(tmp_path: Path, text: str) -> None:
    _user_folder(tmp_path, "probe.txt", text)
    with pytest.raises(TemplateError, match="unsafe operation refused|undefined value"):
        render("probe.txt", "vi", tmp_path / "mine")


@pytest.mark.parametrize("content", [b"", b"hello", b"PK\x03\x04 not really a zip"], ids=["empty", "text", "fake zip"])
def test_a_reference_that_is_not_a_docx_falls_back(tmp_path: Path, content: bytes) -> None:
    reference = tmp_path / "office.docx"
    reference.write_bytes(content)
    document = build_document(load_meeting(SEED_SAMPLE), "minutes")
    with pytest.warns(FallbackWarning, match="office.docx.*The built-in reference document was used instead"):
        data = render_document(document, "docx", ExportOptions(reference_doc=reference))
    assert data == render_document(document, "docx")
    assert docx.Document(io.BytesIO(data)).paragraphs


def test_a_missing_reference_falls_back(tmp_path: Path) -> None:
    document = build_document(load_meeting(SEED_SAMPLE), "notice")
    with pytest.warns(FallbackWarning, match="does not exist"):
        render_document(document, "docx", ExportOptions(reference_doc=tmp_path / "gone.docx"))


def test_a_broken_built_in_template_is_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the office's own templates fall back; a fault in ours must surface."""
    monkeypatch.setattr("minutes_app.export.templating.templates_dir", lambda: _user_folder(
        tmp_path, "news/article.vi.j2", "{% if %}"))
    from minutes_app.export.templating import _environment

    _environment.cache_clear()
    try:
        with pytest.raises(TemplateError):
            build_document(load_meeting(SEED_SAMPLE), "news", ExportOptions(templates_dir=tmp_path / "empty"))
    finally:
        _environment.cache_clear()


def test_a_fallback_is_written_to_the_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The IT person can read afterwards what the secretary was told."""
    from support import run_cli

    from minutes_app.userdirs import ENV_DATA_DIR

    folder = _user_folder(tmp_path, "notice/notice.vi.j2", "{% if %}")
    data_dir = tmp_path / "data"
    monkeypatch.setenv(ENV_DATA_DIR, str(data_dir))  # the CLI process inherits it
    result = run_cli("export", COMMUNE_SAMPLE, "--kind", "notice", "-o", tmp_path / "tb.docx", "--templates", folder)
    assert result.returncode == 0
    log = (data_dir / "thuky.log").read_text(encoding="utf-8")
    assert "WARNING minutes_app.export.registry: Template notice/notice.vi.j2" in log
    assert "Falling back to the built-in template." in log


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("kind", ["FIFO", "link to /dev/zero", "folder"])
def test_a_reference_that_is_not_a_regular_file_is_named_as_such(tmp_path: Path, kind: str) -> None:
    """It was called missing ("does not exist"), and a FIFO put there between the check and the read hung
    the export: the reference is read once, as a regular file, bounded."""
    reference = tmp_path / "office.docx"
    {"FIFO": os.mkfifo, "link to /dev/zero": lambda path: path.symlink_to("/dev/zero"),
     "folder": os.mkdir}[kind](reference)
    out = tmp_path / "bb.docx"
    result = run_bounded("export", SEED_SAMPLE, "--kind", "minutes", "-o", out, "--reference-doc", reference)
    assert result.returncode == 0 and out.exists(), result.stderr
    assert result.stderr.strip() == f'Warning: The reference document "{reference}" is not a regular file (a folder, ' \
                                    "a device or a pipe). The built-in reference document was used instead."
