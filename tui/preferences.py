"""The user's preferences (the theme) in the user's config folder, not in a workbook: `--demo`, a
second workbook and a fresh one all look the way the user chose."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .reading import NotAFileError, read_regular
from .store.storage import write_atomic

__all__ = ["read_preferences", "save_preference"]

#: A preferences file larger than this is not ours; it is not read.
_AT_MOST = 64 * 1024


def read_preferences(path: Path) -> dict[str, Any]:
    """What the file holds; a missing, unreadable or damaged file is no preferences (never raises)."""
    try:
        data = json.loads(read_regular(path, _AT_MOST).decode("utf-8"))
    except (OSError, NotAFileError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_preference(path: Path, key: str, value: Any) -> None:
    """Set one preference, keeping the others; the file is replaced whole. Raises OSError."""
    data = read_preferences(path)
    data[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
