"""`followup archive` and `restore`: an interview put aside (nothing deleted) or brought back, as the app does."""

from __future__ import annotations

import argparse

from .common import open_session, short_id

__all__ = ["restore", "run"]


def run(args: argparse.Namespace, archived: bool = True) -> int:
    with open_session(args) as session:
        interview = session.find(args.id)
        already = interview.archived == archived
        if not already:
            session.archive(interview.id, archived)
    state = "archived" if archived else "in the list"
    print(f"{interview.title} ({short_id(interview.id)}) {'was already' if already else 'is now'} {state}.")
    return 0


def restore(args: argparse.Namespace) -> int:
    return run(args, archived=False)
