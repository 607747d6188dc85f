"""What people say when asked "when do you expect to decide?", with the day each one means.

Said on Thursday 12 November 2026 at 10:00 in New York to a US interviewer (Thanksgiving is
Thursday 26 November). Each phrase means its latest end, since the follow-up comes after it.
Shared by tests/test_phrases.py and benchmarks/phrases.py (which counts right, wrong and refused).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

NY = ZoneInfo("America/New_York")
SAID = datetime(2026, 11, 12, 10, 0, tzinfo=NY)
COUNTRY = "US"


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


#: (phrase, the day it means).
READ: list[tuple[str, date]] = [
    # the end of this week, however it is said
    ("end of the week", d(11, 13)),
    ("by end of week", d(11, 13)),
    ("EOW", d(11, 13)),
    ("by EOW", d(11, 13)),
    ("COB Friday", d(11, 13)),
    ("EOD Friday", d(11, 13)),
    ("Friday EOD", d(11, 13)),
    ("later this week", d(11, 13)),
    ("end of this week", d(11, 13)),
    ("by the end of the week", d(11, 13)),
    ("Friday at the latest", d(11, 13)),
    ("end of day tomorrow", d(11, 13)),
    # a weekday, near or a week on
    ("Monday week", d(11, 23)),
    ("Thursday week", d(11, 26)),
    ("a week from Friday", d(11, 20)),
    ("Tuesday next week", d(11, 17)),
    ("next week Tuesday", d(11, 17)),
    ("first thing Monday", d(11, 16)),
    ("Monday morning", d(11, 16)),
    ("tomorrow afternoon", d(11, 13)),
    ("this time next week", d(11, 19)),
    ("a week today", d(11, 19)),
    # ranges and choices, at their latest end
    ("2-3 weeks", d(12, 3)),
    ("2 to 3 weeks", d(12, 3)),
    ("two to three weeks", d(12, 3)),
    ("1-2 weeks", d(11, 26)),
    ("a week or two", d(11, 26)),
    ("3 or 4 days", d(11, 16)),
    ("3-5 days", d(11, 17)),
    ("7-10 business days", d(11, 27)),
    ("5-7 working days", d(11, 23)),
    ("Tuesday or Wednesday", d(11, 18)),
    ("next Tuesday or Wednesday", d(11, 18)),
    ("Monday or Tuesday next week", d(11, 17)),
    ("Dec 3rd or 4th", d(12, 4)),
    ("Dec 3-4", d(12, 4)),
    ("by Friday, maybe Monday", d(11, 16)),
    ("end of this week or early next", d(11, 17)),
    ("this week or next", d(11, 20)),
    ("between Monday and Wednesday", d(11, 18)),
    ("mid to late December", d(12, 31)),
    ("in 10 days or so", d(11, 22)),
    # spans and amounts, and the short ways of writing them
    ("a fortnight", d(11, 26)),
    ("in a fortnight", d(11, 26)),
    ("48 hours", d(11, 14)),
    ("within 48 hours", d(11, 14)),
    ("72 hrs", d(11, 15)),
    ("the next couple of days", d(11, 14)),
    ("in the next few days", d(11, 15)),
    ("within the next two weeks", d(11, 26)),
    ("next week or so", d(11, 20)),
    ("sometime next week", d(11, 20)),
    ("2 wks", d(11, 26)),
    ("next wk", d(11, 20)),
    ("tmrw", d(11, 13)),
    ("in 3 biz days", d(11, 17)),
    ("in a couple weeks", d(11, 26)),
    ("couple of weeks", d(11, 26)),
    ("the week after next", d(11, 27)),
    ("end of next week at the latest", d(11, 20)),
    # months, quarters and the year
    ("eom", d(11, 30)),
    ("by EOM", d(11, 30)),
    ("end of month", d(11, 30)),
    ("end of next month", d(12, 31)),
    ("early next month", d(12, 10)),
    ("mid-December", d(12, 20)),
    ("the first of the month", d(12, 1)),
    ("first of next month", d(12, 1)),
    ("the 15th of next month", d(12, 15)),
    ("end of Q1", d(3, 31, 2027)),
    ("Q1", d(3, 31, 2027)),
    ("early Q1", d(1, 31, 2027)),
    ("next quarter", d(3, 31, 2027)),
    ("end of the quarter", d(12, 31)),
    ("end of Q4", d(12, 31)),
    ("end of the year", d(12, 31)),
    ("by year end", d(12, 31)),
    ("EOY", d(12, 31)),
    ("before the end of the year", d(12, 31)),
    ("in May", d(5, 31, 2027)),
    ("May", d(5, 31, 2027)),
    ("early May", d(5, 10, 2027)),
    # weeks of a month, and days of a month
    ("first week of December", d(12, 4)),
    ("the first week of January", d(1, 8, 2027)),
    ("second week of December", d(12, 11)),
    ("last week of November", d(11, 30)),
    ("week of the 23rd", d(11, 27)),
    ("the week of Dec 7", d(12, 11)),
    ("Friday the 20th", d(11, 20)),
    ("Tuesday the 1st", d(12, 1)),
    # the weekend
    ("by the weekend", d(11, 15)),
    ("over the weekend", d(11, 15)),
    ("next weekend", d(11, 22)),
    # holidays, from the interviewer's country
    ("before Christmas", d(12, 24)),
    ("by Christmas", d(12, 25)),
    ("before Thanksgiving", d(11, 25)),
    ("after Thanksgiving", d(12, 4)),
    ("just after Thanksgiving", d(12, 4)),
    ("the week after Thanksgiving", d(12, 4)),
    ("after the holidays", d(1, 1, 2027)),
    ("after the new year", d(1, 8, 2027)),
    # what was read before, still read the same way
    ("Friday", d(11, 13)),
    ("next Friday", d(11, 20)),
    ("in two weeks", d(11, 26)),
    ("Dec 3", d(12, 3)),
    ("3 December", d(12, 3)),
    ("12/3", d(12, 3)),
    ("end of the month", d(11, 30)),
    ("next month", d(12, 31)),
    ("mid January", d(1, 20, 2027)),
    ("in 10 days", d(11, 22)),
    ("the 15th", d(11, 15)),
    ("tomorrow", d(11, 13)),
    ("today", d(11, 12)),
    ("December", d(12, 31)),
    ("next week", d(11, 20)),
    ("in a month", d(12, 12)),
]

#: Phrases that must be refused: vague, past, impossible or not a date at all.
REFUSED: list[str] = [
    "soon",
    "ASAP",
    "not sure",
    "TBD",
    "it depends",
    "once the board has met",
    "when the budget is approved",
    "after the other interviews",
    "next round",
    "yesterday",
    "last week",
    "2 days ago",
    "last Friday",
    "Nov 2",
    "early November",
    "Friday Dec 3",
    "Friday the 21st",
    "Feb 30",
    "the 32nd",
    "in 0 days",
    "in 2 years",
    "blah",
    "before Diwali",
    "when they're back",
]
