"""Build once, write many: which builder makes each kind of document and which writer each format.

The GUI and the CLI both call ``export_meeting``; nothing else decides how a file is produced. Each
builder and writer module is imported by the function that calls it, on first use: python-docx and the
builders stay out of the editor's start-up until the first preview or export.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..errors import ExportError, FallbackWarning, ReferenceDocError
from ..l10n.i18n import gettext as _
from ..l10n.i18n import pgettext, sentence
from ..model import Meeting
from ..paths import templates_dir
from ..storage import write_bytes_atomically
from .fallbacks import warn_fallback
from .options import ExportOptions

if TYPE_CHECKING:
    from .document import Document  # (the builders and writers import it, at the first preview or export)

T = TypeVar("T")

log = logging.getLogger(__name__)

KINDS = ("minutes", "news", "notice")
FORMATS: dict[str, tuple[str, ...]] = {
    "minutes": ("docx", "pdf", "html"),
    "news": ("html", "txt", "docx", "pdf"),
    "notice": ("docx", "pdf", "html"),
}
Builder = Callable[[Meeting, ExportOptions], "Document"]
Writer = Callable[["Document", ExportOptions], bytes]


def _build_minutes(meeting: Meeting, options: ExportOptions) -> Document:
    from .minutes import build_minutes

    return build_minutes(meeting, options)


def _build_news(meeting: Meeting, options: ExportOptions) -> Document:
    from .news import build_news

    return build_news(meeting, options)


def _build_notice(meeting: Meeting, options: ExportOptions) -> Document:
    from .notice import build_notice

    return build_notice(meeting, options)


def _write_docx(document: Document, options: ExportOptions) -> bytes:
    from .docx_writer import write_docx

    return write_docx(document, options)


def _write_html(document: Document, options: ExportOptions) -> bytes:
    from .html_writer import write_html

    return write_html(document, options)


def _write_text(document: Document, options: ExportOptions) -> bytes:
    from .text_writer import write_text

    return write_text(document, options)


_BUILDERS: dict[str, Builder] = {"minutes": _build_minutes, "news": _build_news, "notice": _build_notice}
_WRITERS: dict[str, Writer] = {"docx": _write_docx, "html": _write_html, "txt": _write_text}


def kind_label(kind: str) -> str:
    labels = {
        "minutes": pgettext("document kind", "minutes"),
        "news": pgettext("document kind", "news article"),
        "notice": pgettext("document kind", "notice of conclusions"),
    }
    return labels.get(kind, kind)


def build_document(meeting: Meeting, kind: str, options: ExportOptions = ExportOptions()) -> Document:
    """The intermediate document of one kind (the preview uses this too).

    When the office's own template fails, the built-in one is used and a FallbackWarning says why.
    """
    if kind not in KINDS:
        raise ExportError(_("Unknown document kind \"{kind}\" (choose minutes, news or notice).").format(
            kind=kind))
    builder = _BUILDERS[kind]
    return with_template_fallback(lambda chosen: builder(meeting, chosen), options)


def with_template_fallback(make: Callable[[ExportOptions], T], options: ExportOptions) -> T:
    """``make(options)``; when the office's own template fails, ``make`` again with the built-in templates
    and a FallbackWarning saying why. An error in a built-in template is a bug: it is raised."""
    from .templating import TemplateError, is_user_template  # Jinja2: at the first document, not at start-up

    try:
        return make(options)
    except TemplateError as error:
        if not is_user_template(error.template, options.templates_dir):
            log.error("%s", error)
            raise
        log.warning("%s Falling back to the built-in template.", error)
        warn_fallback(FallbackWarning(_("{problem} The built-in template was used instead.").format(
            problem=sentence(str(error)))))
        # The built-in folder as the "user" folder: only built-in templates are found.
        return make(replace(options, templates_dir=templates_dir()))


def render_document(document: Document, fmt: str, options: ExportOptions = ExportOptions()) -> bytes:
    """The bytes of the document in one format (docx, html, txt; pdf goes through LibreOffice)."""
    if fmt == "pdf":
        from .pdf import docx_to_pdf

        return docx_to_pdf(render_document(document, "docx", options))
    if fmt not in _WRITERS:
        raise ExportError(_("Unknown output format \"{fmt}\".").format(fmt=fmt))
    writer = _WRITERS[fmt]
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
        warn_fallback(FallbackWarning(_("{problem} The built-in reference document was used instead.").format(
            problem=problem)))
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
