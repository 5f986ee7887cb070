"""The check before export: what would embarrass the office once the document is signed.

Pure Python (no Qt): ``run_checks(meeting)`` returns findings, each a sentence in the interface
language with the page and field where to correct it. The GUI lists them in a panel and before
every export; ``minutes-app check FILE`` prints them.

The rules (and the working-day calendar and date formatting they need) are imported when first asked
for: the editor's window needs only the pages' names (``findings``) to open, and checks a moment later in
a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from .findings import PAGE_ORDER, Finding, Page, Severity, field_label, page_title

if TYPE_CHECKING:
    from .rules import RULES, CheckContext, normalize_name, normalize_number
    from .running import run_checks

__all__ = ["Finding", "Page", "Severity", "CheckContext", "field_label", "page_title", "normalize_name",
           "normalize_number", "run_checks", "RULES", "PAGE_ORDER"]

__getattr__ = lazy_names(__name__, {"RULES": "rules", "CheckContext": "rules", "normalize_name": "rules",
                                     "normalize_number": "rules", "run_checks": "running"})
