"""Ending a call attempt: one function, so the app and `followup log-call` record it alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from .models import CallAttempt, Interview, Outcome
from .rounds import FollowUp, next_follow_up, short_date
from .windows import interviewer_calendar, interviewer_zone

if TYPE_CHECKING:
    from .timeline import Timeline

__all__ = ["FOLLOW_UP_AFTER", "Recorded", "default_follow_up", "read_day", "record_outcome"]

#: D19: without a date from them, the follow-up comes a week after the call (one to two weeks).
FOLLOW_UP_AFTER = timedelta(days=7)


@dataclass(frozen=True)
class Recorded:
    """What ending the call worked out: the decision phrase as read, and the next follow-up."""

    decision: Timeline | None
    follow_up: FollowUp | None


def read_day(
    interview: Interview, text: str, at: datetime, tz: tzinfo | None = None, day_first: bool = False
) -> Timeline:
    """A day said on a call ("by Friday", "2-3 weeks"), read on the interviewer's calendar at `at` (D17)."""
    from .timeline import parse_timeline  # the phrase reader loads when a day is first said, not at start

    fallback = tz or at.tzinfo or UTC
    theirs = at.astimezone(interviewer_zone(interview, fallback))
    return parse_timeline(text, theirs, day_first=day_first, calendar=interviewer_calendar(interview, fallback))


def default_follow_up(interview: Interview, at: datetime, tz: tzinfo | None = None) -> date:
    """D19: the follow-up day offered when their words cannot be read: a week on, on a working day of theirs."""
    fallback = tz or at.tzinfo or UTC
    day = at.astimezone(interviewer_zone(interview, fallback)).date()
    return interviewer_calendar(interview, fallback).next_working_day(day + FOLLOW_UP_AFTER)


def record_outcome(
    interview: Interview,
    call: CallAttempt,
    calls: Sequence[CallAttempt],
    ended: datetime,
    outcome: Outcome | None,
    decision: str = "",
    tz: tzinfo | None = None,
    day_first: bool = False,
) -> Recorded:
    """Close `call` (D18), keep their decision date as typed and read (D17), and set D19's next step.

    The decision is read once, here, as of the call: later edits keep the day it meant then.
    Mutates `interview` and `call`; the caller saves both.
    """
    call.ended_at = max(ended, call.started_at)
    call.outcome = outcome
    timeline = None
    if decision.strip():
        timeline = read_day(interview, decision, ended, tz, day_first)
        interview.decision_text = decision.strip()
        interview.decision_expected = timeline.date
    history = list(calls) if any(c.id == call.id for c in calls) else [*calls, call]
    follow = next_follow_up(interview, history, tz=tz)
    if follow is not None:
        call.next_step = f"Follow up on {short_date(follow.due)}"
    return Recorded(timeline, follow)
