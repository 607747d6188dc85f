"""Typed dates, zones, numbers and greetings through the one set of checks (D5, D10, D17, D19)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.domain.dates import humanize_since, parse_when
from tui.domain.errors import ValidationError
from tui.domain.fields import FieldProblems, interview_from_text, moment, profile_from_text, zone_name
from tui.domain.models import Interview, Interviewer, Profile
from tui.domain.phones import region_for_zone, zone_for_number

NY = ZoneInfo("America/New_York")
#: Thursday 26 November 2026, 10:00 in New York.
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=NY)


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=NY)


@pytest.mark.parametrize(
    ("typed", "day_first", "expected"),
    [
        ("3/11 2pm", True, at(11, 3, 14)),
        ("3/11 2pm", False, at(3, 11, 14)),
        ("24/11 2pm", True, at(11, 24, 14)),
        ("11/24 2pm", False, at(11, 24, 14)),
        ("2 days ago", False, NOW - timedelta(days=2)),
        ("3 hours ago", False, NOW - timedelta(hours=3)),
        ("a week ago 3pm", False, at(11, 19, 15)),
        ("last friday 3pm", False, at(11, 20, 15)),
        ("last Thursday", False, at(11, 19)),
        ("Monday morning", False, at(11, 23, 9)),
        ("yesterday afternoon", False, at(11, 25, 14)),
        ("this morning", False, at(11, 26, 9)),
        ("Tue 10:30", False, at(11, 24, 10, 30)),
        ("25 Nov 3pm", False, at(11, 25, 15)),
    ],
)
def test_d10_interview_dates_as_people_type_them_in_their_own_order(typed, day_first, expected):
    assert parse_when(typed, NOW, day_first=day_first) == expected
    assert moment(typed, NOW, "interviewed_at", day_first=day_first) == expected


@pytest.mark.parametrize(("typed", "day_first"), [("24/11 2pm", False), ("11/24 2pm", True)])
def test_d10_a_date_that_is_none_in_the_users_order_is_refused(typed, day_first):
    with pytest.raises(ValidationError, match="not a real date read"):
        parse_when(typed, NOW, day_first=day_first)


def test_d10_the_form_and_the_verbs_pass_day_first():
    typed = {"company": "Acme", "role": "Designer", "interviewed_at": "3/11 2pm"}
    assert interview_from_text(typed, NOW, day_first=True).interviewed_at == at(11, 3, 14)
    assert interview_from_text(typed, NOW).interviewed_at == at(3, 11, 14)


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Chicago", "America/Chicago"),
        ("london", "Europe/London"),
        ("New York", "America/New_York"),
        ("CET", "CET"),
        ("cet", "CET"),
        ("Eastern", "America/New_York"),
        ("PST", "America/Los_Angeles"),
        ("San Francisco", "America/Los_Angeles"),
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("UK", "Europe/London"),
        ("", ""),
    ],
)
def test_d11_zone_names_people_type_become_iana_names(typed, zone):
    assert zone_name(typed, "interviewer_tz") == zone


def test_d11_cet_keeps_its_daylight_saving():
    cet = ZoneInfo(zone_name("CET", "tz"))
    assert datetime(2026, 7, 1, 12, tzinfo=cet).utcoffset() == timedelta(hours=2)
    assert datetime(2026, 1, 1, 12, tzinfo=cet).utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    ("typed", "message"), [("IST", "India, Ireland or Israel"), ("Narnia", "not a time zone I know")]
)
def test_d11_a_zone_that_cannot_be_told_says_how_to_type_it(typed, message):
    with pytest.raises(ValidationError, match=message):
        zone_name(typed, "interviewer_tz")


def test_d5_numbers_without_a_country_code_are_read_in_the_profiles_region():
    assert region_for_zone("Europe/London") == "GB" and region_for_zone("") == "US"
    typed = {"company": "Acme", "role": "Designer", "interviewer_phone": "020 7946 0000"}
    uk = interview_from_text(typed, NOW, region=region_for_zone("Europe/London"))
    assert uk.interviewer.phone == "+442079460000"
    with pytest.raises(FieldProblems):
        interview_from_text(typed, NOW)
    profile = profile_from_text({"timezone": "London", "phone": "07700 900123"})
    assert (profile.timezone, profile.phone) == ("Europe/London", "+447700900123")


def test_d11_the_interviewers_zone_is_suggested_from_their_number():
    assert zone_for_number("+13125550142") == "America/Chicago"
    assert zone_for_number("+442079460000") == "Europe/London"
    assert zone_for_number("+447700900123") == ""
    typed = {"company": "Acme", "role": "Designer", "interviewer_phone": "+1 312 555 0142"}
    assert interview_from_text(typed, NOW).interviewer_tz == "America/Chicago"
    chosen = interview_from_text({**typed, "interviewer_tz": "London"}, NOW)
    assert chosen.interviewer_tz == "Europe/London"


def test_d11_rows_that_share_a_number_look_its_zone_up_once(monkeypatch):
    """An import of many rows asks each row's number for a zone: a number asked before is not looked up again."""
    from phonenumbers import timezone

    looked_up = []
    real = timezone.time_zones_for_number
    monkeypatch.setattr(timezone, "time_zones_for_number", lambda number: looked_up.append(number) or real(number))
    zone_for_number.cache_clear()
    rows = [{"company": f"Company {n}", "role": "Designer", "interviewer_phone": "+1 312 555 0142"} for n in range(50)]
    assert {interview_from_text(row, NOW).interviewer_tz for row in rows} == {"America/Chicago"}
    assert len(looked_up) == 1


@pytest.mark.parametrize(
    ("name", "greet_as", "greeting"),
    [
        ("Dana Reyes", "", "Dana"),
        ("Dana Reyes", "Ms. Reyes", "Ms. Reyes"),
        ("Dr. Kim Lee", "", "Dr. Lee"),
        ("Reyes", "", "Reyes"),
        ("", "", ""),
    ],
)
def test_d14_the_greeting_is_the_users_choice_never_the_full_name(name, greet_as, greeting):
    assert Interviewer(name, greet_as=greet_as).greeting == greeting


def test_d14_the_greeting_is_a_field_of_the_form():
    typed = {"company": "Acme", "role": "Designer", "interviewer_name": "Dana Reyes",
             "interviewer_greeting": "  Ms.   Reyes "}  # fmt: skip
    interview = interview_from_text(typed, NOW)
    assert interview.interviewer.greet_as == "Ms. Reyes"
    assert interview_from_text({"interviewer_title": "Lead"}, NOW, interview).interviewer.greet_as == "Ms. Reyes"


def test_d17_a_decision_day_typed_in_the_form_is_read_on_the_interviewers_calendar():
    original = Interview("Acme", "Designer", interviewer_tz="America/New_York")
    found = interview_from_text({"decision_expected": "before Christmas"}, NOW, original)
    assert (found.decision_expected, found.decision_text) == (date(2026, 12, 24), "before Christmas")
    with pytest.raises(FieldProblems, match="has passed"):
        interview_from_text({"decision_expected": "Nov 2"}, NOW, original)
    cleared = interview_from_text({"decision_expected": ""}, NOW, found)
    assert (cleared.decision_expected, cleared.decision_text) == (None, "")


def test_d17_not_typing_a_decision_day_keeps_the_one_recorded_at_the_call():
    """'by Friday' recorded on Thu 12 Nov meant Fri 13 Nov; saved again on 19 Nov it still does."""
    recorded = Interview("Acme", "Designer", decision_expected=date(2026, 11, 13), decision_text="by Friday")
    later = datetime(2026, 11, 19, 10, 0, tzinfo=NY)
    kept = interview_from_text({"notes": "Chased the recruiter."}, later, recorded)
    assert (kept.decision_expected, kept.decision_text) == (date(2026, 11, 13), "by Friday")


@pytest.mark.parametrize(
    ("days", "said"),
    [(15, "2 weeks ago"), (30, "about a month ago"), (42, "about a month ago"), (50, "last month"),
     (75, "about two months ago"), (400, "about a year ago")],
)  # fmt: skip
def test_d14_long_ago_is_said_as_people_say_it(days, said):
    assert humanize_since(NOW - timedelta(days=days), NOW) == said


def test_profile_region_follows_a_zone_typed_in_the_same_form():
    profile = profile_from_text({"timezone": "Europe/London", "phone": "020 7946 0000"}, Profile())
    assert profile.phone == "+442079460000"


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-09T10:19+00:00",
        "2026-11-09T10:19",
        "2026-11-09 10:19:33",
        "2026-03-29T01:30:00.250000-05:00",
        "2026-11-09T10:19Z",
        "2026-07-01T23:59:59+09:30",
    ],
)
def test_d10_a_moment_a_program_wrote_is_read_as_the_long_way_reads_it(text):
    """An export's ISO moments take a quick way in; it must land on the same moment in the same zone."""
    from dateutil import parser

    slow = parser.parse(text)
    slow = slow.replace(tzinfo=NOW.tzinfo) if slow.tzinfo is None else slow.astimezone(NOW.tzinfo)
    quick = parse_when(text, NOW)
    assert quick == slow
    assert quick.tzinfo is NOW.tzinfo and quick.utcoffset() == slow.utcoffset()


def test_d10_a_program_written_day_without_a_time_and_a_far_year_are_read_as_typed_ones_are():
    assert parse_when("2026-11-09", NOW) == datetime(2026, 11, 9, 9, 0, tzinfo=NY)  # the day's usual time
    with pytest.raises(ValidationError, match="more than 5 years away"):
        parse_when("2046-11-09T10:00+00:00", NOW)
