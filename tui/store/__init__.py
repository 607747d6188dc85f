"""The workbook file: TinyDB with atomic saves, a lock, backups and migrations."""

from .autosave import SaveState
from .errors import (
    DamagedFileError,
    FileChangedError,
    FileGoneError,
    LockedError,
    NewerSchemaError,
    NotFoundError,
    ReadOnlyError,
    StoreError,
    WriteFailedError,
)
from .workbook import Workbook

__all__ = [
    "DamagedFileError",
    "FileChangedError",
    "FileGoneError",
    "LockedError",
    "NewerSchemaError",
    "NotFoundError",
    "ReadOnlyError",
    "SaveState",
    "StoreError",
    "Workbook",
    "WriteFailedError",
]
