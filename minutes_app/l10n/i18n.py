"""Interface strings through gettext catalogs compiled by Babel.

The interface language is process-wide state, set once from the settings or the command line and
changed when the user switches language; the document language is separate and never read here.
Call sites import ``gettext as _`` from this module (nothing is injected into builtins).
"""

from __future__ import annotations

import gettext as _gettext
import locale as _locale
import os
from collections.abc import Callable
from functools import cache

from ..paths import locale_dir

DOMAIN = "minutes_app"
UI_LANGUAGES = ("vi", "en")
DEFAULT_UI_LANGUAGE = "vi"
ENV_VAR = "MINUTES_APP_UI_LANGUAGE"

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"  # the source strings are English; set_ui_language() is called at start-up
_listeners: list[Callable[[str], None]] = []


def detect_ui_language() -> str:
    """The language to start in: MINUTES_APP_UI_LANGUAGE, else the system's if we have it, else vi."""
    wanted = os.environ.get(ENV_VAR, "").strip().lower()
    if wanted in UI_LANGUAGES:
        return wanted
    # POSIX: the first of these that is set decides; "C" and "POSIX" (C.UTF-8 too) name no language.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            code = value.split(".")[0].split("@")[0]
            return code[:2].lower() if code not in ("C", "POSIX") and code[:2].lower() in UI_LANGUAGES \
                else DEFAULT_UI_LANGUAGE
    try:  # Windows and macOS set no variable: ask the system
        system = (_locale.getlocale()[0] or "")[:2].lower()
    except ValueError:
        system = ""
    return system if system in UI_LANGUAGES else DEFAULT_UI_LANGUAGE


def set_ui_language(language: str) -> None:
    """Switch the catalogs every later ``gettext`` call reads, and tell the listeners."""
    global _translations, _language
    if language not in UI_LANGUAGES:
        raise ValueError(f"unsupported interface language: {language!r}")
    _translations = catalog(language)
    _language = language
    for listener in list(_listeners):
        listener(language)


@cache
def catalog(language: str) -> _gettext.NullTranslations:
    """The interface strings of ``language``, read once (also for a text in another language than the
    interface's: ``minutes-app tasks --language``)."""
    return _gettext.translation(DOMAIN, localedir=str(locale_dir()), languages=[language], fallback=True)


def ui_language() -> str:
    return _language


def add_language_listener(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_language_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def gettext(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (translated where it is shown)."""
    return message


def sentence(text: str) -> str:
    """``text`` ending as a sentence (a full stop added unless it has its own), for another to follow it."""
    text = text.rstrip()
    return text if not text or text.endswith((".", "!", "?", "…", ":")) else text + "."
