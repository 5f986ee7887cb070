"""The command line: ``minutes-app validate|export|new|check|import|tasks …``; with no command or a file, the GUI.

It drives the same storage and exporters as the GUI. Every failure is one clear line per problem on
stderr and exit status 1; a traceback is a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .errors import FallbackWarning, MinutesError
from .l10n.i18n import detect_ui_language, set_ui_language
from .l10n.i18n import gettext as _
from .logs import setup_logging
from .model import Language, Meeting, new_meeting

SUBCOMMANDS = ("validate", "export", "new", "check", "import", "tasks", "notes")
TASK_STATUSES = ("all", "open", "overdue", "done")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes-app",
        description=_("Thư Ký: meeting minutes, news articles and notices of conclusions."),
    )
    parser.add_argument("--ui-language", choices=("vi", "en"),
                        help=_("language of messages (default: MINUTES_APP_UI_LANGUAGE or the system's)"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser("validate", help=_("check meeting files; exit 1 if any has a problem"))
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")

    export = commands.add_parser("export", help=_("write the minutes, the news article or the notice"))
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--kind", required=True, choices=("minutes", "news", "notice"))
    export.add_argument("--output", "-o", required=True, type=Path, metavar="OUT",
                        help=_("the format follows the extension: .docx, .pdf; .html and .txt for news"))
    export.add_argument("--reference-doc", type=Path, metavar="DOCX",
                        help=_("a DOCX whose styles, margins and header to use"))
    export.add_argument("--templates", type=Path, metavar="DIR",
                        help=_("a folder of templates that override the built-in ones"))
    export.add_argument("--intervention-times", action="store_true",
                        help=_("minutes: begin each intervention with the time the quick notes gave it "
                               "(\"14 giờ 05, ông … phát biểu\")"))

    new = commands.add_parser("new", help=_("write an empty meeting dated today, or the next one of a series"))
    new.add_argument("output", type=Path, metavar="OUT")
    new.add_argument("--language", choices=("vi", "en"),
                     help=_("language of the documents (default: vi, or that of the meeting followed)"))
    new.add_argument("--follows", type=Path, metavar="PREVIOUS",
                     help=_("start from this earlier meeting: same people and indicators, its open tasks "
                            "carried into the follow-up"))

    check = commands.add_parser("check", help=_("list what to correct before export and when the notice is due; "
                                                "exit 1 if anything is found"))
    check.add_argument("file", type=Path, metavar="FILE")

    _add_import_parser(commands)
    _add_tasks_parser(commands)
    _add_notes_parser(commands)
    return parser


def _add_import_parser(commands: argparse._SubParsersAction) -> None:
    imports = commands.add_parser(
        "import", help=_("add indicators or attendees from an .xlsx or .csv file to a meeting file"),
        description=_("Add the rows of a spreadsheet to a meeting file. Columns are recognised by their "
                      "headers (Chỉ tiêu, ĐVT, Kế hoạch, Thực hiện, Cùng kỳ; Họ và tên, Chức vụ, Đơn vị…). "
                      "When any row is refused, nothing is imported unless --skip-bad is given; "
                      "the exit status is 1 whenever a row was refused."))
    imports.add_argument("sheet", type=Path, metavar="SHEET")
    imports.add_argument("--into", required=True, type=Path, metavar="MEETING", help=_("the meeting file to add to"))
    imports.add_argument("--what", choices=("indicators", "attendees"),
                         help=_("what the sheet lists (default: guessed from the headers)"))
    imports.add_argument("--sheet", dest="sheet_name", metavar="NAME",
                         help=_("the worksheet of an .xlsx file (default: the first)"))
    imports.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                         help=_("use the column HEADER for FIELD (repeatable; an empty FIELD ignores the column)"))
    imports.add_argument("--skip-bad", action="store_true",
                         help=_("import the good rows even when some rows are refused"))


def _add_tasks_parser(commands: argparse._SubParsersAction) -> None:
    tasks = commands.add_parser(
        "tasks", help=_("list the tasks of the meetings in a folder, overdue first; or export the list"),
        description=_("List every task given at the meetings saved in FOLDER at its latest state, overdue "
                      "first, then by unit and deadline. With -o, write the list as .docx or .xlsx."))
    tasks.add_argument("folder", type=Path, metavar="FOLDER")
    tasks.add_argument("--today", type=_iso_date, metavar="YYYY-MM-DD",
                       help=_("the day against which tasks are overdue (default: today)"))
    tasks.add_argument("--status", choices=TASK_STATUSES, default="all",
                       help=_("which tasks: all, open (not done, overdue included), overdue or done"))
    tasks.add_argument("--language", choices=("vi", "en"), default="vi", help=_("language of the list"))
    tasks.add_argument("--output", "-o", type=Path, metavar="OUT", help=_("write the list to OUT (.docx or .xlsx)"))
    tasks.add_argument("--templates", type=Path, metavar="DIR",
                       help=_("a folder of templates that override the built-in ones"))


def _add_notes_parser(commands: argparse._SubParsersAction) -> None:
    # Here, not in notes.command: every command starts without loading the notes package (~13 ms).
    notes = commands.add_parser(
        "notes", help=_("apply quick notes typed elsewhere (one note a line) to a meeting file"),
        description=_("Turn a notes file into the meeting's interventions, directives, tasks and attendance: "
                      "\"@name: …\" a speaker, \"KL: …\" a directive, \"NV: … → unit, hạn 15/3\" a task, "
                      "\"Vắng: @name (reason)\" an absence, \"Chủ đề: …\" a topic; a line starting with 08:20 "
                      "takes that time. Running it again after correcting the file updates the meeting. When a "
                      "line cannot be placed, nothing is written unless --skip-bad is given."))
    notes.add_argument("notes", type=Path, metavar="NOTES")
    notes.add_argument("--into", required=True, type=Path, metavar="MEETING", help=_("the meeting file to change"))
    notes.add_argument("--skip-bad", action="store_true",
                       help=_("apply the lines that can be placed and keep the others as unplaced notes"))


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("\"{text}\" is not a date; write YYYY-MM-DD").format(text=text)) from None


def _validate(files: Sequence[Path]) -> int:
    from .storage import load_meeting

    failed = False
    for path in files:
        try:
            load_meeting(path)
        except MinutesError as error:
            failed = True
            print(error, file=sys.stderr)
        else:
            print(_("{path}: valid").format(path=path))
    return 1 if failed else 0


def _warn_if_no_templates(folder: Path | None) -> None:
    """A --templates that names no folder is a typo the export would otherwise hide."""
    if folder is not None and not folder.is_dir():
        print(_("Warning: {message}").format(message=_(
            "The templates folder \"{path}\" does not exist. The built-in templates were used instead.").format(
                path=folder)), file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    from .export import ExportOptions, export_meeting
    from .storage import load_meeting

    meeting = load_meeting(args.file)
    _warn_if_no_templates(args.templates)
    options = ExportOptions(reference_doc=args.reference_doc, templates_dir=args.templates,
                            intervention_times=args.intervention_times)
    with _fallbacks_printed():
        written = export_meeting(meeting, args.kind, args.output, options)
    print(_("Wrote {path}").format(path=written))
    return 0


@contextlib.contextmanager
def _fallbacks_printed() -> Iterator[None]:
    """Each fallback to a built-in template or reference, told in one line on stderr (not in Python's
    warning format) after the export."""
    from .export.fallbacks import collecting_fallbacks

    with collecting_fallbacks() as notes, warnings.catch_warnings():
        warnings.simplefilter("ignore", FallbackWarning)
        yield
    for note in notes:
        print(_("Warning: {message}").format(message=note), file=sys.stderr)


def _new(args: argparse.Namespace) -> int:
    from .storage import ChangedOnDiskError, save_meeting

    if args.output.exists():
        print(_("{path}: already exists; choose another name").format(path=args.output), file=sys.stderr)
        return 1
    if args.follows is None:
        meeting = new_meeting(args.language or "vi")
    else:
        meeting = _following(args.follows, args.output)
        if args.language:
            meeting.language = Language(args.language)
    try:
        save_meeting(meeting, args.output, expected=None)  # made at the same moment by another run: kept
    except ChangedOnDiskError:
        print(_("{path}: already exists; choose another name").format(path=args.output), file=sys.stderr)
        return 1
    print(_("Wrote {path}").format(path=args.output))
    return 0


def _following(previous_path: Path, output: Path) -> Meeting:
    """The meeting after ``previous_path``, dated today; it names the earlier file relative to its own folder."""
    from .storage import load_meeting
    from .storage.follow_links import following

    return following(load_meeting(previous_path), previous_path, output.parent, dt.date.today())


def _tasks(args: argparse.Namespace) -> int:
    """The folder's task list on stdout, or written to -o; unreadable meeting files are named on stderr."""
    from .model import TaskStatus
    from .storage.task_register import collect_tasks
    from .task_table import office_words, terminal_task_list

    if not args.folder.is_dir():
        print(_("{path}: no such folder").format(path=args.folder), file=sys.stderr)
        return 1
    register = collect_tasks(args.folder, args.today or dt.date.today())
    for path, reason in register.unreadable:
        reason = reason.removeprefix(f"{path}: ")  # the reason names the whole path already
        print(_("{name} was left out: {reason}").format(name=path.name, reason=reason), file=sys.stderr)
    wanted = {
        "all": set(TaskStatus),
        "open": {TaskStatus.OPEN, TaskStatus.OVERDUE},
        "overdue": {TaskStatus.OVERDUE},
        "done": {TaskStatus.DONE},
    }[args.status]
    register.entries = [entry for entry in register.entries if entry.status in wanted]
    _warn_if_no_templates(args.templates)
    if args.output is None and not office_words(args.templates, args.language):
        sys.stdout.write(terminal_task_list(register, args.language))  # no Jinja2, no exporters: see task_table
        return 0
    from .export import ExportOptions  # the documents, or an office's own words for the list
    from .export.task_list import export_task_list, plain_task_list

    options = ExportOptions(templates_dir=args.templates)
    with _fallbacks_printed():
        if args.output is None:
            sys.stdout.write(plain_task_list(register, args.language, options))
        else:
            export_task_list(register, args.output, args.language, options)
    if args.output is not None:
        print(_("Wrote {path}").format(path=args.output))
    return 0


def _check(args: argparse.Namespace) -> int:
    """One line per finding (page, field, sentence), then the due date of the notice of conclusions.

    The other ``*.minutes.json`` of the file's folder are read for document numbers already used
    (unreadable ones are skipped); extra days off and make-up working days come from calendar.json
    in the user data folder (see ``l10n.workdays``).
    """
    from .check import field_label, page_title, run_checks
    from .l10n.formatting import format_long_date
    from .l10n.i18n import ui_language
    from .l10n.workdays import load_calendar, notice_due_date
    from .storage import load_meeting
    from .storage.folder_index import folder_meetings

    meeting = load_meeting(args.file)
    calendar = load_calendar()
    findings = run_checks(meeting, folder_meetings=folder_meetings(args.file), calendar=calendar)
    for finding in findings:
        print(_("{page} › {field}: {message}").format(page=page_title(finding.page), field=field_label(finding),
                                                      message=finding.message))
    if not findings:
        print(_("{path}: nothing to correct").format(path=args.file))
    if meeting.meeting.date is not None:
        due = notice_due_date(meeting.meeting.date, calendar)
        print(_("The notice of conclusions is due by {date} (5 working days after the meeting).").format(
            date=format_long_date(due, ui_language())))
    return 1 if findings else 0


def _import(args: argparse.Namespace) -> int:
    """One line per refused cell on stderr; the good rows go in only if none was refused or --skip-bad."""
    from .importing import apply_import, read_sheet, save_last_mapping
    from .l10n.i18n import ngettext
    from .storage import read_meeting, save_meeting

    explicit: dict[str, str] = {}
    for item in args.map:
        header, sep, field_name = item.partition("=")
        if not sep or not header.strip():
            print(_("--map {value}: write HEADER=FIELD").format(value=item), file=sys.stderr)
            return 1
        explicit[header.strip()] = field_name.strip()
    meeting, as_read = read_meeting(args.into)
    result = read_sheet(args.sheet, kind=args.what, mapping=explicit, sheet=args.sheet_name,
                        locale=meeting.language.value)
    for error in result.errors:
        print(error, file=sys.stderr)
    refused = len({error.row for error in result.errors})
    if refused and not args.skip_bad:
        print(ngettext("Nothing imported: {count} row was refused; correct it or use --skip-bad.",
                       "Nothing imported: {count} rows were refused; correct them or use --skip-bad.",
                       refused).format(count=refused), file=sys.stderr)
        return 1
    plan = apply_import(meeting, result)
    added = plan.changes
    if added:
        save_meeting(meeting, args.into, expected=as_read)  # another writer since: refused, nothing lost
    save_last_mapping(result.kind, result.mapping)
    if result.kind == "indicators":
        done = ngettext("Imported {count} indicator into {path}.", "Imported {count} indicators into {path}.", added)
    else:
        done = ngettext("Imported {count} attendee into {path}.", "Imported {count} attendees into {path}.", added)
    print(done.format(count=added, path=args.into))
    if plan.updates:
        print(ngettext("{count} of them fills in a row of the same name already in the meeting.",
                       "{count} of them fill in rows of the same name already in the meeting.",
                       len(plan.updates)).format(count=len(plan.updates)))
    if refused:
        print(ngettext("{count} row was refused and left out.", "{count} rows were refused and left out.",
                       refused).format(count=refused), file=sys.stderr)
    return 1 if refused else 0


def run_cli(argv: Sequence[str]) -> int:
    """Run a subcommand; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    setup_logging()
    if args.ui_language:
        set_ui_language(args.ui_language)
    try:
        if args.command == "validate":
            return _validate(args.files)
        if args.command == "export":
            return _export(args)
        if args.command == "new":
            return _new(args)
        if args.command == "check":
            return _check(args)
        if args.command == "import":
            return _import(args)
        if args.command == "tasks":
            return _tasks(args)
        if args.command == "notes":
            if args.notes.name.lower().endswith(".minutes.json"):  # the two files given the wrong way round
                raise MinutesError(_("{path}: this is a meeting file, not notes; write: minutes-app notes NOTES "
                                     "--into {path}").format(path=args.notes))
            from .notes.command import run as run_notes

            return run_notes(args)
    except MinutesError as error:
        logging.getLogger(__name__).error("%s: %s", args.command, error)
        print(error, file=sys.stderr)
        return 1
    parser.print_help()
    return 0


# Options the editor's command line accepts: ours and Qt's own (QApplication's and X11's, which Qt takes with
# one dash or two), those that take a value, then flags. Any other option is a mistake, answered like a mistyped
# command rather than handed to Qt, which ignores what it does not know and opens the editor.
_VALUE_OPTIONS = frozenset({"ui-language", "platform", "platformpluginpath", "platformtheme", "plugin", "style",
                            "stylesheet", "session", "display", "geometry", "title", "name", "qwindowgeometry",
                            "qwindowtitle", "qwindowicon", "visual", "ncols", "cmap", "im", "inputstyle"})
_FLAG_OPTIONS = frozenset({"reverse", "widgetcount", "nograb", "dograb", "sync", "testability", "qmljsdebugger"})
_CLI_OPTIONS = ("--ui-language", "--help", "--version")


def _option_name(arg: str) -> str:
    return arg.lstrip("-").split("=", 1)[0]


def _options_and_words(argv: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Each argument with whether it is an option; an option's value ("-style fusion") is left out."""
    after_option = False
    for arg in argv:
        if after_option:
            after_option = False
        elif arg.startswith("-") and arg != "-":
            after_option = "=" not in arg and _option_name(arg) in _VALUE_OPTIONS
            yield arg, True
        else:
            yield arg, False


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value: a command or the file to open."""
    return next((arg for arg, is_option in _options_and_words(argv) if not is_option), None)


def _unknown_option(argv: Sequence[str]) -> str | None:
    """The first option that neither the editor nor Qt knows."""
    return next((arg for arg, is_option in _options_and_words(argv)
                 if is_option and _option_name(arg) not in _VALUE_OPTIONS | _FLAG_OPTIONS), None)


def _commands_hint() -> str:
    return _("The commands are: {commands}; give no command, or the name of a meeting file, to open the "
             "editor.").format(commands=", ".join(SUBCOMMANDS))


def _mistyped_option(option: str) -> int:
    import difflib

    guess = difflib.get_close_matches(option.split("=", 1)[0], _CLI_OPTIONS, n=1)
    hint = _(" Did you mean \"{command}\"?").format(command=guess[0]) if guess else ""
    print(_("minutes-app: \"{option}\" is not an option.{hint}").format(option=option, hint=hint),
          _commands_hint(), file=sys.stderr)
    return 2


def _unknown_command(word: str) -> int:
    """A mistyped command must not open the editor on a file named after it (nor hang without a display)."""
    import difflib

    guess = difflib.get_close_matches(word, SUBCOMMANDS, n=1)
    hint = _(" Did you mean \"{command}\"?").format(command=guess[0]) if guess else ""
    print(_("minutes-app: \"{word}\" is neither a command nor an existing file.{hint}").format(word=word, hint=hint),
          _commands_hint(), file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``minutes-app``: a subcommand runs the CLI; nothing, or an existing file, opens the editor.

    Anything else is a mistyped command or option and gets the list of commands.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    set_ui_language(detect_ui_language())
    word = _first_word(argv)
    if word in SUBCOMMANDS or any(a in ("-h", "--help", "--version") for a in argv):
        return run_cli(argv)
    mistyped_word = word is not None and not Path(word).is_file()
    option = _unknown_option(argv)
    if mistyped_word or option is not None:
        language = argparse.ArgumentParser(add_help=False)
        language.add_argument("--ui-language", choices=("vi", "en"))
        ui_language = language.parse_known_args(argv)[0].ui_language
        if ui_language:
            set_ui_language(ui_language)
        # A mistyped command first: the options after it may be that command's.
        return _unknown_command(str(word)) if mistyped_word else _mistyped_option(str(option))
    from .gui.app import run_gui

    if word is not None:  # the file first: the editor's parser would take a Qt option's value ("-style fusion") for it
        argv.remove(word)
        argv.insert(0, word)
    return run_gui(argv)
