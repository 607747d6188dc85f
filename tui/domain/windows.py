"""Good moments to call (D10, D11): early or late in the interviewer's working day, in their zone.

Windows are built as wall-clock times in the interviewer's IANA zone, so daylight-saving changes
are handled by zoneinfo; each window can also be shown in the user's own zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from .dates import zone
from .models import Interview, Profile

__all__ = [
    "EARLY",
    "LATE",
    "CallWindow",
    "Part",
    "call_windows",
    "first_call_day",
    "interviewer_zone",
    "is_working_day",
    "next_working_day",
    "user_zone",
    "windows_on",
]


class Part(StrEnum):
    """Which end of their working day a window sits at (D11)."""

    EARLY = "early"
    LATE = "late"


#: D11: before the day fills with meetings, and after it has wound down.
EARLY: tuple[time, time] = (time(8, 30), time(10, 0))
LATE: tuple[time, time] = (time(16, 0), time(17, 30))
_PARTS = ((Part.EARLY, EARLY), (Part.LATE, LATE))


@dataclass(frozen=True)
class CallWindow:
    """One good stretch of time to ring, as aware moments in the interviewer's zone."""

    start: datetime
    end: datetime
    part: Part

    @property
    def day(self) -> date:
        """The interviewer's calendar day this window falls on."""
        return self.start.date()

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def in_zone(self, tz: tzinfo) -> tuple[datetime, datetime]:
        """The same window, read on another clock (usually the user's own)."""
        return self.start.astimezone(tz), self.end.astimezone(tz)

    def describe(self, user_tz: tzinfo | None = None) -> str:
        """'Tue 1 Dec, 8:30–10:00 their time (Wed 2 Dec, 5:30–7:00 your time)'."""
        text = f"{_day(self.start)}, {_span(self.start, self.end)}"
        if user_tz is None:
            return text
        start, end = self.in_zone(user_tz)
        if start.utcoffset() == self.start.utcoffset() and start.tzname() == self.start.tzname():
            return text
        mine = _span(start, end)
        if start.date() != self.start.date():
            mine = f"{_day(start)}, {mine}"
        return f"{text} their time ({mine} your time)"


def _day(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b}"


def _clock(moment: datetime) -> str:
    return f"{moment.hour}:{moment:%M}"


def _span(start: datetime, end: datetime) -> str:
    return f"{_clock(start)}–{_clock(end)}"


def user_zone(profile: Profile | None, now: datetime) -> tzinfo:
    """The user's zone: their profile's IANA name, else the zone the clock is read in."""
    return zone(profile.timezone if profile else "", now.tzinfo)


def interviewer_zone(interview: Interview, fallback: tzinfo) -> tzinfo:
    """D11: the interviewer's zone when it is known, else the user's."""
    return zone(interview.interviewer_tz, fallback)


def is_working_day(day: date) -> bool:
    """Monday to Friday; D11 skips weekends."""
    return day.weekday() < 5


def next_working_day(day: date) -> date:
    """The first weekday on or after `day`."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def first_call_day(interview: Interview, tz: tzinfo) -> date | None:
    """D10 + D11: the first weekday after the interview day, in the interviewer's zone `tz`."""
    if interview.interviewed_at is None:
        return None
    held = interview.interviewed_at.astimezone(tz).date()
    return next_working_day(held + timedelta(days=1))


def windows_on(day: date, tz: tzinfo) -> list[CallWindow]:
    """The early and late windows of one day, as wall-clock times in `tz` (DST-safe)."""
    return [
        CallWindow(datetime.combine(day, start, tz), datetime.combine(day, end, tz), part)
        for part, (start, end) in _PARTS
    ]


def call_windows(
    interview: Interview,
    now: datetime,
    count: int = 3,
    *,
    fallback_tz: tzinfo | None = None,
    after: datetime | None = None,
) -> list[CallWindow]:
    """The next `count` windows to call (D10, D11).

    A window still open at `now` is included, so "call now" is possible; none falls before the day
    after the interview or on a weekend in the interviewer's zone. With `after`, only windows that
    start later than that moment count (another good time than the last try, D12).
    """
    tz = interviewer_zone(interview, fallback_tz or now.tzinfo or UTC)
    first = first_call_day(interview, tz)
    starts = [now.astimezone(tz).date()]
    if first is not None:
        starts.append(first)
    if after is not None:
        starts.append(after.astimezone(tz).date())
    day = max(starts)
    found: list[CallWindow] = []
    for _ in range(count * 2 + 14):
        if len(found) >= count:
            break
        if is_working_day(day):
            for window in windows_on(day, tz):
                if window.end <= now or (after is not None and window.start <= after):
                    continue
                found.append(window)
        day += timedelta(days=1)
    return found[:count]
