"""What the workbook file looked like when followup last read or wrote it, to spot writes by others."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TypeGuard, cast

from .written import BIG, Piece, Stamp, Stands, Written

__all__ = ["Fingerprint", "HashedAside", "Stamp", "stamp_of"]


def stamp_of(info: os.stat_result) -> Stamp:
    """The file's `Stamp`. Its inode tells a file another program wrote beside it and renamed over it (as
    sync clients do) from the one followup wrote, even when both are the same size and were written within
    the same tick of the clock that stamps files (a few milliseconds)."""
    return info.st_size, info.st_mtime_ns, info.st_ino


class Fingerprint:
    """What the file looked like when last read or written, to spot writes by others.

    The stamp (size, mtime and inode) is checked on every save; the bytes only when it differs, against
    what was seen. What followup wrote (or read, when it is exactly what followup writes) is held as the
    pieces it was written from: each record's JSON, or a run of records as read, which the tables hold
    anyway, so no copy is made and no save waits for a hash. A big record's JSON, made for one save as
    bytes the tables do not hold, and a file written elsewhere, are hashed instead (a few milliseconds
    for 10,000 interviews, on a thread of their own), so that their bytes are not kept in memory.
    """

    def __init__(self, stamp: Stamp, content: bytes | Written | Sequence[Piece | HashedAside]) -> None:
        self.stamp = stamp
        self._content = _held(content)

    @property
    def held(self) -> Sequence[Piece | HashedAside]:
        """What is kept of each piece the file was written from (or read as), in order."""
        return self._content

    def holds(self, data: bytes) -> bool:
        """Whether `data`, the file read now, is the very bytes that were seen."""
        if sum(map(len, self._content)) != len(data):
            return False
        offset, view = 0, memoryview(data)
        for piece in self._content:
            if isinstance(piece, HashedAside):
                if _sha256(view[offset : offset + piece.size]) != piece.result():
                    return False
                offset += piece.size
            elif data.startswith(piece, offset):
                offset += len(piece)
            else:
                return False
        return True

    def restamped(self, info: os.stat_result) -> Fingerprint:
        """The same bytes, found under a new stamp (copied back by a sync client, touched)."""
        return Fingerprint(stamp_of(info), self._content)


def _held(content: bytes | Written | Sequence[Piece | HashedAside]) -> Sequence[Piece | HashedAside]:
    """What is kept of the file's bytes: the pieces as they are, but a big one made for this save (bytes,
    where what the tables hold is given as views of it) hashed, and one copied from the file replaced as
    what was kept of it then."""
    if isinstance(content, bytes):
        return [HashedAside(content)]
    if not any(map(_not_as_is, content)):
        return cast(Sequence[Piece | HashedAside], content)
    return [_kept_of(piece) for piece in content]


def _not_as_is(piece: Piece | HashedAside | Stands) -> bool:
    """A piece not kept as it is: a big record's JSON made for one save, or copied from the file replaced."""
    return isinstance(piece, Stands) or _made_big(piece)


def _made_big(piece: Piece | HashedAside | Stands) -> TypeGuard[bytes]:
    """A big record's JSON, made for one save (the tables' own bytes come as views of them)."""
    return isinstance(piece, bytes) and len(piece) > BIG


def _kept_of(piece: Piece | HashedAside | Stands) -> Piece | HashedAside:
    if isinstance(piece, Stands):
        return cast(HashedAside, piece.hashed)
    return HashedAside(piece) if _made_big(piece) else piece


class HashedAside:
    """The SHA-256 of bytes just read or about to be written, worked out on a thread of its own while the
    records are made or the file is written: hashing lets go of the interpreter's lock, and so do writing
    and syncing, so on two cores the hash costs no time."""

    #: Smaller than this, the hash takes less than starting a thread.
    AT_ONCE = 1 << 20

    def __init__(self, content: bytes | memoryview) -> None:
        self.size = len(content)
        self._digest = ""
        self._thread: threading.Thread | None = None
        if len(content) < self.AT_ONCE:
            self._work(content)
        else:
            self._thread = threading.Thread(target=self._work, args=(content,), name="followup-hash", daemon=True)
            self._thread.start()

    def _work(self, content: bytes | memoryview) -> None:
        self._digest = _sha256(content)

    def __len__(self) -> int:
        """How many bytes were hashed."""
        return self.size

    def result(self) -> str:
        if self._thread is not None:
            self._thread.join()
        return self._digest


def _sha256(content: bytes | memoryview) -> str:
    import hashlib  # only when bytes are hashed: loading OpenSSL at every start costs 2-3 ms and 0.4 MB

    return hashlib.sha256(content).hexdigest()
