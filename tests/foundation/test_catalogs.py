"""The interface catalogs: complete in Vietnamese, placeholders kept, compiled files up to date."""

from __future__ import annotations

import gettext
import re
import string

import pytest
from babel.messages.pofile import read_po

from minutes_app.paths import locale_dir

LANGUAGES = ("vi", "en")


def _catalog(language: str):
    with open(locale_dir() / language / "LC_MESSAGES" / "minutes_app.po", "rb") as stream:
        return read_po(stream)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _messages(language: str):
    for message in _catalog(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        yield message, ids, strings


def test_vietnamese_catalog_is_complete_and_not_fuzzy() -> None:
    untranslated = [ids[0] for message, ids, strings in _messages("vi") if not all(strings)]
    fuzzy = [ids[0] for message, ids, strings in _messages("vi") if message.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_their_source(language: str) -> None:
    for _message, ids, strings in _messages(language):
        expected = _placeholders(ids[0])
        for translated in strings:
            if translated:
                assert _placeholders(translated) == expected, (ids[0], translated)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_matches_its_source(language: str) -> None:
    folder = locale_dir() / language / "LC_MESSAGES"
    with open(folder / "minutes_app.mo", "rb") as stream:
        compiled = gettext.GNUTranslations(stream)
    for message, ids, strings in _messages(language):
        if not all(strings) or message.fuzzy:
            continue
        key = f"{message.context}\x04{ids[0]}" if message.context else ids[0]
        if len(ids) == 1:
            assert compiled._catalog.get(key) == strings[0], f"run scripts/update_catalogs.sh: {ids[0]!r}"
        else:
            assert compiled._catalog.get((key, 0)) == strings[0], f"run scripts/update_catalogs.sh: {ids[0]!r}"


def test_every_interface_string_in_the_code_is_in_the_catalog() -> None:
    """A new _() string without a catalog entry would show in English to Vietnamese users."""
    from babel.messages.extract import extract_from_dir

    from minutes_app.paths import PACKAGE_DIR

    keywords = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
                "qt_N_": ((1, "c"), 2)}
    known = {(m.context, ids[0]) for m, ids, _ in _messages("vi")}
    found = set()
    for _filename, _lineno, message, _comments, context in extract_from_dir(
        str(PACKAGE_DIR), method_map=[("**.py", "python")], keywords=keywords
    ):
        text = message[0] if isinstance(message, tuple) else message
        if text:
            found.add((context, text))
    missing = sorted(found - known, key=str)
    assert missing == [], f"run scripts/update_catalogs.sh and translate: {missing[:5]}"
    assert all(re.search(r"\S", text) for _, text in found)
