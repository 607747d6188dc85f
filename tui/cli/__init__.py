"""The `followup` command: the workbook app by default, plus scripting verbs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .locations import DB_ENV, database_path

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup",
        description="A workbook for following up on a job interview by phone.",
        epilog=f"The workbook file is --db PATH, else ${DB_ENV}, else one in your user data folder.",
    )
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the workbook file to use")
    parser.add_argument(
        "--demo", action="store_true", help="open a fresh temporary copy of the demo workbook"
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    verbs.add_parser("locate", help="print the path of the workbook file in use")
    from .verbs import add_verbs

    add_verbs(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verb == "locate":
        print(database_path(args.db))
        return 0
    if args.verb is not None:
        from .verbs import run_verb

        return run_verb(args)
    from .run import run_app

    return run_app(db=args.db, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
