"""Issue 15, case 8: an office's own template gets a time and size budget. A template that would never
finish, or build gigabytes, or call itself without end, is stopped and the built-in one is used, with
the usual one-line warning; built-in templates run as before."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from robustness.bounded import run_bounded
from support import COMMUNE_SAMPLE, REPO

from minutes_app.export import ExportOptions, build_document
from minutes_app.export.templating import TemplateError, render
from minutes_app.storage import load_meeting

NESTED_LOOPS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
HOSTILE = {
    "nested range loops": NESTED_LOOPS,
    "loops over a range kept aside": "{% set r = range(100000) %}{% for i in r %}{% for j in r %}{% for k in r %}"
                                     "{% endfor %}{% endfor %}{% endfor %}",
    "lipsum of a million": "{{ lipsum(n=10**6) }}",
    "a power of a billion digits": "{{ 9**(10**9) }}",
    "ten billion letters": "{{ 'a'*10**10 }}",
    "a recursive macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "replace upon replace": "{% set x = 'a' * 1000 %}{{ x|replace('a', x)|replace('a', x) }}",
    "padding by a method": "{{ 'a'.ljust(10**10) }}",
    "padding by a filter": "{{ 'a'|center(10**10) }}",
    "a printf width": "{{ '%0999999999d' % 1 }}",
    "a format width": "{{ '{:>9999999999}'.format(1) }}",
    "a hundred million characters out": "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}",
}
TEMPLATE = "news/article.vi.j2"


def _folder(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "mine" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path / "mine"


@pytest.fixture(scope="module")
def built_in_article(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("built-in") / "tin.txt"
    result = run_bounded("export", COMMUNE_SAMPLE, "--kind", "news", "-o", out)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_template_falls_back_within_bounds(tmp_path: Path, text: str, built_in_article: str) -> None:
    folder = _folder(tmp_path, TEMPLATE, text)
    out = tmp_path / "tin.txt"
    started = time.monotonic()
    result = run_bounded("export", COMMUNE_SAMPLE, "--kind", "news", "-o", out, "--templates", folder)
    assert time.monotonic() - started < 10
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Warning: Template {TEMPLATE}") and lines[0].endswith(
        "The built-in template was used instead."), lines[0]
    assert out.read_text(encoding="utf-8") == built_in_article


@pytest.mark.slow  # waits out the template's time budget
def test_a_phrase_macro_that_never_ends_is_stopped(tmp_path: Path) -> None:
    """The minutes call their phrases macro by macro: each call has the budget too."""
    phrases = (REPO / "templates" / "minutes" / "phrases.vi.j2").read_text(encoding="utf-8")
    phrases = phrases.replace("{% macro subject(title) %}{{ title }}{% endmacro %}",
                              "{% macro subject(title) %}" + NESTED_LOOPS + "{% endmacro %}")
    options = ExportOptions(templates_dir=_folder(tmp_path, "minutes/phrases.vi.j2", phrases))
    meeting = load_meeting(COMMUNE_SAMPLE)
    started = time.monotonic()
    with pytest.warns(UserWarning, match=r"minutes/phrases.vi.j2.*more than 2 seconds.*built-in template"):
        document = build_document(meeting, "minutes", options)
    assert time.monotonic() - started < 5
    assert document.blocks == build_document(meeting, "minutes").blocks


@pytest.mark.slow  # waits out the template's time budget
def test_the_budget_stops_a_render_and_leaves_nothing_pending(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "loop.txt", NESTED_LOOPS)
    started = time.monotonic()
    with pytest.raises(TemplateError, match="more than 2 seconds"):
        render("loop.txt", "vi", folder)
    assert 1.9 < time.monotonic() - started < 4
    time.sleep(0.1)  # a late watchdog must not raise anything afterwards
    assert render("loop.txt", "vi", _folder(tmp_path, "loop.txt", "ok")) == "ok"


def test_ordinary_templates_of_an_office_still_work(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "fine.txt", "{% for i in range(3) %}{{ i * 2 }}{{ '-' * 3 }}{% endfor %}"
                                           "{{ 2 ** 10 }} {{ '%05d' % 42 }} {{ 'ab'|center(6) }}|{{ 'x'.ljust(3) }}|"
                                           "{{ 'a-b'|replace('-', ' và ') }}|{{ 'một hai'|wordwrap(4) }}|"
                                           "{{ 'a\nb'|indent(2) }}|{{ '%s=%d'|format('n', 3) }}")
    assert render("fine.txt", "vi", folder) == ("0---2---4---1024 00042   ab  |x  |a và b|một\nhai|a\n  b|n=3")


def test_a_template_file_too_large_is_not_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path, TEMPLATE, "{# " + "x" * (2 * 1024 * 1024) + " #}")
    meeting = load_meeting(COMMUNE_SAMPLE)
    with pytest.warns(UserWarning, match=r"news/article.vi.j2:1: the template is 2048 KB; the limit is 1024 KB"):
        document = build_document(meeting, "news", ExportOptions(templates_dir=folder))
    assert document.blocks == build_document(meeting, "news").blocks
