"""What the list and the guidance line say about an interview, from the next-step guidance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from rich.markup import escape

from ..domain.dates import humanize_day, humanize_since

if TYPE_CHECKING:
    from ..domain.guidance import NextStep
from ..domain.models import CallAttempt, Interview, Outcome, Profile, ThankYou
from ..domain.recording import Recorded
from ..keymap import hint
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
    "round_lines",
    "thank_you_line",
]


def build_row(interview: Interview, step: NextStep | None, now: datetime, found: str = "") -> ListRow:
    """One row of the list; `found` marks where the filter's words were found in the notes."""
    row = _row(interview, step, now)
    return replace(row, found=found) if found else row


def _row(interview: Interview, step: NextStep | None, now: datetime) -> ListRow:
    from ..domain.guidance import StepKind

    who = interview.interviewer.name
    when = humanize_since(interview.interviewed_at, now) if interview.interviewed_at else "no date"
    if interview.archived:
        return ListRow(interview, when, who, f"Archived ({hint('restore', 'u')} restores)", "")
    if interview.settled:
        return ListRow(interview, when, who, interview.result.label, "")
    if step is None:
        return ListRow(interview, when, who)
    overdue = step.is_overdue(now)
    # The list says "late" and leaves since when to the guidance line, so the row stays short.
    phrase = "late" if overdue else with_whose(step.due_phrase(now), whose_time(interview, now))
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


def guidance_line(step: NextStep | None, now: datetime, window: str = "", whose: str = "") -> str:
    """'Next: Call — now. The working day after the interview is the time to call.' and, on a line of
    its own so it is never cut, the next good time to call (D10, D11) when the step is a call.

    `whose` ("your time") follows a clock time when the interviewer's zone is not the user's.
    """
    if step is None:
        return ""
    phrase = with_whose(step.due_phrase(now), whose)
    head = f"[b]Next: {step.label}{' — ' + phrase if phrase else ''}.[/b]"
    also = "".join(f" {escape(text)}" for text in step.also)
    good_time = f"\n[$accent]Good time to call: {escape(window)}.[/]" if window else ""
    return f"{head} {escape(step.reason)}{also}{good_time}"


def with_whose(phrase: str, whose: str) -> str:
    """'today 17:00' -> 'today 17:00 your time' where it matters; a phrase without a clock time stays."""
    return f"{phrase} {whose}" if whose and ":" in phrase else phrase


def whose_time(interview: Interview, now: datetime) -> str:
    """ "your time" when the interviewer's clock reads differently from the user's now, else ""."""
    from ..domain.windows import interviewer_zone

    theirs = now.astimezone(interviewer_zone(interview, now.tzinfo or UTC))
    return "your time" if theirs.utcoffset() != now.utcoffset() else ""


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


def history(
    calls: Sequence[CallAttempt], thanks: Sequence[ThankYou], now: datetime, rounds: Sequence[Interview] = ()
) -> list[tuple[str, str | None]]:
    """Every call (pickable, to correct it) and thank-you of one interview, newest first: (line, call id).

    With more than one round of the application, each round and how it ended comes first.
    """
    lines: list[tuple[str, str | None]] = round_lines(rounds, now)
    lines += [("[b]Calls[/b]  [$text-muted]enter on one corrects it[/]", None)]
    lines += [(call_line(c, now), c.id) for c in reversed(calls)] or [
        (f"No calls yet. Press {hint('start-call', 'c')} to start one.", None)
    ]
    lines.append(("[b]Thank-yous[/b]", None))
    sent = [(escape(thank_you_line(t, now)), None) for t in reversed(thanks)]
    lines += sent or [(f"None recorded yet. Press {hint('thank-you', 't')} once one has gone out.", None)]
    return lines


def round_lines(rounds: Sequence[Interview], now: datetime) -> list[tuple[str, str | None]]:
    """'Round 1  Tue 24 Nov · Next round, word came yesterday', one line per round of the application."""
    if len(rounds) < 2:
        return []
    lines: list[tuple[str, str | None]] = [("[b]Rounds[/b]", None)]
    for one in rounds:
        held = f"{one.interviewed_at.astimezone(now.tzinfo):%a %-d %b}" if one.interviewed_at else "no date yet"
        said = one.result.label + (f", {humanize_day(one.result_on, now)}" if one.result_on else "")
        lines.append((escape(f"Round {one.round}  {held} · {said}"), None))
    return lines


def call_scripts(
    interview: Interview, calls: Sequence[CallAttempt], profile: Profile, now: datetime, templates: Mapping[str, str]
) -> tuple[str, str, str]:
    """Talking points (D16, D17) and the voicemail (D14) as markup, with what each lacks, and which comes first.

    Before any missed call this round no message is needed if voicemail answers (D12), so the voicemail
    is shown as what to say next time; after one, the voicemail comes first (D13).
    """
    from ..domain import scripts
    from ..domain.rounds import since_contact, unanswered
    from ..domain.speaking import spoken_length

    talking = scripts.talking_points(interview, profile, now, templates)
    voicemail = scripts.voicemail(interview, profile, now, templates)
    missed = unanswered(since_contact(interview, calls))
    note = (
        ""
        if missed
        else (
            "[$warning]This first time, no message is needed: hang up and try again at another good time. "
            "Next time, leave this:[/]\n"
        )
    )
    said = f"\n[$text-muted]{escape(spoken_length(voicemail.text).line)}[/]"
    texts = [
        f"{note if draft is voicemail else ''}{escape(draft.text)}{said if draft is voicemail else ''}"
        + "".join(f"\n[i]! {escape(gap)}[/i]" for gap in draft.missing)
        for draft in (talking, voicemail)
    ]
    return texts[0], texts[1], "voicemail" if missed else "talking"


def recorded_line(call: CallAttempt, recorded: Recorded) -> str:
    """What the notice says once a call is recorded (plain text)."""
    text = f"Recorded: {call.outcome.label if call.outcome else 'no outcome'}, {duration(call.duration_seconds)}."
    if call.next_step:
        text += f" {call.next_step}."
    if recorded.decision is not None and not recorded.decision.ok:
        text += f" Kept “{recorded.decision.text}” as written: {recorded.decision.message}"
    return text
