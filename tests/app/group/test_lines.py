"""A CSV's lines read a chunk at a time are exactly the lines read one by one: the same text,
the same line ends, the same encoding fallback, the same errors after the same lines."""

import codecs
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.answers_file import AnswersFileError
from app.group import reading
from app.group.reading import CsvSource, split_bare_cr

# Pieces a line can be made of: text, delimiters, quotes, every line end, NUL, a byte-order
# mark, UTF-8 and Windows-1252 accents, bytes UTF-8 cannot decode, other Unicode line breaks.
PIECES = [b"a", b"Zo", b",", b'"', b"\n", b"\r", b"\r\n", b"\x00", codecs.BOM_UTF8,
          "é".encode(), b"\xe9", b"\xff", "\u2028".encode(), b"\x0c", b"\x85", b" "]
# Small sizes, so that hypothesis reaches chunk ends and over-long lines.
CHUNK = 8
MAX_LINE = 20


def one_by_one(data: bytes, source: CsvSource) -> Iterator[str]:
    """How lines were read before chunks (the reference): readline with a limit, lone carriage
    returns split off, then each line decoded on its own."""
    raw = io.BytesIO(data)
    limit = MAX_LINE + 1
    pending = b""
    first = True
    while True:
        got = raw.readline(limit)
        cut = len(got) == limit and not got.endswith(b"\n")
        line = pending + got if pending else got
        if not line:
            return
        pieces = split_bare_cr(line)
        pending = pieces.pop() if cut else b""
        if len(pending) > MAX_LINE:
            raise AnswersFileError(source.path, "too long")
        for piece in pieces:
            if first:
                piece = piece.removeprefix(codecs.BOM_UTF8)
                first = False
            if b"\x00" in piece:
                raise AnswersFileError(source.path, "NUL")
            try:
                yield piece.decode("utf-8")
            except UnicodeDecodeError:
                source.windows_1252 = True
                yield piece.decode("cp1252", errors="replace")


def outcome(lines: Iterator[str]) -> tuple[list[str], bool]:
    """The lines read, and whether reading stopped with an error."""
    seen: list[str] = []
    try:
        seen.extend(lines)
    except AnswersFileError:
        return seen, True
    return seen, False


def source() -> CsvSource:
    return CsvSource(Path("people.csv"), 1, b"")


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_chunks_give_the_lines_one_by_one_gives(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    expected_source, chunked_source = source(), source()
    expected = outcome(one_by_one(data, expected_source))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "CHUNK_BYTES", CHUNK)
        patch.setattr(reading, "MAX_LINE_BYTES", MAX_LINE)
        chunked = outcome(reading._text_lines(io.BytesIO(data), chunked_source))
    assert chunked == expected
    assert chunked_source.windows_1252 == expected_source.windows_1252
    assert chunked_source.done == len(data) or chunked[1]


def test_a_long_line_is_still_refused_after_the_lines_before() -> None:
    data = b"a,b\n" * 5 + b"x" * 30 + b"\nlate\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "CHUNK_BYTES", CHUNK)
        patch.setattr(reading, "MAX_LINE_BYTES", MAX_LINE)
        lines, failed = outcome(reading._text_lines(io.BytesIO(data), source()))
    assert lines == ["a,b\n"] * 5 and failed
