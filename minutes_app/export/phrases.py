"""The labels and sentence macros of a phrases template, as attributes (the minutes, the task list)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..l10n.i18n import gettext as _
from .templating import TemplateError, environment, is_user_template, template_errors


class Phrases:
    """The labels (``{% set %}``) and sentence macros of one language's phrases template.

    Reading a missing name, or a macro failing, raises TemplateError naming the template and line.
    """

    def __init__(self, language: str, user_dir: Any = None):
        self.language = language
        self.name = f"minutes/phrases.{language}.j2"
        self._budgeted = is_user_template(self.name, user_dir)  # an office's own: a time budget per call
        self._module = self._guard(lambda: environment(language, user_dir).get_template(self.name).module)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        module = self.__dict__["_module"]
        if not hasattr(module, key):
            raise TemplateError(self.name, None, _("\"{name}\" is not defined").format(name=key))
        value = getattr(module, key)
        if callable(value):
            return lambda *args: self._guard(lambda: str(value(*args)).strip())
        return value

    def defines(self, name: str) -> bool:
        """Whether the template defines ``name`` (an office's older copy may lack a newer macro)."""
        return hasattr(self.__dict__["_module"], name)

    def _guard(self, call: Callable[[], Any]) -> Any:
        with template_errors(self.name, self.__dict__.get("_budgeted", False)):
            return call()
