"""Reading a file whole, safely; and the workbook read ahead while the modules that open it load.

Light on purpose: the command starts the read ahead before it imports the store, so this module
imports nothing of followup's own.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["MAX_WORKBOOK_BYTES", "NotAFileError", "ReadAhead", "opened_regular", "read_regular", "read_regular_as"]

#: How much a workbook may hold; far beyond what followup writes (10,000 interviews are about 20 MB).
MAX_WORKBOOK_BYTES = 100 << 20

_KINDS = (
    (stat.S_ISDIR, "a folder, not a file"),
    (stat.S_ISFIFO, "a named pipe (FIFO), not a file"),
    (stat.S_ISCHR, "a device, not a file"),
    (stat.S_ISBLK, "a disk device, not a file"),
    (stat.S_ISSOCK, "a socket, not a file"),
)


class NotAFileError(ValueError):
    """What was named is not a regular file, or is far too big to be one followup reads; `str()` says which."""


def read_regular(path: Path, limit: int) -> bytes:
    """The whole of a regular file of at most `limit` bytes.

    Never blocks (a named pipe is opened without waiting for a writer, then refused) and never reads
    more than `limit` + 1 bytes (a link to /dev/zero is refused, not read until memory runs out).
    Raises NotAFileError, or the OSError of opening or reading.
    """
    return read_regular_as(path, limit)[0]


@contextmanager
def opened_regular(path: Path) -> Iterator[tuple[int, os.stat_result]]:
    """The file at `path`, open to read, and what it was as it was opened (which file, its size, its last
    write). Never blocks: a named pipe is opened without waiting for a writer, then refused. Raises
    NotAFileError when it is not a regular file, or the OSError of opening it."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        for test, what in _KINDS:
            if test(info.st_mode):
                raise NotAFileError(f"it is {what}")
        yield fd, info
    finally:
        os.close(fd)


def read_regular_as(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """`read_regular`, with what the file was as it was opened (which file, its size, its last write)."""
    with opened_regular(path) as (fd, info):
        if info.st_size > limit:
            raise NotAFileError(f"it is {_size(info.st_size)}, more than followup reads (at most {_size(limit)})")
        chunks = []
        left = limit + 1
        want = info.st_size + 1  # the whole file in one piece: joining pieces would hold it twice
        while left > 0 and (chunk := os.read(fd, min(left, want))):
            chunks.append(chunk)
            left -= len(chunk)
            want = 1 << 20  # it grew since, or its size was not told (a file in /proc)
        if left <= 0:
            raise NotAFileError(f"it is more than {_size(limit)}, more than followup reads")
        return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), info


def _size(count: int) -> str:
    return f"{count / (1 << 20):,.0f} MB" if count >= 1 << 20 else f"{count:,} bytes"


class ReadAhead:
    """The workbook's bytes, read on a thread of their own from the moment the command knows which file
    it opens, while the modules that open it load: reading is the kernel's work, done outside the
    interpreter's lock (a 27 MB workbook, a pasted log in a note: 15-20 ms).

    Only a hint. Opening takes the bytes once the file is locked, and only when the file is still the
    very one read (the same file, size and last write); otherwise, or when the read failed, it reads the
    file itself, as it always does, and says then what is wrong with it."""

    def __init__(self, path: Path, limit: int = MAX_WORKBOOK_BYTES) -> None:
        self._path = path
        self._read: tuple[bytes, os.stat_result] | None = None
        self._thread = threading.Thread(target=self._work, args=(limit,), name="followup-read-ahead", daemon=True)
        self._thread.start()

    def _work(self, limit: int) -> None:
        try:
            self._read = read_regular_as(self._path, limit)
        except Exception:  # whatever it is, opening reads the file again and tells it
            self._read = None

    def take(self, path: Path) -> bytes | None:
        """The bytes read, when the file at `path` is the one they were read from and has not been written
        since; None otherwise. Once: the bytes are let go here, whoever keeps this."""
        self._thread.join()
        read, self._read = self._read, None
        if read is None:
            return None
        data, was = read
        try:
            now = os.stat(path)
        except OSError:
            return None
        return data if _stamp(now) == _stamp(was) else None


def _stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns
