"""The `followup` command: the workbook app by default, plus a verb for scripting each action."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

__all__ = ["main"]


@contextmanager
def _no_tls() -> Iterator[None]:
    """Modules imported meanwhile find no `ssl`: asyncio, which the app runs on, loads it only to offer TLS
    connections, and loading it loads OpenSSL (4.5 MB and 5-7 ms of every start). The workbook opens no
    connection. Afterwards `ssl` imports as usual, for any code that does need it."""
    if "ssl" in sys.modules:
        yield
        return
    sys.modules["ssl"] = None  # type: ignore[assignment]  # how Python is told a module is not there
    try:
        yield
    finally:
        if "ssl" in sys.modules and sys.modules["ssl"] is None:
            del sys.modules["ssl"]


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if (opening := _only_opening(argv)) is not None:
        # Every module and widget made while the app starts stays: the cycle collector would only walk
        # them over and over (15-20 ms of a start). The app turns it back on once its first frame shows.
        gc.disable()
        try:
            with _no_tls():
                from ..locations import database_path
                from ..reading import ReadAhead

                # The workbook is read on a thread of its own while the modules that open it load.
                ahead = None if opening[1] else ReadAhead(database_path(opening[0]))
                from .run import run_app

            return run_app(db=opening[0], demo=opening[1], ahead=ahead)
        finally:
            gc.enable()

    from ..locations import database_path
    from .parser import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is not None and not args.db.strip():
        parser.error("--db: the file name is empty; give the workbook's path, or leave --db out for the usual one")
    if args.verb == "locate":
        if args.demo:
            from .common import workbook_path

            print(workbook_path(args))
            print("followup locate: that is a fresh copy of the demo, removed when this command ends.", file=sys.stderr)
        else:
            print(database_path(args.db))
        return 0
    if args.verb is not None:
        from .verbs import run_verb

        return run_verb(args)
    from .run import run_app

    return run_app(db=args.db, demo=args.demo)


def _only_opening(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(--db, --demo) when the arguments do no more than open the workbook, as nearly every start does:
    the app then starts without building the parser of every verb (a few milliseconds). None for
    anything else, which the full parser reads, help and errors included."""
    db, demo, rest = None, False, list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--demo":
            demo = True
        elif arg == "--db" and rest and not rest[0].startswith("-"):
            db = rest.pop(0)
        elif arg.startswith("--db="):
            db = arg.removeprefix("--db=")
        else:
            return None
    if db is not None and not db.strip():
        return None  # the full parser says what is wrong with it
    return db, demo


if __name__ == "__main__":
    sys.exit(main())
