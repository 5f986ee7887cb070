"""The widgets and side-bar icons of the editor's pages; their order, titles and shortcuts are
``check.pages.PAGES`` (the check panel follows the same list)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import NamedTuple

from ..check.pages import PAGES, Page, PageInfo
from .completion import Completions
from .document import MeetingDocument
from .icons import IconName
from .pages import Page as PageWidget
from .pages import closing_page, general_page

PageFactory = Callable[[MeetingDocument, Completions], PageWidget]


def _built_later(module: str, name: str) -> PageFactory:
    """The factory ``name`` of ``module``, imported when its page is first built (the pages of tables and their
    models and views are not needed for the window to open on General)."""

    def build(document: MeetingDocument, completions: Completions) -> PageWidget:
        factory: PageFactory = getattr(import_module(module, __package__), name)
        return factory(document, completions)

    return build


_WIDGETS: dict[Page, tuple[PageFactory, IconName]] = {
    Page.GENERAL: (general_page, "FileDialogInfoView"),
    Page.ATTENDEES: (_built_later(".table_pages", "attendees_page"), "DirHomeIcon"),
    Page.RESULTS: (_built_later(".table_pages", "results_page"), "FileDialogDetailedView"),
    Page.FOLLOW_UP: (_built_later(".follow_up_page", "follow_up_page"), "BrowserReload"),
    Page.DISCUSSION: (_built_later(".table_pages", "discussion_page"), "MessageBoxInformation"),
    Page.DIRECTIVES: (_built_later(".table_pages", "directives_page"), "DialogApplyButton"),
    Page.CLOSING: (closing_page, "DialogOkButton"),
}


class EditorPage(NamedTuple):
    """One page of the side bar: the list's entry, how to build its widget, its icon."""

    info: PageInfo
    factory: PageFactory
    icon: IconName


EDITOR_PAGES = tuple(EditorPage(info, *_WIDGETS[info.page]) for info in PAGES)
