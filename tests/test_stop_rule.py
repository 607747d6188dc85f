"""When to call and when to stop (D5, D10-D13, D15, D19), on a fixed clock in the interviewer's country."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.domain.guidance import StepKind, call_caution, next_step
from tui.domain.models import REQUIRED_RULES, CallAttempt, Channel, Interview, Interviewer, Outcome, Profile, ThankYou
from tui.domain.windows import call_windows
from tui.domain.workdays import WorkCalendar, calendar_for, country_for_phone, country_for_zone

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
LONDON = ZoneInfo("Europe/London")
BERLIN = ZoneInfo("Europe/Berlin")
NA, VM, SPOKE, BUSY, ELSE = (Outcome.NO_ANSWER, Outcome.VOICEMAIL_LEFT, Outcome.SPOKE, Outcome.BUSY,
                             Outcome.SOMEONE_ELSE)  # fmt: skip


def ny(month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=NY)


HELD = ny(11, 24, 14)


def make(held: datetime = HELD, tz: str = "America/New_York", phone: str = "+12125550100", **kw) -> Interview:
    return Interview(
        "Acme",
        "Product Designer",
        interviewed_at=held,
        interviewer=Interviewer("Dana Reyes", phone=phone, greet_as=kw.pop("greet_as", "")),
        interviewer_tz=tz,
        checks={rule: True for rule in REQUIRED_RULES},
        **kw,
    )


def tried(iv: Interview, at: datetime, outcome: Outcome, dialled: str = "") -> CallAttempt:
    return CallAttempt(iv.id, at, at + timedelta(minutes=2), outcome, dialled=dialled or iv.interviewer.phone)


def step_at(iv: Interview, calls: list[CallAttempt], now: datetime, profile: Profile | None = None):
    return next_step(iv, calls, [ThankYou(iv.id, Channel.EMAIL, ny(11, 24, 18))], now, profile)


# --- holidays -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "day", "name"),
    [
        ("US", date(2026, 11, 26), "Thanksgiving Day"),
        ("US", date(2026, 12, 25), "Christmas Day"),
        ("GB", date(2026, 12, 28), "Boxing Day (observed)"),
        ("GB", date(2026, 4, 3), "Good Friday"),
        ("DE", date(2026, 10, 3), "German Unity Day"),
        ("DE", date(2026, 12, 26), "Second Day of Christmas"),
    ],
)
def test_d11_public_holidays_are_no_working_days(country, day, name):
    days = WorkCalendar(country)
    assert days.holiday(day) == name and not days.is_working_day(day)
    assert WorkCalendar().is_working_day(day) is (day.weekday() < 5)


def test_d11_the_country_comes_from_the_number_then_the_zone():
    assert country_for_phone("+442079460000") == "GB"
    assert country_for_phone("+447700900123") == "GB"  # a drama number: the country code still says it
    assert country_for_zone("Europe/Berlin") == "DE" and country_for_zone("CET") == ""
    assert calendar_for(phone="+4930123456", zone="America/New_York").country == "DE"
    assert calendar_for(zone="America/Chicago").country == "US"
    assert calendar_for(fallback="GB").country == "GB"


def test_d11_without_the_systems_tz_tables_the_zones_country_comes_from_the_tzdata_package(tmp_path, monkeypatch):
    from tui.domain import workdays

    monkeypatch.setattr(workdays, "TZPATH", (str(tmp_path),))  # a system with no tz tables
    workdays.zone_countries.cache_clear()
    try:
        assert workdays.zone_countries()["Europe/Berlin"] == "DE"
    finally:
        workdays.zone_countries.cache_clear()


def test_d10_d11_no_window_on_thanksgiving_and_the_reason_says_so():
    """An interview on Wednesday 25 Nov: Thursday is Thanksgiving, so the call is on Friday."""
    iv = make(held=ny(11, 25, 11))
    step = step_at(iv, [], ny(11, 26, 9))
    assert step.kind is StepKind.CALL_DUE and step.due == ny(11, 27, 8, 30)
    assert "Thanksgiving Day is a holiday there" in step.reason and "Fri 27 Nov" in step.reason
    assert all(w.day != date(2026, 11, 26) for w in call_windows(iv, ny(11, 25, 12), 4))
    assert call_caution(iv, [], ny(11, 26, 9)).text.startswith("It is Thanksgiving Day for them")


def test_d10_a_uk_interviewer_calls_on_thanksgiving_but_not_on_boxing_day():
    iv = make(held=datetime(2026, 11, 25, 11, 0, tzinfo=LONDON), tz="Europe/London", phone="+442079460000")
    assert step_at(iv, [], datetime(2026, 11, 26, 9, 0, tzinfo=LONDON)).due.date() == date(2026, 11, 26)
    christmas = make(held=datetime(2026, 12, 24, 11, 0, tzinfo=LONDON), tz="Europe/London", phone="+442079460000")
    step = step_at(christmas, [], datetime(2026, 12, 24, 15, 0, tzinfo=LONDON))
    assert step.due.date() == date(2026, 12, 29)
    assert "Christmas Day and Boxing Day" in step.reason


def test_d19_late_counts_working_days_and_names_the_holiday_that_moved_it():
    """A message on Friday 18 Dec in Berlin: a week later is Christmas Day, so the follow-up is the 28th."""
    iv = make(held=datetime(2026, 12, 16, 10, 0, tzinfo=BERLIN), tz="Europe/Berlin", phone="+4930123456")
    calls = [tried(iv, datetime(2026, 12, 18, 9, 0, tzinfo=BERLIN), VM)]
    step = step_at(iv, calls, datetime(2026, 12, 19, 9, 0, tzinfo=BERLIN))
    assert step.kind is StepKind.WAIT and step.due.date() == date(2026, 12, 28)
    assert "Christmas Day is a holiday there" in step.reason


# --- the day after, the window after the last try, the user's waking day ---------------------------


def test_d10_the_day_after_is_about_a_day_not_nine_hours():
    """A 23:30 interview is not "Call now" at 08:30 the next morning."""
    iv = make(held=ny(11, 23, 23, 30))
    step = step_at(iv, [], ny(11, 24, 8, 35))
    assert step.due == ny(11, 25, 8, 30) and not step.is_due(ny(11, 24, 8, 35))


def test_d11_an_afternoon_interview_is_called_the_next_afternoon():
    iv = make(held=ny(11, 23, 16, 0))
    assert step_at(iv, [], ny(11, 24, 8, 45)).due == ny(11, 24, 16, 0)


def test_d12_the_good_time_after_a_missed_call_is_a_later_window():
    """A missed call at 8:40: the window just tried is not offered again."""
    iv = make()
    step = step_at(iv, [tried(iv, ny(11, 25, 8, 40), NA)], ny(11, 25, 8, 45))
    assert step.window.start == ny(11, 25, 16, 0) and step.due == ny(11, 25, 16, 0)
    assert step.window.describe(NY, ny(11, 25, 8, 45)) == "today, 16:00–17:30"


def test_d11_the_window_inside_the_users_waking_day_is_preferred_and_both_times_said():
    """A London interviewer, a Los Angeles user: London's morning is the middle of the night in LA."""
    iv = make(held=datetime(2026, 11, 24, 11, 0, tzinfo=LONDON), tz="Europe/London", phone="+442079460000")
    now = datetime(2026, 11, 24, 20, 0, tzinfo=LA)
    step = step_at(iv, [], now, Profile(timezone="America/Los_Angeles"))
    assert step.due == datetime(2026, 11, 25, 16, 0, tzinfo=LONDON)
    # Already Wednesday in London, still Tuesday evening in Los Angeles: each clock's own word.
    assert step.window.describe(LA, now) == "today, 16:00–17:30 their time (tomorrow, 8:00–9:30 your time)"


# --- numbers --------------------------------------------------------------------------------------


def test_d5_without_a_number_the_next_step_asks_for_it():
    iv = make(phone="")
    step = step_at(iv, [], ny(11, 25, 9))
    assert step.kind is StepKind.FIND_NUMBER and "no number to call" in step.reason


def test_d5_a_wrong_number_gets_late_and_fixing_the_number_resets_it():
    iv = make()
    calls = [tried(iv, ny(11, 25, 9), Outcome.WRONG_NUMBER)]
    assert step_at(iv, calls, ny(11, 25, 9, 5)).kind is StepKind.FIND_NUMBER
    assert step_at(iv, calls, ny(11, 30, 9)).is_overdue(ny(11, 30, 9))
    iv.interviewer.phone = "+12125550199"
    fixed = step_at(iv, calls, ny(11, 25, 9, 5))
    assert fixed.kind is StepKind.CALL_DUE and fixed.window.start == ny(11, 25, 8, 30)


# --- attempts and stopping ------------------------------------------------------------------------


def test_d12_someone_else_answered_ask_when_they_are_free_or_leave_word():
    iv = make(greet_as="Ms. Reyes")
    step = step_at(iv, [tried(iv, ny(11, 25, 9), ELSE)], ny(11, 25, 12))
    assert step.kind is StepKind.TRY_AGAIN
    assert "Someone else answered" in step.reason and "ask when Ms. Reyes is free, or leave word" in step.reason
    assert "No answer last time" not in step.reason


def test_d12_redialling_within_minutes_says_wait_for_another_good_time():
    iv = make()
    calls = [tried(iv, ny(11, 25, 9), NA)]
    step = step_at(iv, calls, ny(11, 25, 9, 6))
    assert step.reason.startswith("You rang 6 minutes ago; wait for another good time.")
    assert call_caution(iv, calls, ny(11, 25, 9, 6)).rule == "D12"
    assert call_caution(iv, calls, ny(11, 25, 16, 5)).rule == "D13"


def test_d15_once_a_message_is_left_no_more_calls_this_round():
    iv = make()
    calls = [tried(iv, ny(11, 25, 9), NA), tried(iv, ny(11, 25, 16), VM)]
    assert step_at(iv, calls, ny(11, 25, 16, 5)).kind is StepKind.WAIT
    assert call_caution(iv, calls, ny(11, 27, 9)).rule == "D15"


def test_d15_a_follow_up_round_with_no_reply_ends_in_a_short_email_then_rest():
    iv = make()
    calls = [tried(iv, ny(11, 25, 9), VM), tried(iv, ny(12, 3, 9), VM)]
    waiting = step_at(iv, calls, ny(12, 4, 9))
    assert waiting.kind is StepKind.WAIT and "send a short email" in waiting.reason
    email = step_at(iv, calls, ny(12, 10, 9))
    assert email.kind is StepKind.SEND_EMAIL and "no more calls" in email.reason
    sent = ThankYou(iv.id, Channel.EMAIL, ny(12, 10, 10))
    assert next_step(iv, calls, [sent], ny(12, 10, 11)).kind is StepKind.LET_IT_REST
    assert step_at(iv, calls, ny(12, 18, 9)).kind is StepKind.LET_IT_REST
    assert call_caution(iv, calls, ny(12, 10, 9)).rule == "D15"


def test_d15_two_messages_the_same_week_are_one_round():
    iv = make()
    calls = [tried(iv, ny(11, 25, 9), VM), tried(iv, ny(11, 26, 9), VM)]
    assert step_at(iv, calls, ny(12, 4, 9)).kind is StepKind.FOLLOW_UP


def test_d15_a_conversation_starts_the_count_again():
    iv = make()
    calls = [tried(iv, ny(11, 25, 9), VM), tried(iv, ny(12, 3, 9), SPOKE), tried(iv, ny(12, 11, 9), VM)]
    assert step_at(iv, calls, ny(12, 21, 9)).kind is StepKind.FOLLOW_UP


def test_d13_d15_six_unanswered_tries_do_not_go_on_saying_leave_a_message():
    iv = make()
    calls = [tried(iv, ny(11, 25, 9) + timedelta(days=day, hours=hour), NA) for day in (0, 1, 2) for hour in (0, 7)]
    step = step_at(iv, calls, ny(11, 28, 9))
    assert step.kind is StepKind.SEND_EMAIL and "not getting through" in step.reason


CALLING = {StepKind.CALL_DUE, StepKind.TRY_AGAIN, StepKind.LEAVE_VOICEMAIL, StepKind.FOLLOW_UP}
WAITING = {StepKind.WAIT, StepKind.SAY_THANK_YOU}


def follow_the_guidance(iv: Interview, outcomes: list[Outcome], limit: int = 60) -> tuple[int, StepKind]:
    """Do what each step says, each call bringing the next outcome; the number of calls made, and the last step."""
    calls: list[CallAttempt] = []
    now = ny(11, 24, 15)
    made = 0
    for _ in range(limit):
        step = step_at(iv, calls, now)
        if step.kind in WAITING and step.due is not None:
            now = max(now, step.due) + timedelta(minutes=1)
            continue
        if step.kind not in CALLING:
            return made, step.kind
        outcome = outcomes[made % len(outcomes)] if made < len(outcomes) else NA
        moment = max(now, step.due or now)
        calls.append(tried(iv, moment, outcome))
        made += 1
        now = moment + timedelta(minutes=3)
    raise AssertionError(f"still calling after {limit} steps: {[c.outcome for c in calls]}")


replies = st.lists(st.sampled_from([o for o in Outcome if o is not SPOKE]), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(outcomes=replies)
def test_d15_property_the_stop_rule_ends_every_sequence_of_outcomes(outcomes):
    made, last = follow_the_guidance(make(), outcomes)
    assert last in {StepKind.LET_IT_REST, StepKind.SEND_EMAIL, StepKind.FIND_NUMBER}
    assert made <= 10


@settings(max_examples=100, deadline=None)
@given(before=replies, after=replies)
def test_d15_property_a_conversation_starts_a_new_round_that_ends_too(before, after):
    made, last = follow_the_guidance(make(), [*before, SPOKE, *after])
    assert made <= 2 * 10
    assert last in {StepKind.LET_IT_REST, StepKind.SEND_EMAIL, StepKind.FIND_NUMBER}
