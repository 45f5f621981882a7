"""`volunteer-check assess FILE`: print the assessment of one answers file."""

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from app.answers_file import AnswersFileError
from app.assessing import Outcome, assess_file
from app.assessment_text import outcome_text
from rules import OutOfPeriodError


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("assess", help="assess one answers file")
    parser.add_argument("file", type=Path, help="answers file (.json)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="assess under the law as of this date (default: today)")
    parser.add_argument("--pdf", type=Path, default=None, metavar="OUT.pdf",
                        help="also write the PDF report")
    parser.set_defaults(handler=run)


def _json_of(outcome: Outcome) -> str:
    if outcome.assessment is None:
        body: dict[str, object] = {
            "file": str(outcome.source),
            "errors": [issue.model_dump() for issue in outcome.validation.issues],
        }
        return json.dumps(body, indent=2, ensure_ascii=False)
    payload = json.loads(outcome.assessment.to_json())
    payload = {"file": str(outcome.source), **payload}
    changed = outcome.colour_changed
    if changed:
        payload["changed_from"] = changed[0]
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _write_pdf(outcome: Outcome, out: Path) -> int:
    from app.pdf_report import export_pdf  # Qt is loaded only when a PDF is asked for

    try:
        export_pdf(outcome, out)
    except AnswersFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"PDF written to {out}", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    try:
        outcome = assess_file(args.file, args.as_of)
    except AnswersFileError as error:
        if args.json:
            print(json.dumps({"file": str(args.file), "errors": [
                {"code": "FILE", "message": str(error)}]}, indent=2))
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OutOfPeriodError as error:
        if args.json:
            print(json.dumps({"file": str(args.file), "errors": [
                {"code": "DATE", "message": str(error)}]}, indent=2))
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(_json_of(outcome) if args.json else outcome_text(outcome))
    if outcome.assessment is None:
        return 2
    if args.pdf is not None:
        return _write_pdf(outcome, args.pdf)
    return 0
