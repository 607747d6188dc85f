"""Holiday tables kept on disk between starts, so the `holidays` package is loaded only when it must be.

Loading that package and working out one country's year takes a tenth of a second or more, and a
workbook needs the same few tables on every start. They are kept as JSON in the user's cache folder,
marked with the installed package's version file, so a new package release is worked out afresh.
The copy is a cache: a missing, damaged or stale one is ignored, and failing to write it is silent.
"""

from __future__ import annotations

import json
from datetime import date
from importlib.util import find_spec
from pathlib import Path

from ..domain.workdays import holiday_tables, remember_holidays
from .storage import NotAFileError, read_regular, write_atomic

__all__ = ["keep_holidays", "read_kept_holidays"]

#: How the file is laid out; a copy written another way is not read.
_LAYOUT = 1
#: A kept copy larger than this is not ours.
_AT_MOST = 4 * 1024 * 1024


def _stamp() -> str:
    """Which `holidays` release worked the tables out, without importing it: its version file's place and size."""
    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return ""
    version = Path(spec.origin).with_name("version.py")
    try:
        info = version.stat()
    except OSError:
        return ""
    return f"{_LAYOUT}:{version}:{info.st_size}:{info.st_mtime_ns}"


def read_kept_holidays(path: Path) -> int:
    """Hand the tables kept at `path` to the working-day rules; how many were taken (0 when none fit)."""
    try:
        data = json.loads(read_regular(path, _AT_MOST).decode("utf-8"))
        if not isinstance(data, dict) or data.get("stamp") != _stamp() or not data["stamp"]:
            return 0
        tables = {
            (country, int(year)): {date.fromisoformat(day): str(name) for day, name in table.items()}
            for country, year, table in data["tables"]
        }
    except (OSError, NotAFileError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return 0
    remember_holidays(tables)
    return len(tables)


def keep_holidays(path: Path, known: int = 0) -> None:
    """Write every table worked out so far to `path`, when there are more than the `known` read from it."""
    tables = holiday_tables()
    stamp = _stamp()
    if len(tables) <= known or not stamp:
        return
    rows = [
        [country, year, {day.isoformat(): name for day, name in sorted(table.items())}]
        for (country, year), table in sorted(tables.items())
    ]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"stamp": stamp, "tables": rows}).encode("utf-8"))
    except OSError:
        return
