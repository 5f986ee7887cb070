"""What an office may change in every export; its own module, so that builders and writers need not import
the registry that calls them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExportOptions:
    """What an office may change: its reference DOCX and its own templates folder."""

    reference_doc: Path | None = None
    templates_dir: Path | None = None
