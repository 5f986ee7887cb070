"""The widgets and side-bar icons of the editor's pages; their order, titles and shortcuts are
``check.pages.PAGES`` (the check panel follows the same list)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtWidgets import QStyle

from ..check.pages import PAGES, Page, PageInfo
from .completion import Completions
from .document import MeetingDocument
from .follow_up_page import follow_up_page
from .pages import Page as PageWidget
from .pages import attendees_page, closing_page, directives_page, discussion_page, general_page, results_page

PageFactory = Callable[[MeetingDocument, Completions], PageWidget]
_Icon = QStyle.StandardPixmap

_WIDGETS: dict[Page, tuple[PageFactory, QStyle.StandardPixmap]] = {
    Page.GENERAL: (general_page, _Icon.SP_FileDialogInfoView),
    Page.ATTENDEES: (attendees_page, _Icon.SP_DirHomeIcon),
    Page.RESULTS: (results_page, _Icon.SP_FileDialogDetailedView),
    Page.FOLLOW_UP: (follow_up_page, _Icon.SP_BrowserReload),
    Page.DISCUSSION: (discussion_page, _Icon.SP_MessageBoxInformation),
    Page.DIRECTIVES: (directives_page, _Icon.SP_DialogApplyButton),
    Page.CLOSING: (closing_page, _Icon.SP_DialogOkButton),
}


class EditorPage(NamedTuple):
    """One page of the side bar: the list's entry, how to build its widget, its icon."""

    info: PageInfo
    factory: PageFactory
    icon: QStyle.StandardPixmap


EDITOR_PAGES = tuple(EditorPage(info, *_WIDGETS[info.page]) for info in PAGES)
