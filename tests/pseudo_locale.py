"""A pseudo-translation for tests and tools (issue 12): every text looked up through app.i18n comes
back with accented letters, ~30% longer and between markers, so that

- a visible text with a plain ASCII word in it did not go through gettext (a missed `_()`), and
- the layout gets the room French and Spanish need, before any translation exists.

    with pseudo_language("fr"):      # French lookups answer in pseudo (English stays English)
        window.retranslate()

Placeholders ({name}), tags (<b>), entities (&amp;), printf fields and file-dialog patterns
("(*.json)") are kept as they are; a mnemonic stays on the (accented) letter after '&'.
Never shipped: it lives under tests/ and tools/screenshots.py --lang pseudo uses it.
"""

import gettext
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager

import app.i18n

PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
ACCENTED = "àƀçđéƒĝĥîĵķľɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĽṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
assert len(PLAIN) == len(ACCENTED)
TABLE = str.maketrans(PLAIN, ACCENTED)
OPEN, CLOSE, PAD = "\u27e6", "\u27e7", "\u00b7"  # ⟦ ⟧ ·
# Kept verbatim: str.format fields, tags, entities, printf fields, file patterns.
KEEP = re.compile(r"\{[^{}]*\}|<[^<>]*>|&[A-Za-z]+;|&#\d+;|%\(\w+\)[sd]|%[sd]|\(\*[^)]*\)")


def pseudo(text: str) -> str:
    """`text` accented, padded by ~30% and marked: 'Next' -> '⟦Ñéẋţ··⟧'."""
    if not text:
        return text
    parts: list[str] = []
    last = 0
    for match in KEEP.finditer(text):
        parts.append(text[last:match.start()].translate(TABLE))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(TABLE))
    return OPEN + "".join(parts) + PAD * math.ceil(len(text) * 0.3) + CLOSE


class PseudoTranslations(gettext.NullTranslations):
    """Every lookup answers in pseudo (both domains, every context)."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


_PSEUDO = PseudoTranslations()
_real_catalogue = app.i18n.catalogue


def _pseudo_catalogue(code: str, domain: str) -> gettext.NullTranslations:
    return gettext.NullTranslations() if code == app.i18n.ENGLISH else _PSEUDO


def install() -> None:
    """From now on every language but English answers in pseudo (tools)."""
    app.i18n.catalogue = _pseudo_catalogue  # type: ignore[assignment]


def uninstall() -> None:
    app.i18n.catalogue = _real_catalogue


@contextmanager
def pseudo_language(code: str = "fr") -> Iterator[None]:
    """Inside the block, `code` is the language and answers in pseudo."""
    before = app.i18n.language()
    install()
    app.i18n.set_language(code)
    try:
        yield
    finally:
        app.i18n.set_language(before)
        uninstall()


# ---- checking what a window shows ----

# What may stay as it is in a pseudo-translated window: data, not words (ids, numbers, the
# app's name, versions, URLs, file names).
NOT_WORDS = re.compile(
    r"https?://\S+|\bR\d+[a-z]?\b|\b[A-G]\d*(?:_[a-z]+)?\b|\[[a-z_]+\]|\b\d[\d.,:]*\b"
    r"|[\w.-]+\.(?:json|pdf|csv|xlsx)\b")


def untranslated(text: str, allowed: tuple[str, ...] = ()) -> bool:
    """True when `text` holds an English word that did not come through the catalogue (an
    ASCII word of two letters or more once ids, numbers and `allowed` data are taken out)."""
    rest = text
    for word in allowed:
        if word:
            rest = rest.replace(word, " ")
    rest = NOT_WORDS.sub(" ", rest)
    return re.search(r"[A-Za-z]{2,}", rest) is not None
