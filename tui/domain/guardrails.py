"""Attempt guardrails (D10, D11, D13, D15, D20): a calm word when a call goes against the practice.

The workbook never blocks a call; it says so once and lets the user go ahead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from .dates import humanize_day, humanize_since
from .models import CHECKLIST_RULES, CallAttempt, Channel, Interview, Outcome, Profile
from .rounds import day_start, next_follow_up, short_date, since_contact, stop_rule, unanswered
from .windows import EARLY, LATE, interviewer_calendar, interviewer_zone, is_working_day, user_zone
from .workdays import WorkCalendar

__all__ = ["Caution", "before_the_call", "call_caution", "call_warning", "channel_warning"]

_LABELS = dict(CHECKLIST_RULES)
#: D12: ringing again this soon after a try is redialling, not another good time.
REDIAL = timedelta(minutes=30)
_DID = {
    Outcome.VOICEMAIL_LEFT: "left a message",
    Outcome.SPOKE: "spoke with them",
    Outcome.WILL_CALL_BACK: "heard they would call back",
}


@dataclass(frozen=True)
class Caution:
    """A one-line word of caution before a call, and the rule it comes from."""

    rule: str
    text: str

    def __str__(self) -> str:
        return self.text


def call_caution(
    interview: Interview,
    calls: Iterable[CallAttempt],
    now: datetime,
    profile: Profile | None = None,
) -> Caution | None:
    """If ringing now goes against the practice, which rule and why; the weightiest one only.

    D15 (a message was left or they were reached: wait), then D13 (a missed call already: leave
    a message this time), then D10 (same day as the interview), then D11 (weekend or the wrong hour for them).
    """
    calls = list(calls)
    if interview.archived:
        return None
    mine = user_zone(profile, now)
    tz = interviewer_zone(interview, mine)
    days = interviewer_calendar(interview, mine)
    follow = next_follow_up(interview, calls, tz=mine, calendar=days)
    if follow is not None and stop_rule(interview, calls, (), follow) is not None and now >= day_start(follow.due, tz):
        return Caution("D15", "Two rounds of messages brought no reply; a short email is kinder than another call.")
    if follow is not None and now < day_start(follow.due, tz):
        did = _DID.get(follow.last_contact.outcome or Outcome.SPOKE, "were in touch")
        when = humanize_day(follow.last_contact.started_at, now)
        text = f"You {did} {when}; the usual next step is to wait until {short_date(follow.due)}. Go ahead if something changed."
        return Caution("D15", text)
    current = since_contact(interview, calls)
    if current and current[-1].outcome is not Outcome.WRONG_NUMBER and now - current[-1].started_at < REDIAL:
        gap = max(1, int((now - current[-1].started_at).total_seconds() // 60))
        text = f"You rang {gap} minute{'s' if gap != 1 else ''} ago; wait for another good time, or they see a string of missed calls."
        return Caution("D12", text)
    missed = unanswered(current)
    if missed >= 1:
        seen = "a missed call" if missed == 1 else f"{missed} missed calls"
        text = f"They have seen {seen} from you; if voicemail answers, leave a message this time."
        return Caution("D13", text)
    held = interview.interviewed_at
    same_day = held is not None and now.astimezone(tz).date() == held.astimezone(tz).date()
    if held is not None and follow is None and not current and held <= now and same_day:
        text = f"The interview was {humanize_since(held, now)}; the call usually comes the next working day."
        return Caution("D10", text)
    return _timing_caution(now.astimezone(tz), days)


def _timing_caution(theirs: datetime, days: WorkCalendar) -> Caution | None:
    """D11: a weekend or a public holiday, or outside or the middle of their working day."""
    clock = f"{theirs.hour}:{theirs:%M}"
    if holiday := days.holiday(theirs.date()):
        return Caution(
            "D11", f"It is {holiday} for them, a public holiday; a working day is more likely to reach them."
        )
    if not is_working_day(theirs.date()):
        return Caution("D11", f"It is {theirs:%A} for them; a weekday call is more likely to reach them.")
    hour = theirs.time()
    if hour < time(8) or hour >= time(18):
        return Caution("D11", f"It is {clock} for them, outside their working day.")
    if EARLY[1] <= hour < LATE[0]:
        return Caution("D11", f"It is {clock} for them; mid-day is often meetings, early or late is better.")
    return None


def call_warning(
    interview: Interview,
    calls: Iterable[CallAttempt],
    now: datetime,
    profile: Profile | None = None,
) -> str | None:
    """The caution's text alone, for a one-line notice; None when ringing now is fine."""
    caution = call_caution(interview, calls, now, profile)
    return caution.text if caution else None


def before_the_call(
    interview: Interview, calls: Iterable[CallAttempt], now: datetime, profile: Profile | None = None
) -> tuple[str, ...]:
    """What to say as a call begins: preparations not ticked (D1-D4), then the caution of the moment."""
    said = []
    if missing := interview.missing_required:
        names = "; ".join(_LABELS[rule].lower() for rule in missing)
        said.append(f"Not ticked yet: {names}. Go ahead if you are ready.")
    if warning := call_warning(interview, calls, now, profile):
        said.append(warning)
    return tuple(said)


def channel_warning(channel: Channel) -> str | None:
    """D20: a gentle word when a thank-you goes by a channel interviewers tend not to like, or that suits only sometimes."""
    if channel is Channel.LINKEDIN:
        return "LinkedIn suits a thank-you only where you were already talking there; otherwise an email lands better."
    if channel.advisable:
        return None
    return "A text message is rarely how interviewers like to be thanked; an email or a note lands better."
