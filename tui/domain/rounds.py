"""A round of calls: the attempts that count, the last contact, when to follow up and when to stop (D13, D15, D19).

Shared by the next-step guidance and the guardrails so both read the record the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from .models import CallAttempt, Channel, Interview, Outcome, ThankYou
from .windows import interviewer_calendar, interviewer_zone, windows_on
from .workdays import WorkCalendar

__all__ = [
    "FollowUp",
    "Stop",
    "counted_attempts",
    "day_start",
    "finished_attempts",
    "live_attempt",
    "midnight",
    "next_follow_up",
    "short_date",
    "since_contact",
    "stop_rule",
    "thanked",
    "unanswered",
    "unreplied_messages",
]

#: A call left "in progress" longer than this is a stale record, not a live call.
LIVE_CALL = timedelta(hours=2)
#: D15: messages this far apart or more are separate rounds (a follow-up round, not a second message the same week).
ROUND_GAP = timedelta(days=5)
#: D15: after this many rounds of messages with no reply, stop calling.
ROUNDS_WITHOUT_REPLY = 2
#: D13, D15: a round stops ringing after this many unanswered tries (voicemail never took a message) ...
UNANSWERED_AT_MOST = 3
#: ... or this many tries that reached nobody (someone else, busy, no answer).
TRIES_AT_MOST = 4
#: D15: how long the short email is the next step before the interview is left to rest.
EMAIL_WAIT = timedelta(days=7)


@dataclass(frozen=True)
class FollowUp:
    """D19: when to check in again after a message or a conversation.

    `basis` is "decision" (a day or two after their date), "week" (after the last contact) or
    "chosen" (a date the user set on that call). `moved_by` names the holidays that pushed it on.
    """

    due: date
    late_from: date
    last_contact: CallAttempt
    basis: str
    moved_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stop:
    """D15: calling has come to an end for now.

    `why` is "messages" (a follow-up round brought no reply either) or "rings out" (this round's tries
    reach nobody); `last_try` is the latest attempt, and `emailed` whether an email went out after it.
    """

    why: str
    last_try: datetime
    emailed: bool


def finished_attempts(interview: Interview, calls: Iterable[CallAttempt]) -> list[CallAttempt]:
    """This interview's attempts that have an outcome, oldest first."""
    own = [c for c in calls if c.interview_id == interview.id and c.outcome is not None]
    return sorted(own, key=lambda c: c.started_at)


def counted_attempts(interview: Interview, calls: Iterable[CallAttempt]) -> list[CallAttempt]:
    """Finished attempts, less a wrong number whose number has since been fixed (D5): it is behind us."""
    phone = interview.interviewer.phone
    return [
        c
        for c in finished_attempts(interview, calls)
        if not (c.outcome is Outcome.WRONG_NUMBER and c.dialled and c.dialled != phone)
    ]


def live_attempt(interview: Interview, calls: Iterable[CallAttempt], now: datetime) -> CallAttempt | None:
    """A call under way: no outcome, no end, started in the last two hours."""
    for call in calls:
        unfinished = call.interview_id == interview.id and call.outcome is None and call.ended_at is None
        if unfinished and timedelta(0) <= now - call.started_at <= LIVE_CALL:
            return call
    return None


def since_contact(interview: Interview, calls: Iterable[CallAttempt]) -> list[CallAttempt]:
    """Counted attempts after the last message left or conversation: the current round (D15)."""
    finished = counted_attempts(interview, calls)
    for index in range(len(finished) - 1, -1, -1):
        outcome = finished[index].outcome
        if outcome is not None and outcome.ends_round:
            return finished[index + 1 :]
    return finished


def unanswered(attempts: Iterable[CallAttempt]) -> int:
    """How many rang out or were busy: each shows up as a missed call (D13)."""
    return sum(1 for c in attempts if c.outcome is not None and c.outcome.unanswered)


def unreplied_messages(interview: Interview, calls: Iterable[CallAttempt]) -> list[CallAttempt]:
    """D15: the messages left (or word that they would call back) since you last spoke, one per round."""
    found: list[CallAttempt] = []
    for call in counted_attempts(interview, calls):
        if call.outcome is Outcome.SPOKE:
            found = []
        elif call.outcome in (Outcome.VOICEMAIL_LEFT, Outcome.WILL_CALL_BACK) and (
            not found or call.started_at - found[-1].started_at >= ROUND_GAP
        ):
            found.append(call)
    return found


def stop_rule(
    interview: Interview, calls: Sequence[CallAttempt], thank_yous: Iterable[ThankYou], follow: FollowUp | None
) -> Stop | None:
    """D15: every sequence of attempts comes to an end. None while calling still makes sense.

    A follow-up round that brought no reply either (two rounds of messages), or a round where the
    phone rings out again and again, ends the calling: a short email, then let it rest.
    """
    why = ""
    if len(unreplied_messages(interview, calls)) >= ROUNDS_WITHOUT_REPLY and follow is not None:
        why = "messages"
    else:
        tries = [c for c in since_contact(interview, calls) if c.outcome is not Outcome.WRONG_NUMBER]
        if unanswered(tries) >= UNANSWERED_AT_MOST or len(tries) >= TRIES_AT_MOST:
            why = "rings out"
    if not why:
        return None
    last = max(c.started_at for c in finished_attempts(interview, calls))
    emailed = any(
        t.interview_id == interview.id and t.channel is Channel.EMAIL and t.sent_at >= last for t in thank_yous
    )
    return Stop(why, last, emailed)


def thanked(interview: Interview, calls: Iterable[CallAttempt], thank_yous: Iterable[ThankYou]) -> bool:
    """D21: thanks said by any channel; a message left or a conversation says it too (D14, D16)."""
    if any(t.interview_id == interview.id for t in thank_yous):
        return True
    said = (Outcome.SPOKE, Outcome.VOICEMAIL_LEFT)
    return any(c.outcome in said for c in finished_attempts(interview, calls))


def next_follow_up(
    interview: Interview,
    calls: Iterable[CallAttempt],
    *,
    tz: tzinfo | None = None,
    calendar: WorkCalendar | None = None,
) -> FollowUp | None:
    """D19: a day or two after a stated decision date, else a week after the last contact.

    None until a message was left or someone was reached (before that D10-D13 apply). A date the
    user set on the last contact wins. Days are the interviewer's working days, in their zone
    (`tz` is the fallback, the user's); it counts as late some working days after it is due.
    """
    contacts = [c for c in counted_attempts(interview, calls) if c.outcome and c.outcome.ends_round]
    if not contacts:
        return None
    last = contacts[-1]
    fallback = tz or last.started_at.tzinfo or UTC
    zone = interviewer_zone(interview, fallback)
    days = calendar if calendar is not None else interviewer_calendar(interview, fallback)
    spoke_on = last.started_at.astimezone(zone).date()
    decision = interview.decision_expected
    if last.follow_up_on is not None and last.follow_up_on > spoke_on:
        due = last.follow_up_on
        return FollowUp(due, days.add_working_days(due, 5), last, "chosen")
    if decision is not None and decision >= spoke_on:
        return _moved(days, decision + timedelta(days=1), 2, last, "decision")
    return _moved(days, spoke_on + timedelta(days=7), 6, last, "week")


def _moved(days: WorkCalendar, wanted: date, late_after: int, last: CallAttempt, basis: str) -> FollowUp:
    """The first working day from `wanted`, late `late_after` working days on, naming the holidays skipped."""
    due = days.next_working_day(wanted)
    skipped = tuple(name for _, name in days.holidays_between(wanted, due))
    return FollowUp(due, days.add_working_days(due, late_after), last, basis, skipped)


def short_date(day: date) -> str:
    """'Fri 4 Dec'."""
    return f"{day:%a} {day.day} {day:%b}"


def day_start(day: date, tz: tzinfo) -> datetime:
    """The first good moment to call on that day in `tz` (the early window, D11)."""
    return windows_on(day, tz)[0].start


def midnight(day: date, tz: tzinfo) -> datetime:
    return _midnight(day, tz, str(tz))


@lru_cache(maxsize=4096)
def _midnight(day: date, tz: tzinfo, name: str) -> datetime:
    """Made once for each day and zone: the steps of thousands of interviews end on the same few days
    (`name`: zones of one offset but different names are not the same zone)."""
    return datetime.combine(day, time(0), tz)
