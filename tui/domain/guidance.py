"""What to do next about one interview, worked out from its own record and the clock (D10-D21).

Pure functions over the model: the UI shows the result, the store never sees it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from functools import lru_cache

from .dates import humanize_day
from .guardrails import REDIAL, Caution, call_caution, call_warning, channel_warning
from .models import CallAttempt, Interview, Outcome, Profile, ThankYou
from .rounds import (
    EMAIL_WAIT,
    FollowUp,
    Stop,
    day_start,
    live_attempt,
    midnight,
    next_follow_up,
    short_date,
    since_contact,
    stop_rule,
    thanked,
    unanswered,
)
from .windows import CallWindow, awake, call_windows, interviewer_calendar, interviewer_zone, user_zone
from .workdays import WorkCalendar

#: Re-exported here so callers find all the guidance in one place.
__all__ = [
    "THANK_YOU_REMINDER",
    "Caution",
    "FollowUp",
    "NextStep",
    "StepKind",
    "attention_key",
    "call_caution",
    "call_warning",
    "channel_warning",
    "most_urgent",
    "next_follow_up",
    "next_step",
    "thanked",
]


class StepKind(StrEnum):
    """The one thing to do next for an interview."""

    PREPARE = "prepare"
    FIND_NUMBER = "find_number"
    CALL_DUE = "call_due"
    TRY_AGAIN = "try_again"
    LEAVE_VOICEMAIL = "leave_voicemail"
    ON_CALL = "on_call"
    WAIT = "wait"
    FOLLOW_UP = "follow_up"
    SEND_EMAIL = "send_email"
    LET_IT_REST = "let_it_rest"
    SAY_THANK_YOU = "say_thank_you"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """A few words for a list column."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    StepKind.PREPARE: "Prepare",
    StepKind.FIND_NUMBER: "Get their number",
    StepKind.CALL_DUE: "Call",
    StepKind.TRY_AGAIN: "Try again",
    StepKind.LEAVE_VOICEMAIL: "Call, leave a message",
    StepKind.ON_CALL: "On a call",
    StepKind.WAIT: "Wait",
    StepKind.FOLLOW_UP: "Follow up",
    StepKind.SEND_EMAIL: "Send a short email",
    StepKind.LET_IT_REST: "Let it rest",
    StepKind.SAY_THANK_YOU: "Say thank you",
    StepKind.CLOSED: "Closed",
}
#: D21: said beside the next step until a thank-you has gone out (D20: the channels that land best).
THANK_YOU_REMINDER = "No thank-you sent yet; an email or a note is best."
#: The reminder as a step's `also`: one tuple that every unthanked interview's step shares.
_THANK_YOU_ALSO = (THANK_YOU_REMINDER,)


@dataclass(frozen=True, slots=True)
class NextStep:
    """The next step, why, from when, from when it counts as late, and the good time to call for it."""

    kind: StepKind
    reason: str
    due: datetime | None = None
    overdue_at: datetime | None = None
    rule: str = ""
    also: tuple[str, ...] = ()
    overdue: bool = False
    window: CallWindow | None = None

    @property
    def label(self) -> str:
        return self.kind.label

    def is_overdue(self, now: datetime) -> bool:
        return self.overdue_at is not None and now >= self.overdue_at

    def is_due(self, now: datetime) -> bool:
        return self.due is not None and now >= self.due

    def due_phrase(self, now: datetime) -> str:
        """'late, was due yesterday', 'now', 'today 16:00', 'on Monday 8:30', in `now`'s zone."""
        if self.due is None:
            return ""
        if self.is_overdue(now):
            return f"late, was due {humanize_day(self.due, now)}"
        if self.is_due(now):
            return "now"
        local = self.due.astimezone(now.tzinfo)
        if self.kind is StepKind.WAIT:
            # D15: a day to wait for, not an appointment; the hour would only add noise.
            return f"till {humanize_day(local, now).removeprefix('on ')}"
        return f"{humanize_day(local, now)} {local.hour}:{local:%M}"


def next_step(
    interview: Interview,
    calls: Iterable[CallAttempt],
    thank_yous: Iterable[ThankYou],
    now: datetime,
    profile: Profile | None = None,
) -> NextStep:
    """The one next step for this interview at `now` (aware), with its reason and due moment.

    Order of concern: archived, a live call, no interview time, the stop rule (D15), waiting after
    a contact (D15), following up (D19), a thank-you before the first call is due (D21), the
    checklist (D1-D4), the first call (D10), then another try (D12) or one that leaves a message (D13).
    A call step without a number to ring asks for the number (D5).
    """
    calls, thank_yous = list(calls), list(thank_yous)
    if interview.archived:
        return NextStep(StepKind.CLOSED, "Archived; nothing more to do here.")
    if interview.settled:
        return NextStep(StepKind.CLOSED, _settled_reason(interview, now))
    if calls and (live := live_attempt(interview, calls, now)) is not None:
        return NextStep(StepKind.ON_CALL, "A call is under way; jot down what you hear.", due=live.started_at)
    held = interview.interviewed_at
    if held is None:
        return NextStep(StepKind.PREPARE, "Add when the interview took place to see when to call.")
    mine = user_zone(profile, now)
    plan = _Plan(interview, now, mine, interviewer_zone(interview, mine), interviewer_calendar(interview, mine))
    is_thanked = thanked(interview, calls, thank_yous)
    plan.also = () if is_thanked or now < held else _THANK_YOU_ALSO
    if not calls:  # no attempt yet: no round, no follow-up, nothing to stop (most of a big workbook)
        return _first_call(plan, is_thanked)
    current = since_contact(interview, calls)
    follow = next_follow_up(interview, calls, tz=mine, calendar=plan.days)
    stop = stop_rule(interview, calls, thank_yous, follow)
    due = day_start(follow.due, plan.tz) if follow is not None else None
    # Calls rung during a wait do not end the calling: the wait for the follow-up day still holds.
    if stop is not None and not (stop.why == "rings out" and due is not None and now < due):
        return _stopped(plan, stop, follow)
    if follow is not None and due is not None:
        if now < due:
            return plan.step(StepKind.WAIT, _wait_reason(interview, follow, now), due, None, "D15")
        if not current:
            over = midnight(follow.late_from, plan.tz)
            reason = _follow_reason(interview, follow, now >= over)
            return plan.call(StepKind.FOLLOW_UP, reason, due, over, "D19", plan.window(due))
        # Calls made during the wait do not make the follow-up day late: it starts from that day.
        return _retry(plan, current, not_before=due)
    if current:
        return _retry(plan, current)
    return _first_call(plan, is_thanked)


def _settled_reason(interview: Interview, now: datetime) -> str:
    """'Offer, word came yesterday; no more follow-up calls.': a result closes the follow-up."""
    when = f", word came {humanize_day(interview.result_on, now)}" if interview.result_on is not None else ""
    return f"{interview.result.label}{when}; no more follow-up calls for this round."


class _Plan:
    """What every step of one interview is worked out with: the clock, both zones, their working days."""

    def __init__(self, interview: Interview, now: datetime, mine: tzinfo, tz: tzinfo, days: WorkCalendar) -> None:
        self.interview, self.now, self.mine, self.tz, self.days = interview, now, mine, tz, days
        self.also: tuple[str, ...] = ()

    def window(self, after: datetime) -> CallWindow | None:
        """The next good window from `after` (one still open counts), inside the user's waking day if possible."""
        moment = max(after, self.now)
        found = call_windows(self.interview, moment, 1, fallback_tz=self.mine, calendar=self.days, awake_in=self.mine)
        return found[0] if found else None

    def step(
        self,
        kind: StepKind,
        reason: str,
        due: datetime | None,
        over: datetime | None,
        rule: str,
        window: CallWindow | None = None,
    ) -> NextStep:
        late = over is not None and self.now >= over
        return NextStep(kind, reason, due, over, rule, self.also, late, window)

    def call(
        self, kind: StepKind, reason: str, due: datetime, over: datetime | None, rule: str, window: CallWindow | None
    ) -> NextStep:
        """A call step; D5: without a number to ring, getting the number comes first."""
        if not self.interview.interviewer.phone.strip():
            reason = "There is no number to call yet; add their direct line (from their card or email signature)."
            return self.step(StepKind.FIND_NUMBER, reason, due, over, "D5")
        return self.step(kind, reason, due, over, rule, window)


def _first_call(plan: _Plan, is_thanked: bool) -> NextStep:
    """D10, D21, D1-D4: the call the working day after the interview, and what comes before it."""
    interview, now = plan.interview, plan.now
    held = interview.interviewed_at
    assert held is not None  # next_step has checked
    # The first window after the interview, inside the user's waking day when one is near.
    first = call_windows(interview, held, 1, fallback_tz=plan.mine, calendar=plan.days, awake_in=plan.mine)[0]
    due, over = first.start, midnight(first.day + timedelta(days=1), plan.tz)
    # Still ahead and inside the user's waking day, the first window is the next good one too.
    window = first if now <= due and awake(first, plan.mine) else plan.window(due)
    moved = _holidays_note(plan.days, held.astimezone(plan.tz).date() + timedelta(days=1), first.day)
    if now < held:
        reason = f"The interview is {humanize_day(held, now)}; the call comes the working day after."
    elif not is_thanked and now < due:
        reason = "Send a short thank-you today; an email or a handwritten note is best."
        return NextStep(StepKind.SAY_THANK_YOU, reason, held, None, "D21")
    elif now >= over:
        reason = "The call was due the day after the interview; make it as soon as you can."
    elif moved:
        reason = f"{moved}, so the call moves to {short_date(first.day)}."
    else:
        reason = "The working day after the interview is the time to call and thank them."
    if not interview.ready_to_call:
        reason = _get_ready(tuple(interview.missing_required))
        return plan.step(StepKind.PREPARE, reason, due, over, "D1-D4", window)
    return plan.call(StepKind.CALL_DUE, reason, due, over, "D10", window)


def _holidays_note(days: WorkCalendar, first: date, last: date) -> str:
    """'Thanksgiving Day is a holiday there': the holidays that moved a call, in a few words."""
    names = list(dict.fromkeys(name for _, name in days.holidays_between(first, last)))
    if not names:
        return ""
    return f"{' and '.join(names[:2])} {'is a holiday' if len(names) == 1 else 'are holidays'} there"


def _retry(plan: _Plan, current: list[CallAttempt], not_before: datetime | None = None) -> NextStep:
    """D12, D13: after tries that reached nobody, when to ring again and whether to leave a message."""
    now = plan.now
    last = current[-1]
    if last.outcome is Outcome.WRONG_NUMBER:
        reason = "The last try reached a wrong number; find their direct line and fix it here."
        over = midnight(plan.days.add_working_days(last.started_at.astimezone(plan.tz).date(), 1), plan.tz)
        return plan.step(StepKind.FIND_NUMBER, reason, last.started_at, over, "D5")
    base = max(last.started_at, not_before) if not_before is not None else last.started_at
    found = call_windows(plan.interview, base, 1, fallback_tz=plan.mine, after=base, calendar=plan.days,
                         awake_in=plan.mine)  # fmt: skip
    window = found[0]
    over = midnight(window.day + timedelta(days=1), plan.tz)
    missed = unanswered(current)
    soon = timedelta(0) <= now - last.started_at < REDIAL
    wait = f"You rang {_minutes(now - last.started_at)} ago; wait for another good time." if soon else ""
    if last.outcome is Outcome.SOMEONE_ELSE:
        who = plan.interview.interviewer.greeting or "the interviewer"
        reason = f"Someone else answered: ask when {who} is free, or leave word."
        kind = StepKind.LEAVE_VOICEMAIL if missed >= 2 else StepKind.TRY_AGAIN  # D13: they have seen missed calls
        return plan.call(kind, reason, window.start, over, "D12", window)
    if missed >= 2:
        reason = wait or f"{missed} tries unanswered; if voicemail picks up, leave a message."
        return plan.call(StepKind.LEAVE_VOICEMAIL, reason, window.start, over, "D13", window)
    # D12: no message was needed the first time. D13: the second unanswered try leaves one.
    reason = wait or "No answer, and no message was needed. Next time, leave one."
    return plan.call(StepKind.LEAVE_VOICEMAIL, reason, window.start, over, "D12, D13", window)


def _minutes(gap: timedelta) -> str:
    minutes = max(1, int(gap.total_seconds() // 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _stopped(plan: _Plan, stop: Stop, follow: FollowUp | None) -> NextStep:
    """D15: no more calls. Wait for a reply to the last message, then a short email, then let it rest."""
    if stop.why == "messages" and follow is not None:
        start = day_start(follow.due, plan.tz)
        if plan.now < start:
            when = humanize_day(follow.last_contact.started_at, plan.now)
            reason = f"You left a second message {when}; if they have not replied by {short_date(follow.due)}, send a short email."
            return plan.step(StepKind.WAIT, reason, start, None, "D15")
        why = "Two rounds of messages brought no reply, so no more calls"
    else:
        start = stop.last_try
        why = "Calls are not getting through, so no more ringing"
    if stop.emailed or plan.now >= start + EMAIL_WAIT:
        reason = "No reply yet; let it rest. If they get in touch, record it and the guidance picks up again."
        return plan.step(StepKind.LET_IT_REST, reason, None, None, "D15")
    over = midnight(plan.days.add_working_days(start.astimezone(plan.tz).date(), 3), plan.tz)
    reason = f"{why}: send a short email to thank them and ask where things stand."
    return plan.step(StepKind.SEND_EMAIL, reason, start, over, "D15")


#: D1-D4 in the fewest words, for a guidance line that has three lines at most.
_SHORT_LABELS = {"D1": "your resume", "D2": "references", "D3": "a quiet place", "D4": "key qualifications"}


@lru_cache(maxsize=64)
def _get_ready(missing: tuple[str, ...]) -> str:
    """The reason to get ready first, made once for each set of items missing: thousands of steps share it."""
    return "Before you call, get ready: " + ", ".join(_SHORT_LABELS[rule] for rule in missing) + "."


def _wait_reason(interview: Interview, follow: FollowUp, now: datetime) -> str:
    when = humanize_day(follow.last_contact.started_at, now)
    did = {
        Outcome.VOICEMAIL_LEFT: f"You left a message {when}",
        Outcome.SPOKE: f"You spoke with them {when}",
        Outcome.WILL_CALL_BACK: f"They said {when} they would call back",
    }.get(follow.last_contact.outcome or Outcome.SPOKE, f"You were last in touch {when}")
    due = short_date(follow.due)
    moved = f" ({', '.join(follow.moved_by)} is a holiday there)" if follow.moved_by else ""
    if follow.basis == "decision" and interview.decision_expected is not None:
        return f"{did}. They expect to decide by {short_date(interview.decision_expected)}; follow up on {due}{moved}."
    if follow.basis == "chosen":
        return f"{did}. Follow up on {due}, the date you set."
    return f"{did}. Give them a week; follow up on {due}{moved}."


def _follow_reason(interview: Interview, follow: FollowUp, late: bool) -> str:
    if follow.basis == "decision" and interview.decision_expected is not None:
        text = f"They meant to decide by {short_date(interview.decision_expected)}; call to ask where things stand."
    elif follow.basis == "chosen":
        text = "The follow-up date you set has come; a short call to check in."
    else:
        text = "A week has passed since your last contact; a short call to check in."
    if late:
        text += " It is getting late, so make it soon."
    return text


_BUCKETS = {StepKind.ON_CALL: 0, StepKind.LET_IT_REST: 8, StepKind.CLOSED: 9}


def most_urgent(interview: Interview, calls: Sequence[CallAttempt]) -> tuple[int, float] | None:
    """The most urgent `attention_key` this interview's next step can have, at any moment, from what it
    holds alone: no step is worked out. None when only the step can tell (archived, a result come, no
    interview time, a call not ended). `calls`: the interview's, oldest first.

    Every step but a live call's sorts as overdue (1) or after it, and an overdue step is due no earlier
    than the interview or the first call: the first call comes after the interview (D10), another try
    after the last (D12, D13), a follow-up after a contact (D19), an email after the last try (D15).
    """
    held = interview.interviewed_at
    if interview.archived or interview.settled or held is None:
        return None
    if not calls:  # most of a big workbook
        return 1, held.timestamp()
    if any(call.ended_at is None and call.outcome is None for call in calls):
        return None  # a call under way comes first of all
    return 1, min(held, calls[0].started_at).timestamp()


def attention_key(step: NextStep, now: datetime) -> tuple[int, float]:
    """Sort key, smallest first: live call, overdue (oldest first), due now, upcoming, waiting, closed."""
    due = step.due.timestamp() if step.due is not None else float("inf")
    if step.kind in _BUCKETS:
        return _BUCKETS[step.kind], due
    if step.is_overdue(now):
        return 1, due
    if step.kind is StepKind.WAIT:
        return 5, due
    if step.due is None:
        return (3 if step.kind is StepKind.PREPARE else 6), due
    return (2 if step.is_due(now) else 4), due
