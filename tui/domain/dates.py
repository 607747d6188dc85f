"""Moments typed the way people talk, and said back the way people say them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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


def parse_when(
    text: str, now: datetime, *, past: bool = True, field: str = "when", day_first: bool = False
) -> datetime:
    """Parse "yesterday 2pm", "Tue 10:30", "25 Nov 3pm", "2 days ago", "last friday 3pm" into an aware moment.

    `now` is aware and gives the zone; a bare weekday means the latest one (past=True) or the
    next one (past=False); "last Friday" is the latest one before today. `day_first` reads "3/11"
    as 3 November. Raises ValidationError with a message a user can act on.
    """
    raw = (text or "").strip()
    if not raw:
        raise ValidationError(field, "Type a day and time, e.g. “yesterday 2pm” or “25 Nov 3pm”.")
    if raw.lower() == "now":
        return now
    if (exact := _written_by_a_machine(raw, now)) is not None:
        return _sane(exact, raw, field, now)
    spoken = _spoken(raw)
    if (ago := _ago(spoken, now)) is not None:
        return ago
    _check_order(raw, field, day_first)
    words = spoken.split()
    base: date | None = None
    first = words[0].rstrip(",")
    last_week = first == "last" and len(words) > 1 and _weekday_index(words[1]) is not None
    if last_week:
        words = words[1:]
        first = words[0].rstrip(",")
    if first in _RELATIVE_DAYS:
        base = now.date() + timedelta(days=_RELATIVE_DAYS[first])
        words = words[1:]
    elif (index := _weekday_index(first)) is not None and (len(words) == 1 or _looks_like_time(words[1:])):
        delta = (now.weekday() - index) % 7
        if last_week:
            base = now.date() - timedelta(days=delta or 7)
        elif past:
            base = now.date() - timedelta(days=delta)
        else:
            base = now.date() + timedelta(days=(index - now.weekday()) % 7 or 7)
        words = words[1:]
    rest = " ".join(words).removeprefix("at ").strip()
    from dateutil import parser as dateparser  # only when something is typed: keeps it off start-up

    default = datetime.combine(base or now.date(), time(9, 0))
    try:
        if base is not None and not rest:
            parsed = default
        else:
            parsed = dateparser.parse(rest if base is not None else spoken, default=default, dayfirst=day_first)
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
        from dateutil.relativedelta import relativedelta

        earlier = parsed - relativedelta(years=1)
        if (parsed - now) > timedelta(days=60):
            parsed = earlier
    return _sane(parsed, raw, field, now)


def _sane(parsed: datetime, raw: str, field: str, now: datetime) -> datetime:
    if abs(parsed - now) > timedelta(days=366 * _SANE_YEARS):
        raise ValidationError(field, f"“{raw}” is {parsed:%Y}, more than {_SANE_YEARS} years away; check the year.")
    return parsed


#: A day and time as a program writes them (an export, a calendar): year first, unambiguous.
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _written_by_a_machine(raw: str, now: datetime) -> datetime | None:
    """An ISO-8601 day and time, read exactly and at once (an import of thousands reads nothing else);
    in `now`'s zone, as every moment typed is. None for anything else, which is read as people type it."""
    if not _ISO_MOMENT.match(raw):
        return None
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return parsed.replace(tzinfo=now.tzinfo) if parsed.tzinfo is None else parsed.astimezone(now.tzinfo)


#: Parts of the day people name instead of a time, and the time they stand for.
_PARTS_OF_DAY = {"morning": "9am", "afternoon": "2pm", "evening": "6pm", "noon": "12pm", "midday": "12pm",
                 "lunchtime": "12pm", "tonight": "7pm"}  # fmt: skip
_AGO = re.compile(
    r"^(?:about |around |roughly |some )?(\d+|an?|one|two|three|four|five|six|a few|a couple of)\s+"
    r"(minute|min|hour|day|week)s?\s+ago(?:\s+(?:at\s+)?(.+))?$"
)
_AGO_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a few": 3,
               "a couple of": 2}  # fmt: skip


def _spoken(raw: str) -> str:
    """'Monday morning' to 'monday 9am', 'this afternoon' to 'today 2pm': the words dateutil does not know."""
    text = " ".join(raw.lower().split())
    text = _THIS_PART.sub(r"today \1", text)
    text = _TONIGHT.sub("today tonight", text)
    return _PART_OF_DAY.sub(lambda m: _PARTS_OF_DAY[m[1]], text)


_THIS_PART = re.compile(r"^this (morning|afternoon|evening)\b")
_TONIGHT = re.compile(r"^tonight\b")
_PART_OF_DAY = re.compile(r"\b(?:in the )?(" + "|".join(_PARTS_OF_DAY) + r")\b")


def _ago(text: str, now: datetime) -> datetime | None:
    """'3 hours ago', '2 days ago', 'a week ago 3pm': counted back from now (a day's time of day if one is given)."""
    match = _AGO.match(text)
    if match is None:
        return None
    amount = int(match[1]) if match[1].isdigit() else _AGO_COUNTS[match[1]]
    unit = {"min": "minutes", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks"}[match[2]]
    moment = now - timedelta(**{unit: amount})
    if match[3] is None:
        return moment
    day = moment.date().isoformat()
    return parse_when(f"{day} {match[3]}", now, field="when")


def _check_order(raw: str, field: str, day_first: bool) -> None:
    """'24/11' is no date read month first, nor '11/24' day first: refused rather than read the other way."""
    match = re.search(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})(?![\d])", raw)
    if match is None:
        return
    month = int(match[2]) if day_first else int(match[1])
    if month > 12:
        order = "day first (3/11 is 3 November)" if day_first else "month first (3/11 is March 11)"
        raise ValidationError(
            field, f"“{raw}” is not a real date read {order}; check the order, or your profile's setting."
        )


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


#: Small numbers in words, as a sentence says them ("about two months ago").
_SAID_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
                 10: "ten", 11: "eleven"}  # fmt: skip


def humanize_since(moment: datetime, now: datetime) -> str:
    """'just now', '5 min ago', '3 hours ago', 'yesterday', '3 days ago', '2 weeks ago', 'about a month ago', 'last month'."""
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
        then = moment.astimezone(now.tzinfo).date()
        days = abs((now.date() - then).days)
        if days == 1:
            return "tomorrow" if future else "yesterday"
        if days < 14:
            text = f"{days} days"
        elif days < 28:
            text = f"{days // 7} weeks"
        elif days < 46:
            text = "about a month"
        elif not future and days < 62 and (now.year * 12 + now.month) - (then.year * 12 + then.month) == 1:
            return "last month"
        elif days < 350:
            text = f"about {_SAID_NUMBERS.get(round(days / 30.44), str(round(days / 30.44)))} months"
        else:
            years = round(days / 365.25)
            text = "about a year" if years == 1 else f"about {_SAID_NUMBERS.get(years, str(years))} years"
    return f"in {text}" if future else f"{text} ago"
