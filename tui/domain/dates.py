"""Moments typed the way people talk, and said back the way people say them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.relativedelta import relativedelta

from .errors import ValidationError

__all__ = [
    "humanize_day",
    "humanize_since",
    "parse_when",
    "zone",
]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
#: How far from now a typed moment may reasonably be.
_SANE_YEARS = 5


def zone(name: str | None, fallback: tzinfo | None = None) -> tzinfo:
    """The IANA zone of that name, or the fallback (the machine's local zone)."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    if fallback is not None:
        return fallback
    return datetime.now().astimezone().tzinfo or UTC


def _weekday_index(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    for index, name in enumerate(_WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def parse_when(text: str, now: datetime, *, past: bool = True, field: str = "when") -> datetime:
    """Parse "yesterday 2pm", "Tue 10:30", "25 Nov 3pm", "2026-11-25 14:00" into an aware moment.

    `now` is aware and gives the zone; a bare weekday means the latest one (past=True) or the
    next one (past=False). Raises ValidationError with a message a user can act on.
    """
    raw = (text or "").strip()
    if not raw:
        raise ValidationError(field, "Type a day and time, e.g. “yesterday 2pm” or “25 Nov 3pm”.")
    if raw.lower() == "now":
        return now
    words = raw.split()
    base: date | None = None
    first = words[0].lower().rstrip(",")
    if first in _RELATIVE_DAYS:
        base = now.date() + timedelta(days=_RELATIVE_DAYS[first])
        words = words[1:]
    elif (index := _weekday_index(first)) is not None and (len(words) == 1 or _looks_like_time(words[1:])):
        delta = (now.weekday() - index) % 7
        if past:
            base = now.date() - timedelta(days=delta)
        else:
            base = now.date() + timedelta(days=(index - now.weekday()) % 7 or 7)
        words = words[1:]
    rest = " ".join(words)
    from dateutil import parser as dateparser  # only when something is typed: keeps it off start-up

    default = datetime.combine(base or now.date(), time(9, 0))
    try:
        if base is not None and not rest:
            parsed = default
        else:
            parsed = dateparser.parse(rest if base is not None else raw, default=default, dayfirst=False)
    except (ValueError, OverflowError) as error:
        raise ValidationError(field, _explain(raw, error)) from None
    if base is not None and parsed.date() != base:
        raise ValidationError(field, f"“{raw}” mixes a day word with a date; use one of them.")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=now.tzinfo)
    else:
        parsed = parsed.astimezone(now.tzinfo)
    if base is None and past and parsed > now and not _has_year(raw):
        # "25 Nov" typed in early January means last November.
        earlier = parsed - relativedelta(years=1)
        if (parsed - now) > timedelta(days=60):
            parsed = earlier
    if abs(parsed - now) > timedelta(days=366 * _SANE_YEARS):
        raise ValidationError(field, f"“{raw}” is {parsed:%Y}, more than {_SANE_YEARS} years away; check the year.")
    return parsed


def _looks_like_time(words: list[str]) -> bool:
    return bool(words) and bool(re.match(r"^(at\s+)?\d{1,2}([:.]\d{2})?\s*(am|pm)?$", " ".join(words), re.I))


def _has_year(text: str) -> bool:
    return bool(re.search(r"\b\d{4}\b|\d+/\d+/\d+", text))


def _explain(raw: str, error: Exception) -> str:
    reason = str(error).lower()
    if "day is out of range" in reason or "month must be" in reason:
        return f"“{raw}” is not a real date; that month has no such day."
    if "hour must be" in reason or "minute must be" in reason or "second must be" in reason:
        return f"“{raw}” is not a real time of day; hours run 0-23 and minutes 0-59."
    return f"“{raw}” is not a date I can read; try “yesterday 2pm”, “Tue 10:30”, “25 Nov 3pm” or “2026-11-25 14:00”."


def humanize_day(moment: date | datetime, now: datetime) -> str:
    """'today', 'yesterday', 'on Tuesday', 'last week', '3 weeks ago', 'tomorrow', 'on Fri 4 Dec'."""
    day = moment.astimezone(now.tzinfo).date() if isinstance(moment, datetime) else moment
    days = (now.date() - day).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days == -1:
        return "tomorrow"
    if 1 < days < 7:
        return f"on {day:%A}"
    if -7 < days < -1:
        return f"on {day:%A}"
    if 7 <= days < 14:
        return "last week"
    if days >= 14:
        return humanize_since(datetime.combine(day, time(12), now.tzinfo), now)
    return f"on {day:%a} {day.day} {day:%b}"


def humanize_since(moment: datetime, now: datetime) -> str:
    """'just now', '5 min ago', '3 hours ago', 'yesterday', '3 days ago', '2 weeks ago', '4 months ago'."""
    delta = now - moment
    future = delta.total_seconds() < 0
    if future:
        delta = -delta
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        text = f"{seconds // 60} min"
    elif seconds < 86400:
        hours = seconds // 3600
        text = f"{hours} hour{'s' if hours != 1 else ''}"
    else:
        span = relativedelta(now.date(), moment.astimezone(now.tzinfo).date())
        if future:
            span = -span
        days = abs((now.date() - moment.astimezone(now.tzinfo).date()).days)
        if days == 1:
            return "tomorrow" if future else "yesterday"
        if span.years:
            text = f"{abs(span.years)} year{'s' if abs(span.years) != 1 else ''}"
        elif span.months:
            text = f"{abs(span.months)} month{'s' if abs(span.months) != 1 else ''}"
        elif days >= 14:
            text = f"{days // 7} weeks"
        else:
            text = f"{days} days"
    return f"in {text}" if future else f"{text} ago"
