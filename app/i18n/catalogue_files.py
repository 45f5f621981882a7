"""Gettext catalogue files without a dependency: read and write .po/.pot, merge, compile .mo."""

import ast
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

FUZZY = "fuzzy"
# Plural-Forms of each language (CLDR / gettext manual); English is the source.
PLURAL_FORMS: dict[str, str] = {
    "en": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One message: its context (law: the stable key), English msgid and translation(s)."""

    msgid: str
    context: str | None = None
    plural: str | None = None
    msgstr: tuple[str, ...] = ("",)
    flags: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()  # "#." lines: notes for translators
    references: tuple[str, ...] = ()  # "#:" lines: where the text comes from
    previous: str | None = None  # "#| msgid": the English a fuzzy translation was made for

    @property
    def key(self) -> tuple[str, str]:
        return (self.context or "", self.msgid)

    @property
    def fuzzy(self) -> bool:
        return FUZZY in self.flags

    @property
    def translated(self) -> bool:
        """Every form has a translation and none is marked fuzzy."""
        return not self.fuzzy and all(self.msgstr)


@dataclass(slots=True)
class Catalogue:
    """A .po or .pot file: its header fields and its entries (the header entry excluded)."""

    header: dict[str, str] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)

    def by_key(self) -> dict[tuple[str, str], Entry]:
        return {entry.key: entry for entry in self.entries}


def header_for(language: str | None, domain: str) -> dict[str, str]:
    """The fixed header of a template (language None) or of one language's catalogue."""
    return {
        "Project-Id-Version": f"volunteer-check {domain}",
        "Language": language or "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS.get(language or "en", PLURAL_FORMS["en"]),
    }


# --- writing -------------------------------------------------------------------------------

def quote(text: str) -> str:
    """A PO string literal."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
               .replace("\r", "\\r").replace("\n", "\\n"))
    return f'"{escaped}"'


def _field(name: str, text: str, prefix: str = "") -> list[str]:
    """`name "text"`, split after each newline into continuation lines like gettext does."""
    if "\n" not in text.rstrip("\n"):
        return [f"{prefix}{name} {quote(text)}"]
    parts = text.splitlines(keepends=True)
    return [f'{prefix}{name} ""'] + [f"{prefix}{quote(part)}" for part in parts]


def _entry_lines(entry: Entry) -> list[str]:
    lines = [f"#. {comment}" for comment in entry.comments]
    lines += [f"#: {ref}" for ref in entry.references]
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    if entry.previous is not None:
        lines += _field("msgid", entry.previous, "#| ")
    if entry.context is not None:
        lines += _field("msgctxt", entry.context)
    lines += _field("msgid", entry.msgid)
    if entry.plural is not None:
        lines += _field("msgid_plural", entry.plural)
        for n, text in enumerate(entry.msgstr):
            lines += _field(f"msgstr[{n}]", text)
    else:
        lines += _field("msgstr", entry.msgstr[0])
    return lines


def format_catalogue(catalogue: Catalogue) -> str:
    """The text of a .po/.pot file: header, then entries sorted by (context, msgid)."""
    header = "".join(f"{name}: {value}\n" for name, value in catalogue.header.items())
    blocks = [_entry_lines(Entry(msgid="", msgstr=(header,)))]
    blocks += [_entry_lines(entry) for entry in sorted(catalogue.entries, key=_sort_key)]
    return "\n".join("\n".join(block) + "\n" for block in blocks)


def _sort_key(entry: Entry) -> tuple[str, str]:
    return entry.key


def write_catalogue(path: Path, catalogue: Catalogue) -> bool:
    """Write `catalogue` to `path` when its text changed; True when it did."""
    text = format_catalogue(catalogue)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


# --- reading -------------------------------------------------------------------------------

class PoSyntaxError(ValueError):
    """A .po file this reader cannot read (with the file and line)."""


@dataclass(slots=True)
class _Draft:
    """The fields of the entry being read."""

    fields: dict[str, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    previous: str | None = None
    last: str = ""

    def empty(self) -> bool:
        return not self.fields


def _unquote(literal: str, where: str) -> str:
    literal = literal.strip()
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise PoSyntaxError(f"{where}: expected a quoted string, got {literal!r}")
    try:
        value = ast.literal_eval(literal)
    except (SyntaxError, ValueError) as error:
        raise PoSyntaxError(f"{where}: bad string {literal!r}") from error
    if not isinstance(value, str):
        raise PoSyntaxError(f"{where}: bad string {literal!r}")
    return value


def _finish(draft: _Draft, catalogue: Catalogue) -> None:
    if draft.empty():
        return
    fields = draft.fields
    msgid = fields.get("msgid")
    if msgid is None:
        return  # only comments (e.g. a stray obsolete "#~" block): nothing to keep
    plural = fields.get("msgid_plural")
    if plural is None:
        msgstr: tuple[str, ...] = (fields.get("msgstr", ""),)
    else:
        count = sum(1 for name in fields if name.startswith("msgstr["))
        msgstr = tuple(fields.get(f"msgstr[{n}]", "") for n in range(max(count, 1)))
    if msgid == "" and "msgctxt" not in fields:
        for line in msgstr[0].splitlines():
            name, _, value = line.partition(":")
            if name.strip():
                catalogue.header[name.strip()] = value.strip()
        return
    catalogue.entries.append(Entry(
        msgid=msgid, context=fields.get("msgctxt"), plural=plural, msgstr=msgstr,
        flags=tuple(draft.flags), comments=tuple(draft.comments),
        references=tuple(draft.references), previous=draft.previous))


def parse_catalogue(text: str, name: str = "<po>") -> Catalogue:
    """Read the text of a .po/.pot file (obsolete "#~" entries are dropped)."""
    catalogue = Catalogue()
    draft = _Draft()
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if draft.fields:  # a comment starts the next entry
                _finish(draft, catalogue)
                draft = _Draft()
            _comment(draft, line, where)
            continue
        if line.startswith('"'):
            if not draft.last:
                raise PoSyntaxError(f"{where}: a string outside any field")
            draft.fields[draft.last] += _unquote(line, where)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and (
                "msgid" in draft.fields or (keyword == "msgctxt" and "msgctxt" in draft.fields)):
            _finish(draft, catalogue)
            draft = _Draft()
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") \
                and not keyword.startswith("msgstr["):
            raise PoSyntaxError(f"{where}: unknown keyword {keyword!r}")
        draft.fields[keyword] = _unquote(rest, where)
        draft.last = keyword
    _finish(draft, catalogue)
    return catalogue


def _comment(draft: _Draft, line: str, where: str) -> None:
    if line.startswith("#,"):
        draft.flags += [flag.strip() for flag in line[2:].split(",") if flag.strip()]
    elif line.startswith("#."):
        draft.comments.append(line[2:].strip())
    elif line.startswith("#:"):
        draft.references.append(line[2:].strip())
    elif line.startswith("#|"):
        rest = line[2:].strip()
        if rest.startswith("msgid "):
            draft.previous = _unquote(rest[len("msgid "):], where)
        elif rest.startswith('"') and draft.previous is not None:
            draft.previous += _unquote(rest, where)


def read_catalogue(path: Path) -> Catalogue:
    """Read a .po/.pot file."""
    return parse_catalogue(path.read_text(encoding="utf-8"), str(path))


# --- merging -------------------------------------------------------------------------------

def merge(template: Catalogue, old: Catalogue | None, language: str, domain: str) -> Catalogue:
    """A language's catalogue for `template`: translations kept where the English is unchanged;
    where the English of a key (context) changed, the old translation is kept but marked
    fuzzy with the English it was made for; entries no longer in the template are dropped."""
    known = old.by_key() if old is not None else {}
    by_context = {e.context: e for e in (old.entries if old else ()) if e.context is not None}
    merged = [_merged_entry(entry, known, by_context) for entry in template.entries]
    return Catalogue(header=header_for(language, domain), entries=merged)


def _merged_entry(new: Entry, known: dict[tuple[str, str], Entry],
                  by_context: dict[str, Entry]) -> Entry:
    forms = len(new.msgstr)
    same = known.get(new.key)
    if same is not None and (same.plural or None) == (new.plural or None):
        return replace(new, msgstr=_forms(same.msgstr, forms), flags=same.flags,
                       previous=same.previous if same.fuzzy else None)
    stale = by_context.get(new.context) if new.context is not None else None
    if stale is not None and any(stale.msgstr):
        return replace(new, msgstr=_forms(stale.msgstr, forms),
                       flags=tuple(dict.fromkeys((*stale.flags, FUZZY))),
                       previous=stale.previous if stale.fuzzy and stale.previous
                       else stale.msgid)
    return new


def _forms(msgstr: Sequence[str], count: int) -> tuple[str, ...]:
    return tuple(msgstr[n] if n < len(msgstr) else "" for n in range(count))


def same_messages(a: Catalogue, b: Catalogue) -> bool:
    """The same keys, English and references (translations and flags aside)."""
    def shape(catalogue: Catalogue) -> list[tuple[object, ...]]:
        return sorted((e.key, e.plural, e.references, e.comments) for e in catalogue.entries)
    return shape(a) == shape(b)


# --- compiling -----------------------------------------------------------------------------

def compile_mo(catalogue: Catalogue) -> bytes:
    """The GNU .mo bytes of a catalogue: translated, non-fuzzy entries and the header."""
    header = "".join(f"{name}: {value}\n" for name, value in catalogue.header.items())
    pairs: dict[bytes, bytes] = {b"": header.encode("utf-8")}
    for entry in catalogue.entries:
        if not entry.translated:
            continue
        original = entry.msgid if entry.plural is None else f"{entry.msgid}\0{entry.plural}"
        if entry.context is not None:
            original = f"{entry.context}\x04{original}"
        pairs[original.encode("utf-8")] = "\0".join(entry.msgstr).encode("utf-8")
    return _mo_bytes(sorted(pairs.items()))


def _mo_bytes(pairs: Iterable[tuple[bytes, bytes]]) -> bytes:
    items = list(pairs)
    count = len(items)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    table_o: list[int] = []
    table_t: list[int] = []
    data = bytearray()
    for original, _ in items:
        table_o += [len(original), data_at + len(data)]
        data += original + b"\0"
    for _, translation in items:
        table_t += [len(translation), data_at + len(data)]
        data += translation + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, data_at)
    return (head + struct.pack(f"<{2 * count}I", *table_o)
            + struct.pack(f"<{2 * count}I", *table_t) + bytes(data))


def compile_tree(locale_dir: Path, *, force: bool = False) -> list[Path]:
    """Compile every <lang>/LC_MESSAGES/<domain>.po under `locale_dir` whose .mo is missing or
    older than the .po; the .mo files written."""
    written = []
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not force and mo.exists() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
            continue
        mo.write_bytes(compile_mo(read_catalogue(po)))
        written.append(mo)
    return written
