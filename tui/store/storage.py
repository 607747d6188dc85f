"""A TinyDB storage that holds the workbook in memory and replaces the file atomically on save."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from tinydb.storages import Storage

from ..reading import MAX_WORKBOOK_BYTES, NotAFileError, opened_regular, read_regular, read_regular_as
from .errors import FileChangedError, FileGoneError, WriteFailedError
from .fingerprint import Fingerprint, stamp_of
from .records import Tables, Taken
from .written import Pieces, Stamp, Stands, Written

__all__ = [
    "AtomicStorage",
    "describe",
    "fingerprint_of",
    "temp_path_for",
    "write_atomic",
    "write_new_file",
]


def fingerprint_of(path: Path) -> Fingerprint | None:
    """What the file holds now; None when it is not there (or is no longer a file one could read back)."""
    try:
        data, info = read_regular_as(path, MAX_WORKBOOK_BYTES)  # the stamp of the very file read
    except (FileNotFoundError, NotAFileError):
        return None
    return Fingerprint(stamp_of(info), data)


def temp_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_new_file(
    path: Path, payload: bytes | Written, mode: int = 0o600, source: int | None = None
) -> os.stat_result:
    """Create `path` (never an existing name, never through a link), write it whole, fsync it; what it
    is once written, as the file written tells it (not as whatever file has its name a moment later).

    `payload` in pieces is written as it is, without joining it into one more copy; a piece that is where a
    big record's JSON stands in the file replaced is copied from `source`, that file, open."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode)
    try:
        os.fchmod(fd, mode)  # exactly this mode, whatever the umask
        _write_all(fd, [payload] if isinstance(payload, bytes) else payload, source)
        os.fsync(fd)
        written = os.fstat(fd)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)
    return written


def _iov_max() -> int:
    try:
        return max(16, os.sysconf("SC_IOV_MAX"))
    except (AttributeError, ValueError, OSError):
        return 1024


#: How many pieces one system call may write.
_IOV_MAX = _iov_max()


def _write_all(fd: int, pieces: Written, source: int | None) -> None:
    if source is None:  # nothing to copy: nothing to look for
        _write_pieces(fd, cast(Pieces, pieces))
        return
    start = 0
    for at, piece in enumerate(pieces):
        if isinstance(piece, Stands):
            _write_pieces(fd, cast(Pieces, pieces[start:at]))
            _copy(source, fd, piece)
            start = at + 1
    _write_pieces(fd, cast(Pieces, pieces[start:]))


def _copy(source: int, fd: int, stands: Stands) -> None:
    """A big record's JSON, copied from the file `source` where it stands: by the kernel where it can, else
    read and written a megabyte at a time."""
    offset, left, kernel = stands.offset, stands.size, True
    while left:
        count = 0
        if kernel:
            try:
                count = _copy_file_range(source, fd, left, offset)
            except OSError as error:
                if error.errno not in _NO_COPY_FILE_RANGE:
                    raise
                kernel = False
        if not kernel:
            chunk = os.pread(source, min(left, 1 << 20), offset)
            _write_pieces(fd, [chunk])
            count = len(chunk)
        if not count:  # shorter than when it was written: changed since, which the save then finds
            raise OSError(errno.EIO, "the workbook being replaced changed while it was copied from")
        offset += count
        left -= count


def _copy_file_range(source: int, fd: int, count: int, offset: int) -> int:
    if not hasattr(os, "copy_file_range"):  # not Linux
        raise OSError(errno.ENOSYS, "copy_file_range")
    return os.copy_file_range(source, fd, count, offset)


#: What copy_file_range says when it cannot copy between these files (another file system, an older kernel).
_NO_COPY_FILE_RANGE = frozenset({errno.ENOSYS, errno.EXDEV, errno.EINVAL, errno.EOPNOTSUPP, errno.EBADF})


def _write_pieces(fd: int, pieces: Pieces) -> None:
    start = 0
    while start < len(pieces):
        batch = pieces[start : start + _IOV_MAX]
        written = os.writev(fd, batch)
        if written == sum(map(len, batch)):
            start += len(batch)
            continue
        for piece in batch:  # written in part (a signal, a full disk): on from the first byte not written
            if written < len(piece):
                break
            written -= len(piece)
            start += 1
        view = memoryview(pieces[start])[written:]
        while view:
            view = view[os.write(fd, view) :]
        start += 1


def write_atomic(
    path: Path,
    payload: bytes | Written,
    mode: int = 0o600,
    *,
    before_replace: Callable[[], None] | None = None,
    source: int | None = None,
) -> os.stat_result:
    """Write a temp file beside `path`, fsync it, replace `path` with it, fsync the folder; the file
    written, as it told itself before taking the name (a rename changes neither its size nor its mtime).
    `source`: the file replaced, open, to copy pieces from (see `write_new_file`).

    `before_replace` runs once the temp file is whole on disk, the moment before it takes the name:
    whatever it raises leaves `path` as it was (and no temp file behind)."""
    temp = temp_path_for(path)
    temp.unlink(missing_ok=True)
    written = write_new_file(temp, payload, mode, source)
    if before_replace is not None:
        try:
            before_replace()
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    os.replace(temp, path)
    _fsync_dir(path.parent)
    return written


class AtomicStorage(Storage):
    """Keeps the tables in memory; a change only marks them changed, `save()` makes it durable.

    TinyDB reads and writes the small tables through it; the workbook changes records through
    `insert`, `update` and `remove`. Never CachingMiddleware: a save either lands whole or leaves the
    old file whole.
    """

    def __init__(self, path: str | os.PathLike[str], tables: Tables, seen: Fingerprint | None) -> None:
        self.path = Path(path)
        self.tables = tables
        self._seen = seen
        self.lock = threading.RLock()  # guards the tables against the writer thread
        self._save_lock = threading.Lock()
        self._making = threading.Lock()  # one making of the file's bytes at a time (a save, a rescue)
        self.generation = 0
        self.saved_generation = 0
        self.on_change: Any = None

    # TinyDB's side
    def read(self) -> dict[str, Any]:
        return self.tables.small

    def write(self, data: dict[str, Any]) -> None:
        with self.lock:
            self.tables.set_small(data)
            self.touch()

    # the workbook's side: each change to the records made under the lock, and marked
    def insert(self, table: str, docs: list[dict[str, Any]]) -> list[int]:
        """New records; their doc ids."""
        with self.lock:
            doc_ids = [self.tables.insert(table, doc) for doc in docs]
            self.touch()
        return doc_ids

    def update(self, table: str, doc_id: int, fields: dict[str, Any]) -> None:
        with self.lock:
            self.tables.update(table, doc_id, fields)
            self.touch()

    def remove(self, table: str, doc_ids: list[int]) -> None:
        with self.lock:
            self.tables.remove(table, doc_ids)
            self.touch()

    def touch(self) -> None:
        """Record that the in-memory tables changed; the owner decides when to save."""
        self.generation += 1
        if self.on_change is not None:
            self.on_change()

    @property
    def dirty(self) -> bool:
        return self.generation != self.saved_generation

    def snapshot(self) -> tuple[int, bytes]:
        """The tables as the file's bytes, and the generation they hold."""
        generation, pieces, _, _ = self._pieces()
        return generation, b"".join(cast(Pieces, pieces))  # nothing copied from a file: not asked to

    def _pieces(self, copying_from: Stamp | None = None) -> tuple[int, Written, Tables, Taken]:
        """The file's bytes, made outside the lock: typing goes on while a changed note is made into JSON.
        `copying_from`: the file they replace, as it is now (see `Tables.take`)."""
        with self._making:
            with self.lock:
                generation, tables = self.generation, self.tables
                taken = tables.take(copying_from=copying_from)
            try:
                pieces = taken.pieces()
            except BaseException:
                with self.lock:
                    if self.tables is tables:
                        tables.give_back(taken)
                raise
            with self.lock:
                if self.tables is tables:  # not replaced meanwhile by a reload
                    tables.settle(taken)
            return generation, pieces, tables, taken

    def save(self) -> bool:
        """Write the current tables durably; return False if there was nothing to write.

        Every OS error (disk full, a dropped network mount, no permission) becomes a
        WriteFailedError: the data stays in memory and the caller retries or rescues it.
        """
        with self._save_lock:
            with self.lock:  # nothing changed: not even the file's bytes are made
                if self.generation == self.saved_generation and self._seen is not None:
                    return False
                copying = bool(self.tables.standing)
            with _opened(self.path) if copying else contextlib.nullcontext() as source:
                generation, pieces, tables, taken = self._pieces(None if source is None else source[1])
                try:
                    self._check_unchanged()
                    try:
                        mode = self.path.stat().st_mode & 0o777
                    except FileNotFoundError:
                        mode = 0o600
                    # Checked again once the new file is written: writing and syncing a big workbook takes
                    # a while, and a sync client replacing the file meanwhile must not be written over.
                    # What was written, from the file itself: by its name a moment later, it may already be
                    # another program's (a sync client's, renamed over it), which the next save must not take
                    # for ours.
                    written = write_atomic(
                        self.path,
                        pieces,
                        mode,
                        before_replace=self._check_unchanged,
                        source=None if source is None else source[0],
                    )
                except OSError as error:
                    raise WriteFailedError(self.path, describe(error)) from error
            self._seen = Fingerprint(stamp_of(written), pieces)
            with self.lock:
                if self.tables is tables:
                    tables.stood(taken, self._seen.held, self._seen.stamp)
            self.saved_generation = max(self.saved_generation, generation)
            return True

    def _check_unchanged(self) -> None:
        """Refuse to write over a file that someone else changed since we last read or wrote it."""
        try:
            info = self.path.stat()
        except FileNotFoundError:
            if self._seen is None:
                return
            raise FileGoneError(self.path) from None
        if self._seen is None:
            raise FileChangedError(self.path)
        if stamp_of(info) == self._seen.stamp:
            return
        try:
            data = read_regular(self.path, MAX_WORKBOOK_BYTES)
        except (FileNotFoundError, NotAFileError):
            raise FileChangedError(self.path) from None
        if not self._seen.holds(data):
            raise FileChangedError(self.path)
        self._seen = self._seen.restamped(info)

    def accept_external(self, tables: Tables, seen: Fingerprint | None) -> None:
        """Take the file's new contents as ours (after the user chose to reload).

        Holds the save lock too, so a save already under way cannot check against the new
        fingerprint and then write the old tables over the other program's file.
        """
        with self._save_lock, self.lock:
            self.tables = tables
            self._seen = seen
            self.generation += 1
            self.saved_generation = self.generation

    def take_disk_as_seen(self) -> None:
        """The user chose "keep mine": the next save may replace what is on disk now, once."""
        with self._save_lock:
            self._seen = fingerprint_of(self.path)
            with self.lock:
                self.generation += 1  # something to write even if nothing was typed since

    def close(self) -> None:
        pass


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[int, Stamp] | None]:
    """The file a save is about to replace, open to copy from, and its stamp; None when it is not there, or
    not a file one may copy from."""
    with contextlib.ExitStack() as stack:
        try:
            fd, info = stack.enter_context(opened_regular(path))
        except (OSError, NotAFileError):
            opened = None
        else:
            opened = fd, stamp_of(info)
        yield opened


def describe(error: OSError) -> str:
    """An OS error in the user's words (the disk is full, the folder is read-only ...)."""
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.EDQUOT:
        return "the disk quota is used up"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "no permission to write in that folder"
    if error.errno == errno.EROFS:
        return "the folder is read-only"
    return error.strerror or str(error)
