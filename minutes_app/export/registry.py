"""Build once, write many: which builder makes each kind of document and which writer each format.

The GUI and the CLI both call ``export_meeting``; nothing else decides how a file is produced. The
builders and writers are imported on first use, so a kind whose exporter is missing says so clearly.
"""

from __future__ import annotations

import importlib
import logging
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ExportError, FallbackWarning, ReferenceDocError
from ..l10n.i18n import gettext as _
from ..l10n.i18n import pgettext
from ..model import Meeting
from ..paths import templates_dir
from ..storage import write_bytes_atomically
from .document import Document
from .templating import TemplateError, is_user_template

T = TypeVar("T")

log = logging.getLogger(__name__)

KINDS = ("minutes", "news", "notice")
FORMATS: dict[str, tuple[str, ...]] = {
    "minutes": ("docx", "pdf", "html"),
    "news": ("html", "txt", "docx", "pdf"),
    "notice": ("docx", "pdf", "html"),
}
_BUILDERS = {
    "minutes": "minutes_app.export.minutes:build_minutes",
    "news": "minutes_app.export.news:build_news",
    "notice": "minutes_app.export.notice:build_notice",
}
_WRITERS = {
    "docx": "minutes_app.export.docx_writer:write_docx",
    "html": "minutes_app.export.html_writer:write_html",
    "txt": "minutes_app.export.text_writer:write_text",
}


@dataclass(frozen=True)
class ExportOptions:
    """What an office may change: its reference DOCX and its own templates folder."""

    reference_doc: Path | None = None
    templates_dir: Path | None = None


def kind_label(kind: str) -> str:
    labels = {
        "minutes": pgettext("document kind", "minutes"),
        "news": pgettext("document kind", "news article"),
        "notice": pgettext("document kind", "notice of conclusions"),
    }
    return labels.get(kind, kind)


def _load(spec: str, what: str) -> Callable[..., Any]:
    module_name, _sep, attribute = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        raise ExportError(_("The {what} exporter is not available in this version of Thư Ký yet.").format(
            what=what)) from None
    return getattr(module, attribute)


def build_document(meeting: Meeting, kind: str, options: ExportOptions = ExportOptions()) -> Document:
    """The intermediate document of one kind (the preview uses this too).

    When the office's own template fails, the built-in one is used and a FallbackWarning says why.
    """
    if kind not in KINDS:
        raise ExportError(_("Unknown document kind \"{kind}\" (choose minutes, news or notice).").format(
            kind=kind))
    builder = _load(_BUILDERS[kind], kind_label(kind))
    return with_template_fallback(lambda chosen: builder(meeting, chosen), options)


def with_template_fallback(make: Callable[[ExportOptions], T], options: ExportOptions) -> T:
    """``make(options)``; when the office's own template fails, ``make`` again with the built-in templates
    and a FallbackWarning saying why. An error in a built-in template is a bug: it is raised."""
    try:
        return make(options)
    except TemplateError as error:
        if not is_user_template(error.template, options.templates_dir):
            log.error("%s", error)
            raise
        log.warning("%s Falling back to the built-in template.", error)
        warnings.warn(FallbackWarning(_("{problem} The built-in template was used instead.").format(
            problem=error)), stacklevel=3)
        # The built-in folder as the "user" folder: only built-in templates are found.
        return make(replace(options, templates_dir=templates_dir()))


def render_document(document: Document, fmt: str, options: ExportOptions = ExportOptions()) -> bytes:
    """The bytes of the document in one format (docx, html, txt; pdf goes through LibreOffice)."""
    if fmt == "pdf":
        from .pdf import docx_to_pdf

        return docx_to_pdf(render_document(document, "docx", options))
    if fmt not in _WRITERS:
        raise ExportError(_("Unknown output format \"{fmt}\".").format(fmt=fmt))
    writer = _load(_WRITERS[fmt], fmt.upper())
    if fmt != "docx" or options.reference_doc is None:
        return writer(document, options)
    try:
        return writer(document, options)
    except Exception as error:  # noqa: BLE001 - an office's DOCX can break the writer in many ways
        log.warning("Reference document %s failed (%s); falling back to the built-in one.",
                    options.reference_doc, error)
        problem = str(error) if isinstance(error, ReferenceDocError) else _(
            "The reference document \"{path}\" cannot be used: {reason}").format(
                path=options.reference_doc, reason=str(error) or type(error).__name__)
        warnings.warn(FallbackWarning(_("{problem} The built-in reference document was used instead.").format(
            problem=problem)), stacklevel=2)
        return writer(document, replace(options, reference_doc=None))


def format_for_path(kind: str, output: Path) -> str:
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS.get(kind, ()):
        allowed = ", ".join("." + f for f in FORMATS.get(kind, ()))
        raise ExportError(_("The {kind} cannot be written as \"{suffix}\"; use one of: {allowed}.").format(
            kind=kind_label(kind), suffix=output.suffix or output.name, allowed=allowed))
    return fmt


def export_meeting(meeting: Meeting, kind: str, output: Path, options: ExportOptions = ExportOptions()) -> Path:
    """Write one document to ``output`` (format from its extension), atomically: all or nothing."""
    output = Path(output)
    fmt = format_for_path(kind, output)
    data = render_document(build_document(meeting, kind, options), fmt, options)
    write_bytes_atomically(output, data)
    return output


def export_to_temp(meeting: Meeting, kind: str, fmt: str, options: ExportOptions = ExportOptions()) -> Path:
    """Export into a fresh temporary folder (printing, e-mail attachments)."""
    folder = Path(tempfile.mkdtemp(prefix="thuky-"))
    return export_meeting(meeting, kind, folder / f"{kind}.{fmt}", options)
