"""The editor's pages in the order the side bar lists them (and ``check.findings.Page`` names them)."""

from __future__ import annotations

from .follow_up_page import follow_up_page
from .pages import attendees_page, closing_page, directives_page, discussion_page, general_page, results_page

PAGE_FACTORIES = (general_page, attendees_page, results_page, follow_up_page, discussion_page, directives_page,
                  closing_page)
