"""Rehearsing the call (D6): the talking points in the order they are said, the self-check after a run,
and what the checklist says once the call has been practised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .checklist import tick
from .models import Interview, Profile, Rehearsal, RehearsalBranch
from .rounds import short_date
from .scripts import script_values

__all__ = [
    "PRACTISED_ENOUGH",
    "SelfCheck",
    "practised_line",
    "record_rehearsal",
    "self_checks",
    "talking_steps",
    "voicemail_keep",
]

#: D6: rehearse once or twice; after this many runs the item is ticked for the user.
PRACTISED_ENOUGH = 2
#: The question about their timeline (D17): said last when the call goes well.
_TIMELINE = re.compile(r"\bdecid|\bdecision|\btimeline|\bnext steps?\b|\bhear back\b", re.IGNORECASE)
_TIMELINE_STEP = "Ask: “When do you expect to make a decision?”"
_BULLET = re.compile(r"^\s*[•*\-–]\s+")


@dataclass(frozen=True)
class SelfCheck:
    """One question asked after a rehearsal; `answer` is known when the clock can say it."""

    key: str
    question: str
    answer: bool | None = None


def talking_steps(text: str) -> list[str]:
    """The talking points as steps to tick in order, the timeline question last (D16, D17).

    A bullet starts a step and the lines under it belong to it; a script without the timeline
    question gets it added, since a call that goes well ends with it.
    """
    steps: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if (_BULLET.match(line) and not line.startswith("  ")) or not steps:
            steps.append(_BULLET.sub("", line).strip())
        else:
            steps[-1] += "\n" + line.rstrip()
    timeline = [step for step in steps if _TIMELINE.search(step)]
    others = [step for step in steps if step not in timeline]
    return [*others, *(timeline[-1:] or [_TIMELINE_STEP])]


def self_checks(branch: RehearsalBranch, seconds: int) -> list[SelfCheck]:
    """The short questions after a run: the six parts and under 30 s for a message; the points and the timing otherwise."""
    if branch is RehearsalBranch.VOICEMAIL:
        return [
            SelfCheck("parts", "Said all six parts: name, job title, when, thanks, call back, number?"),
            SelfCheck("short", "Under 30 seconds?", seconds <= 30),
        ]
    return [
        SelfCheck("points", "Thanked them and said why you fit?"),
        SelfCheck("timing", "Asked when they expect to decide?"),
        SelfCheck("short", "Kept it brief (a few minutes)?", seconds <= 300),
    ]


def voicemail_keep(interview: Interview, profile: Profile | None, now: datetime) -> tuple[str, ...]:
    """The record's words a voicemail's parts are heard in: a line saying one of them is not one to cut."""
    values = script_values(interview, profile, now)
    return tuple(values[name] for name in ("my_name", "job_title", "interviewed_when") if values[name])


def record_rehearsal(interview: Interview, rehearsal: Rehearsal) -> None:
    """Keep the run; the run that makes it twice ticks the practice item, which the user may untick (D6)."""
    interview.rehearsals = (*interview.rehearsals, rehearsal)
    if len(interview.rehearsals) == PRACTISED_ENOUGH:
        tick(interview, "D6", True)


_TIMES = {1: "once", 2: "twice"}


def practised_line(interview: Interview) -> str:
    """'Practised twice, last on 24 Nov': what the checklist says under the practice item; "" before any run."""
    runs = interview.rehearsals
    if not runs:
        return ""
    times = _TIMES.get(len(runs), f"{len(runs)} times")
    last = max(run.at for run in runs)
    return f"Practised {times}, {'last ' if len(runs) > 1 else ''}on {short_date(last.date())}"
