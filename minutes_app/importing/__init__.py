"""Import indicators and attendees from .xlsx and .csv spreadsheets (no Qt: the GUI and the CLI share it)."""

from .headers import ATTENDEES, FIELDS, INDICATORS, KINDS, guess_kind, guess_mapping, normalise
from .importer import (
    ImportedRow,
    ImportPlan,
    ImportResult,
    RowError,
    apply_import,
    plan_import,
    read_sheet,
    target_list,
)
from .mapping_store import load_last_mapping, mapping_path, save_last_mapping
from .numbers import NotANumber, parse_number
from .reading import ImportFileError, read_rows

__all__ = [
    "ATTENDEES", "FIELDS", "INDICATORS", "KINDS", "ImportFileError", "ImportPlan", "ImportResult", "ImportedRow",
    "NotANumber", "RowError", "apply_import", "guess_kind", "guess_mapping", "load_last_mapping", "mapping_path",
    "normalise", "parse_number", "plan_import", "read_rows", "read_sheet", "save_last_mapping", "target_list",
]
