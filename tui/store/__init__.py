"""The workbook file: TinyDB with atomic saves, a lock, backups and migrations."""

from .autosave import SaveState
from .errors import (
    DamagedFileError,
    FileChangedError,
    LockedError,
    NewerSchemaError,
    NotFoundError,
    StoreError,
    WriteFailedError,
)
from .workbook import Workbook

__all__ = [
    "DamagedFileError",
    "FileChangedError",
    "LockedError",
    "NewerSchemaError",
    "NotFoundError",
    "SaveState",
    "StoreError",
    "Workbook",
    "WriteFailedError",
]
