"""The current language and its texts: gettext catalogues, without Qt.

Two domains (docs/translation.md):
- ``app``: the words of ``app/`` and ``ui/``, marked in the source with ``_()``, ``ngettext()``,
  ``pgettext()`` (translated where called) or ``N_()`` (marked where defined, translated where
  shown); the msgid is the English text.
- ``law``: the texts of ``rules/`` (questions, answer labels, help, glossary, rule names, texts
  and remedies, the disclaimer), keyed by a stable id as msgctxt ("rule:R04/text") with the
  English as msgid, so a change of the English legal text makes its translation stale.

``rules/`` stays English: it is the authoritative text. Translation happens where ``app/`` or
``ui/`` shows a text. Lookups read the current language at call time, so switching language
needs no restart.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import Any, Protocol

ENGLISH = "en"
# Code -> the language's own name (shown in the language menu).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français"}
DOMAINS = ("app", "law")

_current = ENGLISH


def set_language(code: str) -> None:
    """Make `code` (one of LANGUAGES) the language of every text from now on."""
    global _current
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; known: {', '.join(LANGUAGES)}")
    _current = code


def language() -> str:
    """The code of the current language."""
    return _current


def language_of_locale(name: str | None) -> str:
    """The language to start in for a system locale name such as 'fr_CA.UTF-8' (else English)."""
    code = (name or "").replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else ENGLISH


@contextmanager
def in_language(code: str) -> Iterator[None]:
    """Texts in `code` inside the block (e.g. the authoritative English of a finding)."""
    before = _current
    set_language(code)
    try:
        yield
    finally:
        set_language(before)


class Catalogue(Protocol):
    """What the lookups ask of a catalogue (gettext's translations, or the source itself)."""

    def gettext(self, message: str) -> str: ...
    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str: ...
    def pgettext(self, context: str, message: str) -> str: ...


class SourceText:
    """English: every text is its own msgid (no gettext loaded: the start-up path)."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context: str, message: str) -> str:
        return message


@cache
def catalogue(code: str, domain: str) -> Catalogue:
    """The compiled catalogue of one language and domain; English (and a missing file) is the
    source text itself."""
    if code == ENGLISH:
        return SourceText()
    import gettext
    from importlib import resources

    # One part per joinpath: a namespace package's MultiplexedPath (frozen builds, Python
    # 3.11) takes a single one.
    path = resources.files("resources.locale").joinpath(code).joinpath("LC_MESSAGES") \
        .joinpath(f"{domain}.mo")
    try:
        with path.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    except FileNotFoundError:
        return SourceText()


def _(message: str) -> str:
    """`message` (English) in the current language."""
    return catalogue(_current, "app").gettext(message)


def N_(message: str) -> str:
    """Mark `message` for translation where it is defined; `_()` translates it where shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the current language."""
    return catalogue(_current, "app").ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` in the current language, where the same English needs different words."""
    return catalogue(_current, "app").pgettext(context, message)


def labelled(label: str, value: object) -> str:
    """'label: value' as the current language writes it (French puts a no-break space before
    the colon)."""
    return _("{label}: {value}").format(label=label, value=value)


def with_colon(label: str) -> str:
    """'label:' as the current language writes it (a heading before a list)."""
    return _("{label}:").format(label=label)


def law(key: str, english: str) -> str:
    """A text of rules/ in the current language, looked up by its stable key (see the module
    docstring); the English when no translation exists."""
    return catalogue(_current, "law").pgettext(key, english)


class TranslatedMapping(Mapping[Any, str]):
    """A table of English texts marked with N_(), read in the current language (a module-level
    table translated where it is used, not where it is defined)."""

    def __init__(self, english: Mapping[Any, str]) -> None:
        self._english = dict(english)

    def __getitem__(self, key: Any) -> str:
        return _(self._english[key])

    def __iter__(self) -> Iterator[Any]:
        return iter(self._english)

    def __len__(self) -> int:
        return len(self._english)

    def english(self, key: Any) -> str:
        """The English text of `key` (e.g. for the authoritative version)."""
        text: str = self._english[key]
        return text
