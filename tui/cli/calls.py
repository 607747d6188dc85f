"""`followup calls`, `correct-call` and `delete-call`: the call record, put right from the shell.

Each goes through the same session functions as the app's call history.
"""

from __future__ import annotations

import argparse
import sys
from datetime import tzinfo

import orjson

from ..domain.errors import ValidationError
from ..domain.fields import printable
from ..domain.models import CallAttempt
from ..session.corrections import KEEP, correct_call, delete_call
from .common import VerbFailed, open_session, read_text_arg, short_id
from .log_call import parse_outcome

__all__ = ["call_line", "confirmed", "correct", "delete", "run"]


def call_line(call: CallAttempt, tz: tzinfo | None) -> str:
    local = call.started_at.astimezone(tz)
    outcome = call.outcome.label if call.outcome else "outcome not recorded"
    seconds = call.duration_seconds
    length = f"{seconds // 60}:{seconds % 60:02d}" if seconds is not None else "-"
    return f"{short_id(call.id)}  {local:%a %d %b %Y %H:%M}  {length:>5}  {outcome}"


def run(args: argparse.Namespace) -> int:
    with open_session(args, write=False) as session:
        interview = session.find(args.id)
        calls, now = list(session.calls_for(interview.id)), session.now()
    if args.json:
        rows = [
            {
                "id": c.id,
                "started_at": c.started_at.isoformat(),
                "ended_at": c.ended_at.isoformat() if c.ended_at else None,
                "outcome": c.outcome.value if c.outcome else None,
                "notes": c.notes,
                "next_step": c.next_step,
            }
            for c in calls
        ]
        print(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
    elif not calls:
        print(f"No calls yet for {printable(interview.title)}.")
    else:
        for call in calls:
            print(printable(call_line(call, now.tzinfo)))
    return 0


def correct(args: argparse.Namespace) -> int:
    outcome = (
        KEEP
        if args.outcome is None
        else None
        if args.outcome.strip().lower() == "none"
        else parse_outcome(args.outcome)
    )
    notes = read_text_arg(args.notes)
    with open_session(args) as session:
        call = session.find_call(args.call)
        try:
            recorded = correct_call(
                session, call.id, outcome=outcome, minutes=args.minutes, notes=notes, decision=args.decision
            )
        except ValidationError as error:
            raise ValidationError(f"--{error.field}", error.message) from None
        step, now = session.step(call.interview_id), session.now()
    print(f"Corrected: {printable(call_line(call, now.tzinfo))}")
    if recorded.decision is not None and not recorded.decision.ok:
        print(
            f"followup correct-call: kept “{printable(recorded.decision.text)}” as written: {recorded.decision.message}",
            file=sys.stderr,
        )
    due = step.due_phrase(now)
    print(f"Next: {step.label}{f' ({due})' if due else ''}. {step.reason}")
    return 0


def delete(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        call = session.find_call(args.call)
        shown = call_line(call, session.now().tzinfo)
        if not args.yes and not confirmed(f"Delete the call {printable(shown)}? [y/N] "):
            raise VerbFailed("nothing was deleted.")
        delete_call(session, call.id)
    print(f"Deleted: {printable(shown)}")
    return 0


def confirmed(question: str) -> bool:
    """Ask on the terminal; without one (a script), refuse unless --yes was given."""
    if not sys.stdin.isatty():
        raise ValidationError("--yes", "not asked at a terminal; add --yes to delete without asking.")
    print(question, end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")
