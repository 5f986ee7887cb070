"""The Jinja2 environment for prose and labels: sandboxed, strict, formatting through Babel.

Templates come from the user's folder first (an office's own wording) and then from the built-in
``templates/``. Every number, date and time a template prints goes through the filters below, which
format in the document's language. Errors name the template, the line and the problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ..errors import ExportError
from ..l10n import formatting as fmt
from ..l10n.i18n import gettext as _
from ..paths import templates_dir
from ..userdirs import make_private_dir, user_cache_dir, user_templates_dir
from . import prose
from .budget import CAPPED_FILTERS, MAX_CHARS, SECONDS, BoundedLoader, BudgetedSandbox, TemplateTimeout, time_budget


class TemplateError(ExportError):
    """A template is missing, malformed, refers to something undefined, or tried something unsafe."""

    def __init__(self, template: str, line: int | None, problem: str):
        self.template, self.line, self.problem = template, line, problem
        where = f"{template}:{line}" if line else template
        super().__init__(_("Template {where}: {problem}").format(where=where, problem=problem))


def _filters(language: str) -> dict[str, Callable[..., str]]:
    return {
        "number": lambda value, decimals=2: fmt.format_number(value, language, decimals),
        "fixed": lambda value, decimals=2: fmt.format_fixed(value, language, decimals),
        "percent": lambda ratio, decimals=1: fmt.format_percent(ratio, language, decimals),
        "money": lambda amount: fmt.format_money(amount, language),
        "quantity": lambda value, unit="": fmt.format_quantity(value, unit, language),
        "long_date": lambda value: fmt.format_long_date(value, language),
        "short_date": lambda value: fmt.format_short_date(value, language),
        "numeric_date": lambda value: fmt.format_numeric_date(value, language),
        "time_of_day": lambda value: fmt.format_time_of_day(value, language),
        # Prose (``prose``): the words around the figures.
        "honorific": lambda gender: prose.honorific(gender, language),
        "and_list": lambda items: prose.join_list(items, language),
        "part_of_day": lambda value: prose.part_of_day(value, language),
        "upper_first": prose.upper_first,
        "lower_first": prose.lower_first,
        "sentence": prose.sentence,
        "strip_end": prose.strip_end,
        "closing_mark": prose.closing_mark,
        "place_name": prose.place_name,
    }


def environment(language: str, user_dir: Path | None = None) -> SandboxedEnvironment:
    """The environment for one document language; ``user_dir`` (default: the user's templates
    folder) overrides the built-in templates."""
    return _environment(language, Path(user_dir or user_templates_dir()))


@lru_cache(maxsize=16)
def _environment(language: str, user_dir: Path) -> SandboxedEnvironment:
    search = [str(user_dir), str(templates_dir())]
    builtin_only = user_dir.resolve() == templates_dir().resolve()
    # An office's folder may hold a template from outside: it runs with every operation bounded.
    env = (SandboxedEnvironment if builtin_only else BudgetedSandbox)(
        loader=BoundedLoader(search),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=_bytecode_cache(f"{'builtin' if builtin_only else 'budgeted'}-jinja{jinja2.__version__}"),
    )
    env.filters.update(_filters(language))
    if not builtin_only:
        env.filters.update(CAPPED_FILTERS)
    env.globals.pop("lipsum", None)  # a million paragraphs on request; no template of ours needs it
    env.globals["language"] = language
    return env


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled by an earlier process, in the user cache folder (compiling them all costs each
    process about 70 ms). Jinja2 keys each file by the template's name and checks the checksum of its
    source, so an edited template is compiled again; the folder is per kind of environment and Jinja2
    version, because the sandbox that bounds an office's templates compiles operators differently. A file
    that cannot be read or written only costs a compilation."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged cache file is only a cache miss
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache(kind: str) -> jinja2.BytecodeCache | None:
    try:
        return _CompiledTemplates(str(make_private_dir(user_cache_dir() / "templates" / kind)))
    except OSError:
        return None


@contextmanager
def template_errors(name: str, budgeted: bool = False) -> Iterator[None]:
    """Turn every Jinja2 failure inside the block into a TemplateError naming the template and line;
    ``budgeted`` (an office's own template): stop the block after ``budget.SECONDS``."""
    try:
        with time_budget() if budgeted else nullcontext():
            yield
    except TemplateTimeout:
        raise TemplateError(name, None, _("it ran for more than {seconds} seconds and was stopped.").format(
            seconds=f"{SECONDS:g}")) from None
    except RecursionError as error:
        raise TemplateError(name, _error_line(error, name), _("it calls itself without end.")) from None
    except MemoryError:
        raise TemplateError(name, None, _("it needs more memory than the computer has.")) from None
    except jinja2.TemplateNotFound:
        raise TemplateError(name, None, _("the template does not exist")) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(error.name or name, error.lineno, error.message or str(error)) from None
    except SecurityError as error:
        raise TemplateError(name, _error_line(error, name), _("unsafe operation refused: {reason}").format(
            reason=error)) from None
    except jinja2.UndefinedError as error:
        raise TemplateError(name, _error_line(error, name), _("undefined value: {reason}").format(
            reason=error.message)) from None
    except (TypeError, ValueError, AttributeError, KeyError, ArithmeticError) as error:
        raise TemplateError(name, _error_line(error, name), str(error)) from None


def render(name: str, language: str, user_dir: Path | None = None, **context: Any) -> str:
    """Render a template; any failure is a TemplateError naming where it is. An office's own template
    has a time and size budget."""
    budgeted = is_user_template(name, user_dir)
    with template_errors(name, budgeted):
        template = environment(language, user_dir).get_template(name)
        if not budgeted:
            return template.render(**context)
        pieces, size = [], 0
        for piece in template.generate(**context):
            size += len(piece)
            if size > MAX_CHARS:
                raise TemplateError(name, None, _("it wrote more than {limit} characters.").format(
                    limit=f"{MAX_CHARS:,}"))
            pieces.append(piece)
        return "".join(pieces)


def is_user_template(name: str, user_dir: Path | None) -> bool:
    """Whether ``name`` comes from the office's own folder rather than the built-in templates."""
    folder = Path(user_dir or user_templates_dir())
    try:
        return (folder / name).is_file() and folder.resolve() != templates_dir().resolve()
    except OSError:
        return False


def _error_line(error: BaseException, name: str) -> int | None:
    """The template line where a render error happened, read from the traceback Jinja2 rewrites."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.replace("\\", "/").endswith("/" + name) or filename == name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
