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

from ..domain.errors import ValidationError
from ..locations import database_path
from ..session import Session
from ..store import Workbook

__all__ = [
    "NOW_ENV",
    "SHORT_ID",
    "VerbFailed",
    "now",
    "open_session",
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


def read_text_arg(value: str | None) -> str | None:
    """`-` means read the text from standard input (for notes piped in)."""
    if value == "-":
        return sys.stdin.read().rstrip("\n")
    return value


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
    ok = False
    try:
        yield Session(book, now).load()
        ok = True
    finally:
        if ok:
            book.close()
        else:
            book.abandon()
