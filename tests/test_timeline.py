"""Decision timeline phrases (D17, D19): read relative to the call, or kept verbatim and flagged."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.domain.timeline import MAX_AHEAD, Timeline, parse_timeline

LA = ZoneInfo("America/Los_Angeles")
AKL = ZoneInfo("Pacific/Auckland")
#: The call: Thursday 26 November 2026, 10:00 in Los Angeles.
CALL = datetime(2026, 11, 26, 10, 0, tzinfo=LA)


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


READ = [
    ("Friday", d(11, 27)),
    ("by Friday", d(11, 27)),
    ("Fri", d(11, 27)),
    ("this Friday", d(11, 27)),
    ("Thursday", d(12, 3)),  # said on a Thursday: next week's, not today
    ("this Thursday", d(11, 26)),
    ("next Monday", d(11, 30)),
    ("next Friday", d(12, 4)),
    ("by next Wednesday", d(12, 2)),
    ("next week", d(12, 4)),
    ("end of next week", d(12, 4)),
    ("early next week", d(12, 1)),
    ("mid next week", d(12, 2)),
    ("this week", d(11, 27)),
    ("end of this week", d(11, 27)),
    ("the week after next", d(12, 11)),
    ("end of the month", d(11, 30)),
    ("by the end of the month", d(11, 30)),
    ("end of next month", d(12, 31)),
    ("next month", d(12, 31)),
    ("in two weeks", d(12, 10)),
    ("in 2 weeks", d(12, 10)),
    ("in two weeks' time", d(12, 10)),
    ("within two weeks", d(12, 10)),
    ("a week or two", d(12, 10)),
    ("a couple of weeks", d(12, 10)),
    ("in 10 days", d(12, 6)),
    ("in a month", d(12, 26)),
    ("in 3 business days", d(12, 1)),
    ("tomorrow", d(11, 27)),
    ("today", d(11, 26)),
    ("end of day", d(11, 26)),
    ("early December", d(12, 10)),
    ("mid December", d(12, 20)),
    ("late December", d(12, 31)),
    ("December", d(12, 31)),
    ("in December", d(12, 31)),
    ("mid January", d(1, 20, 2027)),
    ("mid-January", d(1, 20, 2027)),
    ("early January 2027", d(1, 10, 2027)),
    ("Dec 3", d(12, 3)),
    ("December 3rd", d(12, 3)),
    ("3rd of December", d(12, 3)),
    ("3 Dec", d(12, 3)),
    ("Thursday Dec 3", d(12, 3)),
    ("Dec 3, 2026", d(12, 3)),
    ("Jan 5", d(1, 5, 2027)),  # no year and already passed this year: next January
    ("the 15th", d(12, 15)),
    ("3/12", d(3, 12, 2027)),  # month first by default
    ("12/3", d(12, 3)),
    ("12/3/2026", d(12, 3)),
    ("2026-12-03", d(12, 3)),
    ("Friday at 3pm", d(11, 27)),
    ("Friday afternoon", d(11, 27)),
    ("  By FRIDAY.  ", d(11, 27)),
    ("probably next week", d(12, 4)),
]


@pytest.mark.parametrize(("phrase", "expected"), READ, ids=[p for p, _ in READ])
def test_d17_phrase_is_read_relative_to_the_call(phrase, expected):
    found = parse_timeline(phrase, CALL)
    assert found == Timeline(phrase.strip(), expected)
    assert found.ok and found.message == ""


REFUSED = [
    ("soon", "Too vague"),
    ("ASAP", "Too vague"),
    ("not sure", "Too vague"),
    ("in a while", "Too vague"),
    ("yesterday", "in the past"),
    ("last week", "in the past"),
    ("last Friday", "in the past"),
    ("2 days ago", "in the past"),
    ("Nov 20", "Fri 20 Nov 2026 has passed"),  # next year's would be too far off to be meant
    ("early November", "Tue 10 Nov 2026 has passed"),
    ("11/2", "has passed"),
    ("in 10 months", "more than nine months away"),
    ("in 500 days", "more than nine months away"),
    ("2031-01-01", "more than nine months away"),
    ("2026-11-01", "has passed"),
    ("11/20/2026", "has passed"),
    ("in 0 days", "above zero"),
    ("in -3 days", "above zero"),
    ("13/45", "not a real date"),
    ("2/30", "not a real date"),
    ("Feb 30", "no such day"),
    ("2026-02-30", "Not a real date"),
    ("dec 40", "No month has a day 40"),
    ("the 32nd", "No month has a day 32"),
    ("Friday Dec 3", "Dec 3 is a Thursday, not a Friday"),
    ("blah", "Not a date I can read"),
    ("after Thanksgiving", "which country they are in is not known"),
    ("Febtember 12", "Not a date I can read"),
    ("3", "Not a date I can read"),
    ("", "Nothing was typed"),
    ("   ", "Nothing was typed"),
]


@pytest.mark.parametrize(("phrase", "why"), REFUSED, ids=[p or "empty" for p, _ in REFUSED])
def test_d17_unreadable_phrase_is_kept_verbatim_and_flagged(phrase, why):
    found = parse_timeline(phrase, CALL)
    assert found.date is None and not found.ok
    assert found.text == phrase.strip()
    assert why.lower() in found.message.lower()


def test_d17_enough_phrases_are_covered():
    assert len(READ) + len(REFUSED) >= 30 and len(REFUSED) >= 10


@pytest.mark.parametrize(
    ("phrase", "day_first", "expected"),
    [
        ("3/12", True, d(12, 3)),
        ("3/12", False, d(3, 12, 2027)),
        ("25/12", True, d(12, 25)),
        ("12/25", False, d(12, 25)),
        ("4.12.", True, d(12, 4)),
    ],
)
def test_d17_day_and_month_order_follows_the_setting(phrase, day_first, expected):
    assert parse_timeline(phrase, CALL, day_first=day_first).date == expected


def test_d17_25_12_is_refused_when_month_comes_first():
    found = parse_timeline("25/12", CALL)
    assert found.date is None and "month/day" in found.message


def test_d17_relative_to_the_zone_of_the_call():
    """Thursday 10:00 in LA is already Friday 07:00 in Auckland: 'tomorrow' differs."""
    assert parse_timeline("tomorrow", CALL).date == d(11, 27)
    assert parse_timeline("tomorrow", CALL.astimezone(AKL)).date == d(11, 28)
    assert parse_timeline("Friday", CALL.astimezone(AKL)).date == d(12, 4)


def test_d17_leap_day_without_a_year_is_not_moved():
    march = datetime(2028, 3, 5, 9, 0, tzinfo=LA)
    assert parse_timeline("Feb 29", march).date is None
    assert parse_timeline("2/29", datetime(2028, 2, 1, 9, 0, tzinfo=LA)).date == d(2, 29, 2028)


def test_d17_year_end_rolls_into_the_new_year():
    new_years_eve = datetime(2026, 12, 30, 16, 0, tzinfo=LA)
    assert parse_timeline("early January", new_years_eve).date == d(1, 10, 2027)
    assert parse_timeline("next week", new_years_eve).date == d(1, 8, 2027)
    assert parse_timeline("end of the month", new_years_eve).date == d(12, 31)
    assert parse_timeline("Jan 4", new_years_eve).date == d(1, 4, 2027)


def test_d17_at_the_weekend_this_week_means_the_one_ahead():
    saturday = datetime(2026, 11, 28, 11, 0, tzinfo=LA)
    assert parse_timeline("this week", saturday).date == d(12, 4)
    assert parse_timeline("next week", saturday).date == d(12, 4)
    assert parse_timeline("next Monday", saturday).date == d(11, 30)
    assert parse_timeline("Monday", saturday).date == d(11, 30)


def test_describe_shows_the_reading_or_why_not():
    assert parse_timeline("by Friday", CALL).describe() == "by Friday → Fri 27 Nov"
    assert parse_timeline("soon", CALL).describe().startswith("“soon” (kept as typed) — Too vague")


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=30), offset=st.integers(min_value=0, max_value=3 * 365))
def test_d17_property_never_raises_and_never_dates_the_past_or_too_far(text, offset):
    now = CALL + timedelta(days=offset)
    found = parse_timeline(text, now)
    assert found.text == text.strip()
    if found.date is None:
        assert found.message
    else:
        assert now.date() <= found.date <= now.date() + MAX_AHEAD


@settings(max_examples=100, deadline=None)
@given(days=st.integers(min_value=1, max_value=150), offset=st.integers(min_value=0, max_value=365))
def test_d17_property_in_n_days(days, offset):
    now = CALL + timedelta(days=offset)
    assert parse_timeline(f"in {days} days", now).date == now.date() + timedelta(days=days)
