"""`followup export`: the workbook for a spreadsheet, a backup, a notes app or a calendar."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..domain.errors import ValidationError
from .common import VerbFailed, open_session, workbook_path

__all__ = ["run", "write_private"]


def run(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser().absolute() if args.output else None
    if target is not None:
        _check_target(target, workbook_path(args))
    with open_session(args, write=False) as session:
        now, records = session.now(), session.records()
        # Each format's module is imported only when asked for (icalendar is slow to import).
        if args.format == "csv":
            from ..formats.csvfile import render_csv

            payload = render_csv(records, now).encode("utf-8")
        elif args.format == "json":
            from ..formats.jsonfile import render, workbook_document

            payload = render(workbook_document(records, now)).encode("utf-8")
        elif args.format == "md":
            from ..formats.mdfile import render_markdown

            payload = render_markdown(records, now).encode("utf-8")
        else:
            from ..formats.icsfile import render_ics

            payload = render_ics(records, now)
    if target is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        write_private(target, payload)
        print(f"Wrote {target}", file=sys.stderr)
    return 0


def _check_target(target: Path, database: Path) -> None:
    if target.is_dir():
        raise ValidationError("-o", f"{target} is a folder; name a file to write.")
    if not target.parent.is_dir():
        raise ValidationError("-o", f"the folder {target.parent} does not exist.")
    if target == database.absolute() or (target.exists() and database.exists() and target.samefile(database)):
        raise ValidationError("-o", f"{target} is the workbook itself; name another file.")


def write_private(target: Path, payload: bytes) -> None:
    """A new file is created with mode 0600 (names and numbers); an existing one keeps its mode."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:
        raise VerbFailed(f"cannot write {target}: {error.strerror}; nothing was exported.") from None
    with os.fdopen(fd, "wb") as out:
        out.write(payload)
