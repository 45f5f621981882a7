"""`./dev i18n`: extract the catalogues, merge them into each language, check or compile them."""

import argparse
import sys
from pathlib import Path

from app.i18n import DOMAINS, ENGLISH, LANGUAGES
from app.i18n.catalogue_files import (
    Catalogue,
    compile_tree,
    format_catalogue,
    merge,
    read_catalogue,
    same_messages,
    write_catalogue,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = ROOT / "resources" / "locale"
TRANSLATED = tuple(code for code in LANGUAGES if code != ENGLISH)


def po_path(language: str, domain: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{domain}.po"


def templates(root: Path = ROOT) -> dict[str, Catalogue]:
    """The template of each domain, extracted now from the rules' data and the source."""
    from app.i18n.extract import app_template, law_template  # imports rules (not for compile)
    return {"law": law_template(), "app": app_template(root)}


def extract(root: Path = ROOT, locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write each domain's .pot and merge it into every language's .po; the files changed."""
    changed = []
    for domain, template in templates(root).items():
        if write_catalogue(locale_dir / f"{domain}.pot", template):
            changed.append(locale_dir / f"{domain}.pot")
        for language in TRANSLATED:
            path = po_path(language, domain, locale_dir)
            old = read_catalogue(path) if path.exists() else None
            if write_catalogue(path, merge(template, old, language, domain)):
                changed.append(path)
    return changed


def stale(root: Path = ROOT, locale_dir: Path = LOCALE_DIR) -> list[str]:
    """Why the committed catalogues do not match the code (empty when they do)."""
    problems = []
    for domain, template in templates(root).items():
        pot = locale_dir / f"{domain}.pot"
        if not pot.exists() or pot.read_text(encoding="utf-8") != format_catalogue(template):
            problems.append(f"{pot.relative_to(root)} is out of date")
        for language in TRANSLATED:
            path = po_path(language, domain, locale_dir)
            if not path.exists() or not same_messages(read_catalogue(path), template):
                problems.append(f"{path.relative_to(root)} does not have the template's messages")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./dev i18n", description=__doc__)
    parser.add_argument("command", nargs="?", choices=("extract", "compile"), default="extract")
    parser.add_argument("--check", action="store_true",
                        help="change nothing; fail when the catalogues do not match the code")
    parser.add_argument("--force", action="store_true", help="compile: every .mo again")
    options = parser.parse_args(argv)
    if options.command == "compile":
        for mo in compile_tree(LOCALE_DIR, force=options.force):
            print(f"compiled {mo.relative_to(ROOT)}")
        return 0
    if options.check:
        problems = stale()
        for problem in problems:
            print(f"i18n: {problem}; run ./dev i18n", file=sys.stderr)
        return 1 if problems else 0
    for path in extract():
        print(f"wrote {path.relative_to(ROOT)}")
    for domain in DOMAINS:
        print(f"{domain}: {len(read_catalogue(LOCALE_DIR / f'{domain}.pot').entries)} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
