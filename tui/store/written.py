"""A record as the JSON followup writes: the pieces a file's bytes are written from, when a record is big,
and whether bytes read are exactly what followup would write (so they may be kept as read).

A record whose JSON is big (a log pasted into its notes) is kept as its doc, not its JSON (see
`records`); where its JSON stands in the file last written or read is kept instead (`Stands`).
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any

import orjson

__all__ = [
    "BIG",
    "QUOTES_LOOKED_AT",
    "Big",
    "Piece",
    "Pieces",
    "Stamp",
    "Stands",
    "Written",
    "is_escaped",
    "kept_as",
    "same_bytes",
    "stands_around",
    "stands_as_made",
    "told_as_made",
    "unescaped_quote",
]

#: A record whose JSON is longer than this is not kept as JSON: its doc is (see above).
BIG = 1 << 20

#: A file's bytes in the pieces they are written from, without joining them into one more copy.
Piece = bytes | memoryview
Pieces = list[Piece]

#: What a save compares before anything else: the file's size, when it was last written, and which file
#: it is (its inode).
Stamp = tuple[int, int, int]


class Stands:
    """A big record's JSON where it stands in the file followup last wrote or read (`stamp`): a save while the
    record is still `doc` copies those bytes from that file, in the kernel, instead of making 20 MB of JSON
    again with the interpreter's lock held (14-18 ms) and hashing it. `hashed`: what the file's fingerprint
    holds of them (their hash)."""

    __slots__ = ("doc", "hashed", "offset", "size", "stamp")

    def __init__(self, doc: dict[str, Any], stamp: Stamp, offset: int, size: int, hashed: object) -> None:
        self.doc, self.stamp, self.offset, self.size, self.hashed = doc, stamp, offset, size, hashed

    def __len__(self) -> int:
        return self.size


#: The file's bytes as a save writes them: a big record's JSON may be copied from the file it replaces.
Written = list[Piece | Stands]
#: table -> doc id -> a big record's JSON: made or read already, or where it stands.
Big = dict[str, dict[int, Piece | Stands]]


def same_bytes(pieces: Pieces, data: bytes) -> bool:
    """Whether `pieces`, joined, are `data`: compared where they stand, without joining them."""
    offsets = accumulate(map(len, pieces), initial=0)
    return sum(map(len, pieces)) == len(data) and all(map(data.startswith, pieces, offsets))


def kept_as(
    doc_id: int, doc: dict[str, Any], made: dict[int, Piece | Stands] | None = None, body: Piece | None = None
) -> bytes | dict[str, Any]:
    """How a record is kept: as it stands in its table in the file, with the comma after it (`"12":{...},`);
    or when that is big, as its doc (its JSON then put in `made`, for the file's bytes about to be made).
    `body`: its JSON, made already (or, for a big record, read where it stands)."""
    if body is None:
        body = orjson.dumps(doc)
    if len(body) <= BIG:
        return b'"%d":' % doc_id + body + b","
    if made is not None:
        made[doc_id] = body
    return doc


def stands_as_made(body: bytes, raw: bytes, span: range) -> bool:
    """Whether `raw[span]` is exactly `body`, a record's JSON as followup makes it, and not big: the record
    may then be kept where it stands in the file's bytes (see `Kept`)."""
    return len(body) <= BIG and len(span) == len(body) and raw.startswith(body, span.start)


#: A big record's longest text with more quotes than this in its JSON is made again to be compared (see
#: `told_as_made`): each quote is looked at on its own.
QUOTES_LOOKED_AT = 4096


def told_as_made(doc: dict[str, Any], raw: bytes, span: range) -> bool:
    """Whether `raw[span]`, a big record's JSON read as `doc`, is laid out as followup writes it, told without
    making the JSON of its longest text again (a pasted log: 20 MB, 10 ms): every other field exactly as
    followup writes it, in order, around that text written as one JSON string. So no key is written twice
    in it. False when that cannot be told so (the text holds many quotes, or is only a small part of the
    record): the record's JSON is then made and compared whole."""
    length, longest = max(((len(value), key) for key, value in doc.items() if isinstance(value, str)), default=(0, ""))
    if 8 * length < len(span):  # (a character's JSON: 6 bytes at most)
        return False
    text = _text_within(doc, longest, raw, span)
    if text is None:
        return False
    start, stop = text.start, text.stop
    return raw[start] == raw[stop - 1] == _QUOTE and _escaped_within(raw, start + 1, stop - 1)


def stands_around(doc: dict[str, Any], name: str, raw: bytes, span: range, text: range) -> bool:
    """Whether `raw[span]`, a big record read with its text `name` aside (`walk_records`), is laid out as
    followup writes it: every other field exactly as followup writes it, in order, around that text's
    JSON string, which stands at `text` (found by its quotes, and read later)."""
    return _text_within(doc, name, raw, span) == text


def _text_within(doc: dict[str, Any], name: str, raw: bytes, span: range) -> range | None:
    """Where the JSON of the text `name` stands in `raw[span]` when every other field of `doc` is written
    around it exactly as followup writes it, in order; None when they are not."""
    keys = list(doc)
    at = keys.index(name)
    before, after = {k: doc[k] for k in keys[:at]}, {k: doc[k] for k in keys[at + 1 :]}
    head = (orjson.dumps(before)[:-1] + b"," if before else b"{") + orjson.dumps(name) + b":"
    tail = b"," + orjson.dumps(after)[1:] if after else b"}"
    start, stop = span.start + len(head), span.stop - len(tail)  # the text's JSON, its quotes included
    if stop - start < 2 or not (raw.startswith(head, span.start) and raw.startswith(tail, stop)):
        return None
    return range(start, stop)


_QUOTE, _BACKSLASH = ord('"'), ord("\\")


def _escaped_within(raw: bytes, start: int, stop: int) -> bool:
    """Whether every quote in `raw[start:stop]`, bytes that follow a quote, is escaped: the quote at `stop` then
    closes one JSON string (were it escaped too, no record that JSON reads could follow it with the fields
    after the text). False past QUOTES_LOOKED_AT quotes."""
    return unescaped_quote(raw, start, stop, QUOTES_LOOKED_AT) == -1


def unescaped_quote(raw: bytes, start: int, stop: int, most: int | None = None) -> int | None:
    """Where the first quote in `raw[start:stop]` that is not escaped stands (inside a JSON string, it closes
    it); -1 when there is none; None when `most` quotes were looked at before it, one by one."""
    found, seen = raw.find(b'"', start, stop), 0
    while found != -1:
        seen += 1
        if most is not None and seen > most:
            return None
        if not is_escaped(raw, found):
            return found
        found = raw.find(b'"', found + 1, stop)
    return -1


def is_escaped(raw: bytes, at: int) -> bool:
    """Whether the byte at `at`, inside a JSON string, follows an odd number of backslashes."""
    slashes = 0
    while raw[at - 1 - slashes] == _BACKSLASH:
        slashes += 1
    return slashes % 2 == 1
