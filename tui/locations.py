"""Where followup keeps its files. Computed when called, never at import."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

try:  # the digest hashlib gives, without hashlib loading OpenSSL at every start (2-3 ms and 0.4 MB)
    from _blake2 import blake2b
except ImportError:  # a Python built without its own BLAKE2
    from hashlib import blake2b

__all__ = [
    "DB_ENV",
    "data_dir",
    "database_path",
    "demo_source",
    "holidays_cache_path",
    "keymap_path",
    "order_cache_path",
    "preferences_path",
]

DB_ENV = "FOLLOWUP_DB"
APP_NAME = "followup"


def data_dir() -> Path:
    """The platform's per-user data folder for followup."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def _cache_dir() -> Path:
    """What followup keeps only to start faster: deleting it is always safe."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def database_path(cli_db: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins over FOLLOWUP_DB, which wins over the user data folder."""
    if cli_db:
        return Path(cli_db).expanduser().absolute()
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return Path(env).expanduser().absolute()
    return data_dir() / "workbook.json"


def keymap_path() -> Path:
    """The optional file of key remappings, beside the user's config."""
    return _config_dir() / "keymap.toml"


def preferences_path() -> Path:
    """The user's look and feel (the theme), shared by every workbook and the demo."""
    return _config_dir() / "preferences.json"


def holidays_cache_path() -> Path:
    """Holiday tables and the countries of numbers worked out before, kept so that the next start need not
    work them out again."""
    return _cache_dir() / "holidays.json"


def order_cache_path(workbook: Path) -> Path:
    """The list's order kept from the last start, for the workbook at `workbook`: named by a digest of its
    path, so no name or folder of the user's shows in the cache."""
    digest = blake2b(str(workbook).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
    return _cache_dir() / "orders" / f"{digest}.json"


def demo_source() -> Path:
    """The shipped demo workbook: inside the wheel, or data/ in a source checkout."""
    packaged = resources.files("tui") / "_data" / "demo.json"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / "demo.json"
