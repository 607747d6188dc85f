"""`followup export`: the workbook for a spreadsheet, a backup, a notes app or a calendar."""

from __future__ import annotations

import argparse
import os
import stat
import sys
import time
from datetime import UTC
from pathlib import Path

from ..domain.errors import ValidationError
from ..store import StoreError
from ..store.opening import own_files, real_path
from ..store.storage import describe, write_atomic
from .common import OutputFailed, VerbFailed, open_session, workbook_path

__all__ = ["check_target", "deliver", "run", "write_export"]


def run(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser().absolute() if args.output not in (None, "-") else None
    if args.excel and args.format != "csv":
        raise ValidationError("--excel", f"it is for the csv export, not {args.format}.")
    if args.id is not None and args.format != "vcf":
        raise ValidationError(
            "--id", f"it picks one interviewer's card (--format vcf); {args.format} exports the whole workbook."
        )
    if args.watch and target is None:
        raise ValidationError("--watch", "it keeps a file up to date; name the file with -o FILE.")
    if target is not None:
        check_target(target, workbook_path(args))
    deliver(_render(args, target), target)
    return _watch(args, target) if args.watch and target is not None else 0


def deliver(payload: bytes, target: Path | None) -> None:
    """To standard output, or to the file named with -o (saying where it went)."""
    if target is None:
        try:
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputFailed(error) from None
    else:
        write_export(target, payload)
        print(f"Wrote {target}", file=sys.stderr)


def _render(args: argparse.Namespace, target: Path | None) -> bytes:
    """The export as bytes, from the workbook as it is on disk now."""
    with open_session(args, write=False) as session:
        now, records = session.now(), session.records()
        # Each format's module is imported only when asked for (icalendar is slow to import).
        if args.format == "csv":
            from ..formats.csvfile import render_csv

            payload = render_csv(records, now, excel=args.excel).encode("utf-8")
        elif args.format == "json":
            from ..formats.jsonfile import render, workbook_document

            payload = render(workbook_document(records, now)).encode("utf-8")
        elif args.format == "md":
            from ..formats.mdfile import render_markdown

            payload = render_markdown(records, now).encode("utf-8")
        elif args.format == "vcf":
            from ..formats.vcffile import render_vcf

            chosen = [session.find(args.id)] if args.id is not None else records.interviews
            payload = render_vcf(sorted(chosen, key=lambda i: (i.created_at or now, i.id)), now.tzinfo or UTC)
        else:
            from ..formats.icsfile import render_ics

            payload = render_ics(records, now, previous=_previous_export(target))
    return payload


#: How often --watch looks at the workbook, in seconds.
WATCH_EVERY = 1.0


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What changes whenever the workbook is saved (every save replaces the file)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def _watch(args: argparse.Namespace, target: Path) -> int:
    """Rewrite `target` (atomically) each time the workbook is saved, until Ctrl+C or a signal ends it."""
    path = workbook_path(args)
    seen = _stamp(path)
    print(f"Watching {path}: {target} is written again after each change. Ctrl+C stops.", file=sys.stderr, flush=True)
    try:
        while True:
            time.sleep(WATCH_EVERY)
            stamp = _stamp(path)
            if stamp == seen:
                continue
            seen = stamp
            try:
                write_export(target, _render(args, target))
            except (StoreError, VerbFailed, ValidationError) as error:
                print(f"followup export: {error} Trying again after the next change.", file=sys.stderr, flush=True)
            else:
                print(f"Wrote {target}", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        return 0


#: A previous calendar export larger than this is not one of ours; it is not read.
_PREVIOUS_AT_MOST = 16 * 1024 * 1024


def _previous_export(target: Path | None) -> bytes | None:
    """The calendar file being replaced, so its events are updated or cancelled rather than forgotten."""
    if target is None:
        return None
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = file.read(_PREVIOUS_AT_MOST + 1)
    return data if len(data) <= _PREVIOUS_AT_MOST else None


def check_target(target: Path, database: Path) -> None:
    """Refuse, before anything is read, a target that is a folder, a link, or one of the workbook's own files."""
    if target.is_symlink():
        raise ValidationError(
            "-o",
            f"{target} is a symbolic link (to {os.readlink(target)}); an export never writes through one. "
            "Name the file itself.",
        )
    if target.is_dir():
        raise ValidationError("-o", f"{target} is a folder; name a file to write.")
    if not target.parent.is_dir():
        raise ValidationError("-o", f"the folder {target.parent} does not exist.")
    mine = real_path(database)
    if target == mine or (target.exists() and _same(target, mine)):
        raise ValidationError("-o", f"{target} is the workbook itself; name another file.")
    if target in own_files(mine) or _is_kept_copy(target, mine):
        raise ValidationError(
            "-o",
            f"{target} is one of the files followup keeps beside the workbook (its backup, lock or "
            "copies); name another file.",
        )


def _is_kept_copy(target: Path, database: Path) -> bool:
    """The copies kept before a format update, and rescue files: `workbook.json.schema0.bak` ..."""
    if target.parent != database.parent:
        return False
    name = target.name
    return (name.startswith(f"{database.name}.schema") and name.endswith(".bak")) or name.startswith(
        f"{database.stem}.rescue"
    )


def _same(target: Path, database: Path) -> bool:
    try:
        return database.exists() and target.samefile(database)
    except OSError:
        return False


def write_export(target: Path, payload: bytes) -> None:
    """Replace `target` whole or not at all: a kill or a full disk leaves the previous export as it was.

    A new file is made 0600 (it holds names and numbers); a file that is there keeps its mode. A
    device or a pipe (`-o /dev/stdout`) cannot be replaced and is written straight to.
    """
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise VerbFailed(f"cannot write {target}: {describe(error)}; nothing was exported.") from None
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            _write_through(target, payload)
        else:
            write_atomic(target, payload, stat.S_IMODE(info.st_mode) if info is not None else 0o600)
    except OSError as error:
        kept = " The previous export is as it was." if info is not None and stat.S_ISREG(info.st_mode) else ""
        raise VerbFailed(f"cannot write {target}: {describe(error)}; nothing was exported.{kept}") from None


def _write_through(target: Path, payload: bytes) -> None:
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)  # a pipe nobody reads: refused
    try:
        os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
