"""The `followup` command: the workbook app by default, plus a verb for scripting each action."""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
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


if __name__ == "__main__":
    sys.exit(main())
