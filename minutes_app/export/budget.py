"""A time and size budget for an office's own templates (files from outside: they may never finish).

The sandbox already refuses Python internals; what it does not bound is work. ``BudgetedSandbox`` caps
what a single operation can build (``**``, ``*`` and ``%`` on huge operands, string methods and filters
that pad or replace, ``range`` is capped by Jinja2 itself), and ``time_budget`` stops a template that
loops for too long: a watchdog thread raises TemplateTimeout in the rendering thread (an asynchronous
exception, delivered between two Python operations: every template loop is Python code). Built-in
templates are ours and run without a budget.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import math
import os
import posixpath
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, TemplateNotFound, TemplateSyntaxError
from jinja2 import filters as jinja_filters
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ..l10n.i18n import gettext as _
from ..safe_io import FileTooLarge, read_regular_stat

SECONDS = 2.0  # per call into a template; ours take milliseconds
MAX_TEMPLATE_BYTES = 1024 * 1024  # ours are a few kilobytes
MAX_CHARS = 1_000_000  # the longest text one operation, or a whole template, may make
_MAX_BITS = 4 * MAX_CHARS  # an integer of about a million digits
_WIDTH = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


class TemplateTimeout(Exception):  # noqa: N818 - raised asynchronously; the name says what happened
    """The template ran past its time budget."""


class TooLarge(SecurityError):
    """An operation of the template would build more than the budget allows."""


def _refuse(what: str) -> TooLarge:
    return TooLarge(_("{what} would be larger than {limit} characters.").format(what=what, limit=f"{MAX_CHARS:,}"))


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple) else 0


def _check_result(size: float, what: str) -> None:
    if size > MAX_CHARS:
        raise _refuse(what)


def _width_of(args: tuple[Any, ...], index: int = 0) -> int:
    value = args[index] if len(args) > index else 0
    return value if isinstance(value, int) else 0


# String methods that can make a long text out of a short one, and the length they would give.
_STRING_METHODS: dict[str, Callable[[str, tuple[Any, ...]], float]] = {
    "ljust": lambda s, a: _width_of(a), "rjust": lambda s, a: _width_of(a), "center": lambda s, a: _width_of(a),
    "zfill": lambda s, a: _width_of(a),
    "expandtabs": lambda s, a: len(s) * max(_width_of(a), 8),
    "replace": lambda s, a: len(s) + (s.count(a[0]) if len(a) > 1 and isinstance(a[0], str) else 0)
    * (_length(a[1]) if len(a) > 1 else 0),
    "join": lambda s, a: sum(_length(item) + len(s) for item in (a[0] if a and isinstance(a[0], list | tuple) else ())),
}


class BoundedLoader(FileSystemLoader):
    """Jinja2's folder loader, reading a template only if it is a regular file of at most a megabyte."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)
            if os.path.isfile(filename):
                break
        else:
            raise TemplateNotFound(template)
        try:
            data, info = read_regular_stat(Path(filename), MAX_TEMPLATE_BYTES)
            source = data.decode(self.encoding)
        except FileTooLarge as error:
            raise TemplateSyntaxError(_("the template is {size} KB; the limit is {limit} KB").format(
                size=error.size // 1024, limit=MAX_TEMPLATE_BYTES // 1024), 1, template, filename) from None
        except (OSError, UnicodeDecodeError) as error:
            raise TemplateSyntaxError(str(error), 1, template, filename) from None

        def uptodate() -> bool:
            try:
                return os.stat(filename).st_mtime_ns == info.st_mtime_ns
            except OSError:
                return False

        return source, os.path.normpath(filename), uptodate


class BudgetedSandbox(SandboxedEnvironment):
    """The sandbox, with every operation that could build a huge value checked before it runs."""

    intercepted_binops = frozenset({"**", "*", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int | float) and isinstance(right, int | float):
            if abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > _MAX_BITS:
                raise _refuse(_("the power"))
        elif operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(count, int) and _length(sequence):
                    _check_result(_length(sequence) * count, _("the repeated text"))
            if isinstance(left, int) and isinstance(right, int):
                _check_result((abs(left).bit_length() + abs(right).bit_length()) / 4, _("the product"))
        elif operator == "%" and isinstance(left, str):
            for width, precision in _WIDTH.findall(left):
                if "*" in (width, precision) or max(int(width or 0), int(precision or 0)) > MAX_CHARS:
                    raise _refuse(_("the formatted text"))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - as Jinja2's
        owner = getattr(__obj, "__self__", None)
        estimate = _STRING_METHODS.get(getattr(__obj, "__name__", ""))
        if isinstance(owner, str) and estimate is not None:
            _check_result(estimate(owner, args), _("the text"))
        return super().call(__context, __obj, *args, **kwargs)

    # Jinja2 before 3.1.5 formats str.format calls here (later versions through wrap_str_format and call).
    def format_string(self, s: str, args: tuple[Any, ...], kwargs: dict[str, Any], format_func: Any = None) -> str:
        if any(int(number) > MAX_CHARS for number in re.findall(r"\d+", s)):
            raise _refuse(_("the formatted text"))
        return super().format_string(s, args, kwargs, format_func)  # type: ignore[misc]


def _capped_filter(name: str, estimate: Callable[..., float]) -> Callable[..., Any]:
    """Jinja2's filter ``name``, refusing first what ``estimate(text, *arguments)`` says would be too long.
    A filter that takes the environment or the evaluation context first (replace, wordwrap) keeps it."""
    original = jinja_filters.FILTERS[name]
    pass_arg = getattr(original, "jinja_pass_arg", None)

    def capped(*args: Any, **kwargs: Any) -> Any:
        value, *rest = args[1:] if pass_arg is not None else args
        _check_result(estimate(str(value), *rest, **kwargs), _("the text"))
        return original(*args, **kwargs)

    if pass_arg is not None:
        capped.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return capped


# Filters that pad, indent, wrap or format: the length of what they would return, checked first.
CAPPED_FILTERS = {
    "center": _capped_filter("center", lambda s, width=80: max(len(s), width)),
    "indent": _capped_filter("indent", lambda s, width=4, *a, **k: len(s) * (1 + (width if isinstance(width, int)
                                                                                     else len(str(width))))),
    "wordwrap": _capped_filter("wordwrap", lambda s, width=79, *a, **k: len(s) * 2),
    "format": _capped_filter("format", lambda s, *a, **k: 0 if not re.search(r"\d{7,}|\*", s) else MAX_CHARS + 1),
    "replace": _capped_filter("replace", lambda s, old="", new="", count=None: len(s) + s.count(str(old))
                              * len(str(new)) if old else len(s) * (1 + len(str(new)))),
}


class _Watchdog:
    """One daemon thread that raises TemplateTimeout in threads whose deadline has passed."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._deadlines: list[tuple[float, int, int]] = []  # (when, token, thread id)
        self._live: dict[int, int] = {}  # token → thread id, while its budget runs
        self._fired: set[int] = set()
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None

    def start(self, seconds: float) -> int:
        token = next(self._tokens)
        with self._condition:
            self._live[token] = threading.get_ident()
            heapq.heappush(self._deadlines, (time.monotonic() + seconds, token, threading.get_ident()))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="template-watchdog", daemon=True)
                self._thread.start()
            self._condition.notify()
        return token

    def stop(self, token: int) -> None:
        with self._condition:
            thread = self._live.pop(token)
            if token in self._fired:  # fired too late to matter: take the pending exception back
                self._fired.discard(token)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), None)

    def _run(self) -> None:
        with self._condition:
            while True:
                while self._deadlines and self._deadlines[0][1] not in self._live:
                    heapq.heappop(self._deadlines)
                if not self._deadlines:
                    self._condition.wait()
                    continue
                when, token, thread = self._deadlines[0]
                wait = when - time.monotonic()
                if wait > 0:
                    self._condition.wait(wait)
                    continue
                heapq.heappop(self._deadlines)
                self._fired.add(token)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(TemplateTimeout))


_watchdog = _Watchdog()
_active = threading.local()


@contextmanager
def time_budget(seconds: float = SECONDS) -> Iterator[None]:
    """Raise TemplateTimeout inside the block once it has run for ``seconds`` (nested blocks share the
    outermost budget)."""
    if getattr(_active, "depth", 0):
        _active.depth += 1
        try:
            yield
        finally:
            _active.depth -= 1
        return
    _active.depth = 1
    token = _watchdog.start(seconds)
    try:
        yield
    finally:
        _active.depth = 0
        _watchdog.stop(token)
