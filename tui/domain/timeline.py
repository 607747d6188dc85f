"""Decision timelines as people say them on a call ("by Friday", "early December"), read as a date.

Read relative to the moment of the call with dateutil. A span ("next week", "mid January")
resolves to its last day, since the follow-up comes after they expect to decide (D17, D19).
What cannot be read is kept verbatim with a message; nothing is guessed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import MO, relativedelta, weekday

__all__ = ["MAX_AHEAD", "Timeline", "parse_timeline"]

#: A decision further out than this is more likely a typing slip than a plan.
MAX_AHEAD = relativedelta(months=6)

_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "weds": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_MONTHS = {
    name: index + 1
    for index, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december")
    )
    for name in names.split()
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "couple": 2, "a couple": 2, "a couple of": 2, "three": 3,
    "few": 3, "a few": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_FILLER = re.compile(
    r"^(?:by|before|on|around|about|approximately|probably|hopefully|maybe|sometime|some time|"
    r"within|no later than|until|till|til|the|say|roughly|hopefully by)\s+"
)
_TIME_OF_DAY = re.compile(
    r"\s+(?:at\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?|\d{1,2}(?::\d{2})?\s*(?:am|pm)|\d{1,2}:\d{2}|"
    r"morning|afternoon|evening|noon|eod|cob|end of (?:the )?day|close of business)$"
)
_VAGUE = re.compile(
    r"^(?:soon|asap|as soon as possible|shortly|later|eventually|in a while|a while|not sure|unsure|"
    r"don'?t know|no idea|tbd|tba|unknown|whenever|sometime soon|any day now|\?+)$"
)
_PAST = re.compile(r"^(?:yesterday|the day before yesterday|last\s+\w+|.+\s+ago)$")
_SPAN_PART = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "mid": (11, 20),
              "middle of": (11, 20), "late": (21, 31), "end of": (21, 31)}  # fmt: skip
_HINT = "try “Friday”, “next week”, “Dec 3”, “in two weeks” or “end of the month”"


@dataclass(frozen=True)
class Timeline:
    """What they said about their decision, verbatim, and the date it means (None if unread)."""

    text: str
    date: date | None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.date is not None

    def describe(self) -> str:
        """'by Friday → Fri 4 Dec', or the verbatim words and why they stay words."""
        if self.date is None:
            return f"“{self.text}” (kept as typed) — {self.message}" if self.text else self.message
        return f"{self.text} → {self.date:%a} {self.date.day} {self.date:%b}"


class _Refused(Exception):
    """A phrase that reads as something, but not as a usable decision date."""


def parse_timeline(text: str, now: datetime, *, day_first: bool = False) -> Timeline:
    """Read `text` relative to `now` (the moment of the call); never raises on user words.

    `day_first` says how "3/12" reads: 3 December when True, March 12 (the default) when False.
    """
    raw = text or ""
    phrase = _normalise(raw)
    if not phrase:
        return Timeline(raw.strip(), None, "Nothing was typed.")
    today = now.date()
    try:
        found = _read(phrase, today, day_first)
    except _Refused as why:
        return Timeline(raw.strip(), None, str(why))
    if found is None:
        return Timeline(raw.strip(), None, f"Not a date I can read; {_HINT}.")
    if found < today:
        return Timeline(
            raw.strip(), None, f"That reads as {_short(found)}, which has passed; a decision date is still to come."
        )
    if found > today + MAX_AHEAD:
        return Timeline(raw.strip(), None, f"That reads as {_short(found)}, more than six months away; check it.")
    return Timeline(raw.strip(), found)


def _short(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def _next_year_if_passed(found: date, today: date, last: int | None = None) -> date:
    """A date said without a year that has passed means next year's, unless that is too far off."""
    if found >= today:
        return found
    passed = _Refused(f"{_short(found)} has passed; a decision date is still to come.")
    try:
        later = found + relativedelta(years=1, day=last) if last else found.replace(year=found.year + 1)
    except ValueError:  # 29 February
        raise passed from None
    if later > today + MAX_AHEAD:
        raise passed
    return later


def _normalise(raw: str) -> str:
    phrase = " ".join(raw.lower().replace("’", "'").split()).strip(" .,!;")
    phrase = re.sub(r"\bmid-", "mid ", phrase)
    phrase = re.sub(r"(?:'s|s')?\s+time$", "", phrase)
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _FILLER.sub("", phrase)
        phrase = _TIME_OF_DAY.sub("", phrase).strip(" ,")
    return phrase


def _read(phrase: str, today: date, day_first: bool) -> date | None:
    if _VAGUE.match(phrase):
        raise _Refused("Too vague to put on a calendar; ask for a day next time you speak.")
    if _PAST.match(phrase):
        raise _Refused("That is in the past; a decision date is still to come.")
    for reader in (_relative_day, _amount, _weekday_phrase, _week_phrase, _month_phrase, _numeric):
        found = reader(phrase, today, day_first)
        if found is not None:
            return found
    return _named_date(phrase, today)


def _relative_day(phrase: str, today: date, _: bool) -> date | None:
    days = {"today": 0, "tonight": 0, "end of day": 0, "end of the day": 0, "eod": 0, "end of today": 0, "tomorrow": 1,
            "end of tomorrow": 1, "day after tomorrow": 2}  # fmt: skip
    return today + timedelta(days=days[phrase]) if phrase in days else None


_AMOUNT = re.compile(
    r"^(?:in\s+|within\s+)?(?P<n>-?\d+|[a-z]+(?: [a-z]+)??(?: of)?)(?:\s+or\s+(?P<m>\d+|[a-z]+))?\s+"
    r"(?P<unit>(?:business |working )?days?|weeks?|months?)(?:\s+from\s+(?:now|today))?$"
)


def _count(word: str) -> int | None:
    if re.fullmatch(r"-?\d+", word):
        return int(word)
    return _NUMBERS.get(word)


def _amount(phrase: str, today: date, _: bool) -> date | None:
    """'in two weeks', 'in 10 days', 'a week or two', 'in 3 business days' (the later end of a range)."""
    phrase = re.sub(r"^(?:in\s+)?(?:a|an|one)\s+(day|week|month)\s+or\s+(\w+)$", r"1 or \2 \1s", phrase)
    match = _AMOUNT.match(phrase)
    if match is None:
        return None
    n = _count(match["n"])
    if n is None:
        return None
    if match["m"] is not None:
        n = max(n, _count(match["m"]) or n)
    if n <= 0:
        raise _Refused("A time from now needs a number above zero.")
    unit = match["unit"]
    if "business" in unit or "working" in unit:
        if n > 200:
            raise _Refused(f"{n} working days is more than six months away; check the number.")
        day = today
        while n:
            day += timedelta(days=1)
            n -= day.weekday() < 5
        return day
    if n > 1000:
        raise _Refused(f"{n} {unit} is far too long to wait; check the number.")
    if unit.startswith("week"):
        return today + timedelta(weeks=n)
    if unit.startswith("month"):
        return today + relativedelta(months=n)
    return today + timedelta(days=n)


def _weekday_phrase(phrase: str, today: date, _: bool) -> date | None:
    """'Friday' (the next one after today), 'this Friday' (today counts), 'next Friday' (next week's)."""
    match = re.fullmatch(r"(?:(this|next|coming|the coming|this coming)\s+)?([a-z]+)", phrase)
    if match is None or match[2] not in _WEEKDAYS:
        return None
    day = weekday(_WEEKDAYS[match[2]])
    if match[1] == "this":
        return today + relativedelta(weekday=day(+1))
    if match[1] == "next":
        return _monday_next_week(today) + relativedelta(weekday=day(+1))
    return today + relativedelta(days=+1, weekday=day(+1))


def _monday_next_week(today: date) -> date:
    return today + relativedelta(days=+1, weekday=MO(+1))


_WEEK = re.compile(
    r"(?:(early|mid|middle of|late|end of|start of|beginning of)\s+)?(?:the\s+)?"
    r"(?:(this|next|following) week|week after next)"
)
#: Which weekday a part of a week ends on: Tuesday, Wednesday, else Friday.
_WEEK_PART_END = {"early": 1, "start of": 1, "beginning of": 1, "mid": 2, "middle of": 2}


def _week_phrase(phrase: str, today: date, _: bool) -> date | None:
    """'next week', 'end of next week', 'early next week', 'the week after next': the span's last day."""
    match = _WEEK.fullmatch(phrase)
    if match is None:
        return None
    if match[2] == "this":
        monday = today - timedelta(days=today.weekday())
        if today.weekday() >= 5:  # at the weekend, "this week" means the one ahead
            monday = _monday_next_week(today)
    else:
        monday = _monday_next_week(today) + timedelta(weeks=0 if match[2] else 1)
    return monday + timedelta(days=_WEEK_PART_END.get(match[1] or "", 4))


def _month_phrase(phrase: str, today: date, _: bool) -> date | None:
    """'end of the month', 'early December', 'mid January 2027', 'next month': the span's last day."""
    match = re.fullmatch(
        r"(?:in\s+)?(?:(early|mid|middle of|late|end of|start of|beginning of)\s+)?(?:the\s+)?"
        r"(?:(this|next|the) month|month|([a-z]+)(?:\s+(\d{4}))?)",
        phrase,
    )
    if match is None:
        return None
    _first, last = _SPAN_PART.get(match[1] or "", (1, 31))
    if match[3] is not None:
        if match[3] not in _MONTHS:
            return None
        month = _MONTHS[match[3]]
        start = date(int(match[4]) if match[4] else today.year, month, 1)
        end = start + relativedelta(day=last)
        return end if match[4] else _next_year_if_passed(end, today, last)
    start = today.replace(day=1) + relativedelta(months=1 if match[2] == "next" else 0)
    return start + relativedelta(day=last)


def _numeric(phrase: str, today: date, day_first: bool) -> date | None:
    """'3/12', '12/3/2026', '3.12.' and ISO '2026-12-03', in the user's chosen day/month order."""
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", phrase):
        try:
            return date.fromisoformat("-".join(part.zfill(2) for part in phrase.split("-")))
        except ValueError:
            raise _Refused("Not a real date; check the month and day.") from None
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\.?", phrase)
    if match is None:
        return None
    a, b = int(match[1]), int(match[2])
    day, month = (a, b) if day_first else (b, a)
    order = "day/month" if day_first else "month/day"
    year = int(match[3]) if match[3] else today.year
    year += 2000 if year < 100 else 0
    try:
        found = date(year, month, day)
    except ValueError:
        raise _Refused(f"Not a real date when read as {order}; check the order of day and month.") from None
    return found if match[3] else _next_year_if_passed(found, today)


def _named_date(phrase: str, today: date) -> date | None:
    """'Dec 3', '3 December', 'Thursday Dec 3', 'December 3, 2026' via dateutil; the weekday must agree."""
    words = re.findall(r"[a-z]+", phrase)
    if not any(word in _MONTHS for word in words):
        return _day_of_month(phrase, today)
    for number in re.findall(r"(?<!\d)(\d{1,3})(?:st|nd|rd|th)?\b", phrase):
        if not 1 <= int(number) <= 31:
            raise _Refused(f"No month has a day {int(number)}.")
    named = [_WEEKDAYS[word] for word in words if word in _WEEKDAYS]
    cleaned = " ".join(word for word in re.split(r"[\s,]+", phrase) if word not in _WEEKDAYS and word != "of")
    from dateutil import parser as dateparser  # only for a named date: keeps it off every start

    try:
        parsed = dateparser.parse(cleaned, default=datetime(today.year, today.month, 1)).date()
    except (ValueError, OverflowError) as error:
        if "out of range" in str(error) or "must be in" in str(error):
            raise _Refused("Not a real date; that month has no such day.") from None
        return None
    if not re.search(r"\b\d{4}\b", phrase):
        parsed = _next_year_if_passed(parsed, today)
    if named and parsed.weekday() != named[0]:
        raise _Refused(
            f"{parsed:%b} {parsed.day} is a {parsed:%A}, not a {_weekday_name(named[0])}; which did they mean?"
        )
    return parsed


def _weekday_name(index: int) -> str:
    return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[index]


def _day_of_month(phrase: str, today: date) -> date | None:
    """'the 15th': the next time the month reaches that day."""
    match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", phrase)
    if match is None:
        return None
    number = int(match[1])
    if not 1 <= number <= 31:
        raise _Refused(f"No month has a day {number}.")
    start = today.replace(day=1)
    for ahead in range(3):
        month = start + relativedelta(months=ahead)
        if (month + relativedelta(day=31)).day >= number and month.replace(day=number) >= today:
            return month.replace(day=number)
    return None
