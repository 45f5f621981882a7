"""`volunteer-check screen INPUT...`: screen a group from spreadsheets and answers files.

Results are written as people are read (memory stays flat); progress goes to stderr, the counts
to stdout. Exit status: 0 done; 1 when --fail-on is given and someone has that colour or worse
(people who could not be screened count as amber: they are not cleared); 2 when nothing could be
read.
"""

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from app.answers_file import AnswersFileError, check_outputs, read_json_object
from app.group.columns import DEFAULTABLE, parse_defaults
from app.group.export import CsvResultsWriter, ResultsWriter, check_writable, open_writer
from app.group.members import DuplicateIndex, GroupCounts, MemberResult
from app.group.parallel import default_jobs, parallel_eligible, screen_csv_parallel
from app.group.pipeline import (
    Progress,
    RunReport,
    make_screener,
    screen_inputs,
    streaming_gc,
)
from app.group.project import MAX_PROJECT_BYTES
from app.group.reading import expand_inputs, skipped_note
from app.i18n import N_, _
from app.terminal import printable
from app.vocabulary import colour_name
from rules import OutOfPeriodError
from rules.parameters import check_date


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "screen", help=_("screen a group from spreadsheets and answers files"),
        description=_("Screen every person in CSV/XLSX spreadsheets (one row per person, "
                      "one column per question id) and answers files or folders of them."))
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                        help=_("CSV or XLSX spreadsheet, answers file (.json) or folder of them"))
    parser.add_argument("--defaults", type=Path, metavar="FILE",
                        help=_("JSON object of group answers applied where a person left "
                               "them blank ({ids}), or a group project file").format(
                            ids=", ".join(DEFAULTABLE)))
    parser.add_argument("--csv", type=Path, metavar="OUT.csv", help=_("write results as CSV"))
    parser.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help=_("write results as Excel"))
    parser.add_argument("--pdf", type=Path, metavar="OUT.pdf", help=_("write the group PDF report"))
    parser.add_argument("--redact", action="store_true",
                        help=_("in the PDF, show names as initials and leave out emails"))
    parser.add_argument("--fail-on", choices=("red", "amber"), default=None,
                        help=_("exit 1 if anyone is RED (or, with amber, RED, AMBER or invalid)"))
    parser.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help=_("screen under the law as of this date (default: today)"))
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help=_("processes for big CSV files (default: one per core; 1: none)"))
    parser.add_argument("--quiet", action="store_true",
                        help=_("no progress or notes on stderr, only errors and warnings; the "
                               "counts still go to stdout"))
    parser.set_defaults(handler=run)


def load_defaults(path: Path) -> dict[str, Any]:
    """Group defaults from a JSON file: {"A1": "federal_candidate", "D1": ["self"], ...}, or
    the "defaults" of a group project file. Read as answers files are (regular files only,
    size capped, deep nesting and huge numbers refused)."""
    content: Any = read_json_object(path, MAX_PROJECT_BYTES,
                                    N_("a defaults or project file"))
    if isinstance(content.get("defaults"), dict):
        content = content["defaults"]
    defaults, problems = parse_defaults(content)
    if problems:
        raise AnswersFileError(path, "; ".join(problems))
    return defaults


class _ProgressLine:
    """Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self.stream = stream
        self.quiet = quiet
        self.tty = stream.isatty()
        self.started = time.monotonic()
        self.last = 0.0 if self.tty else self.started

    def __call__(self, progress: Progress) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if not self.tty and now - self.last < 5:
            return
        self.last = now
        rate = progress.people / max(now - self.started, 1e-6)
        text = printable(f"screening {progress.current} ({progress.files_done + 1}/"
                f"{progress.files_total}): {progress.people:,} people, {rate:,.0f}/s, "
                f"{progress.fraction:.0%}")
        if self.tty:
            self.stream.write("\r" + text[:120].ljust(120))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.tty and not self.quiet:
            self.stream.write("\r" + " " * 120 + "\r")
            self.stream.flush()


def _fails(args: argparse.Namespace, report: RunReport) -> bool:
    counts = report.counts
    if args.fail_on == "red":
        return counts.red > 0
    if args.fail_on == "amber":
        return counts.red + counts.amber + counts.invalid > 0
    return False


def error_line(problem: object) -> str:
    return _("error: {problem}").format(problem=problem)


def group_colour_name(counts: GroupCounts) -> str:
    """The group's colour in words ('-' for an empty group)."""
    colour = counts.group_colour
    return colour_name(colour) if colour != "-" else colour


def run(args: argparse.Namespace) -> int:
    err = sys.stderr
    try:
        defaults = load_defaults(args.defaults) if args.defaults else {}
        screener = make_screener(defaults, args.as_of)
        check_date(screener.as_of)  # a bad --as-of fails before any output is opened
    except (AnswersFileError, OutOfPeriodError) as error:
        print(printable(error_line(error)), file=err)
        return 2
    report = RunReport()
    try:
        paths = expand_inputs(args.inputs, report.skipped)
    except AnswersFileError as error:
        report.problems.append(str(error))
        paths = []
    writers: list[ResultsWriter] = []
    try:
        outputs = [(flag, out) for flag, out in (("--csv", args.csv), ("--xlsx", args.xlsx),
                                                 ("--pdf", args.pdf)) if out is not None]
        check_outputs(outputs, [*args.inputs, *paths])
        for out, kind in ((args.csv, ".csv"), (args.xlsx, ".xlsx")):
            if out is not None:  # the flag says the format, whatever the name ends in
                writers.append(open_writer(out, screener.as_of.isoformat(), kind))
        if args.pdf is not None:  # fail now, not after screening everyone
            check_writable(args.pdf)
    except AnswersFileError as error:
        for writer in writers:
            writer.abort()
        print(printable(error_line(error)), file=err)
        return 2
    keep: list[MemberResult] | None = [] if args.pdf is not None else None
    progress = _ProgressLine(err, args.quiet)
    jobs = args.jobs if args.jobs is not None else default_jobs()
    duplicates = DuplicateIndex()
    state = Progress(files_total=len(paths))
    try:
        with streaming_gc():  # the collector walks the loaded rules no more
            for path in paths:
                if keep is None and parallel_eligible(path, jobs):
                    # One CSV output: the workers render its rows too (byte for byte the same).
                    text_to = writers[0] if len(writers) == 1 and \
                        isinstance(writers[0], CsvResultsWriter) else None
                    for cells in screen_csv_parallel(path, screener, report, duplicates, jobs,
                                                     progress, state, as_text=text_to is not None):
                        if isinstance(cells, str):
                            if text_to is not None:
                                text_to.write_text(cells)
                            continue
                        for writer in writers:
                            writer.write_cells(cells)
                else:
                    for result in screen_inputs([path], screener, report, duplicates=duplicates,
                                                on_progress=progress):
                        for writer in writers:
                            writer.write(result)
                        if keep is not None:
                            keep.append(result)
                state.files_done += 1
        progress.done()
        for writer in writers:
            writer.close()
    except BaseException:
        progress.done()
        for writer in writers:
            writer.abort()
        raise
    for problem in report.problems:
        print(printable(error_line(problem)), file=err)
    if report.skipped:  # even with --quiet: inputs were given that were not screened
        print(printable(_("warning: {problem}").format(problem=skipped_note(report.skipped))),
              file=err)
    if not args.quiet:
        for note in report.notes():
            print(printable(_("read {note}").format(note=note)), file=err)
    if report.counts.total == 0:
        print(_("error: nobody could be read from the inputs"), file=err)
        return 2
    if not args.quiet:
        for writer in writers:
            print(printable(_("results written to {path}").format(path=writer.path)), file=err)
    if keep is not None:
        code = _write_pdf(args, keep, screener.as_of, err)
        if code:
            return code
    print(_("{counts}  group: {colour}").format(counts=report.counts.line(),
                                                colour=group_colour_name(report.counts)))
    return 1 if _fails(args, report) else 0


def _write_pdf(args: argparse.Namespace, results: list[MemberResult], as_of: date,
               err: TextIO) -> int:
    from app.group.group_pdf import write_group_pdf  # Qt is loaded only for a PDF

    try:
        write_group_pdf(results, args.pdf, as_of=as_of, redact=args.redact)
    except AnswersFileError as error:
        print(printable(error_line(error)), file=err)
        return 2
    if not args.quiet:
        print(printable(_("PDF written to {path}").format(path=args.pdf)), file=err)
    return 0
