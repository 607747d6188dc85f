"""The workbook's tables in memory, kept as the file holds them.

Each record (an interview, a call, a thank-you) is kept as the JSON it is written as, beside the
object the app reads. A save joins the records that did not change and makes JSON only of those
that did, instead of making the whole file's JSON again; and no second copy of every record, as
dicts, is held beside the objects (at 10,000 interviews, 27 MB of dicts against 8 MB of JSON).

The records of a file laid out as followup writes it stay in the bytes read (`Kept`): a save writes
those not changed since as a few long runs of those bytes, where one piece for each record would make
the system call take as long again (1.0 ms against 0.6 ms for 4,000 records at 1,000 interviews).
A record changed since is kept as its own JSON.

A record whose JSON is big (a log pasted into its notes) is the exception: its doc is kept instead,
sharing its text with the object, so the text is held once. A save copies its JSON from the file last
written or read, where it stands (`Stands`), while it is still that doc; made into JSON again only once
it changed.

The small tables of one record each (the profile, the settings, the format's version) stay plain
dicts, read and written through TinyDB. The file is the same TinyDB file either way.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import takewhile
from typing import Any, cast

import orjson

from .written import Big, Piece, Pieces, Stamp, Stands, Written, kept_as

__all__ = ["Kept", "Record", "Tables", "Taken", "runs"]

#: A record as kept: its JSON; or, when that is big, its doc; or None, added since the last save; or,
#: as the file held it when read, its place among its table's `Kept` records.
Record = bytes | dict[str, Any] | int | None


def _doc_of(record: bytes) -> dict[str, Any]:
    """The record's fields, read back from its JSON without copying it (a note may be megabytes)."""
    doc: dict[str, Any] = orjson.loads(memoryview(record)[record.index(b":") + 1 : -1])
    return doc


class Kept:
    """A table's records as the file held them when it was read: their bytes one after another with a
    comma between (`"1":{...},"2":{...}`), and where each starts. Never changed: a record changed since
    is kept on its own, and its place here is then noted as no longer standing (`Tables.moved`)."""

    def __init__(self, data: bytes | memoryview, starts: array[int], last_id: int) -> None:
        self.data = memoryview(data)
        #: Where each record starts in `data`, and one more: past the comma a record after the last
        #: would follow.
        self.starts = starts
        #: The highest doc id among them: a record added since has a higher one.
        self.last_id = last_id

    def __len__(self) -> int:
        return len(self.starts) - 1

    def run(self, first: int, stop: int) -> memoryview:
        """The records at places `first` to `stop` - 1 as they stand, commas between, none after."""
        return self.data[self.starts[first] : self.starts[stop] - 1]

    def doc(self, place: int, doc_id: int) -> dict[str, Any]:
        """The fields of the record at `place`, whose doc id is `doc_id`."""
        doc: dict[str, Any] = orjson.loads(self.run(place, place + 1)[len(b'"%d":' % doc_id) :])
        return doc


class Tables:
    """Every table of one workbook, in the file's order.

    `records`: table -> doc id -> the record as kept (`Record`). Changes to a record kept as JSON (or as
    read, in `kept`) wait as fields to set, made into JSON when the file's bytes are next made, so typing
    costs no JSON at all; a big record's doc is replaced by a new one at each change, never changed in
    place. Not thread-safe: the storage holds its lock around every call, and makes the file's bytes
    outside it (`take`, `Taken.pieces`, `settle`).
    """

    def __init__(
        self,
        names: list[str],
        records: dict[str, dict[int, Record]],
        small: dict[str, Any],
        kept: dict[str, Kept] | None = None,
        moved: dict[str, dict[int, int]] | None = None,
    ) -> None:
        self.names = names
        self.records = records
        self.small = small
        #: table -> its records as the file held them, for a file read as followup writes it.
        self.kept = kept or {}
        #: table -> place -> doc id: the kept records that no longer stand as read there (changed,
        #: removed, big, or not written as followup would write them).
        self.moved = {name: (moved or {}).get(name, {}) for name in self.kept}
        self._changes: dict[str, dict[int, dict[str, Any]]] = {name: {} for name in records}
        self._next_ids: dict[str, int] = {}
        #: (table, doc id) -> where each big record's JSON stands in the file last written or read.
        self.standing: dict[tuple[str, int], Stands] = {}

    def set_small(self, small: dict[str, Any]) -> None:
        """The small tables as TinyDB wrote them back (a table it made is added at the end)."""
        self.small = small
        self.names.extend(name for name in small if name not in self.names)

    def insert(self, table: str, doc: dict[str, Any]) -> int:
        """A new record; returns its doc id, one past any this table has held in this session."""
        records = self.records[table]
        if table not in self.names:
            self.names.append(table)
        last_kept = self.kept[table].last_id if table in self.kept else 0
        doc_id = self._next_ids.get(table) or max(max(records, default=0), last_kept) + 1
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
            self.standing.pop((table, doc_id), None)  # made again: the doc it was made from is let go
        elif doc_id in changes:
            changes[doc_id].update(fields)
        else:
            changes[doc_id] = dict(fields)

    def remove(self, table: str, doc_ids: list[int]) -> None:
        records, changes = self.records[table], self._changes[table]
        for doc_id in doc_ids:
            record = records.pop(doc_id, None)
            changes.pop(doc_id, None)
            self.standing.pop((table, doc_id), None)
            if isinstance(record, int):
                self.moved[table][record] = doc_id

    def take(self, big: Big | None = None, copying_from: Stamp | None = None) -> Taken:
        """Under the lock: every table as it stands and the changes not yet made into JSON, taken away to
        be made into the file's bytes outside it (a changed 20 MB note takes a while to read and make).
        `big`: the JSON of big records, made or read already (at opening). `copying_from`: the file the bytes
        will be written beside, as it is now; a big record still as it stands in it is copied from it."""
        taken: dict[str, dict[int, dict[str, Any]]] = {}
        for name, changes in self._changes.items():
            records = self.records[name]
            for doc_id in [i for i in changes if isinstance(records[i], dict)]:
                self.update(name, doc_id, {})  # became big since they were made: they join its doc
            if changes:
                taken[name], self._changes[name] = changes, {}
        big = big or {}
        for (name, doc_id), stands in self.standing.items():
            if stands.stamp == copying_from and self.records[name].get(doc_id) is stands.doc:
                big.setdefault(name, {})[doc_id] = stands
        small = {name: orjson.dumps(table) for name, table in self.small.items()}  # TinyDB changes them in place
        tables = {name: dict(table) for name, table in self.records.items()}
        moved = {name: dict(places) for name, places in self.moved.items()}
        return Taken(list(self.names), tables, small, taken, big, self.kept, moved)

    def stood(self, taken: Taken, held: Sequence[object], stamp: Stamp) -> None:
        """Under the lock, once the file `stamp` holds exactly the bytes `taken` made (written, or read):
        where its big records' JSON stands in it, for the saves after. `held`: what the file's fingerprint
        holds of each of those pieces. Those changed since are left out: the docs they were made from go."""
        standing = taken.standing(held, stamp)
        self.standing = {
            key: stands for key, stands in standing.items() if self.records[key[0]].get(key[1]) is stands.doc
        }

    def settle(self, taken: Taken) -> None:
        """Under the lock: keep what was made of the changes taken, where the record is still the one it
        was made from. A record changed since keeps its newer changes, made over it next time; a record
        removed since stays removed."""
        for (name, doc_id), (before, made) in taken.made.items():
            records = self.records[name]
            if doc_id in records and records[doc_id] is before:
                records[doc_id] = made
                if isinstance(before, int):
                    self.moved[name][before] = doc_id

    def give_back(self, taken: Taken) -> None:
        """Under the lock, when the bytes could not be made: the changes taken wait for the next try,
        under any made since."""
        for name, changes in taken.changes.items():
            records, newer = self.records[name], self._changes[name]
            self._changes[name] = {
                doc_id: {**fields, **newer.pop(doc_id, {})} for doc_id, fields in changes.items() if doc_id in records
            }
            self._changes[name].update(newer)

    def pieces(self) -> Pieces:
        """The whole file's bytes, at once (nothing else may change the tables meanwhile)."""
        taken = self.take()
        pieces = cast(Pieces, taken.pieces())  # nothing copied from a file: not asked to
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
        big: Big,
        kept: dict[str, Kept],
        moved: dict[str, dict[int, int]],
    ) -> None:
        self.names, self.records, self.small, self.changes = names, records, small, changes
        self.kept, self.moved = kept, moved
        #: (table, doc id) -> the record as it was taken, and as it is to be kept now.
        self.made: dict[tuple[str, int], tuple[Record, bytes | dict[str, Any]]] = {}
        #: table -> doc id -> the JSON of a big record, made already or read at opening, or where it stands.
        self.big = big
        #: id of the piece that is a big record's JSON -> its table, its doc id and the doc it was made from.
        self._bigs: dict[int, tuple[str, int, dict[str, Any]]] = {}
        self._written: Written = []

    def standing(self, held: Sequence[object], stamp: Stamp) -> dict[tuple[str, int], Stands]:
        """Where each big record's JSON stands in the file `stamp`, once it holds what `pieces` made; `held`:
        what the file's fingerprint holds of each piece."""
        standing: dict[tuple[str, int], Stands] = {}
        if not self._bigs:
            return standing
        offset = 0
        for piece, kept in zip(self._written, held, strict=True):
            if (big := self._bigs.get(id(piece))) is not None:
                name, doc_id, doc = big
                standing[name, doc_id] = Stands(doc, stamp, offset, len(piece), kept)
            offset += len(piece)
        return standing

    def pieces(self) -> Written:
        """Every changed record made over what it held (as TinyDB's update does), then the whole file's
        bytes in pieces to be written as they are (a record's JSON is one, or where it stands in the file
        replaced): joined, exactly what `orjson.dumps` makes of the tables as dicts."""
        for name, changes in self.changes.items():
            records = self.records[name]
            for doc_id, fields in changes.items():
                record = records[doc_id]
                if record is None:
                    doc = fields
                elif isinstance(record, int):
                    doc = {**self.kept[name].doc(record, doc_id), **fields}
                    self.moved[name][record] = doc_id
                else:
                    doc = {**_doc_of(cast(bytes, record)), **fields}
                self.made[name, doc_id] = (record, now := kept_as(doc_id, doc, self.big.setdefault(name, {})))
                records[doc_id] = now
        pieces: Written = [b"{"]
        for name in self.names:
            key = orjson.dumps(name)
            if name in self.records:
                pieces.append(b"%b:{" % key)
                table = self.records[name]
                big = self.big.get(name, {})
                if name in self.kept:
                    pieces += self._kept_table(name, table, big)
                elif table:
                    if set(map(type, table.values())) == {bytes}:  # each record as its JSON: taken all at once
                        pieces += cast(Iterable[bytes], table.values())
                    else:
                        for number, record in table.items():
                            if isinstance(record, bytes):
                                pieces.append(record)
                            else:  # a big record's JSON, in three pieces so it is not copied
                                pieces += (*self._big(name, number, cast(dict[str, Any], record), big), b",")
                    pieces[-1] = memoryview(cast(Piece, pieces[-1]))[:-1]  # no comma after the last record
                pieces.append(b"},")
            else:
                pieces.append(b"%b:%b," % (key, self.small.get(name, b"{}")))
        if len(pieces) > 1:
            pieces[-1] = cast(Piece, pieces[-1])[:-1]  # nor after the last table
        pieces.append(b"}")
        self._written = pieces
        return pieces

    def _kept_table(self, name: str, table: dict[int, Record], big: dict[int, Piece | Stands]) -> Written:
        """A table read from the file, without its braces: its kept records that still stand, in runs as
        read; each of the others where it stood (or nothing, removed); then those added since."""
        kept, moved = self.kept[name], self.moved[name]
        units: list[Written] = []

        def own(doc_ids: Iterable[int]) -> None:
            units.extend(self._own(name, doc_id, table[doc_id], big) for doc_id in doc_ids if doc_id in table)

        at = 0
        for first, stop in runs(len(kept), moved):
            own(moved[place] for place in range(at, first))  # where they stood, unless removed
            units.append([kept.run(first, stop)])
            at = stop
        own(moved[place] for place in range(at, len(kept)))
        own(reversed(list(takewhile(kept.last_id.__lt__, reversed(table)))))  # added since, in the order added
        pieces: Written = []
        for unit in units:
            if pieces:
                pieces.append(b",")
            pieces += unit
        return pieces

    def _own(self, name: str, doc_id: int, record: Record, big: dict[int, Piece | Stands]) -> Written:
        """A record kept on its own (not as read), without the comma after it."""
        if isinstance(record, bytes):
            return [memoryview(record)[:-1]]
        return self._big(name, doc_id, cast(dict[str, Any], record), big)

    def _big(self, name: str, doc_id: int, record: dict[str, Any], big: dict[int, Piece | Stands]) -> Written:
        """A big record's JSON, in two pieces so it is not copied: made for this once; or made or read already,
        in `big`; or where it stands in the file replaced, still as that file holds it."""
        body = big.pop(doc_id, b"") or orjson.dumps(record)
        self._bigs[id(body)] = (name, doc_id, record)
        return [b'"%d":' % doc_id, body]


def runs(count: int, places: Iterable[int]) -> Iterator[tuple[int, int]]:
    """The runs of places 0 to `count` - 1 not among `places`, in order, each as (first, past its last)."""
    first = 0
    for place in sorted(places):
        if place > first:
            yield first, place
        first = place + 1
    if first < count:
        yield first, count
