"""A round of calls: the attempts that count, the last contact, and when to follow up (D13, D15, D19).

Shared by the next-step guidance and the guardrails so both read the record the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from .models import CallAttempt, Interview, Outcome, ThankYou
from .windows import interviewer_zone, next_working_day, windows_on

__all__ = [
    "FollowUp",
    "day_start",
    "finished_attempts",
    "live_attempt",
    "midnight",
    "next_follow_up",
    "short_date",
    "since_contact",
    "thanked",
    "unanswered",
]

#: A call left "in progress" longer than this is a stale record, not a live call.
LIVE_CALL = timedelta(hours=2)


@dataclass(frozen=True)
class FollowUp:
    """D19: when to check in again after a message or a conversation.

    `basis` is "decision" (a day or two after their date), "week" (after the last contact) or
    "chosen" (a date the user set on that call).
    """

    due: date
    late_from: date
    last_contact: CallAttempt
    basis: str


def finished_attempts(interview: Interview, calls: Iterable[CallAttempt]) -> list[CallAttempt]:
    """This interview's attempts that have an outcome, oldest first."""
    own = [c for c in calls if c.interview_id == interview.id and c.outcome is not None]
    return sorted(own, key=lambda c: c.started_at)


def live_attempt(interview: Interview, calls: Iterable[CallAttempt], now: datetime) -> CallAttempt | None:
    """A call under way: no outcome, no end, started in the last two hours."""
    for call in calls:
        unfinished = call.interview_id == interview.id and call.outcome is None and call.ended_at is None
        if unfinished and timedelta(0) <= now - call.started_at <= LIVE_CALL:
            return call
    return None


def since_contact(interview: Interview, calls: Iterable[CallAttempt]) -> list[CallAttempt]:
    """Finished attempts after the last message left or conversation: the current round (D15)."""
    finished = finished_attempts(interview, calls)
    for index in range(len(finished) - 1, -1, -1):
        outcome = finished[index].outcome
        if outcome is not None and outcome.ends_round:
            return finished[index + 1 :]
    return finished


def unanswered(attempts: Iterable[CallAttempt]) -> int:
    """How many rang out or were busy: each shows up as a missed call (D13)."""
    return sum(1 for c in attempts if c.outcome is not None and c.outcome.unanswered)


def thanked(interview: Interview, calls: Iterable[CallAttempt], thank_yous: Iterable[ThankYou]) -> bool:
    """D21: thanks said by any channel; a message left or a conversation says it too (D14, D16)."""
    if any(t.interview_id == interview.id for t in thank_yous):
        return True
    said = (Outcome.SPOKE, Outcome.VOICEMAIL_LEFT)
    return any(c.outcome in said for c in finished_attempts(interview, calls))


def next_follow_up(interview: Interview, calls: Iterable[CallAttempt], *, tz: tzinfo | None = None) -> FollowUp | None:
    """D19: a day or two after a stated decision date, else a week after the last contact.

    None until a message was left or someone was reached (before that D10-D13 apply). A date the
    user set on the last contact wins. Dates are read in the interviewer's zone (`tz` is the
    fallback); without a decision date it counts as late once two weeks have passed.
    """
    contacts = [c for c in finished_attempts(interview, calls) if c.outcome and c.outcome.ends_round]
    if not contacts:
        return None
    last = contacts[-1]
    zone = interviewer_zone(interview, tz or last.started_at.tzinfo or UTC)
    spoke_on = last.started_at.astimezone(zone).date()
    decision = interview.decision_expected
    if last.follow_up_on is not None and last.follow_up_on > spoke_on:
        due = last.follow_up_on
        return FollowUp(due, due + timedelta(days=7), last, "chosen")
    if decision is not None and decision >= spoke_on:
        due = next_working_day(decision + timedelta(days=1))
        return FollowUp(due, next_working_day(due + timedelta(days=2)), last, "decision")
    due = next_working_day(spoke_on + timedelta(days=7))
    return FollowUp(due, spoke_on + timedelta(days=15), last, "week")


def short_date(day: date) -> str:
    """'Fri 4 Dec'."""
    return f"{day:%a} {day.day} {day:%b}"


def day_start(day: date, tz: tzinfo) -> datetime:
    """The first good moment to call on that day in `tz` (the early window, D11)."""
    return windows_on(day, tz)[0].start


def midnight(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tz)
