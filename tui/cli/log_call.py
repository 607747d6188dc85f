"""`followup log-call`: record a call attempt from the shell, as the app records one (D17, D18, D19)."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta

from ..domain.dates import humanize_day, parse_when
from ..domain.errors import ValidationError
from ..domain.guidance import next_step
from ..domain.models import CallAttempt, Outcome
from ..domain.recording import record_outcome
from ..domain.rounds import short_date
from ..domain.timeline import parse_timeline
from .common import open_workbook, read_text_arg, short_id, user_now

__all__ = ["OUTCOME_NAMES", "parse_outcome", "register", "run"]

#: What the user types for each outcome: the stored value with dashes.
OUTCOME_NAMES = {outcome.value.replace("_", "-"): outcome for outcome in Outcome}
_ALIASES = {
    "voicemail": Outcome.VOICEMAIL_LEFT,
    "message": Outcome.VOICEMAIL_LEFT,
    "spoke-with": Outcome.SPOKE,
    "spoken": Outcome.SPOKE,
    "call-back": Outcome.WILL_CALL_BACK,
    "callback": Outcome.WILL_CALL_BACK,
}
#: The longest call the verb believes; more is probably a typo.
_MAX_MINUTES = 300


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    names = ", ".join(OUTCOME_NAMES)
    parser = verbs.add_parser(
        "log-call",
        help="record a call attempt and its outcome",
        description="Record a call to the interviewer and what came of it; prints the next step, "
        "worked out by the same rules as the app.",
    )
    parser.add_argument("id", metavar="ID", help="the interview's id (any unique start of it)")
    parser.add_argument("--outcome", required=True, help=f"what happened: {names}")
    parser.add_argument("--notes", default="", metavar="TEXT", help="notes from the call; - reads them from stdin")
    parser.add_argument("--decision", default="", metavar="WHEN", help='when they expect to decide, e.g. "by Friday" (kept as typed if it is not a date)')
    parser.add_argument("--minutes", type=float, default=None, help="how long the call took")
    parser.add_argument("--at", default="", metavar="WHEN", help='when the call started (default: now), e.g. "today 9am"')
    parser.add_argument(
        "--follow-up", default="", metavar="WHEN", help="follow up on this day instead of the usual (D19)"
    )
    parser.set_defaults(handler=run)


def parse_outcome(text: str) -> Outcome:
    """'voicemail-left', 'voicemail_left', 'Voicemail left'; else a ValidationError listing the valid ones."""
    key = "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    found = OUTCOME_NAMES.get(key) or _ALIASES.get(key)
    if found is None:
        for outcome in Outcome:
            if key == "-".join(outcome.label.lower().replace(",", "").split()):
                found = outcome
    if found is None:
        valid = "\n".join(f"  {name:<16}{outcome.label}" for name, outcome in OUTCOME_NAMES.items())
        raise ValidationError("--outcome", f"“{text}” is not an outcome. Use one of:\n{valid}")
    return found


def run(args: argparse.Namespace) -> int:
    outcome = parse_outcome(args.outcome)
    minutes = args.minutes
    if minutes is not None and not 0 <= minutes <= _MAX_MINUTES:
        raise ValidationError("--minutes", f"{minutes:g} minutes is not a call length (0 to {_MAX_MINUTES}).")
    notes = read_text_arg(args.notes) or ""
    with open_workbook(args) as book:
        interview = book.find_interview(args.id)
        profile = book.profile
        now = user_now(profile)
        if args.at.strip():
            started = parse_when(args.at, now, past=True, field="--at")
            if started > now:
                raise ValidationError("--at", "That is still to come; log a call once it has been made.")
        else:
            started = now - timedelta(minutes=minutes or 0)
        ended = started + timedelta(minutes=minutes or 0)
        call = CallAttempt(interview.id, started, notes=notes.strip())
        if args.follow_up.strip():
            chosen = parse_timeline(args.follow_up, started, day_first=profile.day_first)
            if not chosen.ok:
                raise ValidationError("--follow-up", chosen.message)
            call.follow_up_on = chosen.date
        calls = [*book.calls_for(interview.id), call]
        recorded = record_outcome(
            interview, call, calls, ended, outcome, args.decision, tz=now.tzinfo, day_first=profile.day_first
        )
        decision, follow = recorded.decision, recorded.follow_up
        step = next_step(interview, calls, book.thank_yous_for(interview.id), now, profile)
        if decision is not None:
            book.save_interview(interview)
        book.save_call(call)
    print(f"Logged {outcome.label.lower()} for {interview.title} ({short_id(interview.id)}).")
    if decision is not None and decision.ok:
        print(f"They expect to decide by {short_date(decision.date)}.")  # type: ignore[arg-type]
    elif decision is not None:
        print(f"followup log-call: kept “{decision.text}” as written: {decision.message}", file=sys.stderr)
    due = step.due_phrase(now)
    print(f"Next: {step.label}{f' ({due})' if due else ''}. {step.reason}")
    if follow is not None:
        print(f"Follow up {humanize_day(follow.due, now)} ({short_date(follow.due)}).")
    return 0
