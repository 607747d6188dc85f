"""Opening the workbook file: one process at a time, never overwriting what cannot be read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout

from .errors import DamagedFileError, LockedError, NewerSchemaError, StoreError
from .schema import SCHEMA_VERSION, check_layout, empty_tables, migrate, schema_version
from .storage import Fingerprint, fingerprint_of, temp_path_for, write_atomic

__all__ = ["backup_path_for", "load_tables", "lock_path_for", "read_tables", "take_lock"]


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


def _read_raw(path: Path) -> bytes:
    backup = backup_path_for(path) if backup_path_for(path).is_file() else None
    try:
        return path.read_bytes()
    except PermissionError:
        raise DamagedFileError(path, "there is no permission to read it", backup) from None
    except IsADirectoryError:
        raise DamagedFileError(path, "it is a folder, not a file", None) from None
    except OSError as error:
        raise DamagedFileError(path, f"it could not be read ({error.strerror})", backup) from None


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    backup = backup_path_for(path) if backup_path_for(path).is_file() else None
    if not raw.strip():
        raise DamagedFileError(path, "it is empty", backup)
    if b"\x00" in raw:
        raise DamagedFileError(path, "it contains NUL bytes (it was probably cut off by a crash)", backup)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DamagedFileError(path, f"it is not UTF-8 text (bad byte at position {error.start})", backup) from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise DamagedFileError(path, f"it is not complete JSON ({error.msg} at position {error.pos})", backup) from None
    problem = check_layout(data)
    if problem:
        raise DamagedFileError(path, problem, backup)
    return data


def load_tables(path: Path, tz: Any) -> tuple[dict[str, Any], Fingerprint | None, bool]:
    """Read, check, back up and migrate the file; create it if missing. Call with the lock held.

    Returns the tables, the fingerprint of the file as found, and whether it was newly created.
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
        data = empty_tables()
        write_atomic(path, orjson.dumps(data))
        return data, fingerprint_of(path), True
    raw = _read_raw(path)
    data = _parse(path, raw)
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    seen = fingerprint_of(path, raw)
    if version < SCHEMA_VERSION:
        keep = path.with_name(f"{path.name}.schema{version}.bak")
        shutil.copyfile(path, keep)
        os.chmod(keep, 0o600)
        data = migrate(data, tz)
        raw = orjson.dumps(data)
        write_atomic(path, raw, path.stat().st_mode & 0o777)
        seen = fingerprint_of(path)
    write_atomic(backup_path_for(path), raw)
    return data, seen, False


def read_tables(path: Path, tz: Any) -> tuple[dict[str, Any], Fingerprint | None]:
    """Read, check and migrate in memory only, writing nothing; safe without the lock.

    Saves replace the file atomically, so a reader always sees one whole snapshot. A missing file
    reads as an empty workbook (and is not created).
    """
    if path.is_dir():
        raise DamagedFileError(path, "it is a folder, not a file", None)
    if not path.exists():
        return empty_tables(), None
    raw = _read_raw(path)
    data = _parse(path, raw)
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version, SCHEMA_VERSION)
    if version < SCHEMA_VERSION:
        data = migrate(data, tz)
    return data, fingerprint_of(path, raw)
