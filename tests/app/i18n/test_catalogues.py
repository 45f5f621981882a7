"""The translation catalogues: up to date with the code, complete, and faithful in form."""

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.i18n import DOMAINS, catalogue
from app.i18n.catalogue_files import (
    Catalogue,
    Entry,
    compile_mo,
    format_catalogue,
    merge,
    parse_catalogue,
    read_catalogue,
)
from app.i18n.tool import LOCALE_DIR, ROOT, TRANSLATED, po_path, stale

PAIRS = [(language, domain) for language in TRANSLATED for domain in DOMAINS]


def test_the_catalogues_match_the_code() -> None:
    """`./dev i18n --check`: every text of rules/ and every marked text of app/ and ui/ is in
    the .pot files and the .po files (run ./dev i18n after changing a text)."""
    assert stale() == []


def test_dev_i18n_check_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "app.i18n.tool", "--check"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def _untranslated(language: str, domain: str) -> list[str]:
    entries = read_catalogue(po_path(language, domain)).entries
    return [f"  {e.context or ''} {e.msgid[:70]!r}" + (" (fuzzy)" if e.fuzzy else "")
            for e in entries if not e.translated]


@pytest.mark.parametrize(("language", "domain"), PAIRS)
def test_every_message_is_translated(language: str, domain: str) -> None:
    """Every msgid of both domains has a non-empty, non-fuzzy translation in es and fr."""
    missing = _untranslated(language, domain)
    total = len(read_catalogue(po_path(language, domain)).entries)
    assert not missing, (
        f"resources/locale/{language}/LC_MESSAGES/{domain}.po: {len(missing)} of {total} "
        f"messages have no translation (or a fuzzy one):\n" + "\n".join(missing))


_FIELDS = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>|&#?\w+;")


def _shape(pattern: re.Pattern[str], text: str) -> list[str]:
    return sorted(pattern.findall(text))


def _mismatches(entry: Entry) -> list[str]:
    sources = [entry.msgid] if entry.plural is None else [entry.msgid, entry.plural]
    problems = []
    for n, translation in enumerate(entry.msgstr):
        if not translation:
            continue
        source = sources[min(n, len(sources) - 1)]
        for name, pattern in (("placeholders", _FIELDS), ("markup", _TAGS)):
            if _shape(pattern, source) != _shape(pattern, translation) and not (
                    entry.plural is not None and name == "placeholders"
                    and set(_shape(pattern, translation)) <= set(_shape(pattern, source))):
                problems.append(f"  {entry.context or entry.msgid[:50]!r}: {name} "
                                f"{_shape(pattern, source)} != {_shape(pattern, translation)}")
    return problems


@pytest.mark.parametrize(("language", "domain"), PAIRS)
def test_placeholders_and_markup_match(language: str, domain: str) -> None:
    """{name}, %s, %(x)s, <b>, &amp; ... are the same in a translation as in its English."""
    problems = [p for e in read_catalogue(po_path(language, domain)).entries
                for p in _mismatches(e)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("language", "domain"), PAIRS)
def test_translations_are_well_formed(language: str, domain: str) -> None:
    """A translation with markup parses as HTML, and {fields} format."""
    for entry in read_catalogue(po_path(language, domain)).entries:
        for text in entry.msgstr:
            HTMLParser().feed(text)
            if "{" in entry.msgid and text:
                names = re.findall(r"\{(\w*)\}", text)
                text.format(**{name: "x" for name in names})


def test_po_files_round_trip() -> None:
    """Reading and writing a catalogue changes nothing (a stable, sorted file)."""
    for path in sorted(LOCALE_DIR.glob("**/*.po*")):
        assert format_catalogue(read_catalogue(path)) == path.read_text(encoding="utf-8"), path


def test_merge_keeps_marks_stale_and_drops() -> None:
    template = Catalogue(entries=[Entry("New English", "rule:R01/text"),
                                  Entry("Same", "rule:R02/text")])
    old = Catalogue(entries=[Entry("Old English", "rule:R01/text", msgstr=("Viejo",)),
                             Entry("Same", "rule:R02/text", msgstr=("Igual",)),
                             Entry("Gone", "rule:R99/text", msgstr=("Ido",))])
    merged = merge(template, old, "es", "law").by_key()
    stale_entry = merged[("rule:R01/text", "New English")]
    assert stale_entry.msgstr == ("Viejo",) and stale_entry.fuzzy
    assert stale_entry.previous == "Old English"
    assert merged[("rule:R02/text", "Same")].translated
    assert len(merged) == 2
    text = format_catalogue(merge(template, old, "es", "law"))
    assert parse_catalogue(text).by_key() == merged


def test_the_mo_compiler_is_read_by_gettext(tmp_path: Path) -> None:
    import gettext

    entries = [Entry("Hello", None, msgstr=("Hola",)),
               Entry("Text", "rule:R01/text", msgstr=("Texto",)),
               Entry("{n} day", None, "{n} days", ("{n} día", "{n} días")),
               Entry("Fuzzy", None, msgstr=("Borroso",), flags=("fuzzy",))]
    mo = tmp_path / "x.mo"
    mo.write_bytes(compile_mo(Catalogue({"Content-Type": "text/plain; charset=UTF-8",
                                         "Plural-Forms": "nplurals=2; plural=(n != 1);"},
                                        entries)))
    with mo.open("rb") as stream:
        translations = gettext.GNUTranslations(stream)
    assert translations.gettext("Hello") == "Hola"
    assert translations.pgettext("rule:R01/text", "Text") == "Texto"
    assert translations.ngettext("{n} day", "{n} days", 3) == "{n} días"
    assert translations.gettext("Fuzzy") == "Fuzzy"


def test_law_keys_follow_the_scheme() -> None:
    keys = [e.context for e in read_catalogue(LOCALE_DIR / "law.pot").entries]
    assert "disclaimer" in keys and "question:A1" in keys and "option:A1/unknown" in keys
    assert "rule:R04/text" in keys and "colour-meaning:RED" in keys and "page:A" in keys
    assert all(re.fullmatch(r"[a-z-]+(:[^/]+(/.+)?)?", str(key)) for key in keys), keys


def test_catalogues_load_for_every_language() -> None:
    for language, domain in PAIRS:
        catalogue.cache_clear()
        assert catalogue(language, domain) is not None
