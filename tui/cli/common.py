"""What every verb shares: the clock, opening the workbook's session, short ids, and how a verb fails."""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from ..domain.errors import ValidationError
from ..domain.fields import MAX_TEXT, printable
from ..locations import database_path
from ..session import Session
from ..store import Workbook

__all__ = [
    "NOW_ENV",
    "SHORT_ID",
    "OutputFailed",
    "VerbFailed",
    "now",
    "open_session",
    "printable_output",
    "read_text_arg",
    "short_id",
    "workbook_path",
]

NOW_ENV = "FOLLOWUP_NOW"
#: How many characters of an id the verbs print; any unique prefix is accepted back.
SHORT_ID = 8


class VerbFailed(Exception):
    """The verb could not do its job for a reason outside the input (exit status 1)."""


def now() -> datetime:
    """The current moment, aware, in the machine's zone.

    Testing hook: FOLLOWUP_NOW=<ISO-8601> fixes the clock for every verb (a moment without an
    offset is read in the machine's zone), so subprocess tests are deterministic.
    """
    fixed = os.environ.get(NOW_ENV, "").strip()
    if fixed:
        try:
            moment = datetime.fromisoformat(fixed)
        except ValueError:
            raise ValidationError(NOW_ENV, f"“{fixed}” is not an ISO-8601 moment.") from None
        return moment if moment.tzinfo is not None else moment.astimezone()
    return datetime.now().astimezone()


def short_id(identifier: str) -> str:
    return identifier[:SHORT_ID]


def read_text_arg(value: str | None, option: str = "--notes") -> str | None:
    """`-` means read the text from standard input (for notes piped in): UTF-8, and no more than a field holds."""
    if value != "-":
        return value
    raw = sys.stdin.buffer.read(MAX_TEXT * 4 + 1)
    if len(raw) > MAX_TEXT * 4:
        raise ValidationError(
            option, f"Standard input holds more than {MAX_TEXT:,} characters could; nothing was read."
        )
    try:
        return raw.decode("utf-8").rstrip("\n")
    except UnicodeDecodeError as error:
        raise ValidationError(
            option, f"Standard input is not UTF-8 text (bad byte at position {error.start}); save it as UTF-8."
        ) from None


class OutputFailed(Exception):
    """Standard output or error could not be written (a full disk behind `>`); `error` says why."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _Printable:
    """Stands in for stdout or stderr while a verb runs: text from the file is shown, never obeyed."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            self._stream.write(printable(text))
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputFailed(error) from None
        return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputFailed(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def printable_output() -> Iterator[None]:
    """Every line a verb prints goes through the one display check, whatever record it comes from."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Printable(sys.stdout), _Printable(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def workbook_path(args: argparse.Namespace) -> Path:
    """The file a verb works on: --db / FOLLOWUP_DB / default, or with --demo a fresh copy of the demo
    workbook that is removed when the verb ends (so `followup --demo list` never touches your data)."""
    if getattr(args, "demo", False):
        if getattr(args, "demo_path", None) is None:
            from ..demo import make_demo_copy

            folder = Path(tempfile.mkdtemp(prefix="followup-demo-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            args.demo_path = make_demo_copy(folder, today=now().date())
        return Path(args.demo_path)
    return database_path(args.db)


@contextmanager
def open_session(args: argparse.Namespace, *, write: bool = True) -> Iterator[Session]:
    """The workbook's session for one verb; on success, whatever the verb changed is written.

    A writing verb takes the lock, as the app does (LockedError names the file when the app has it
    open) and writes nothing if it fails. A reading verb (`write=False`) reads the file as it is,
    without the lock, so it works beside the running app and never creates or changes the file.
    """
    path = workbook_path(args)
    book = Workbook.open(path, autosave=False) if write else Workbook.snapshot(path)
    if write and book.read_only_error is not None:
        raise book.read_only_error  # before the verb does anything it could not keep
    ok = False
    try:
        yield Session(book, now).load()
        ok = True
    finally:
        if ok:
            book.close()
        else:
            book.abandon()
