"""The ``.minutes.json`` file: schema, validation, migration, atomic saves."""

from .atomic import ChangedOnDiskError, write_bytes_atomically, write_text_atomically
from .files import SUFFIX, dumps_meeting, load_meeting, meeting_from_json, meeting_from_text, read_meeting, save_meeting
from .validation import CURRENT_FORMAT_VERSION, FORMAT_NAME, Problem, validate

__all__ = [
    "CURRENT_FORMAT_VERSION", "FORMAT_NAME", "SUFFIX", "ChangedOnDiskError", "Problem", "dumps_meeting",
    "load_meeting", "meeting_from_json", "meeting_from_text", "read_meeting", "save_meeting", "validate",
    "write_bytes_atomically", "write_text_atomically",
]
