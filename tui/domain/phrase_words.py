"""The words decision phrases are made of, and what every reader of them shares (D17)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from .workdays import WorkCalendar

__all__ = ["MAX_AHEAD", "MONTHS", "NUMBERS", "WEEKDAYS", "Refused", "Said", "count", "later_year_if_passed", "short"]

#: A decision further out than this is more likely a typing slip than a plan ("in May" said in August is fine).
MAX_AHEAD = relativedelta(months=9)

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "weds": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
MONTHS = {
    name: index + 1
    for index, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december")
    )
    for name in names.split()
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "couple": 2, "a couple": 2, "a couple of": 2, "three": 3,
    "few": 3, "a few": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
}  # fmt: skip


class Refused(Exception):
    """A phrase that reads as something, but not as a usable decision date."""


@dataclass(frozen=True)
class Said:
    """Where a phrase is said: the day, in the interviewer's calendar, and how short dates are written."""

    today: date
    day_first: bool
    calendar: WorkCalendar


def short(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def count(word: str) -> int | None:
    if re.fullmatch(r"-?\d+", word):
        return int(word)
    return NUMBERS.get(word.removesuffix(" of"))


def later_year_if_passed(found: date, today: date, last: int | None = None) -> date:
    """A date said without a year that has passed means next year's, unless that is too far off."""
    if found >= today:
        return found
    passed = Refused(f"{short(found)} has passed; a decision date is still to come.")
    try:
        later = found + relativedelta(years=1, day=last) if last else found.replace(year=found.year + 1)
    except ValueError:  # 29 February
        raise passed from None
    if later > today + MAX_AHEAD:
        raise passed
    return later
