"""An e-mail draft (.eml) with the exported documents attached, for the default mail client.

Pure Python (the ``email`` package). ``X-Unsent: 1`` makes Outlook and Thunderbird open the file as
a draft to edit and send, rather than as a received message.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..storage import write_bytes_atomically

if TYPE_CHECKING:
    from email.message import EmailMessage

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def build_email(subject: str, body: str, attachments: Sequence[Path], to: str = "") -> EmailMessage:
    import mimetypes
    from email.message import EmailMessage  # ~10 ms of import: at the first e-mail, not at start-up
    from email.policy import SMTP

    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject
    if to.strip():
        message["To"] = to.strip()
    message["X-Unsent"] = "1"
    message.set_content(body)
    for path in attachments:
        kind = DOCX_TYPE if path.suffix.lower() == ".docx" else mimetypes.guess_type(path.name)[0]
        maintype, _sep, subtype = (kind or "application/octet-stream").partition("/")
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return message


def write_email(path: Path, subject: str, body: str, attachments: Sequence[Path], to: str = "") -> Path:
    """Write the draft atomically and return its path."""
    write_bytes_atomically(path, build_email(subject, body, attachments, to).as_bytes())
    return path
