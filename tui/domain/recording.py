"""Ending a call attempt: one function, so the app and `followup log-call` record it alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from .models import CallAttempt, Interview, Outcome
from .rounds import FollowUp, next_follow_up, short_date
from .timeline import Timeline, parse_timeline

__all__ = ["Recorded", "record_outcome"]


@dataclass(frozen=True)
class Recorded:
    """What ending the call worked out: the decision phrase as read, and the next follow-up."""

    decision: Timeline | None
    follow_up: FollowUp | None


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

    Mutates `interview` and `call`; the caller saves both.
    """
    call.ended_at = max(ended, call.started_at)
    call.outcome = outcome
    timeline = None
    if decision.strip():
        timeline = parse_timeline(decision, ended, day_first=day_first)
        interview.decision_text = decision.strip()
        interview.decision_expected = timeline.date
    history = list(calls) if any(c.id == call.id for c in calls) else [*calls, call]
    follow = next_follow_up(interview, history, tz=tz)
    if follow is not None:
        call.next_step = f"Follow up on {short_date(follow.due)}"
    return Recorded(timeline, follow)
