"""A workbook laid out as followup writes it, read one record at a time.

followup writes the file as `orjson.dumps` makes it: `{"meta":{"1":{...}},"interviews":{"1":{...},
"2":{...}},...}`, with no space anywhere between the records. Such a file can be read record by
record, each parsed from its own bytes: the dicts of the whole file are then never held at once
(27 MB at 10,000 interviews, on top of the file's bytes and the objects made of them).

Where a record ends is found without reading the text inside it: its closing brace comes right before
the next record's number, or before its table's closing brace. A brace like that may also close an
object inside the record, or sit in a string; but the bytes from a record's opening brace up to any
such earlier brace are not one whole JSON value, so parsing them fails and the next one is tried.
Only the record's own closing brace makes a value that parses. Anything else about the file (spaces,
a record number written another way, a table that is not a table of records) ends the walk:
the caller then reads the file whole, the way any JSON reader would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import orjson

from .written import QUOTES_LOOKED_AT, is_escaped, unescaped_quote

__all__ = ["Aside", "NotPlainError", "Walked", "walk_records"]

#: A big record's text the walk left unread: its field, and where its JSON string stands in the file.
Aside = tuple[str, range] | None
#: A record as walked: (table, record number, its fields, where it starts, where it ends, its text aside).
Walked = tuple[str, str | None, Any, int, int, Aside]


class NotPlainError(Exception):
    """The file is not laid out exactly as followup writes it."""


#: A table's name and the brace that opens it; a name with an escape in it is not one followup writes.
_TABLE = re.compile(rb'"([^"\\]*)":\{')
#: A record's number as TinyDB writes it (no leading zero, at most 18 digits), before its opening brace.
_RECORD = re.compile(rb'"(0|[1-9][0-9]{0,17})":(?=\{)')
#: A brace that may close a record: before the next record, or before its table's own closing brace
#: (then the next table, or the end of the file).
_MAY_END = re.compile(rb'\}(?=,"[0-9]+":\{|\}(?:,"|\}\s*\Z))')
#: Bytes parsed in vain (from a record's start to a brace that did not close it), as a share of the
#: file, before it is read whole instead: followup's records have no brace like that, so only a file
#: of deep objects, not followup's, comes near it; and a walk never costs more than a few parses.
_IN_VAIN = 2
#: Bytes from a record's start searched with the pattern alone (more than nearly every record holds).
_NEAR = 1 << 16
#: The most bytes after a brace the pattern needs to see, the spaces at the file's end aside: `},"` and a
#: record number, `":{`.
_SEEN_AFTER = 32
_QUOTE = ord('"')


def walk_records(raw: bytes, aside: str | None = None) -> Iterator[Walked]:
    """Every record of the file, in the file's order: (table, record number, the record's fields, where
    it starts and where it ends, its text left unread), the record being `raw[start:end]`, from its number
    to its closing brace.

    `aside`: a field whose text, in a record whose JSON is longer than the pattern searches (a log pasted
    into its notes), is left unread: the record's fields then hold "" for it, and where its JSON string
    stands is given as (the field, its range in `raw`, quotes included). Whether those bytes are a JSON
    string is then not known yet: `orjson.loads` of them tells. A record where that text cannot be told
    apart quickly is read whole.

    A table with no record comes as (table, None, None, at, at, None). Raises NotPlainError at the first
    thing that is not as followup writes it; the records already given are then to be put aside.
    """
    view = memoryview(raw)
    if raw[:1] != b"{":
        raise NotPlainError
    at, in_vain, most = 1, 0, _IN_VAIN * len(raw)
    if raw[at : at + 1] == b"}":
        _closed(raw, at)
        return
    while True:
        opened = _TABLE.match(raw, at)
        if opened is None:
            raise NotPlainError
        table, at = _text(opened[1]), opened.end()
        if raw[at : at + 1] == b"}":
            yield table, None, None, at, at, None
            at += 1
        else:
            while True:
                number = _RECORD.match(raw, at)
                if number is None:
                    raise NotPlainError
                start = end = number.end()
                brace = _MAY_END.search(raw, end, end + _NEAR)
                text: Aside = None
                if brace is None and aside is not None and (read := _with_text_aside(raw, start, aside)) is not None:
                    fields, end, text = read
                else:
                    while True:
                        brace = brace or _far_end(raw, end)
                        if brace is None:
                            raise NotPlainError
                        end = brace.end()
                        try:
                            fields = orjson.loads(view[start:end])
                            break
                        except orjson.JSONDecodeError:
                            in_vain += end - start
                            if in_vain > most:
                                raise NotPlainError from None
                        brace = _MAY_END.search(raw, end, end + _NEAR)
                yield table, _text(number[1]), fields, number.start(), end, text
                at = end + 1  # past the comma before the next record, or the table's closing brace
                if raw[end : end + 1] == b"}":
                    break
        if raw[at : at + 1] == b",":
            at += 1
        else:
            _closed(raw, at)
            return


def _with_text_aside(raw: bytes, start: int, name: str) -> tuple[dict[str, Any], int, tuple[str, range]] | None:
    """The record whose opening brace is at `start` read with its text `name` left unread, that text running
    past the _NEAR bytes the pattern searches: (its fields, "" for that text; where it ends; `name` and where
    that text's JSON stands). None when that cannot be told quickly: it is then read whole.

    In JSON, every quote outside a string opens or closes one, and every quote inside one is escaped: so
    the record's strings up to that text are found by their quotes alone."""
    at, depth, key, limit = start, 0, None, start + _NEAR
    while (opening := raw.find(b'"', at, limit)) != -1:
        between = raw[at:opening]  # what stands between two strings: no quote, so no text
        depth += between.count(b"{") + between.count(b"[") - between.count(b"}") - between.count(b"]")
        closing = unescaped_quote(raw, opening + 1, limit)  # (every quote is looked at: never None)
        if closing is None or closing == -1:  # the text that runs on
            if key is None or depth != 1 or between != b":" or _text_of(raw, key) != name:
                return None  # not that field of the record itself
            closing = _long_text_end(raw, opening)
            return None if closing == -1 else _around(raw, start, range(opening, closing + 1), name)
        key = range(opening, closing + 1)
        at = closing + 1
    return None


def _around(raw: bytes, start: int, text: range, name: str) -> tuple[dict[str, Any], int, tuple[str, range]] | None:
    """The record at `start` read around its long `text`, which is left out: its fields and where it ends."""
    head = raw[start : text.start]
    end = text.stop
    while (brace := _MAY_END.search(raw, end, text.stop + _NEAR)) is not None:
        end = brace.end()
        try:
            fields = orjson.loads(head + b'""' + raw[text.stop : end])
        except orjson.JSONDecodeError:
            continue
        return (fields, end, (name, text)) if type(fields) is dict and fields.get(name) == "" else None
    return None


def _long_text_end(raw: bytes, opening: int) -> int:
    """Where the long string opened at `opening` closes; -1 when it does not. Its quotes are looked at one by
    one; past QUOTES_LOOKED_AT of them escaped (a log of JSON lines), one search finds its end instead: a
    quote after a comma is never escaped, so the first comma and quote (`,"`) within a string are either
    the field after its closing quote (the quote just before them), or its last character and its closing
    quote. Only a string of JSON is sure to close there: whether it is one is told when it is read."""
    closing = unescaped_quote(raw, opening + 1, len(raw), QUOTES_LOOKED_AT)
    if closing is not None:
        return closing
    comma = raw.find(b',"', opening + 1)
    if comma == -1:
        return -1
    before = comma - 1
    quoted = before > opening and raw[before] == _QUOTE and not is_escaped(raw, before)
    return before if quoted else comma + 1


def _text_of(raw: bytes, string: range) -> str | None:
    try:
        text = orjson.loads(raw[string.start : string.stop])
    except orjson.JSONDecodeError:
        return None
    return text if type(text) is str else None


def _far_end(raw: bytes, at: int) -> re.Match[bytes] | None:
    """The first brace from `at` that may close a record, when there is none in the _NEAR bytes the
    pattern alone searches from `at` (a pasted log in a note): the bytes past them are crossed by the C
    library's search for a brace, many times faster than the pattern's own (0.3 ms against 5 ms for
    20 MB), and only the braces it finds are matched against the pattern.

    The pattern, searching near `at`, saw no byte past `at + _NEAR`: a brace before that whose next bytes
    it needed is looked at again here. (It may also have taken a brace for one that closes a record
    because the bytes it saw ended after it; parsing then tells, as for any brace taken in vain.)"""
    brace = raw.find(b"}", at + _NEAR - _SEEN_AFTER)
    return None if brace == -1 else _MAY_END.search(raw, brace)


def _closed(raw: bytes, at: int) -> None:
    """The file's closing brace at `at`, with nothing but white space after it."""
    if raw[at : at + 1] != b"}" or raw[at + 1 :].strip():
        raise NotPlainError


def _text(name: bytes) -> str:
    try:
        return name.decode()
    except UnicodeDecodeError:
        raise NotPlainError from None
