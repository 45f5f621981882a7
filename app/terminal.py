"""Text from files, made safe to print on a terminal.

Names, answers, file names and messages quoting them come from volunteers' files. Printed as
they are, "\\x1b[2K\\rOverall: GREEN" would erase a line and print a fake verdict, and a
right-to-left override would turn text around. Every control character (C0, DEL, C1), the bidi
overrides and isolates (U+202A-U+202E, U+2066-U+2069) and unpaired surrogates (which no
terminal encoding holds) are shown as visible escapes instead: \\x1b, \\r, \\u202e.
"""

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                                "\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# In JSON every C0 character is already escaped; these pass json.dumps(ensure_ascii=False).
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """One line of text with every unsafe character (line breaks too) as a visible escape."""
    return _UNSAFE.sub(_escape, text)


def printable_lines(text: str) -> str:
    """Text of several lines (our own line breaks kept) with every other unsafe character
    escaped; text from files must already have gone through printable()."""
    return _UNSAFE_KEEP_LINES.sub(_escape, text)


def printable_json(text: str) -> str:
    """JSON text (from json.dumps) with the unsafe characters json leaves raw written as
    \\u escapes: the same JSON value, safe on a terminal."""
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
