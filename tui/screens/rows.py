"""What the list and the guidance line say about an interview, from the next-step guidance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.markup import escape

from ..domain.dates import humanize_since

if TYPE_CHECKING:
    from ..domain.guidance import NextStep
from ..domain.models import CallAttempt, Interview, Outcome, Profile, ThankYou
from ..domain.recording import Recorded
from ..widgets.interview_list import ListRow

__all__ = [
    "build_row",
    "call_line",
    "call_scripts",
    "duration",
    "guidance_line",
    "history",
    "next_window",
    "recorded_line",
    "thank_you_line",
]


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
    elif (
        step.due is not None and step.kind is not StepKind.WAIT and step.due.astimezone(now.tzinfo).date() <= now.date()
    ):
        urgency = "today"
    return ListRow(interview, when, who, text, urgency)


def guidance_line(step: NextStep | None, now: datetime, window: str = "") -> str:
    """'Next: Call — now. The working day after the interview is the time to call.' in plain words.

    `window` is the good time to call for this step (D11), said when the step is a call.
    """
    if step is None:
        return ""
    phrase = step.due_phrase(now)
    head = f"[b]Next: {step.label}{' — ' + phrase if phrase else ''}.[/b]"
    also = "".join(f" {escape(text)}" for text in step.also)
    good_time = f" [$accent]Good time to call: {escape(window)}.[/]" if window else ""
    return f"{head} {escape(step.reason)}{good_time}{also}"


def next_window(interview: Interview, step: NextStep | None, now: datetime) -> str:
    """The step's own window (D10, D11): after the last try, in their time and yours; "" when the step has none."""
    if step is None or step.window is None:
        return ""
    said_already = step.due == step.window.start  # the step's own "today 16:00" names the day
    return step.window.describe(now.tzinfo, now, day=not said_already)


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
    outcome = (
        call.outcome.label
        if isinstance(call.outcome, Outcome)
        else ("in progress" if call.in_progress else "ended, outcome not recorded")
    )
    first = next((line.strip() for line in call.notes.splitlines() if line.strip()), "")
    text = f"{when:%a %-d %b %H:%M}  {duration(call.duration_seconds):>5}  {outcome}"
    return text + (f"\n      [i]{escape(first)}[/i]" if first else "")


def history(calls: Sequence[CallAttempt], thanks: Sequence[ThankYou], now: datetime) -> str:
    """Every call and thank-you of one interview, newest first."""
    called = "\n".join(call_line(c, now) for c in reversed(calls)) or "No calls yet. Press c to start one."
    sent = (
        "\n".join(thank_you_line(t, now) for t in reversed(thanks))
        or "None recorded yet. Press t once one has gone out."
    )
    return f"[b]Calls[/b]\n{called}\n[b]Thank-yous[/b]\n{sent}"


def call_scripts(
    interview: Interview, profile: Profile, now: datetime, templates: Mapping[str, str]
) -> tuple[str, str]:
    """Talking points (D16, D17) and the voicemail draft (D14) for the call pane, with what each still lacks."""
    from ..domain import scripts

    parts = []
    for title, draft in (
        ("When they pick up", scripts.talking_points(interview, profile, now, templates)),
        ("If voicemail answers", scripts.voicemail(interview, profile, now, templates)),
    ):
        lacking = "".join(f"\n[i]! {escape(gap)}[/i]" for gap in draft.missing)
        parts.append(f"[b]{title}[/b]\n{escape(draft.text)}{lacking}")
    return parts[0], parts[1]


def recorded_line(call: CallAttempt, recorded: Recorded) -> str:
    """What the notice says once a call is recorded (plain text)."""
    text = f"Recorded: {call.outcome.label if call.outcome else 'no outcome'}, {duration(call.duration_seconds)}."
    if call.next_step:
        text += f" {call.next_step}."
    if recorded.decision is not None and not recorded.decision.ok:
        text += f" Kept “{recorded.decision.text}” as written: {recorded.decision.message}"
    return text
