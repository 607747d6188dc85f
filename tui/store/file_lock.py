"""The lock beside a workbook, so that one followup at a time writes it.

An advisory `flock` on `<workbook>.lock`, which the holder removes as it lets go. One that finds the
file it has just locked already removed takes a new one, so two never hold the lock at once.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

__all__ = ["FileLock", "LockBusy"]

#: Removed again this many times in a row while taking it: someone else keeps taking it first.
_TRIES = 50


class LockBusy(Exception):
    """Another process holds the lock."""


class FileLock:
    """Held from `acquire` until `release`; the operating system lets go of it when the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock now, or raise LockBusy; an OSError when the lock file cannot be made or locked."""
        for _ in range(_TRIES):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise LockBusy(self.path) from None
            except BaseException:
                os.close(fd)
                raise
            if os.fstat(fd).st_nlink:
                self._fd = fd
                return
            os.close(fd)  # its last holder removed it as it let go: take a new one
        raise LockBusy(self.path)

    def release(self) -> None:
        """Let go (closing the file lets go of its lock); nothing when not held."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
