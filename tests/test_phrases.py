"""Decision phrases people say (D17, D19), read on the interviewer's calendar at their latest end."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from decision_phrases import COUNTRY, READ, REFUSED, SAID
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.domain.models import CallAttempt, Interview, Interviewer, Outcome
from tui.domain.recording import read_day, record_outcome
from tui.domain.rounds import next_follow_up
from tui.domain.timeline import parse_timeline
from tui.domain.workdays import WorkCalendar

US = WorkCalendar(COUNTRY)
LA = ZoneInfo("America/Los_Angeles")
AKL = ZoneInfo("Pacific/Auckland")
LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(("phrase", "expected"), READ, ids=[p for p, _ in READ])
def test_d17_d19_phrase_is_read_at_its_latest_end(phrase, expected):
    found = parse_timeline(phrase, SAID, calendar=US)
    assert (found.date, found.message) == (expected, ""), found.message


@pytest.mark.parametrize("phrase", REFUSED)
def test_d17_phrase_that_is_no_decision_date_is_kept_and_flagged(phrase):
    found = parse_timeline(phrase, SAID, calendar=US)
    assert found.date is None and found.text == phrase and found.message
    assert "kept as typed" in found.describe()


def test_d17_the_corpus_is_large_and_mostly_new():
    """At least 60 phrases beyond the ones read before, and a dozen that must be refused."""
    assert len(READ) >= 110 and len(REFUSED) >= 20


@pytest.mark.parametrize(
    ("phrase", "country", "expected"),
    [
        ("7-10 business days", "US", date(2026, 11, 27)),  # Thanksgiving is no working day
        ("7-10 business days", "GB", date(2026, 11, 26)),
        ("before Christmas", "GB", date(2026, 12, 24)),
        ("after Christmas", "GB", date(2027, 1, 1)),
        ("before Christmas", "DE", date(2026, 12, 24)),
        ("after Easter", "DE", date(2027, 4, 2)),
    ],
)
def test_d19_working_days_and_holidays_are_the_interviewers(phrase, country, expected):
    assert parse_timeline(phrase, SAID, calendar=WorkCalendar(country)).date == expected


def test_d17_thanksgiving_is_not_a_holiday_everywhere():
    found = parse_timeline("after Thanksgiving", SAID, calendar=WorkCalendar("GB"))
    assert found.date is None and "not a holiday in the United Kingdom" in found.message
    unknown = parse_timeline("before Thanksgiving", SAID)
    assert unknown.date is None and "add their number or time zone" in unknown.message


def interview(zone: str, phone: str = "") -> Interview:
    return Interview("Acme", "Designer", interviewer=Interviewer("Dana Reyes", phone=phone), interviewer_tz=zone)


def test_d17_relative_phrases_are_read_on_the_interviewers_calendar_across_the_date_line():
    """Thursday 17:00 in Los Angeles is already Friday 14:00 in Auckland."""
    at = datetime(2026, 11, 12, 17, 0, tzinfo=LA)
    auckland = interview("Pacific/Auckland")
    assert read_day(auckland, "tomorrow", at).date == date(2026, 11, 14)
    assert read_day(auckland, "end of the week", at).date == date(2026, 11, 13)
    assert read_day(auckland, "Friday", at).date == date(2026, 11, 20)
    local = interview("America/Los_Angeles")
    assert read_day(local, "tomorrow", at).date == date(2026, 11, 13)
    assert read_day(local, "Friday", at).date == date(2026, 11, 13)


def test_d17_the_decision_is_read_once_at_the_call_and_stored_with_the_phrase():
    iv = interview("America/New_York", "+12125550100")
    call = CallAttempt(iv.id, SAID)
    record_outcome(iv, call, [], SAID + timedelta(minutes=5), Outcome.SPOKE, "before Thanksgiving")
    assert (iv.decision_text, iv.decision_expected) == ("before Thanksgiving", date(2026, 11, 25))


def test_d17_a_london_interviewer_has_no_thanksgiving_but_a_number_says_where_they_are():
    at = datetime(2026, 11, 12, 9, 0, tzinfo=LONDON)
    by_number = interview("", "+442079460000")
    assert read_day(by_number, "after Thanksgiving", at).date is None
    assert read_day(by_number, "before Christmas", at).date == date(2026, 12, 24)


countries = st.sampled_from(["US", "GB", "DE", "FR", "JP", ""])
phrases = st.sampled_from([phrase for phrase, _ in READ])


@settings(max_examples=300, deadline=None)
@given(phrase=phrases, offset=st.integers(min_value=0, max_value=400), country=countries)
def test_d19_property_follow_up_is_never_before_the_date_nor_on_their_day_off(phrase, offset, country):
    days = WorkCalendar(country)
    said = SAID + timedelta(days=offset)
    reading = parse_timeline(phrase, said, calendar=days)
    if reading.date is None:
        return
    zone = {"US": "America/New_York", "GB": "Europe/London", "DE": "Europe/Berlin", "FR": "Europe/Paris",
            "JP": "Asia/Tokyo", "": "UTC"}[country]  # fmt: skip
    iv = Interview("Acme", "Designer", interviewer_tz=zone, decision_expected=reading.date)
    spoke = CallAttempt(iv.id, said, said + timedelta(minutes=5), Outcome.SPOKE)
    follow = next_follow_up(iv, [spoke], calendar=days)
    assert follow is not None and follow.due > reading.date
    assert days.is_working_day(follow.due) and follow.due.weekday() < 5
    assert days.is_working_day(follow.late_from)
