"""The coming days at a glance: each day's call windows, follow-ups and decision dates, late ones apart.

Times are on the user's clock, the interviewer's beside them when it differs. Pure: the app's
view and `followup agenda` draw the same Agenda.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from .guidance import NextStep, StepKind
from .models import Interview
from .windows import call_windows, interviewer_calendar, interviewer_zone

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "Agenda", "Entry", "build_agenda", "clock_span"]

#: The agenda shows a week by default and two at most.
DEFAULT_DAYS = 7
MAX_DAYS = 14
#: Steps that are a phone call: their next good windows are placed on the days.
_CALLING = frozenset({StepKind.CALL_DUE, StepKind.TRY_AGAIN, StepKind.LEAVE_VOICEMAIL, StepKind.FOLLOW_UP,
                      StepKind.PREPARE})  # fmt: skip
#: Steps that are a thing to do on a day, at no particular time.
_ON_A_DAY = frozenset({StepKind.SEND_EMAIL, StepKind.SAY_THANK_YOU, StepKind.FIND_NUMBER})
#: How many of a call's next windows are placed: enough to see today's and tomorrow's chances.
_WINDOWS = 2


@dataclass(frozen=True)
class Entry:
    """One thing on one day: a call window (with times), or a day's task or decision date (no times)."""

    interview_id: str
    title: str
    what: str
    day: date
    start: datetime | None = None
    end: datetime | None = None
    #: The same window on the interviewer's clock ("their 7:30–9:00"), "" when both clocks agree.
    theirs: str = ""
    late: bool = False
    decision: bool = False
    #: When the window starts on the interviewer's clock (None when both clocks agree).
    their_start: datetime | None = None


@dataclass(frozen=True)
class Agenda:
    """The days shown, what is late (at the top), and every entry by day, earliest first."""

    days: tuple[date, ...]
    late: tuple[Entry, ...]
    entries: tuple[Entry, ...]
    today: date

    def on(self, day: date) -> list[Entry]:
        return [entry for entry in self.entries if entry.day == day]


def clock_span(start: datetime, end: datetime) -> str:
    """'8:30–10:00' on the clock the moments carry."""
    return f"{start.hour}:{start:%M}–{end.hour}:{end:%M}"


def build_agenda(
    interviews: Iterable[Interview],
    step_of: Callable[[Interview], NextStep],
    now: datetime,
    mine: tzinfo,
    days: int = DEFAULT_DAYS,
) -> Agenda:
    """The next `days` days (today first) for every open interview; a result or the archive takes it off."""
    now = now.astimezone(mine)
    shown = tuple(now.date() + timedelta(days=n) for n in range(max(1, min(days, MAX_DAYS))))
    last = shown[-1]
    late: list[Entry] = []
    entries: list[Entry] = []
    for interview in interviews:
        if interview.archived or interview.settled:
            continue
        step = step_of(interview)
        late += _late(interview, step, now)
        entries += [e for e in _placed(interview, step, now, mine) if now.date() <= e.day <= last]
        decided = interview.decision_expected
        if decided is not None and now.date() <= decided <= last:
            entries.append(Entry(interview.id, interview.title, "Decision expected", decided, decision=True))
    entries.sort(key=lambda e: (e.day, e.start is not None, e.start or now, e.title))
    return Agenda(shown, tuple(sorted(late, key=lambda e: (e.day, e.title))), tuple(entries), now.date())


def _late(interview: Interview, step: NextStep, now: datetime) -> list[Entry]:
    if step.due is None or not step.is_overdue(now):
        return []
    return [Entry(interview.id, interview.title, step.label, step.due.astimezone(now.tzinfo).date(), late=True)]


def _placed(interview: Interview, step: NextStep, now: datetime, mine: tzinfo) -> list[Entry]:
    """A call's next windows; a wait's follow-up at the first window of its day; a day's task on its day."""
    if step.due is None:
        return []
    if step.kind in _ON_A_DAY:
        return [Entry(interview.id, interview.title, step.label, max(step.due.astimezone(mine).date(), now.date()))]
    if step.kind not in _CALLING and step.kind is not StepKind.WAIT:
        return []
    what = "Follow up" if step.kind is StepKind.WAIT else step.label
    count = 1 if step.kind is StepKind.WAIT else _WINDOWS
    days = interviewer_calendar(interview, mine)
    found = call_windows(interview, max(now, step.due), count, fallback_tz=mine, calendar=days, awake_in=mine)
    theirs_tz = interviewer_zone(interview, mine)
    placed = []
    for window in found:
        start, end = window.in_zone(mine)
        theirs, their_start = "", None
        if start.utcoffset() != window.start.utcoffset():
            their_start = window.start.astimezone(theirs_tz)
            other_day = "" if their_start.date() == start.date() else f"{their_start:%a} "
            theirs = f"their {other_day}{clock_span(their_start, window.end)}"
        placed.append(
            Entry(interview.id, interview.title, what, start.date(), start, end, theirs, their_start=their_start)
        )
    return placed
