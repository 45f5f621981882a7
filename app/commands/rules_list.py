"""`volunteer-check rules`: every rule with its colour, remedy and citations."""

import argparse

from app.i18n import _


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("rules", help=_("list every rule with its citations"))
    parser.add_argument("--markdown", action="store_true", help=_("Markdown for legal reviewers"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.rules_catalogue import rules_as_markdown, rules_as_text  # loaded when asked for

    print(rules_as_markdown() if args.markdown else rules_as_text())
    return 0
