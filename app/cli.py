"""The `volunteer-check` command line: one sub-command per module in app.commands."""

import argparse
import sys
from collections.abc import Sequence

from app.about import APP_NAME, VERSION
from app.commands import COMMANDS
from app.i18n import ENGLISH, LANGUAGES, N_, _, set_language

# What argparse itself says to a person (it looks its words up through gettext's global
# domain, which this app does not use): marked here, and argparse asks app.i18n instead.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"), N_("show program's version number and exit"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"), N_("invalid %(type)s value: %(value)r"),
)


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _  # type: ignore[attr-defined]  # argparse's own words in the chosen language
    parser = argparse.ArgumentParser(
        prog="volunteer-check",
        description=_("{app}: can a foreign volunteer do this on a US campaign? "
                      "(offline)").format(app=APP_NAME),
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {VERSION}")
    # Text output and PDFs in this language; JSON and spreadsheets keep codes and English
    # (machine-read: the same bytes in every language), docs/translation.md.
    parser.add_argument("--lang", choices=tuple(LANGUAGES), default=ENGLISH,
                        help=_("language of the text output and PDF handouts (default: en)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def language_asked(argv: Sequence[str]) -> str:
    """The --lang of `argv` read before the parser is built, so that its help is in that
    language too (English when absent or unknown: the parser then says what is wrong)."""
    for index, arg in enumerate(argv):
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else (
            argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        if value is not None:
            return value if value in LANGUAGES else ENGLISH
    return ENGLISH


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code (0 ok, 1 policy failure, 2 bad input)."""
    set_language(language_asked(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
