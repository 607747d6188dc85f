"""The readers behind `timeline.parse_timeline`: one normalised phrase to the last day it can mean.

Each reader takes a phrase it may not recognise (then None) and the day it is said on, in the
interviewer's calendar. A span ("next week", "Q1") gives its last day, since the follow-up comes
after they expect to decide (D17, D19). A phrase that reads as something unusable raises Refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

from dateutil.relativedelta import MO, relativedelta, weekday

from .phrase_words import MONTHS, WEEKDAYS, Refused, Said, count, later_year_if_passed, short
from .workdays import country_name

__all__ = ["read_phrase"]

#: Where in a span a part ends: the last day of a month's part, the weekday a week's part ends on.
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 9}
_PART_OF_MONTH = {"early": 10, "beginning of": 10, "start of": 10, "mid": 20, "middle of": 20, "late": 31, "end of": 31}
_PART_OF_WEEK = {"early": 1, "start of": 1, "beginning of": 1, "mid": 2, "middle of": 2}
_PART = r"(?:(early|mid|middle of|late|end of|start of|beginning of)\s+)?"
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def read_phrase(phrase: str, said: Said) -> date | None:
    """The last day `phrase` can mean, or None when no reader knows it."""
    for reader in _READERS:
        found = reader(phrase, said)
        if found is not None:
            return found
    return None


def _relative_day(phrase: str, said: Said) -> date | None:
    days = {"today": 0, "tonight": 0, "later today": 0, "end of today": 0, "end of the day": 0, "end of day": 0,
            "tomorrow": 1, "end of tomorrow": 1, "day after tomorrow": 2, "next day or two": 2}  # fmt: skip
    return said.today + timedelta(days=days[phrase]) if phrase in days else None


_AMOUNT = re.compile(
    r"^(?:in\s+|within\s+)?(?:the\s+)?(?:next\s+)?(?P<n>-?\d+|[a-z]+(?: [a-z]+)??(?: of)?)(?:\s+or\s+(?P<m>\d+|[a-z]+))?"
    r"\s+(?P<unit>(?:business |working )?days?|weeks?|months?|hours?)(?:\s+(?:from|after)\s+(?:now|today))?$"
)


def _amount(phrase: str, said: Said) -> date | None:
    """'in two weeks', '2 or 3 weeks', '10 business days', '48 hours': the later end of a range."""
    phrase = re.sub(r"^(?:in\s+)?(?:a|an|one)\s+(day|week|month)\s+or\s+(\w+)$", r"1 or \2 \1s", phrase)
    match = _AMOUNT.match(phrase)
    if match is None:
        return None
    n = count(match["n"])
    if n is None:
        return None
    if match["m"] is not None:
        n = max(n, count(match["m"]) or n)
    if n <= 0:
        raise Refused("A time from now needs a number above zero.")
    unit, today = match["unit"], said.today
    if "business" in unit or "working" in unit:
        if n > 200:
            raise Refused(f"{n} working days is more than nine months away; check the number.")
        return said.calendar.add_working_days(today, n)
    if n > 1000:
        raise Refused(f"{n} {unit} is far too long to wait; check the number.")
    if unit.startswith("hour"):
        return today + timedelta(days=-(-n // 24))
    if unit.startswith("week"):
        return today + timedelta(weeks=n)
    if unit.startswith("month"):
        return today + relativedelta(months=n)
    return today + timedelta(days=n)


def _monday_next_week(today: date) -> date:
    return today + relativedelta(days=+1, weekday=MO(+1))


def _this_monday(today: date) -> date:
    """The Monday of the week being spoken of: this one, or at the weekend the one ahead."""
    return _monday_next_week(today) if today.weekday() >= 5 else today - timedelta(days=today.weekday())


_WEEKDAY_PHRASE = re.compile(
    r"(?:(this|next|coming|the coming|this coming)\s+)?([a-z]+)"
    r"(?:\s+(this week|next week|of next week|of this week|week|after next))?"
)


def _weekday_phrase(phrase: str, said: Said) -> date | None:
    """'Friday' (the next one after today), 'this Friday', 'next Friday', 'Tuesday next week', 'Monday week'."""
    phrase = re.sub(r"^(?:a week (?:from|on)|a week from this)\s+([a-z]+)$", r"\1 week", phrase)
    phrase = re.sub(r"^next week\s+([a-z]+)$", r"\1 next week", phrase)
    match = _WEEKDAY_PHRASE.fullmatch(phrase)
    if match is None or match[2] not in WEEKDAYS:
        return None
    day, today = weekday(WEEKDAYS[match[2]]), said.today
    which, after = match[1], (match[3] or "").removeprefix("of ")
    if which and after:
        return None
    if after == "this week" or which == "this":
        return max(today, _this_monday(today) + relativedelta(weekday=day(+1)))
    if after == "next week" or which == "next":
        return _monday_next_week(today) + relativedelta(weekday=day(+1))
    if after == "after next":
        return _monday_next_week(today) + timedelta(weeks=1) + relativedelta(weekday=day(+1))
    found = today + relativedelta(days=+1, weekday=day(+1))
    return found + timedelta(weeks=1) if after == "week" else found


_WEEK = re.compile(
    _PART + r"(?:the\s+)?(?:(this|next|following|coming|the coming) week|week after next|(week))"
    r"(?:\s+after\s+next)?"
)


def _week_phrase(phrase: str, said: Said) -> date | None:
    """'next week', 'end of the week', 'early next week', 'the week after next': the span's last working day."""
    phrase = re.sub(r"^later this week$", "end of this week", phrase)
    match = _WEEK.fullmatch(phrase)
    if match is None or (match[3] and not match[1]):
        return None  # a bare "week" only with a part: "end of week"
    which = match[2] or ("this" if match[3] else "after next")
    if phrase.endswith("after next"):
        which = "after next"
    if which == "this":
        monday = _this_monday(said.today)
    else:
        monday = _monday_next_week(said.today) + timedelta(weeks=1 if which == "after next" else 0)
    return monday + timedelta(days=_PART_OF_WEEK.get(match[1] or "", 4))


def _weekend(phrase: str, said: Said) -> date | None:
    """'by the weekend', 'next weekend': its Sunday, so the follow-up is the working day after."""
    match = re.fullmatch(r"(?:over\s+)?(?:(?:the|this|(next))\s+)?weekend", phrase)
    if match is None:
        return None
    sunday = _this_monday(said.today) + timedelta(days=6)
    return sunday + timedelta(weeks=1 if match[1] else 0)


def _month_phrase(phrase: str, said: Said) -> date | None:
    """'end of the month', 'early December', 'mid January 2027', 'in May' (next May, said in November)."""
    match = re.fullmatch(
        r"(?:in\s+)?" + _PART + r"(?:the\s+)?(?:(this|next|the) month|month|([a-z]+)(?:\s+(\d{4}))?)", phrase
    )
    if match is None:
        return None
    last = _PART_OF_MONTH.get(match[1] or "", 31)
    today = said.today
    if match[3] is not None:
        if match[3] not in MONTHS:
            return None
        start = date(int(match[4]) if match[4] else today.year, MONTHS[match[3]], 1)
        end = start + relativedelta(day=last)
        return end if match[4] else later_year_if_passed(end, today, last)
    start = today.replace(day=1) + relativedelta(months=1 if match[2] == "next" else 0)
    return start + relativedelta(day=last)


def _quarter(phrase: str, said: Said) -> date | None:
    """'Q1', 'end of Q1', 'early Q2 2027', 'next quarter', 'the end of the year': the span's last day."""
    today = said.today
    if re.fullmatch(r"(?:the\s+)?(?:end of (?:the |this )?year|year end|year-end|end of the calendar year)", phrase):
        return date(today.year, 12, 31)
    match = re.fullmatch(r"(early|beginning of|start of)\s+(next year|\d{4})", phrase)
    if match is not None:
        year = today.year + 1 if match[2] == "next year" else int(match[2])
        return date(year, 1, 31)
    phrase = re.sub(r"\b(first|second|third|fourth|1st|2nd|3rd|4th) quarter\b", lambda m: f"q{_ORDINALS[m[1]]}", phrase)
    match = re.fullmatch(_PART + r"(?:the\s+)?(?:q([1-4])|(this|next) quarter|quarter)(?:\s+(\d{4}))?", phrase)
    if match is None:
        return None
    current = (today.month - 1) // 3 + 1
    number = int(match[2]) if match[2] else current + (1 if match[3] == "next" else 0)
    year = int(match[4]) if match[4] else today.year
    year, number = year + (number - 1) // 4, (number - 1) % 4 + 1
    months_in = {"early": 1, "beginning of": 1, "start of": 1, "mid": 2, "middle of": 2}.get(match[1] or "", 3)
    end = date(year, 3 * number - 3 + months_in, 1) + relativedelta(day=31)
    if end < today and not match[4] and match[2]:
        end = date(year + 1, end.month, 1) + relativedelta(day=31)
    return end


def _week_of_month(phrase: str, said: Said) -> date | None:
    """'first week of December', 'the last week of the month': the Friday of that working week."""
    match = re.fullmatch(r"(?:the\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th) week of (?:the\s+)?(.+)", phrase)
    if match is None:
        return None
    month_end = _month_phrase(match[2], said)
    if month_end is None:
        return None
    first = month_end.replace(day=1)
    if match[1] == "last":
        return month_end
    # The first week is the one holding the 1st when that is early in a week, else the one after.
    monday = first - timedelta(days=first.weekday()) + timedelta(weeks=1 if first.weekday() > 2 else 0)
    friday = monday + timedelta(weeks=_ORDINALS[match[1]] - 1, days=4)
    if friday < said.today:
        raise Refused(f"That week ended on {short(friday)}; a decision date is still to come.")
    return friday


def _week_of(phrase: str, said: Said) -> date | None:
    """'the week of the 23rd', 'week of Dec 7', 'w/c 7 Dec': the Friday of the week holding that day."""
    match = re.fullmatch(r"(?:the\s+)?(?:week of|week commencing|w/c)\s+(?:the\s+)?(.+)", phrase)
    if match is None:
        return None
    day = read_phrase(match[1], said)
    if day is None:
        return None
    return day - timedelta(days=day.weekday()) + timedelta(days=4)


def _numeric(phrase: str, said: Said) -> date | None:
    """'3/12', '12/3/2026', '3.12.' and ISO '2026-12-03', in the user's chosen day/month order."""
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", phrase):
        try:
            return date.fromisoformat("-".join(part.zfill(2) for part in phrase.split("-")))
        except ValueError:
            raise Refused("Not a real date; check the month and day.") from None
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\.?", phrase)
    if match is None:
        return None
    a, b = int(match[1]), int(match[2])
    day, month = (a, b) if said.day_first else (b, a)
    order = "day/month" if said.day_first else "month/day"
    year = int(match[3]) if match[3] else said.today.year
    year += 2000 if year < 100 else 0
    try:
        found = date(year, month, day)
    except ValueError:
        raise Refused(f"Not a real date when read as {order}; check the order of day and month.") from None
    return found if match[3] else later_year_if_passed(found, said.today)


def _named_date(phrase: str, said: Said) -> date | None:
    """'Dec 3', '3 December', 'Thursday Dec 3', 'December 3, 2026' via dateutil; the weekday must agree."""
    words = re.findall(r"[a-z]+", phrase)
    if not any(word in MONTHS for word in words):
        return None
    for number in re.findall(r"(?<!\d)(\d{1,3})(?:st|nd|rd|th)?\b", phrase):
        if not 1 <= int(number) <= 31:
            raise Refused(f"No month has a day {int(number)}.")
    named = [WEEKDAYS[word] for word in words if word in WEEKDAYS]
    cleaned = " ".join(
        word for word in re.split(r"[\s,]+", phrase) if word not in WEEKDAYS and word not in ("of", "the")
    )
    from dateutil import parser as dateparser  # only for a named date: keeps it off every start

    today = said.today
    try:
        parsed = dateparser.parse(cleaned, default=datetime(today.year, today.month, 1)).date()
    except (ValueError, OverflowError) as error:
        if "out of range" in str(error) or "must be in" in str(error):
            raise Refused("Not a real date; that month has no such day.") from None
        return None
    if not re.search(r"\b\d{4}\b", phrase):
        parsed = later_year_if_passed(parsed, today)
    _same_weekday(parsed, named)
    return parsed


def _same_weekday(day: date, named: list[int]) -> None:
    if named and day.weekday() != named[0]:
        raise Refused(f"{day:%b} {day.day} is a {day:%A}, not a {_DAY_NAMES[named[0]]}; which did they mean?")


def _day_of_month(phrase: str, said: Said) -> date | None:
    """'the 15th', 'Friday the 4th', 'the first of the month', 'the 1st of next month'."""
    phrase = re.sub(r"^(?:the\s+)?first(?= of)", "1st", phrase)
    match = re.fullmatch(
        r"(?:([a-z]+)\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?:the\s+)?(next month|this month|month))?",
        phrase,
    )
    if match is None or (match[1] is not None and match[1] not in WEEKDAYS):
        return None
    number = int(match[2])
    if not 1 <= number <= 31:
        raise Refused(f"No month has a day {number}.")
    start = said.today.replace(day=1)
    ahead = 1 if match[3] == "next month" else 0
    for extra in range(ahead, ahead + (1 if match[3] == "next month" else 3)):
        month = start + relativedelta(months=extra)
        if (month + relativedelta(day=31)).day >= number and month.replace(day=number) >= said.today:
            found = month.replace(day=number)
            _same_weekday(found, [WEEKDAYS[match[1]]] if match[1] else [])
            return found
    return None


#: The holidays people time a decision by, as they say them, to the words the holiday tables use.
_HOLIDAYS = {
    "christmas": "christmas", "xmas": "christmas", "the holidays": "christmas", "the holiday season": "christmas",
    "thanksgiving": "thanksgiving", "easter": "easter", "new year": "new year", "new year's": "new year",
    "new years": "new year", "the new year": "new year", "labor day": "labor day", "labour day": "labour day",
    "memorial day": "memorial day", "the 4th of july": "independence day", "july 4th": "independence day",
    "independence day": "independence day", "boxing day": "boxing day",
}  # fmt: skip


def _holiday(phrase: str, said: Said) -> date | None:
    """'before Christmas', 'after Thanksgiving', 'the week of Thanksgiving', read from their country's holidays."""
    match = re.fullmatch(r"(before|after|by|over|around|the week of|the week after|week after|until)?\s*(.+)", phrase)
    if match is None or match[2] not in _HOLIDAYS:
        return None
    found = said.calendar.named(_HOLIDAYS[match[2]], said.today)
    if found is None:
        holiday = match[2].title().replace("'S", "'s")
        if not said.calendar.country:
            raise Refused(
                f"Which country they are in is not known, so neither is {holiday}; add their number or time zone, or ask for a day."
            )
        raise Refused(f"{holiday} is not a holiday in {country_name(said.calendar.country)}; which day did they mean?")
    day, _name = found
    how = match[1] or "by"
    if how == "before":
        return said.calendar.last_working_day(day - timedelta(days=1))
    if how in ("after", "the week after", "week after"):
        # The working week after the holiday: they decide once they are back.
        return day - timedelta(days=day.weekday()) + timedelta(weeks=1, days=4)
    if how == "the week of":
        return day - timedelta(days=day.weekday()) + timedelta(days=4)
    return day


def _before(phrase: str, said: Said) -> date | None:
    """'before Friday', 'before the end of the year': by then (a holiday is read by its own reader first)."""
    match = re.fullmatch(r"before\s+(.+)", phrase)
    return read_phrase(match[1], said) if match is not None else None


_READERS: tuple[Callable[[str, Said], date | None], ...] = (
    _holiday,
    _before,
    _relative_day,
    _amount,
    _weekday_phrase,
    _week_phrase,
    _weekend,
    _quarter,
    _week_of_month,
    _week_of,
    _month_phrase,
    _numeric,
    _day_of_month,
    _named_date,
)
