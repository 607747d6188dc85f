"""Opening the workbook file: one process at a time, never overwriting what cannot be read."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import orjson

from ..reading import MAX_WORKBOOK_BYTES, NotAFileError, ReadAhead, read_regular
from .checking import Loaded, backup_path_for, check_tables, last_good
from .errors import DamagedFileError, LockedError, ReadOnlyError, StoreError
from .file_lock import FileLock, LockBusy
from .fingerprint import Fingerprint, stamp_of
from .schema import SCHEMA_VERSION, empty_tables
from .storage import describe, temp_path_for, write_atomic, write_new_file

T = TypeVar("T")

__all__ = [
    "back_up",
    "let_go",
    "load_tables",
    "lock_path_for",
    "own_files",
    "read_only_reason",
    "read_raw",
    "read_tables",
    "real_path",
    "take_lock",
]

#: Errors that mean "this folder or disk takes no writes": the file is then opened read-only.
_NO_WRITES = frozenset({errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT})


def real_path(path: Path | str) -> Path:
    """The file itself: a symlink (a workbook kept in a synced folder) is followed to its target,
    so saves replace the target in its own folder and the link stays a link."""
    path = Path(path).expanduser().absolute()
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def own_files(path: Path) -> list[Path]:
    """The workbook and every file followup keeps beside it (an export must not land on one)."""
    return [path, backup_path_for(path), lock_path_for(path), temp_path_for(path)]


def read_only_reason(path: Path) -> str | None:
    """Why the file may not be written, in the user's words; None when it may.

    A file nobody may write (chmod 0400) is respected even by root; a folder that takes no new
    files (read-only, or a file system mounted read-only) cannot take an atomic save.
    """
    folder = path.parent
    if not folder.is_dir():
        return None  # made when the workbook is created
    if _mounted_read_only(folder):
        return f"the disk holding {folder} is mounted read-only"
    try:
        info = path.stat()
    except OSError:
        info = None
    if info is not None:
        if not info.st_mode & 0o222:
            return "its permissions let no one write it (chmod u+w makes it writable)"
        if not os.access(path, os.W_OK):
            return "you have no permission to write it"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is read-only for you, and saving needs to make files there"
    return None


def _mounted_read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def take_lock(path: Path) -> FileLock:
    """Hold the lock file beside the database for as long as this process uses it.

    Raises ReadOnlyError when the folder takes no writes at all, not even the lock: open read-only then.
    """
    if path.is_dir():
        raise DamagedFileError(path, "it is a folder, not a file", None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StoreError(
            path, f"Cannot create the folder for {path}: {describe(error)}. Nothing was written."
        ) from None
    lock = FileLock(lock_path_for(path))
    try:
        lock.acquire()
    except LockBusy:
        raise LockedError(path) from None
    except OSError as error:
        if error.errno in _NO_WRITES:
            raise ReadOnlyError(path, f"not even its lock file can be made ({describe(error)})") from None
        raise StoreError(path, f"Cannot lock {path}: {describe(error)}. Nothing was written.") from None
    return lock


def let_go(lock: FileLock, path: Path) -> None:
    """Remove the lock file, then let go of the lock: it is there only while the workbook is open.

    Removed while still held, so another followup that opened the old one finds it unlinked and
    starts again from a new one instead of both holding a lock.
    """
    with contextlib.suppress(OSError):  # a folder that turned read-only keeps it; the lock is still let go
        lock_path_for(path).unlink(missing_ok=True)
    lock.release()


def read_raw(path: Path, ahead: ReadAhead | None = None) -> bytes:
    """The file's bytes; a named pipe, a device or a file of absurd size is refused without reading it.
    `ahead`: the file read ahead, taken when it is still the file there."""
    if ahead is not None and (raw := ahead.take(path)) is not None:
        return raw
    try:
        return read_regular(path, MAX_WORKBOOK_BYTES)
    except NotAFileError as error:
        raise DamagedFileError(path, str(error), last_good(path)) from None
    except PermissionError:
        raise DamagedFileError(path, "there is no permission to read it", last_good(path)) from None
    except IsADirectoryError:
        raise DamagedFileError(path, "it is a folder, not a file", None) from None
    except OSError as error:
        raise DamagedFileError(path, f"it could not be read ({error.strerror})", last_good(path)) from None


def check_kind(path: Path) -> None:
    """Refuse what is not a regular file before anything is created beside it."""
    try:
        info = path.stat()
    except OSError:
        return  # missing (it will be created) or unreadable (read_raw says why)
    if not stat.S_ISREG(info.st_mode):
        read_raw(path)  # raises, naming what it is


def load_tables(path: Path, tz: Any, ahead: ReadAhead | None = None, later: bool = False) -> Loaded:
    """Read and check the file, then migrate it; create it if missing. Call with the lock held.

    Nothing is written unless the whole file opened cleanly, so a bad file never replaces the backup:
    the bytes that did are handed back for it (`to_back_up`; `back_up` makes the copy). `later`: a big
    record's notes may be left to `read_later` (no copy is to be made before they are read).
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
    raw = read_raw(path, ahead)
    loaded, version = check_tables(path, raw, tz, later)
    if version < SCHEMA_VERSION:
        original = raw
        _write(path, "keep a copy of", lambda: _keep_copy(path, version, original))
        raw = loaded.tables.payload()
        written = _write(path, "update the format of", lambda: write_atomic(path, raw, path.stat().st_mode & 0o777))
        loaded.seen = Fingerprint(stamp_of(written), raw)  # the bytes just written: not read back
    loaded.to_back_up = raw
    return loaded


def back_up(path: Path, raw: bytes) -> bool:
    """Keep `raw`, the workbook at `path` as it opened cleanly, as its last good copy; False when the copy
    could not be written. That is not a reason to refuse the file (a nearly full disk): it opens, and
    the last copy stays as it was."""
    backup = backup_path_for(path)
    try:
        if not _holds_already(backup, raw):
            write_atomic(backup, raw)
    except OSError:
        return False
    return True


#: How much of the backup `_holds_already` reads at a time: its buffer adds this much to the app's peak
#: memory, since it is read while the app starts.
_PIECE = 1 << 18


def _holds_already(backup: Path, raw: bytes) -> bool:
    """Whether the backup is a private regular file with exactly these bytes: most opens find the copy
    the last one made, and writing it again would cost a write and two syncs of the whole file.

    Read a piece at a time into one buffer and compared where the bytes stand, so no second copy of the
    whole file, nor of each piece, is made."""
    try:
        info = backup.lstat()
        if not stat.S_ISREG(info.st_mode) or stat.S_IMODE(info.st_mode) != 0o600 or info.st_size != len(raw):
            return False
        offset, buffer = 0, bytearray(min(len(raw), _PIECE))
        piece = memoryview(buffer)
        with backup.open("rb", buffering=0) as file:
            while count := file.readinto(buffer):
                if not raw.startswith(piece[:count], offset):
                    return False
                offset += count
    except OSError:
        return False
    return offset == len(raw)


def _write(path: Path, what: str, write: Callable[[], T]) -> T:
    try:
        return write()
    except OSError as error:
        raise StoreError(path, f"Cannot {what} {path}: {describe(error)}. The file was not changed.") from None


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


def read_tables(path: Path, tz: Any, ahead: ReadAhead | None = None) -> Loaded:
    """Read, check and migrate in memory only, writing nothing; safe without the lock.

    Saves replace the file atomically, so a reader always sees one whole snapshot. A missing file
    reads as an empty workbook (and is not created).
    """
    if path.is_dir():
        raise DamagedFileError(path, "it is a folder, not a file", None)
    if not path.exists():
        return check_tables(path, orjson.dumps(empty_tables()), tz)[0]
    return check_tables(path, read_raw(path, ahead), tz)[0]
