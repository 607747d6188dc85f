"""Reading a workbook's bytes: its layout, its format (migrated forward in memory), every record made into
the object the app reads and kept as the JSON it is written as. Nothing here writes."""

from __future__ import annotations

import contextlib
import gc
import json
import os
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import orjson

from ..domain.documents import KeyTwiceError, RecordError, from_doc, unique_keys
from ..domain.errors import ValidationError
from ..domain.models import CallAttempt, Interview, Profile, Settings, ThankYou
from .errors import DamagedFileError, NewerSchemaError
from .fingerprint import Fingerprint, HashedAside, stamp_of
from .plain import Aside, NotPlainError, walk_records
from .records import Kept, Record, Tables, runs
from .schema import SCHEMA_VERSION, check_layout, migrate, schema_version
from .written import BIG, Big, Piece, Pieces, kept_as, same_bytes, stands_around, stands_as_made, told_as_made

__all__ = ["KINDS", "LATER", "Later", "Loaded", "backup_path_for", "check_tables", "last_good", "read_later"]

#: The tables of records, by the class each record becomes.
KINDS: dict[type, str] = {Interview: "interviews", CallAttempt: "calls", ThankYou: "thank_yous"}
#: The text a big record may have read later (`read_later`): its notes, where a log is pasted. Nothing checks
#: a note but its being text, so the record is made, and stands, the same with it unread.
LATER = "notes"


@dataclass
class Later:
    """A big record's text left unread when the file was opened: `read_later` puts it in its object and doc."""

    obj: Any
    doc: dict[str, Any]
    name: str
    #: The text's JSON string as it stands in the file's bytes, its quotes included.
    json: memoryview


@dataclass
class Loaded:
    """A file that opened cleanly: its tables, how it looked on disk, and every record converted."""

    tables: Tables
    seen: Fingerprint | None
    #: table name -> record id -> domain object, and record id -> TinyDB document id.
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    doc_ids: dict[str, dict[str, int]] = field(default_factory=dict)
    #: The file's bytes as opened (its format brought up to date), for its backup copy: `back_up` makes it.
    to_back_up: bytes | None = None
    #: Texts left unread, to read before anything reads them (`read_later`).
    later: list[Later] = field(default_factory=list)


def backup_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def last_good(path: Path) -> Path | None:
    backup = backup_path_for(path)
    return backup if backup.is_file() else None


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        data: dict[str, Any] = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise DamagedFileError(path, _unreadable(raw, error), last_good(path)) from None
    problem = check_layout(data)
    if problem:
        raise DamagedFileError(path, problem, last_good(path))
    return data


def _unreadable(raw: bytes, error: orjson.JSONDecodeError) -> str:
    """Why the file is not JSON, most telling reason first. Only asked after orjson refused it: what it
    reads is UTF-8 text without NUL bytes, so a good file is not decoded a second time to check."""
    if not raw.strip():
        return "it is empty"
    if b"\x00" in raw:
        return "it contains NUL bytes (it was probably cut off by a crash)"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        return f"it is not UTF-8 text (bad byte at position {bad.start})"
    return f"it is not complete JSON ({error.msg} at position {error.pos})"


def _twice(path: Path, raw: bytes) -> None:
    """Refuse a key written twice in one object: JSON readers keep the last, so the first record would vanish.

    Asked only of a file that is not exactly what followup would write of what was read (a file another
    program wrote): it is read once more, slowly, to look.
    """
    try:
        json.loads(raw, object_pairs_hook=unique_keys)
    except KeyTwiceError as error:
        problem = f"the key “{error.key[:40]}” appears twice in one table or record, so one of them would be lost"
    except RecursionError:
        problem = "it is nested far deeper than a workbook is"
    else:
        return
    raise DamagedFileError(path, problem, last_good(path))


def check_tables(path: Path, raw: bytes, tz: Any, later: bool = False) -> tuple[Loaded, int]:
    """Everything short of writing: layout, format, migration in memory, every record converted.

    Returns the result and the format the file was in. Raises a StoreError naming the file. `later`: a big
    record's notes may be left unread (`read_later` reads them), for a file laid out as followup writes it.
    """
    try:
        stamp: os.stat_result | None = path.stat()  # of the bytes read, before they can change again
    except FileNotFoundError:
        stamp = None  # a workbook not made yet, read as empty
    with _collector_paused():
        read = _read_plain(path, raw, later)
        version = SCHEMA_VERSION
        if read is None:
            read, version = _read_whole(path, raw, tz)
        tables = Tables(read.names, read.records, read.small, read.kept(raw), read.moved)
        taken = tables.take(read.made)
        pieces = cast(Pieces, taken.pieces())  # nothing copied from a file: not asked to
        tables.settle(taken)
        exact = same_bytes(pieces, raw)
        if not exact:
            read_later(path, read.later, raw, tz)  # only in a file as followup writes it is a text left unread
            if not same_bytes(pieces, raw.strip()):  # followup's own files are what it writes
                _twice(path, raw)
        seen = None if stamp is None else Fingerprint(stamp_of(stamp), read.seen(pieces) if exact else raw)
        if exact and seen is not None:  # the first save may copy a big record's JSON from this file
            tables.stood(taken, seen.held, seen.stamp)
        loaded = Loaded(tables, seen, read.objects, read.doc_ids, later=read.later)
    return loaded, version


@dataclass
class _Read:
    """A file's tables as read: each record made into its object and kept as its JSON (`Record`)."""

    names: list[str] = field(default_factory=list)
    #: The small tables (the profile, the settings, the format's version), as dicts.
    small: dict[str, Any] = field(default_factory=dict)
    records: dict[str, dict[int, Record]] = field(default_factory=lambda: {table: {} for table in KINDS.values()})
    objects: dict[str, dict[str, Any]] = field(default_factory=lambda: {table: {} for table in KINDS.values()})
    doc_ids: dict[str, dict[str, int]] = field(default_factory=lambda: {table: {} for table in KINDS.values()})
    #: The JSON of big records, made already, or read where they stand in the file (`in_place`).
    made: Big = field(default_factory=lambda: {table: {} for table in KINDS.values()})
    in_place: list[memoryview] = field(default_factory=list)
    later: list[Later] = field(default_factory=list)
    #: Read record by record: table -> where each record starts in the file, and where the last ends.
    starts: dict[str, array[int]] = field(default_factory=dict)
    ends: dict[str, int] = field(default_factory=dict)
    #: table -> place -> doc id: the records not kept as they stand in the file (see `Tables.moved`).
    moved: dict[str, dict[int, int]] = field(default_factory=dict)

    def take(self, path: Path, cls: type, table: str, key: str, doc: Any) -> None:
        """One record of `table`: made into `cls`, and kept as its JSON (a big one as its doc)."""
        doc_id, _ = self._made(path, cls, table, key, doc)
        self.records[table][doc_id] = kept_as(doc_id, doc, self.made[table])

    def take_as_read(
        self, path: Path, cls: type, table: str, key: str, doc: Any, raw: bytes, span: range, aside: Aside = None
    ) -> None:
        """One record of `table` that stands at `span` in the file: kept there when those bytes are exactly
        what followup would write of it (see `Kept`), else as its JSON (a big one as its doc). `aside`: its
        text left unread by the walk, read later when the record is big and stands as followup writes it."""
        records = self.records[table]
        if int(key) in records:
            raise NotPlainError  # a number twice: read whole, where the problem is named
        fields = range(span.start + len(key) + 3, span.stop)  # past `"12":`
        if aside is not None:
            name, text = aside
            if len(fields) <= BIG or not hasattr(cls, name) or not stands_around(doc, name, raw, fields, text):
                doc[name], aside = _text_now(raw, text), None
        doc_id, obj = self._made(path, cls, table, key, doc)
        starts = self.starts.get(table)
        if starts is None:  # (not `setdefault`: that would make an array for each record)
            starts = self.starts[table] = array("q")
        place = len(starts)
        starts.append(span.start)
        self.ends[table] = span.stop
        body: Piece
        if aside is not None:  # its text read later
            name, text = aside
            self.later.append(Later(obj, doc, name, memoryview(raw)[text.start : text.stop]))
        if aside is not None or (len(fields) > BIG and told_as_made(doc, raw, fields)):  # its JSON as read
            body = memoryview(raw)[fields.start : fields.stop]
            self.in_place.append(body)
        else:
            body = orjson.dumps(doc)
            if stands_as_made(body, raw, fields):
                records[doc_id] = place
                return
        records[doc_id] = kept_as(doc_id, doc, self.made[table], body)
        self.moved.setdefault(table, {})[place] = doc_id

    def _made(self, path: Path, cls: type, table: str, key: str, doc: Any) -> tuple[int, Any]:
        """The record made into `cls` and put with the others; its doc id, and the object."""
        obj, record_id, doc_id = _convert(path, cls, table, key, doc, self.doc_ids[table])
        if table != "interviews" and (interview := self.objects["interviews"].get(obj.interview_id)) is not None:
            obj.interview_id = interview.id  # one string for the id, however many calls name it
        self.objects[table][record_id] = obj
        return doc_id, obj

    def kept(self, raw: bytes) -> dict[str, Kept]:
        """The records read one at a time, kept where they stand in `raw`; when one is big (its doc is
        kept), apart from it, so that the file's bytes are not held for it (a pasted log: 20 MB)."""
        apart = any(self.made.values())  # big records: their JSON made, or read where it stands
        kept = {}
        for table, starts in self.starts.items():
            starts.append(self.ends[table] + 1)
            last_id = max(self.records[table])
            if apart:
                big = {place for place, doc_id in self.moved.get(table, {}).items() if doc_id in self.made[table]}
                kept[table] = Kept(*_without(raw, starts, big), last_id)
            else:
                kept[table] = Kept(raw, starts, last_id)
        return kept

    def seen(self, pieces: Pieces) -> list[Piece | HashedAside]:
        """The file's pieces as read, for its fingerprint to hold: the JSON of a big record read where it stands
        is hashed, so that the file's bytes, which the tables do not keep then, are let go."""
        aside = {id(view) for view in self.in_place}
        return [HashedAside(piece) if id(piece) in aside else piece for piece in pieces]


def _without(raw: bytes, starts: array[int], places: set[int]) -> tuple[bytes, array[int]]:
    """The records that start at `starts` in `raw` (as `Kept` has them), but those at `places`: their
    bytes, commas between, and where each place starts in them. A place left out starts where the next
    one kept does (or past the end), so that the runs of records kept around it end and start right."""
    view, count = memoryview(raw), len(starts) - 1
    parts: list[memoryview] = []
    placed = array("q")
    end = -1  # the end of the bytes so far; the first part starts past a comma before it, at 0
    at = 0
    for first, stop in runs(count, places):
        start = end + 1
        placed.extend([start] * (first - at))
        shift = start - starts[first]
        placed.extend(starts[first:stop] if not shift else map(shift.__add__, starts[first:stop]))
        parts.append(view[starts[first] : starts[stop] - 1])
        end = start + len(parts[-1])
        at = stop
    placed.extend([end + 1] * (count + 1 - at))
    return b",".join(parts), placed


def _read_whole(path: Path, raw: bytes, tz: Any) -> tuple[_Read, int]:
    """The file parsed whole, migrated if it is older; any file a JSON reader reads, each problem named."""
    data = _parse(path, raw)
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    if version < SCHEMA_VERSION:
        data = migrate(data, tz)
    _check_table(path, data, Profile, "profile")
    _check_table(path, data, Settings, "settings")
    read = _Read(names=list(data), small=data)
    try:
        for cls, table in KINDS.items():
            docs = data.pop(table, None) or {}
            for key in list(docs):
                read.take(path, cls, table, key, docs.pop(key))  # each doc let go once it is its object and JSON
    except DamagedFileError:
        _twice(path, raw)  # a key twice explains a bad record better: the one read is not the one meant
        raise
    return read, version


def _read_plain(path: Path, raw: bytes, later: bool = False) -> _Read | None:
    """A file laid out as followup writes it, in its current format, read one record at a time: the
    dicts of the whole file are never held at once (27 MB at 10,000 interviews, on top of the file).
    None for any other file, and for any problem: `_read_whole` reads it then, and names the problem.
    `later`: a big record's notes may be left unread (see `Later`)."""
    read = _Read()
    classes = {table: cls for cls, table in KINDS.items()}
    try:
        for table, key, doc, start, end, aside in walk_records(raw, LATER if later else None):
            if table not in read.names:
                read.names.append(table)
                if table not in classes:
                    read.small[table] = {}
            elif table != read.names[-1]:
                raise NotPlainError  # a table twice: read whole, where the problem is named
            if key is None:
                continue
            if table in classes:
                read.take_as_read(path, classes[table], table, key, doc, raw, range(start, end), aside)
            else:
                if aside is not None:
                    doc[aside[0]] = _text_now(raw, aside[1])
                read.small[table][key] = doc
        # The tables of records are laid out right, or the walk would have stopped: the small ones are checked.
        if check_layout(read.small) is not None or schema_version(read.small) != SCHEMA_VERSION:
            return None
        _check_table(path, read.small, Profile, "profile")
        _check_table(path, read.small, Settings, "settings")
    except (NotPlainError, DamagedFileError):
        return None
    return read


def _text_now(raw: bytes, text: range) -> str:
    """A text the walk left unread (`walk_records`), read now; NotPlainError when it is not a JSON string."""
    try:
        value = orjson.loads(memoryview(raw)[text.start : text.stop])
    except orjson.JSONDecodeError:
        raise NotPlainError from None
    if type(value) is not str:
        raise NotPlainError
    return value


def read_later(path: Path, later: list[Later], raw: bytes, tz: Any) -> None:
    """The texts left unread when the file's bytes `raw` were opened (`later`), read and put in their objects
    and docs; `later` is then emptied.

    Raises the DamagedFileError reading the file at once would have raised, when one of them is not a JSON
    string (a byte that is not UTF-8, a bad escape): the file is then refused as a whole, as it would have
    been, and nothing was written of it."""
    for item in later:
        try:
            text = orjson.loads(item.json)
        except orjson.JSONDecodeError:
            text = None
        if type(text) is not str:
            check_tables(path, raw, tz)  # raises, naming the problem as an open does
            raise DamagedFileError(path, f"the {item.name} of a record are not text", last_good(path))
        setattr(item.obj, item.name, text)
        item.doc[item.name] = text
    later.clear()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Opening makes a few hundred thousand objects that all stay: the cycle collector would only
    walk them again and again while they are made. It runs again afterwards, as it was.

    They go straight to its oldest generation (frozen, then let go at once: nothing stays frozen),
    so it does not walk them all as young objects, then again as middle-aged ones, as the first
    screen is drawn (20 ms for 10,000 interviews)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if running:
            gc.enable()


def _check_table(path: Path, data: dict[str, Any], cls: type, table: str) -> None:
    """Every record of a small table made into `cls`: a bad one is refused now, not when the app reads it."""
    doc_ids: dict[str, int] = {}
    for key, doc in (data.get(table) or {}).items():
        _convert(path, cls, table, key, doc, doc_ids)


def _convert(path: Path, cls: type, table: str, key: str, doc: Any, doc_ids: dict[str, int]) -> tuple[Any, str, int]:
    """The record `key` of `table` made into `cls`: the object, its id and its doc id (added to `doc_ids`,
    the table's so far)."""
    try:
        obj: Any = from_doc(cls, doc)
    except ValidationError as error:
        raise _bad_record(path, table, key, _explain(error)) from None
    record_id = getattr(obj, "id", key)
    if not record_id:
        raise _bad_record(path, table, key, "'id' is empty")
    if record_id in doc_ids:
        first = doc_ids[record_id]
        raise _bad_record(path, table, key, f"two {table} have the id “{record_id[:40]}” (records {first} and {key})")
    doc_ids[record_id] = doc_id = int(key)
    return obj, record_id, doc_id


def _explain(error: ValidationError) -> str:
    if isinstance(error, RecordError):
        return error.message
    return f"'{error.field}': {error.message.rstrip('.')}"


def _bad_record(path: Path, table: str, key: str, problem: str) -> DamagedFileError:
    return DamagedFileError(path, f"record {key} in {table}: {problem}", last_good(path))
