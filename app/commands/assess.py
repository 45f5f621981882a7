"""`volunteer-check assess FILE`: print the assessment of one answers file."""

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.answers_file import AnswersFileError, check_outputs
from app.i18n import _
from app.terminal import printable, printable_json, printable_lines

if TYPE_CHECKING:  # the engine and the texts load when a file is assessed, not at every start
    from app.assessing import Outcome


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("assess", help=_("assess one answers file"))
    parser.add_argument("file", type=Path, help=_("answers file (.json)"))
    parser.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    parser.add_argument("--as-of", default=None, metavar="YYYY-MM-DD",
                        help=_("assess under the law as of this date (default: today)"))
    parser.add_argument("--pdf", type=Path, default=None, metavar="OUT.pdf",
                        help=_("also write the PDF report"))
    parser.set_defaults(handler=run)


def _payload(outcome: "Outcome") -> dict[str, object]:
    if outcome.assessment is None:
        return {
            "file": str(outcome.source),
            "errors": [issue.model_dump() for issue in outcome.validation.issues],
        }
    payload: dict[str, object] = {"file": str(outcome.source),
                                  **json.loads(outcome.assessment.to_json())}
    changed = outcome.colour_changed
    if changed:
        payload["changed_from"] = changed[0]
    payload["ignored"] = list(outcome.validation.dropped)
    return payload


def _write_pdf(outcome: "Outcome", out: Path) -> str | None:
    """Write the PDF; the error message when it could not be written."""
    from app.pdf_report import export_pdf  # Qt is loaded only when a PDF is asked for

    try:
        export_pdf(outcome, out)
    except AnswersFileError as error:
        return str(error)
    return None


def _fail(args: argparse.Namespace, code: str, message: str) -> int:
    if args.json:
        print(printable_json(json.dumps({"file": str(args.file), "errors": [
            {"code": code, "message": message}]}, indent=2, ensure_ascii=False)))
    print(f"error: {printable(message)}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from app.assessing import assess_file
    from app.assessment_text import outcome_text
    from rules import OutOfPeriodError

    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else None
    except ValueError:
        return _fail(args, "DATE", f"--as-of {args.as_of!r} is not a date (YYYY-MM-DD)")
    if args.pdf is not None:
        try:  # before anything is written
            check_outputs([("--pdf", args.pdf)], [args.file])
        except AnswersFileError as error:
            return _fail(args, "FILE", str(error))
    try:
        outcome = assess_file(args.file, as_of)
    except AnswersFileError as error:
        return _fail(args, "FILE", str(error))
    except OutOfPeriodError as error:
        return _fail(args, "DATE", str(error))
    pdf_error = None
    if outcome.assessment is not None and args.pdf is not None:
        pdf_error = _write_pdf(outcome, args.pdf)
    if args.json:
        payload = _payload(outcome)
        if args.pdf is not None and outcome.assessment is not None:
            payload["pdf"] = {"path": str(args.pdf), "error": pdf_error}
        print(printable_json(json.dumps(payload, indent=2, ensure_ascii=False)))
    else:
        print(printable_lines(outcome_text(outcome)))
    if args.pdf is not None and outcome.assessment is None:
        print("error: no PDF written: correct the answers first", file=sys.stderr)
    if pdf_error is not None:
        print(f"error: {printable(pdf_error)}", file=sys.stderr)
    elif args.pdf is not None and outcome.assessment is not None:
        print(f"PDF written to {printable(str(args.pdf))}", file=sys.stderr)
    return 2 if outcome.assessment is None or pdf_error is not None else 0
