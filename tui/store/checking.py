"""Reading a workbook's bytes: its layout, its format (migrated forward in memory), every record made into
the object the app reads and kept as the JSON it is written as. Nothing here writes."""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from ..domain.documents import KeyTwiceError, RecordError, from_doc, unique_keys
from ..domain.errors import ValidationError
from ..domain.models import CallAttempt, Interview, Profile, Settings, ThankYou
from .errors import DamagedFileError, NewerSchemaError
from .fingerprint import Fingerprint
from .records import Record, Tables, kept_as, same_bytes
from .schema import SCHEMA_VERSION, check_layout, migrate, schema_version

__all__ = ["KINDS", "Loaded", "backup_path_for", "check_tables", "last_good"]

#: The tables of records, by the class each record becomes.
KINDS: dict[type, str] = {Interview: "interviews", CallAttempt: "calls", ThankYou: "thank_yous"}


@dataclass
class Loaded:
    """A file that opened cleanly: its tables, how it looked on disk, and every record converted."""

    tables: Tables
    seen: Fingerprint | None
    #: table name -> record id -> domain object, and record id -> TinyDB document id.
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    doc_ids: dict[str, dict[str, int]] = field(default_factory=dict)
    #: The backup copy did not fit (a nearly full disk); the file opened all the same.
    backup_failed: bool = False


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


def check_tables(path: Path, raw: bytes, tz: Any) -> tuple[Loaded, int]:
    """Everything short of writing: layout, format, migration in memory, every record converted.

    Returns the result and the format the file was in. Raises a StoreError naming the file.
    """
    try:
        stamp: os.stat_result | None = path.stat()  # of the bytes read, before they can change again
    except FileNotFoundError:
        stamp = None  # a workbook not made yet, read as empty
    with _collector_paused():
        data = _parse(path, raw)
        version = schema_version(data)
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(path, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            data = migrate(data, tz)
        _convert_table(path, data, Profile, "profile")
        _convert_table(path, data, Settings, "settings")
        names = list(data)
        records: dict[str, dict[int, Record]] = {}
        objects: dict[str, dict[str, Any]] = {}
        doc_ids: dict[str, dict[str, int]] = {}
        made: dict[str, dict[int, bytes]] = {}  # the JSON of big records, made already
        try:
            for cls, table in KINDS.items():
                records[table], made[table] = {}, {}
                objects[table], doc_ids[table] = _convert_table(path, data, cls, table, records[table], made[table])
                data.pop(table, None)  # each record is now its object and its JSON
        except DamagedFileError:
            _twice(path, raw)  # a key twice explains a bad record better: the one read is not the one meant
            raise
        tables = Tables(names, records, data)
        pieces = tables.pieces(made)
        exact = same_bytes(pieces, raw)
        if not exact and not same_bytes(pieces, raw.strip()):  # followup's own files are what it writes
            _twice(path, raw)
        seen = None if stamp is None else Fingerprint(stamp.st_size, stamp.st_mtime_ns, pieces if exact else raw)
        loaded = Loaded(tables, seen, objects, doc_ids)
    return loaded, version


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


def _convert_table(
    path: Path,
    data: dict[str, Any],
    cls: type,
    table: str,
    kept: dict[int, Record] | None = None,
    made: dict[int, bytes] | None = None,
) -> tuple[dict[str, Any], dict[str, int]]:
    """Every record of `table` made into `cls` and, given `kept`, into its JSON there (a big one's doc,
    its JSON in `made`).
    Each doc is let go once converted, so the dicts of the whole file are never held beside the
    objects made of them."""
    objects: dict[str, Any] = {}
    doc_ids: dict[str, int] = {}
    docs = data.get(table) or {}
    for key, doc in docs.items():
        try:
            obj: Any = from_doc(cls, doc)
        except ValidationError as error:
            raise _bad_record(path, table, key, _explain(error)) from None
        record_id = getattr(obj, "id", key)
        if not record_id:
            raise _bad_record(path, table, key, "'id' is empty")
        if record_id in objects:
            first = doc_ids[record_id]
            raise _bad_record(
                path, table, key, f"two {table} have the id “{record_id[:40]}” (records {first} and {key})"
            )
        objects[record_id] = obj
        doc_ids[record_id] = doc_id = int(key)
        if kept is not None:
            kept[doc_id] = kept_as(doc_id, doc, made)
            docs[key] = None
    return objects, doc_ids


def _explain(error: ValidationError) -> str:
    if isinstance(error, RecordError):
        return error.message
    return f"'{error.field}': {error.message.rstrip('.')}"


def _bad_record(path: Path, table: str, key: str, problem: str) -> DamagedFileError:
    return DamagedFileError(path, f"record {key} in {table}: {problem}", last_good(path))
