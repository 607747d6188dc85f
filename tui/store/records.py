"""The workbook's tables in memory, kept as the file holds them.

Each record (an interview, a call, a thank-you) is kept as the JSON it is written as, beside the
object the app reads. A save joins the records that did not change and makes JSON only of those
that did, instead of making the whole file's JSON again; and no second copy of every record, as
dicts, is held beside the objects (at 10,000 interviews, 27 MB of dicts against 8 MB of JSON).

A record whose JSON is big (a log pasted into its notes) is the exception: its doc is kept instead,
sharing its text with the object, and made into JSON again for each save, so the text is held once.

The small tables of one record each (the profile, the settings, the format's version) stay plain
dicts, read and written through TinyDB. The file is the same TinyDB file either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import accumulate
from typing import Any, cast

import orjson

__all__ = ["BIG", "Piece", "Pieces", "Record", "Tables", "Taken", "kept_as", "same_bytes"]

#: A record whose JSON is longer than this is not kept as JSON: its doc is (see above).
BIG = 1 << 20
#: A record as kept: its JSON; or, when that is big, its doc; or None, added since the last save.
Record = bytes | dict[str, Any] | None

#: A file's bytes in the pieces they are written from, without joining them into one more copy.
Piece = bytes | memoryview
Pieces = list[Piece]


def same_bytes(pieces: Pieces, data: bytes) -> bool:
    """Whether `pieces`, joined, are `data`: compared where they stand, without joining them."""
    offsets = accumulate(map(len, pieces), initial=0)
    return sum(map(len, pieces)) == len(data) and all(map(data.startswith, pieces, offsets))


def kept_as(doc_id: int, doc: dict[str, Any], made: dict[int, bytes] | None = None) -> bytes | dict[str, Any]:
    """How a record is kept: as it stands in its table in the file, with the comma after it (`"12":{...},`);
    or when that is big, as its doc (its JSON then put in `made`, for the file's bytes about to be made)."""
    body = orjson.dumps(doc)
    if len(body) <= BIG:
        return b'"%d":%b,' % (doc_id, body)
    if made is not None:
        made[doc_id] = body
    return doc


def _doc_of(record: bytes) -> dict[str, Any]:
    """The record's fields, read back from its JSON without copying it (a note may be megabytes)."""
    doc: dict[str, Any] = orjson.loads(memoryview(record)[record.index(b":") + 1 : -1])
    return doc


class Tables:
    """Every table of one workbook, in the file's order.

    `records`: table -> doc id -> the record as kept (`Record`). Changes to a record kept as JSON wait
    as fields to set, made into JSON when the file's bytes are next made, so typing costs no JSON at
    all; a big record's doc is replaced by a new one at each change, never changed in place. Not
    thread-safe: the storage holds its lock around every call, and makes the file's bytes outside it
    (`take`, `Taken.pieces`, `settle`).
    """

    def __init__(self, names: list[str], records: dict[str, dict[int, Record]], small: dict[str, Any]) -> None:
        self.names = names
        self.records = records
        self.small = small
        self._changes: dict[str, dict[int, dict[str, Any]]] = {name: {} for name in records}
        self._next_ids: dict[str, int] = {}

    def set_small(self, small: dict[str, Any]) -> None:
        """The small tables as TinyDB wrote them back (a table it made is added at the end)."""
        self.small = small
        self.names.extend(name for name in small if name not in self.names)

    def insert(self, table: str, doc: dict[str, Any]) -> int:
        """A new record; returns its doc id, one past any this table has held in this session."""
        records = self.records[table]
        if table not in self.names:
            self.names.append(table)
        doc_id = self._next_ids.get(table) or max(records, default=0) + 1
        self._next_ids[table] = doc_id + 1
        records[doc_id] = None
        self._changes[table][doc_id] = doc
        return doc_id

    def update(self, table: str, doc_id: int, fields: dict[str, Any]) -> None:
        """Set these fields of a record; the others (even ones this release does not know) are kept."""
        records, changes = self.records[table], self._changes[table]
        if doc_id not in records:
            raise KeyError(f"no record {doc_id} in {table}")
        record = records[doc_id]
        if isinstance(record, dict):  # changes waiting since it became big come first
            records[doc_id] = {**record, **changes.pop(doc_id, {}), **fields}
        elif doc_id in changes:
            changes[doc_id].update(fields)
        else:
            changes[doc_id] = dict(fields)

    def remove(self, table: str, doc_ids: list[int]) -> None:
        records, changes = self.records[table], self._changes[table]
        for doc_id in doc_ids:
            records.pop(doc_id, None)
            changes.pop(doc_id, None)

    def take(self, big: dict[str, dict[int, bytes]] | None = None) -> Taken:
        """Under the lock: every table as it stands and the changes not yet made into JSON, taken away to
        be made into the file's bytes outside it (a changed 20 MB note takes a while to read and make).
        `big`: the JSON of big records, made already (at opening)."""
        taken: dict[str, dict[int, dict[str, Any]]] = {}
        for name, changes in self._changes.items():
            records = self.records[name]
            for doc_id in [i for i in changes if isinstance(records[i], dict)]:
                self.update(name, doc_id, {})  # became big since they were made: they join its doc
            if changes:
                taken[name], self._changes[name] = changes, {}
        small = {name: orjson.dumps(table) for name, table in self.small.items()}  # TinyDB changes them in place
        tables = {name: dict(table) for name, table in self.records.items()}
        return Taken(list(self.names), tables, small, taken, big or {})

    def settle(self, taken: Taken) -> None:
        """Under the lock: keep what was made of the changes taken, where the record is still the one it
        was made from. A record changed since keeps its newer changes, made over it next time; a record
        removed since stays removed."""
        for (name, doc_id), (before, made) in taken.made.items():
            records = self.records[name]
            if doc_id in records and records[doc_id] is before:
                records[doc_id] = made

    def give_back(self, taken: Taken) -> None:
        """Under the lock, when the bytes could not be made: the changes taken wait for the next try,
        under any made since."""
        for name, changes in taken.changes.items():
            records, newer = self.records[name], self._changes[name]
            self._changes[name] = {
                doc_id: {**fields, **newer.pop(doc_id, {})} for doc_id, fields in changes.items() if doc_id in records
            }
            self._changes[name].update(newer)

    def pieces(self, made: dict[str, dict[int, bytes]] | None = None) -> Pieces:
        """The whole file's bytes, at once (nothing else may change the tables meanwhile); `made`: the JSON
        of big records, made already."""
        taken = self.take(made)
        pieces = taken.pieces()
        self.settle(taken)
        return pieces

    def payload(self) -> bytes:
        return b"".join(self.pieces())


class Taken:
    """The tables at one moment, with the changes taken from them: the file's bytes are made from this
    alone, so the app may go on changing the tables meanwhile."""

    def __init__(
        self,
        names: list[str],
        records: dict[str, dict[int, Record]],
        small: dict[str, bytes],
        changes: dict[str, dict[int, dict[str, Any]]],
        big: dict[str, dict[int, bytes]],
    ) -> None:
        self.names, self.records, self.small, self.changes = names, records, small, changes
        #: (table, doc id) -> the record as it was taken, and as it is to be kept now.
        self.made: dict[tuple[str, int], tuple[Record, bytes | dict[str, Any]]] = {}
        #: table -> doc id -> the JSON of a big record, made already.
        self.big = big

    def pieces(self) -> Pieces:
        """Every changed record made over what it held (as TinyDB's update does), then the whole file's
        bytes in pieces to be written as they are (a record's JSON is one): joined, exactly what
        `orjson.dumps` makes of the tables as dicts."""
        for name, changes in self.changes.items():
            records = self.records[name]
            for doc_id, fields in changes.items():
                record = records[doc_id]
                doc = fields if record is None else {**_doc_of(cast(bytes, record)), **fields}
                self.made[name, doc_id] = (record, now := kept_as(doc_id, doc, self.big.setdefault(name, {})))
                records[doc_id] = now
        pieces: Pieces = [b"{"]
        for name in self.names:
            key = orjson.dumps(name)
            if name in self.records:
                pieces.append(b"%b:{" % key)
                table = self.records[name]
                big: dict[int, bytes] = self.big.get(name, {})
                if table:
                    if set(map(type, table.values())) == {bytes}:  # each record as its JSON: taken all at once
                        pieces += cast(Iterable[bytes], table.values())
                    else:
                        for number, record in table.items():
                            if isinstance(record, bytes):
                                pieces.append(record)
                            else:  # a big record's JSON, made for this once, in three pieces so it is not copied
                                pieces += (b'"%d":' % number, big.pop(number, b"") or orjson.dumps(record), b",")
                    pieces[-1] = memoryview(pieces[-1])[:-1]  # no comma after the last record
                pieces.append(b"},")
            else:
                pieces.append(b"%b:%b," % (key, self.small.get(name, b"{}")))
        if len(pieces) > 1:
            pieces[-1] = pieces[-1][:-1]  # nor after the last table
        pieces.append(b"}")
        return pieces
