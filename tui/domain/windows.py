"""Good moments to call (D10, D11): early or late in the interviewer's working day, in their zone.

Windows are built as wall-clock times in the interviewer's IANA zone, so daylight-saving changes
are handled by zoneinfo; each window can also be shown in the user's own zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from functools import lru_cache

from .dates import zone
from .models import Interview, Profile
from .workdays import WEEKDAYS_ONLY, WorkCalendar, calendar_for, country_for_zone

__all__ = [
    "EARLY",
    "LATE",
    "CallWindow",
    "Part",
    "awake",
    "call_windows",
    "earliest_call",
    "first_call_day",
    "interviewer_calendar",
    "interviewer_zone",
    "is_working_day",
    "next_working_day",
    "user_zone",
    "windows_on",
    "zone_key",
]


class Part(StrEnum):
    """Which end of their working day a window sits at (D11)."""

    EARLY = "early"
    LATE = "late"


#: D11: before the day fills with meetings, and after it has wound down.
EARLY: tuple[time, time] = (time(8, 30), time(10, 0))
LATE: tuple[time, time] = (time(16, 0), time(17, 30))
_PARTS = ((Part.EARLY, EARLY), (Part.LATE, LATE))
#: D10: "the day after" is about a day; a window sooner than this after the interview is too soon.
DAY_AFTER = timedelta(hours=18)
#: The user's own waking day: a window outside it would have them ring in their night.
WAKING: tuple[time, time] = (time(7, 0), time(22, 0))
#: How many days ahead windows are looked for (a fortnight and a little, past any run of holidays).
_SEARCH_DAYS = 16


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

    def describe(self, user_tz: tzinfo | None = None, now: datetime | None = None, *, day: bool = True) -> str:
        """'today, 8:30–10:00', or across zones 'Tue 1 Dec, 8:30–10:00 their time (Wed 2 Dec, 5:30–7:00 your time)'.

        With `now`, days near it are said as "today" and "tomorrow", each on its own clock;
        `day=False` leaves out the day when it is said already and both clocks share it.
        """
        text = f"{_day(self.start, now)}, {_span(self.start, self.end)}" if day else _span(self.start, self.end)
        if user_tz is None:
            return text
        start, end = self.in_zone(user_tz)
        if start.utcoffset() == self.start.utcoffset() and start.tzname() == self.start.tzname():
            return text
        mine = _span(start, end)
        if start.date() != self.start.date() or _day(start, now) != _day(self.start, now):
            mine = f"{_day(start, now)}, {mine}"
        return f"{text} their time ({mine} your time)"


def _day(moment: datetime, now: datetime | None = None) -> str:
    if now is not None:
        ahead = (moment.date() - now.astimezone(moment.tzinfo).date()).days
        if ahead in (0, 1):
            return ("today", "tomorrow")[ahead]
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


def zone_key(tz: tzinfo | None) -> str:
    """The IANA name of a zone object, or "" for a fixed offset."""
    return str(getattr(tz, "key", "") or "")


def interviewer_calendar(interview: Interview, fallback: tzinfo | None = None) -> WorkCalendar:
    """D11, D19: their working days, from their number's country, else their zone's, else the user's (`fallback`)."""
    return calendar_for(
        phone=interview.interviewer.phone, zone=interview.interviewer_tz, fallback=country_for_zone(zone_key(fallback))
    )


def is_working_day(day: date, calendar: WorkCalendar = WEEKDAYS_ONLY) -> bool:
    """D11 skips weekends, and public holidays where the country is known."""
    return calendar.is_working_day(day)


def next_working_day(day: date, calendar: WorkCalendar = WEEKDAYS_ONLY) -> date:
    """The first working day on or after `day`."""
    return calendar.next_working_day(day)


def earliest_call(interview: Interview) -> datetime | None:
    """D10: not before about 18 hours after the interview; with the next working day, about a day later."""
    held = interview.interviewed_at
    return None if held is None else held + DAY_AFTER


def first_call_day(interview: Interview, tz: tzinfo, calendar: WorkCalendar = WEEKDAYS_ONLY) -> date | None:
    """D10 + D11: the day of the first good window after the interview, in the interviewer's zone `tz`."""
    if interview.interviewed_at is None:
        return None
    found = call_windows(interview, interview.interviewed_at, 1, fallback_tz=tz, calendar=calendar)
    return found[0].day if found else None


def windows_on(day: date, tz: tzinfo) -> list[CallWindow]:
    """The early and late windows of one day, as wall-clock times in `tz` (DST-safe)."""
    return list(_windows_on(day, tz, _tz_name(tz)))


def _tz_name(tz: tzinfo) -> str:
    """Part of every cache key on a zone: fixed offsets equal by offset alone may still differ in name."""
    return str(tz)


#: Days of windows kept: a few weeks ahead in each of the handful of zones a workbook has.
_DAYS_KEPT = 4096


@lru_cache(maxsize=_DAYS_KEPT)
def _windows_on(day: date, tz: tzinfo, name: str) -> tuple[CallWindow, ...]:
    """The windows of one day in one zone, made once: thousands of interviews share the same days."""
    return tuple(
        CallWindow(datetime.combine(day, start, tz), datetime.combine(day, end, tz), part)
        for part, (start, end) in _PARTS
    )


def awake(window: CallWindow, tz: tzinfo) -> bool:
    """Whether the whole window falls inside the user's waking day on their own clock."""
    return _awake(window, tz, _tz_name(tz))


@lru_cache(maxsize=_DAYS_KEPT * 2)
def _awake(window: CallWindow, tz: tzinfo, name: str) -> bool:
    """`awake`, once per window and clock (a window is the same moments whatever zone it is written in)."""
    start, end = window.in_zone(tz)
    return WAKING[0] <= start.time() and end.time() <= WAKING[1] and start.date() == end.date()


def call_windows(
    interview: Interview,
    now: datetime,
    count: int = 3,
    *,
    fallback_tz: tzinfo | None = None,
    after: datetime | None = None,
    calendar: WorkCalendar | None = None,
    awake_in: tzinfo | None = None,
) -> list[CallWindow]:
    """The next `count` windows to call (D10, D11).

    A window still open at `now` is included, so "call now" is possible. None starts before about
    18 hours after the interview, on the interviewer's first working day after it, or on a weekend
    or public holiday in their country. With `after`, only windows that start later than that moment
    count (another good time than the last try, D12). With `awake_in` (the user's zone), windows
    inside the user's waking day come first when there are any in the coming fortnight.
    """
    tz = interviewer_zone(interview, fallback_tz or now.tzinfo or UTC)
    days_off = calendar if calendar is not None else interviewer_calendar(interview, fallback_tz or now.tzinfo)
    bounds = [] if after is None else [after + timedelta(microseconds=1)]
    if interview.interviewed_at is not None:
        held_day = interview.interviewed_at.astimezone(tz).date()
        bounds += [interview.interviewed_at + DAY_AFTER, datetime.combine(held_day + timedelta(days=1), time(0), tz)]
    not_before = max(bounds) if bounds else None
    if not_before is not None and not_before <= now - _SETTLED:
        not_before = None  # every window yet to end starts after it: the same search for every such interview
    found = _search(
        now.astimezone(UTC),
        not_before.astimezone(UTC) if not_before is not None else None,
        count,
        tz,
        _tz_name(tz),
        days_off,
        awake_in,
        _tz_name(awake_in) if awake_in is not None else "",
    )
    return list(found)


#: Longer than any window lasts, a change of clocks included: a bound this far back cannot rule one out.
_SETTLED = timedelta(days=1)


@lru_cache(maxsize=1024)
def _search(
    now: datetime,
    not_before: datetime | None,
    count: int,
    tz: tzinfo,
    name: str,
    days_off: WorkCalendar,
    awake_in: tzinfo | None,
    awake_name: str,
) -> tuple[CallWindow, ...]:
    """`call_windows` from its bounds (moments in UTC), once per clock: a list of interviews asks alike."""
    day = max(now.astimezone(tz), not_before.astimezone(tz) if not_before else now).date()
    found: list[CallWindow] = []
    mine: list[CallWindow] = []
    for _ in range(_SEARCH_DAYS):
        if days_off.is_working_day(day):
            for window in _windows_on(day, tz, name):
                if window.end <= now or (not_before is not None and window.start < not_before):
                    continue
                found.append(window)
                if awake_in is not None and _awake(window, awake_in, awake_name):
                    mine.append(window)
        if len(mine if awake_in is not None else found) >= count:
            break
        day += timedelta(days=1)
    return tuple(mine[:count] if mine else found[:count])
