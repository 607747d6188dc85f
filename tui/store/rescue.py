"""The last resort on quit: unsaved work goes to a private rescue file instead of being lost.

The rescue file is a whole workbook (plain TinyDB JSON), so `followup --db RESCUE` opens it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from .storage import write_new_file

__all__ = ["rescue_name", "write_rescue"]


def rescue_name(database: Path, stamp: float | None = None) -> str:
    """`workbook.json` -> `workbook.rescue-20261125-091500.json`: sorts by time, never clashes in practice."""
    moment = time.strftime("%Y%m%d-%H%M%S", time.localtime(stamp if stamp is not None else time.time()))
    return f"{database.stem}.rescue-{moment}{database.suffix or '.json'}"


def write_rescue(database: Path, payload: bytes, folders: Iterable[Path] | None = None) -> Path:
    """Write `payload` beside the database, else in the home folder; return where it went.

    Raises the last OSError if no folder would take it.
    """
    name = rescue_name(database)
    candidates = list(folders) if folders is not None else [database.parent, Path.home()]
    last: OSError | None = None
    for folder in candidates:
        target = folder / name
        for attempt in range(1, 100):
            try:
                write_new_file(target, payload)
                return target
            except FileExistsError:
                target = folder / name.replace(".rescue-", f".rescue{attempt + 1}-", 1)
            except OSError as error:
                last = error
                break
    assert last is not None
    raise last
