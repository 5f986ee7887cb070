"""Documents from a meeting: one intermediate document per kind, one writer per format."""

from .document import Document
from .registry import FORMATS, KINDS, ExportOptions, build_document, export_meeting, render_document

__all__ = ["FORMATS", "KINDS", "Document", "ExportOptions", "build_document", "export_meeting",
           "render_document"]
