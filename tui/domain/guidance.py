"""What to do next about one interview, worked out from its own record and the clock (D10-D21).

Pure functions over the model: the UI shows the result, the store never sees it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from .dates import humanize_day
from .guardrails import Caution, call_caution, call_warning, channel_warning
from .models import CHECKLIST_RULES, CallAttempt, Interview, Outcome, Profile, ThankYou
from .rounds import (
    FollowUp,
    day_start,
    live_attempt,
    midnight,
    next_follow_up,
    short_date,
    since_contact,
    thanked,
    unanswered,
)
from .windows import call_windows, first_call_day, interviewer_zone, user_zone

#: Re-exported here so callers find all the guidance in one place.
__all__ = [
    "Caution",
    "FollowUp",
    "NextStep",
    "StepKind",
    "attention_key",
    "call_caution",
    "call_warning",
    "channel_warning",
    "next_follow_up",
    "next_step",
    "thanked",
]

_RULE_LABELS = dict(CHECKLIST_RULES)


class StepKind(StrEnum):
    """The one thing to do next for an interview."""

    PREPARE = "prepare"
    CALL_DUE = "call_due"
    TRY_AGAIN = "try_again"
    LEAVE_VOICEMAIL = "leave_voicemail"
    ON_CALL = "on_call"
    WAIT = "wait"
    FOLLOW_UP = "follow_up"
    SAY_THANK_YOU = "say_thank_you"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """A few words for a list column."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    StepKind.PREPARE: "Prepare",
    StepKind.CALL_DUE: "Call",
    StepKind.TRY_AGAIN: "Try again",
    StepKind.LEAVE_VOICEMAIL: "Call, leave a message",
    StepKind.ON_CALL: "On a call",
    StepKind.WAIT: "Wait",
    StepKind.FOLLOW_UP: "Follow up",
    StepKind.SAY_THANK_YOU: "Say thank you",
    StepKind.CLOSED: "Closed",
}


@dataclass(frozen=True)
class NextStep:
    """The next step, why, from when, and from when it counts as late."""

    kind: StepKind
    reason: str
    due: datetime | None = None
    overdue_at: datetime | None = None
    rule: str = ""
    also: tuple[str, ...] = ()
    overdue: bool = False

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

    Order of concern: archived, a live call, no interview time, waiting after a contact (D15),
    following up (D19), a thank-you before the first call is due (D21), the checklist (D1-D4),
    the first call (D10), then another try (D12) or a try that leaves a message (D13).
    """
    calls = list(calls)
    if interview.archived:
        return NextStep(StepKind.CLOSED, "Archived; nothing more to do here.")
    if (live := live_attempt(interview, calls, now)) is not None:
        return NextStep(StepKind.ON_CALL, "A call is under way; jot down what you hear.", due=live.started_at)
    held = interview.interviewed_at
    if held is None:
        return NextStep(StepKind.PREPARE, "Add when the interview took place to see when to call.")
    mine = user_zone(profile, now)
    tz = interviewer_zone(interview, mine)
    is_thanked = thanked(interview, calls, thank_yous)
    also = () if is_thanked or now < held else ("No thank-you has gone out yet; any channel will do.",)
    current = since_contact(interview, calls)
    follow = next_follow_up(interview, calls, tz=mine)
    if follow is not None:
        due = day_start(follow.due, tz)
        if now < due:
            return _step(StepKind.WAIT, _wait_reason(interview, follow, now), due, None, "D15", also, now)
        if not current:
            over = midnight(follow.late_from, tz)
            reason = _follow_reason(interview, follow, now >= over)
            return _step(StepKind.FOLLOW_UP, reason, due, over, "D19", also, now)
        # Calls made during the wait do not make the follow-up day late: it starts from that day.
        return _retry(interview, current, now, tz, also, not_before=due)
    if current:
        return _retry(interview, current, now, tz, also)
    first = first_call_day(interview, tz)
    assert first is not None  # the interview has a time
    due, over = day_start(first, tz), midnight(first + timedelta(days=1), tz)
    if now < held:
        reason = f"The interview is {humanize_day(held, now)}; the call comes the working day after."
    elif not is_thanked and now < due:
        reason = "Send a short thank-you today; an email or a handwritten note is best."
        return _step(StepKind.SAY_THANK_YOU, reason, held, None, "D21", (), now)
    elif now >= over:
        reason = "The call was due the day after the interview; make it as soon as you can."
    else:
        reason = "The working day after the interview is the time to call and thank them."
    if not interview.ready_to_call:
        reason = "Before you call, get these ready: " + _missing_items(interview) + "."
        return _step(StepKind.PREPARE, reason, due, over, "D1-D4", also, now)
    return _step(StepKind.CALL_DUE, reason, due, over, "D10", also, now)


def _retry(
    interview: Interview,
    current: list[CallAttempt],
    now: datetime,
    tz: tzinfo,
    also: tuple[str, ...],
    not_before: datetime | None = None,
) -> NextStep:
    """D12, D13: after tries that reached nobody, when to ring again and whether to leave a message."""
    last = current[-1]
    if last.outcome is Outcome.WRONG_NUMBER:
        reason = "The last try reached a wrong number; find the decision-maker's direct line."
        return _step(StepKind.PREPARE, reason, now, None, "D5", also, now)
    base = max(last.started_at, not_before) if not_before is not None else last.started_at
    window = call_windows(interview, base, 1, fallback_tz=tz, after=base)[0]
    over = midnight(window.day + timedelta(days=1), tz)
    missed = unanswered(current)
    if missed >= 2:
        reason = f"{missed} tries went unanswered; if voicemail picks up, leave a message this time."
        return _step(StepKind.LEAVE_VOICEMAIL, reason, window.start, over, "D13", also, now)
    if missed == 1:
        # D12: no message was needed the first time. D13: the second unanswered try leaves one.
        reason = (
            "No answer last time, and no message was needed then. Call again at another good time; "
            "if voicemail picks up, leave a message."
        )
        return _step(StepKind.LEAVE_VOICEMAIL, reason, window.start, over, "D12, D13", also, now)
    reason = "Someone else answered; try the interviewer again at another good time."
    return _step(StepKind.TRY_AGAIN, reason, window.start, over, "D12", also, now)


def _step(
    kind: StepKind,
    reason: str,
    due: datetime | None,
    over: datetime | None,
    rule: str,
    also: tuple[str, ...],
    now: datetime,
) -> NextStep:
    return NextStep(kind, reason, due, over, rule, also, over is not None and now >= over)


def _missing_items(interview: Interview) -> str:
    return ", ".join(_RULE_LABELS[rule].lower() for rule in interview.missing_required)


def _wait_reason(interview: Interview, follow: FollowUp, now: datetime) -> str:
    when = humanize_day(follow.last_contact.started_at, now)
    did = {
        Outcome.VOICEMAIL_LEFT: f"You left a message {when}",
        Outcome.SPOKE: f"You spoke with them {when}",
        Outcome.WILL_CALL_BACK: f"They said {when} they would call back",
    }.get(follow.last_contact.outcome or Outcome.SPOKE, f"You were last in touch {when}")
    due = short_date(follow.due)
    if follow.basis == "decision" and interview.decision_expected is not None:
        return f"{did}. They expect to decide by {short_date(interview.decision_expected)}; follow up on {due}."
    if follow.basis == "chosen":
        return f"{did}. Follow up on {due}, the date you set."
    return f"{did}. Give them a week; follow up on {due}."


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


_BUCKETS = {StepKind.ON_CALL: 0, StepKind.CLOSED: 9}


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
