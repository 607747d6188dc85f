"""Opening the workbook file: one process at a time, never overwriting what cannot be read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout

from ..domain.documents import RecordError, from_doc
from ..domain.errors import ValidationError
from ..domain.models import CallAttempt, Interview, Profile, ThankYou
from .errors import DamagedFileError, LockedError, NewerSchemaError, StoreError
from .schema import SCHEMA_VERSION, check_layout, empty_tables, migrate, schema_version
from .storage import (
    Fingerprint,
    fingerprint_of,
    temp_path_for,
    write_atomic,
    write_new_file,
)

__all__ = [
    "KINDS",
    "Loaded",
    "backup_path_for",
    "check_tables",
    "load_tables",
    "lock_path_for",
    "read_raw",
    "read_tables",
    "take_lock",
]

#: The tables of records, by the class each record becomes.
KINDS: dict[type, str] = {Interview: "interviews", CallAttempt: "calls", ThankYou: "thank_yous"}


@dataclass
class Loaded:
    """A file that opened cleanly: its tables, how it looked on disk, and every record converted."""

    data: dict[str, Any]
    seen: Fingerprint | None
    #: table name -> record id -> domain object, and record id -> TinyDB document id.
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    doc_ids: dict[str, dict[str, int]] = field(default_factory=dict)


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def backup_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def take_lock(path: Path) -> FileLock:
    """Hold the lock file beside the database for as long as this process uses it."""
    if path.is_dir():
        raise DamagedFileError(path, "it is a folder, not a file", None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StoreError(path, f"Cannot create the folder for {path}: {error.strerror}.") from None
    lock = FileLock(lock_path_for(path), mode=0o600)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise LockedError(path) from None
    except OSError as error:
        raise StoreError(path, f"Cannot lock {path}: {error.strerror}. Nothing was written.") from None
    return lock


def _last_good(path: Path) -> Path | None:
    backup = backup_path_for(path)
    return backup if backup.is_file() else None


def read_raw(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise DamagedFileError(path, "there is no permission to read it", _last_good(path)) from None
    except IsADirectoryError:
        raise DamagedFileError(path, "it is a folder, not a file", None) from None
    except OSError as error:
        raise DamagedFileError(path, f"it could not be read ({error.strerror})", _last_good(path)) from None


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise DamagedFileError(path, "it is empty", _last_good(path))
    if b"\x00" in raw:
        raise DamagedFileError(path, "it contains NUL bytes (it was probably cut off by a crash)", _last_good(path))
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DamagedFileError(
            path, f"it is not UTF-8 text (bad byte at position {error.start})", _last_good(path)
        ) from None
    try:
        data: dict[str, Any] = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise DamagedFileError(
            path, f"it is not complete JSON ({error.msg} at position {error.pos})", _last_good(path)
        ) from None
    problem = check_layout(data)
    if problem:
        raise DamagedFileError(path, problem, _last_good(path))
    return data


def check_tables(path: Path, raw: bytes, tz: Any) -> tuple[Loaded, int]:
    """Everything short of writing: layout, format, migration in memory, every record converted.

    Returns the result and the format the file was in. Raises a StoreError naming the file.
    """
    data = _parse(path, raw)
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    if version < SCHEMA_VERSION:
        data = migrate(data, tz)
    loaded = Loaded(data, fingerprint_of(path, raw))
    for cls, table in KINDS.items():
        loaded.objects[table], loaded.doc_ids[table] = _convert_table(path, data, cls, table)
    _convert_table(path, data, Profile, "profile")
    return loaded, version


def _convert_table(path: Path, data: dict[str, Any], cls: type, table: str) -> tuple[dict[str, Any], dict[str, int]]:
    objects: dict[str, Any] = {}
    doc_ids: dict[str, int] = {}
    for key, doc in (data.get(table) or {}).items():
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
        doc_ids[record_id] = int(key)
    return objects, doc_ids


def _explain(error: ValidationError) -> str:
    if isinstance(error, RecordError):
        return error.message
    return f"'{error.field}': {error.message.rstrip('.')}"


def _bad_record(path: Path, table: str, key: str, problem: str) -> DamagedFileError:
    return DamagedFileError(path, f"record {key} in {table}: {problem}", _last_good(path))


def load_tables(path: Path, tz: Any) -> Loaded:
    """Read and check the file, then migrate and back it up; create it if missing. Call with the lock held.

    Nothing is written unless the whole file opened cleanly, so a bad file never replaces the backup.
    """
    temp_path_for(path).unlink(missing_ok=True)
    if not path.exists():
        backup = backup_path_for(path)
        if backup.is_file():
            # The workbook went missing (moved aside after damage?) but its last good copy is here:
            # starting empty would, on the next open, replace that copy with an empty workbook.
            raise StoreError(
                path,
                f"{path} is missing, but its last good copy {backup} is beside it. To carry on from "
                f"that copy, copy it to {path}; to start a new, empty workbook, move the copy aside.",
            )
        empty = orjson.dumps(empty_tables())
        _write(path, "create", lambda: write_atomic(path, empty))
        return check_tables(path, empty, tz)[0]
    raw = read_raw(path)
    loaded, version = check_tables(path, raw, tz)
    if version < SCHEMA_VERSION:
        original = raw
        _write(path, "keep a copy of", lambda: _keep_copy(path, version, original))
        raw = orjson.dumps(loaded.data)
        _write(path, "update the format of", lambda: write_atomic(path, raw, path.stat().st_mode & 0o777))
        loaded.seen = fingerprint_of(path)
    _write(path, "back up", lambda: write_atomic(backup_path_for(path), raw))
    return loaded


def _write(path: Path, what: str, write: Callable[[], object]) -> None:
    try:
        write()
    except OSError as error:
        raise StoreError(path, f"Cannot {what} {path}: {error.strerror or error}. The file was not changed.") from None


def _keep_copy(path: Path, version: int, raw: bytes) -> Path:
    """The file as it was before a migration, under a name no one else holds (never through a link)."""
    for attempt in range(1, 100):
        suffix = f"schema{version}" if attempt == 1 else f"schema{version}-{attempt}"
        keep = path.with_name(f"{path.name}.{suffix}.bak")
        try:
            write_new_file(keep, raw)
        except FileExistsError:
            continue
        return keep
    raise FileExistsError(f"every name for a copy of {path.name} before its format update is taken")


def read_tables(path: Path, tz: Any) -> Loaded:
    """Read, check and migrate in memory only, writing nothing; safe without the lock.

    Saves replace the file atomically, so a reader always sees one whole snapshot. A missing file
    reads as an empty workbook (and is not created).
    """
    if path.is_dir():
        raise DamagedFileError(path, "it is a folder, not a file", None)
    if not path.exists():
        return check_tables(path, orjson.dumps(empty_tables()), tz)[0]
    return check_tables(path, read_raw(path), tz)[0]
