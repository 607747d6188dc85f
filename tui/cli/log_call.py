"""`followup log-call`: record a call attempt from the shell, as the app records one (D17, D18, D19)."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta

from ..domain.dates import humanize_day
from ..domain.errors import ValidationError
from ..domain.fields import moment, plain
from ..domain.models import Outcome
from ..domain.rounds import short_date
from .common import open_session, read_text_arg, short_id

__all__ = ["OUTCOME_NAMES", "parse_outcome", "run"]

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
    notes = plain(read_text_arg(args.notes) or "", "--notes", one_line=False)
    said = plain(args.decision, "--decision")
    with open_session(args) as session:
        interview = session.find(args.id)
        now = session.now()
        day_first = session.profile.day_first
        started = moment(args.at, now, "--at", past=True, day_first=day_first) or now - timedelta(minutes=minutes or 0)
        if started > now:
            raise ValidationError("--at", "That is still to come; log a call once it has been made.")
        ended = started + timedelta(minutes=minutes or 0)
        follow_up_on = None
        if args.follow_up.strip():
            chosen = session.read_day(interview.id, args.follow_up, started)
            if not chosen.ok:
                raise ValidationError("--follow-up", chosen.message)
            follow_up_on = chosen.date
        unread = said.strip() and not session.read_day(interview.id, said, ended).ok
        if unread and follow_up_on is None:
            # D17, D19: their words are kept, and the follow-up day is said, never taken silently.
            follow_up_on = session.default_follow_up(interview.id, ended)
        call, recorded = session.log_call(interview.id, started, ended, outcome, notes.strip(), said, follow_up_on)
        step = session.step(interview.id)
    decision, follow = recorded.decision, recorded.follow_up
    print(
        f"Logged {outcome.label.lower()} for {interview.title} ({short_id(interview.id)}); the call is {short_id(call.id)}."
    )
    if decision is not None and decision.date is not None:
        print(f"They expect to decide by {short_date(decision.date)}.")
    elif decision is not None:
        print(f"followup log-call: kept “{decision.text}” as written: {decision.message}", file=sys.stderr)
        if not args.follow_up.strip() and follow_up_on is not None:
            print(
                f"followup log-call: following up on {short_date(follow_up_on)}, a week after this call; "
                "give --follow-up to choose another day.",
                file=sys.stderr,
            )
    due = step.due_phrase(now)
    print(f"Next: {step.label}{f' ({due})' if due else ''}. {step.reason}")
    if follow is not None:
        print(f"Follow up {humanize_day(follow.due, now)} ({short_date(follow.due)}).")
    return 0
