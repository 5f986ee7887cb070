"""The editor's pages, in the one order the side bar, the shortcuts (Ctrl+1…) and the check panel follow.

Pure Python: the GUI maps each page to its widgets and icon (``gui/page_list.py``); the checker names
the page of each finding; neither keeps an order of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from ..l10n.i18n import gettext as _
from ..model.records import record


class Page(str, Enum):
    """An editor page, by name; its place in ``PAGES`` is its place in the editor."""

    GENERAL = "general"
    ATTENDEES = "attendees"
    RESULTS = "results"
    FOLLOW_UP = "follow_up"
    DISCUSSION = "discussion"
    DIRECTIVES = "directives"
    CLOSING = "closing"

    def __str__(self) -> str:
        return self.value


@record(frozen=True)
class PageInfo:
    """One entry of the page list: which page, its title (translated when asked) and its shortcut."""

    page: Page
    title: Callable[[], str]
    shortcut: str


PAGES = (
    PageInfo(Page.GENERAL, lambda: _("General"), "Ctrl+1"),
    PageInfo(Page.ATTENDEES, lambda: _("Attendees"), "Ctrl+2"),
    PageInfo(Page.RESULTS, lambda: _("Results"), "Ctrl+3"),
    PageInfo(Page.FOLLOW_UP, lambda: _("Follow-up"), "Ctrl+4"),
    PageInfo(Page.DISCUSSION, lambda: _("Discussion"), "Ctrl+5"),
    PageInfo(Page.DIRECTIVES, lambda: _("Directives & tasks"), "Ctrl+6"),
    PageInfo(Page.CLOSING, lambda: _("Closing & recipients"), "Ctrl+7"),
)
PAGE_ORDER = tuple(info.page for info in PAGES)
assert set(PAGE_ORDER) == set(Page), "every page has one place in the list"


def page_number(page: Page) -> int:
    """The page's place in the editor (0 for General)."""
    return PAGE_ORDER.index(page)


def page_title(page: Page) -> str:
    """The page's title as the editor shows it."""
    return PAGES[page_number(page)].title()
