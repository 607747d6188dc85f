"""What can go wrong with the workbook file, each with a message that names the file."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DamagedFileError",
    "FileChangedError",
    "FileGoneError",
    "LockedError",
    "NewerSchemaError",
    "NotFoundError",
    "ReadOnlyError",
    "StoreError",
    "WriteFailedError",
]


class StoreError(Exception):
    """A problem with the workbook file; `str()` is the message for the user."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message

    def __str__(self) -> str:
        return self.message


class LockedError(StoreError):
    """Another followup has the file open."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"{path} is already open in another followup (or a followup command is writing it). "
            "Close that one first; nothing was written.",
        )


class DamagedFileError(StoreError):
    """The file cannot be read as a workbook; it is left exactly as it is."""

    def __init__(self, path: Path | str, reason: str, backup: Path | None = None) -> None:
        hint = (
            f" The last good copy is {backup}; to use it, move the damaged file aside and copy the backup to {path}."
            if backup is not None
            else " No backup of it exists yet."
        )
        super().__init__(path, f"Cannot open {path}: {reason}. The file was not changed.{hint}")
        self.reason = reason
        self.backup = backup


class NewerSchemaError(StoreError):
    def __init__(self, path: Path | str, found: int, supported: int) -> None:
        super().__init__(
            path,
            f"{path} was written by a newer followup (format {found}; this one reads up to "
            f"{supported}). Update followup to open it; the file was not changed.",
        )


class FileChangedError(StoreError):
    """Something else wrote the file since it was read; it will not be overwritten silently."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            f"{path} was changed by another program since followup read it. "
            "Your changes are kept in memory and were not written over it.",
        )


class FileGoneError(FileChangedError):
    """The file was deleted or moved away while it was open; everything is still in memory."""

    def __init__(self, path: Path | str) -> None:
        StoreError.__init__(
            self,
            path,
            f"{path} was deleted or moved away by another program while followup had it open. "
            "Everything, your notes too, is kept in memory.",
        )


class ReadOnlyError(StoreError):
    """The file may be read but not written: it is opened read-only and nothing is ever written to it."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(path, f"{path} is open read-only: {reason}. Nothing you change is written to it.")
        self.reason = reason


class WriteFailedError(StoreError):
    """A save did not reach the disk; the data is still in memory and will be retried."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(path, f"Could not save {path}: {reason}. Your changes are kept and saving is retried.")
        self.reason = reason


class NotFoundError(StoreError, KeyError):
    def __init__(self, path: Path | str, what: str) -> None:
        super().__init__(path, what)
