"""Documents from a meeting: one intermediate document per kind, one writer per format.

``Document`` (the intermediate document's types) is imported when first asked for: the editor's window needs the
registry's names to open, and the document's types only at the first preview or export."""

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from .registry import FORMATS, KINDS, ExportOptions, build_document, export_meeting, render_document

if TYPE_CHECKING:
    from .document import Document

__all__ = ["FORMATS", "KINDS", "Document", "ExportOptions", "build_document", "export_meeting",
           "render_document"]

__getattr__ = lazy_names(__name__, {"Document": "document"})
