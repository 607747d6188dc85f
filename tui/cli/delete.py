"""`followup delete`: an interview gone for good with its calls and thank-yous, after asking."""

from __future__ import annotations

import argparse

from .calls import confirmed
from .common import VerbFailed, open_session, short_id

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        interview = session.find(args.id)
        calls = len(session.calls_for(interview.id))
        shown = f"{interview.title} ({short_id(interview.id)}), with {calls} call{'s' if calls != 1 else ''}"
        if not args.yes and not confirmed(f"Delete {shown} for good? [y/N] "):
            raise VerbFailed("nothing was deleted.")
        session.delete_interview(interview.id)
    print(f"Deleted {shown}.")
    return 0
