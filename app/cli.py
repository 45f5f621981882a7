"""The `volunteer-check` command line: one sub-command per module in app.commands."""

import argparse
import sys
from collections.abc import Sequence

from app.about import APP_NAME, VERSION
from app.commands import COMMANDS
from app.i18n import ENGLISH, LANGUAGES, set_language


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="volunteer-check",
        description=f"{APP_NAME}: can a foreign volunteer do this on a US campaign? (offline)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {VERSION}")
    # Text output and PDFs in this language; JSON and spreadsheets keep codes and English
    # (machine-read: the same bytes in every language), docs/translation.md.
    parser.add_argument("--lang", choices=tuple(LANGUAGES), default=ENGLISH,
                        help="language of the text output and PDF handouts (default: en)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code (0 ok, 1 policy failure, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
