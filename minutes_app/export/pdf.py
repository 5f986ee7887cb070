"""DOCX → PDF through LibreOffice, found automatically; a clear message where it is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import ExportError
from ..l10n.i18n import gettext as _

ENV_SOFFICE = "MINUTES_APP_SOFFICE"  # an explicit path wins over the search
TIMEOUT_SECONDS = 180


def find_soffice() -> Path | None:
    """The LibreOffice program, from MINUTES_APP_SOFFICE, PATH or the usual install folders."""
    explicit = os.environ.get(ENV_SOFFICE)
    if explicit:
        return Path(explicit) if Path(explicit).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    candidates: list[Path] = []
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if base:
                candidates.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    else:
        candidates += [Path("/usr/lib/libreoffice/program/soffice"), Path("/opt/libreoffice/program/soffice")]
    return next((path for path in candidates if path.is_file()), None)


def convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert ``source`` with LibreOffice headless into ``out_dir``; returns the new file."""
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(_("PDF needs LibreOffice, which was not found. Install LibreOffice, or export "
                            "DOCX and print it from Word."))
    # A private profile: a LibreOffice the user has open would otherwise swallow the request.
    with tempfile.TemporaryDirectory(prefix="thuky-lo-") as profile:
        command = [str(soffice), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--norestore", "--convert-to", target_format, "--outdir", str(out_dir), str(source)]
        try:
            completed = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise ExportError(_("LibreOffice did not finish converting within {seconds} seconds.").format(
                seconds=TIMEOUT_SECONDS)) from None
        except OSError as error:
            raise ExportError(_("LibreOffice could not be started: {reason}").format(reason=error)) from None
    result = out_dir / (source.stem + "." + target_format)
    if completed.returncode != 0 or not result.is_file():
        detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExportError(_("LibreOffice could not convert the document{detail}").format(
            detail=(": " + detail[-1]) if detail else "."))
    return result


def docx_to_pdf(docx: bytes) -> bytes:
    with tempfile.TemporaryDirectory(prefix="thuky-pdf-") as folder:
        source = Path(folder) / "document.docx"
        source.write_bytes(docx)
        return convert(source, "pdf", Path(folder)).read_bytes()
