"""Benchmark: export a large minutes to DOCX, against docxtpl rendering the same tables.

    python benchmarks/bench_export_minutes.py [--repeat 7]

The meeting has 400 attendees, 150 indicators, 120 discussion items and 40 directives with 5 tasks
each. Printed: the median time of ``build_minutes`` + ``write_docx`` (what ``minutes-app export``
does), the median time of docxtpl rendering the same content, their ratio, and the peak memory of one
export (tracemalloc). Targets on a 2-core machine: ≤ 1.0 s and no slower than docxtpl.

The comparison is fair to the peer: its template is made on the same reference DOCX (styles, margins),
it renders the same paragraphs (the discussion once, as the minutes print it) and tables, and the
content it is given is prepared outside its time (our ``build_minutes`` makes it; the peer is not
charged for our build step, while our time includes it).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stress import stress_meeting  # noqa: E402  (benchmarks/, the script's own folder)

from minutes_app.export.docx_writer import write_docx  # noqa: E402
from minutes_app.export.minutes import build_minutes  # noqa: E402
from minutes_app.model import Meeting  # noqa: E402


def export(meeting: Meeting) -> bytes:
    return write_docx(build_minutes(meeting))


def _docxtpl_template() -> bytes:
    """A docxtpl template on the app's reference DOCX: the minutes' paragraphs and tables as Jinja loops."""
    import docx

    from minutes_app.export.reference_doc import default_reference_path

    document = docx.Document(str(default_reference_path()))
    document.add_paragraph("{{ title }}")
    document.add_paragraph("{%p for line in paragraphs %}")
    document.add_paragraph("{{ line }}")
    document.add_paragraph("{%p endfor %}")
    for name, columns in (("indicators", 7), ("tasks", 3)):
        table = document.add_table(rows=3, cols=columns)
        table.cell(0, 0).text = f"{{%tr for row in {name} %}}"
        for column in range(columns):
            table.cell(1, column).text = f"{{{{ row[{column}] }}}}"
        table.cell(2, 0).text = "{%tr endfor %}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docxtpl_context(meeting: Meeting) -> dict[str, object]:
    """The content of the minutes as docxtpl takes it: every paragraph's text (the discussion among
    them, once) and the rows of the indicator and task tables."""
    from minutes_app.export.document import Paragraph, Table

    document = build_minutes(meeting)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    text = lambda cell: cell if isinstance(cell, str) else "".join(r.text for r in cell)  # noqa: E731
    return {
        "title": document.title,
        "paragraphs": [b.text for b in document.blocks if isinstance(b, Paragraph)],
        "indicators": [[text(c) for c in r.cells] + [""] * (7 - len(r.cells)) for r in tables[0].rows],
        "tasks": [[text(c) for c in r.cells] for t in tables[1:] for r in t.rows],
    }


def docxtpl_render(template: bytes, context: dict[str, object]) -> bytes:
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(template))
    document.render(context)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _timed(call) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    meeting = stress_meeting()  # the same meeting every benchmark measures
    document = build_minutes(meeting)
    template = _docxtpl_template()
    export(meeting)  # warm-up: imports, template compilation, the reference DOCX read once
    docxtpl_render(template, _docxtpl_context(meeting))

    context = _docxtpl_context(meeting)  # the peer's content, prepared once outside its time
    # Interleaved, so that a busy machine slows both sides alike.
    ours, writer, theirs = [], [], []
    for _ in range(args.repeat):
        ours.append(_timed(lambda: export(meeting)))
        writer.append(_timed(lambda: write_docx(document)))
        theirs.append(_timed(lambda: docxtpl_render(template, context)))
    ours_s, writer_s, theirs_s = statistics.median(ours), statistics.median(writer), statistics.median(theirs)
    size = len(export(meeting))

    tracemalloc.start()
    export(meeting)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    tasks = len(meeting.all_tasks())
    print(f"meeting: {len(meeting.attendees)} attendees, {len(meeting.results.indicators)} indicators, "
          f"{len(meeting.discussion)} discussion items, {len(meeting.directives)} directives, {tasks} tasks; "
          f"DOCX {size / 1024:.0f} KiB; medians of {args.repeat} interleaved runs")
    print(f"  export = build_minutes + write_docx:              {ours_s:.3f} s   (target <= 1.0 s)")
    print(f"  write_docx alone (document already built):        {writer_s:.3f} s")
    print(f"  docxtpl render + save (same content, prepared):   {theirs_s:.3f} s")
    print(f"  ratio export / docxtpl:                           {ours_s / theirs_s:.2f}  (target <= 1.0)")
    print(f"  ratio write_docx / docxtpl (rendering alone):     {writer_s / theirs_s:.2f}")
    print(f"  peak memory of one export (tracemalloc, Python):  {peak / 2**20:.1f} MiB")
    try:
        import resource  # not on Windows

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
        print(f"  peak resident size of this process (whole run):   {rss:.0f} MiB")
    except ImportError:
        pass
    return 0 if ours_s <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
