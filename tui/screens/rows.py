"""What the list and the guidance line say about an interview, from the next-step guidance."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.markup import escape

from ..domain.dates import humanize_since

if TYPE_CHECKING:
    from ..domain.guidance import NextStep
from ..domain.models import CallAttempt, Interview, Outcome, ThankYou
from ..widgets.interview_list import ListRow

__all__ = [
    "build_row",
    "call_line",
    "duration",
    "guidance_line",
    "matches",
    "next_window",
    "sort_rows",
    "thank_you_line",
]

#: The steps whose next move is picking up the phone.
_CALLING = frozenset({"call_due", "try_again", "leave_voicemail", "follow_up", "prepare"})


def build_row(interview: Interview, step: NextStep | None, now: datetime) -> ListRow:
    from ..domain.guidance import StepKind

    who = interview.interviewer.name
    when = humanize_since(interview.interviewed_at, now) if interview.interviewed_at else "no date"
    if interview.archived:
        return ListRow(interview, when, who, "Archived (u restores)", "")
    if step is None:
        return ListRow(interview, when, who)
    phrase = step.due_phrase(now)
    overdue = step.is_overdue(now)
    joiner = " — " if overdue else " "
    text = step.label if not phrase or step.kind is StepKind.ON_CALL else f"{step.label}{joiner}{phrase}"
    urgency = ""
    if overdue:
        urgency = "overdue"
    elif step.due is not None and step.kind is not StepKind.WAIT and step.due.astimezone(now.tzinfo).date() <= now.date():
        urgency = "today"
    return ListRow(interview, when, who, text, urgency)


def sort_rows(rows: list[ListRow], steps: dict[str, NextStep], now: datetime) -> list[ListRow]:
    """Attention first (live call, overdue, due now, upcoming, waiting), then by company."""
    from ..domain.guidance import attention_key

    def key(row: ListRow) -> tuple:
        step = steps.get(row.interview.id)
        bucket = attention_key(step, now) if step is not None else (8, 0.0)
        return (row.interview.archived, bucket, row.interview.company.lower())

    return sorted(rows, key=key)


def matches(interview: Interview, words: list[str]) -> bool:
    """Every typed word appears in the company, role or interviewer's name."""
    haystack = f"{interview.company} {interview.role} {interview.interviewer.name}".lower()
    return all(word in haystack for word in words)


def guidance_line(step: NextStep | None, now: datetime, window: str = "") -> str:
    """'Next: Call — now. The working day after the interview is the time to call. (D10)'.

    `window` is the next good time to call (D11), said when the step is a call.
    """
    if step is None:
        return ""
    phrase = step.due_phrase(now)
    head = f"[b]Next: {step.label}{' — ' + phrase if phrase else ''}.[/b]"
    rule = f" ({step.rule})" if step.rule else ""
    also = "".join(f" {escape(text)}" for text in step.also)
    good_time = f" [$accent]Good time to call: {escape(window)}.[/]" if window else ""
    return f"{head} {escape(step.reason)}{rule}{good_time}{also}"


def next_window(interview: Interview, step: NextStep | None, now: datetime) -> str:
    """The next call window (D10, D11) in their time and yours, when the next step is a call."""
    from ..domain.windows import call_windows

    if step is None or step.kind not in _CALLING or interview.interviewed_at is None:
        return ""
    windows = call_windows(interview, now, count=1, fallback_tz=now.tzinfo)
    return windows[0].describe(now.tzinfo) if windows else ""


def thank_you_line(thanks: ThankYou, now: datetime) -> str:
    """One line of the thank-you record (D21): when, and by which channel."""
    when = thanks.sent_at.astimezone(now.tzinfo)
    return f"{when:%a %-d %b %H:%M}  {thanks.channel.label}"


def duration(seconds: int | None) -> str:
    if seconds is None:
        return "—"
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


def call_line(call: CallAttempt, now: datetime) -> str:
    """One history line: when, how long, outcome, first line of the notes."""
    when = call.started_at.astimezone(now.tzinfo)
    outcome = call.outcome.label if isinstance(call.outcome, Outcome) else ("in progress" if call.in_progress else "ended, outcome not recorded")
    first = next((line.strip() for line in call.notes.splitlines() if line.strip()), "")
    text = f"{when:%a %-d %b %H:%M}  {duration(call.duration_seconds):>5}  {outcome}"
    return text + (f"\n      [i]{escape(first)}[/i]" if first else "")
