"""What an office may change in every export; its own module, so that builders and writers need not import
the registry that calls them."""

from __future__ import annotations

from pathlib import Path

from ..model.records import record


@record(frozen=True)
class ExportOptions:
    """What an office may change: its reference DOCX, its own templates folder, and whether the minutes
    give the time of each intervention ("14 giờ 05, ông … phát biểu", from the quick notes; off by default)."""

    reference_doc: Path | None = None
    templates_dir: Path | None = None
    intervention_times: bool = False
