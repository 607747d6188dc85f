"""The list's order at the last start or quit, kept on disk so that the next start can show the rows in
it before every next step is worked out again.

Working out 10,000 next steps takes a quarter of a second; the list a user left is nearly always the
list they come back to. The order is kept as a list of interview ids in the user's cache folder, one
file per workbook, named by a digest of its path. It is a cache: a missing, damaged or foreign copy is
ignored, failing to write it is silent, and the order shown from it is put right as soon as the next
steps are known. An order not kept again for half a year (its workbook deleted or moved) is removed.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Sequence
from pathlib import Path

import orjson

from ..reading import NotAFileError, read_regular
from .storage import write_atomic

__all__ = ["STALE_AFTER", "keep_order", "read_kept_order"]

#: How the file is laid out; a copy written another way is not read.
_LAYOUT = 1
#: An order not kept again for this long belongs to a workbook deleted or moved (seconds: 180 days).
STALE_AFTER = 180 * 24 * 3600
#: Room for 200,000 ids, many more than a workbook holds; a kept copy larger than this is not ours.
_AT_MOST = 8 * 1024 * 1024


def read_kept_order(path: Path) -> list[str]:
    """The interview ids kept at `path`, in their order; [] when none fit."""
    try:
        data = orjson.loads(read_regular(path, _AT_MOST))
        if not isinstance(data, dict) or data.get("layout") != _LAYOUT:
            return []
        ids = data["ids"]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            return []  # not written by followup: none of it is taken (an id is only ever looked up)
    except (OSError, NotAFileError, orjson.JSONDecodeError, KeyError):
        return []
    with contextlib.suppress(OSError):
        os.utime(path)  # in use: an order unchanged for months is not taken for a workbook gone
    return ids


def keep_order(path: Path, ids: Sequence[str]) -> bool:
    """Keep `ids` at `path`, in their order; whether they were written. Orders beside it not kept again
    for STALE_AFTER (a workbook deleted or moved) are removed."""
    kept = {"layout": _LAYOUT, "ids": list(ids)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, orjson.dumps(kept))
    except OSError:
        return False
    _forget_stale(path.parent, path)
    return True


def _forget_stale(folder: Path, kept: Path) -> None:
    """Remove the orders in `folder` untouched for STALE_AFTER; silent, as everything about a cache."""
    before = time.time() - STALE_AFTER
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                ours = entry.name.endswith(".json") and entry.path != str(kept) and entry.is_file(follow_symlinks=False)
                if ours and entry.stat(follow_symlinks=False).st_mtime < before:
                    os.unlink(entry.path)
    except OSError:
        return
