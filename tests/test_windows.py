"""Call windows (D10, D11): the interviewer's zone, weekends, DST, both sides of the date line."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.domain.models import Interview, Profile
from tui.domain.windows import (
    EARLY,
    LATE,
    Part,
    call_windows,
    first_call_day,
    interviewer_zone,
    user_zone,
)

LA = ZoneInfo("America/Los_Angeles")
NY = ZoneInfo("America/New_York")
AKL = ZoneInfo("Pacific/Auckland")
KIR = ZoneInfo("Pacific/Kiritimati")
PAGO = ZoneInfo("Pacific/Pago_Pago")
BERLIN = ZoneInfo("Europe/Berlin")
ZONES = ["Pacific/Auckland", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles",
         "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"]  # fmt: skip


def interview(held: datetime | None, tz: str = "") -> Interview:
    return Interview("Acme", "Product Designer", interviewed_at=held, interviewer_tz=tz)


def starts(windows) -> list[datetime]:
    return [w.start for w in windows]


CASES = [
    # id, interview moment, interviewer zone, now, expected starts (in the interviewer's zone)
    (
        "d10_weekday_next_morning_and_thanksgiving_skipped",
        datetime(2026, 11, 24, 14, 0, tzinfo=LA), "America/Los_Angeles",
        datetime(2026, 11, 24, 15, 0, tzinfo=LA),
        [datetime(2026, 11, 25, 8, 30, tzinfo=LA), datetime(2026, 11, 25, 16, 0, tzinfo=LA),
         datetime(2026, 11, 27, 8, 30, tzinfo=LA)],
    ),
    (
        "d11_late_friday_skips_weekend",
        datetime(2026, 11, 27, 17, 45, tzinfo=LA), "America/Los_Angeles",
        datetime(2026, 11, 27, 18, 0, tzinfo=LA),
        [datetime(2026, 11, 30, 8, 30, tzinfo=LA), datetime(2026, 11, 30, 16, 0, tzinfo=LA),
         datetime(2026, 12, 1, 8, 30, tzinfo=LA)],
    ),
    (
        "d11_open_window_is_offered_now",
        datetime(2026, 11, 24, 14, 0, tzinfo=LA), "America/Los_Angeles",
        datetime(2026, 11, 25, 9, 15, tzinfo=LA),
        [datetime(2026, 11, 25, 8, 30, tzinfo=LA), datetime(2026, 11, 25, 16, 0, tzinfo=LA),
         datetime(2026, 11, 27, 8, 30, tzinfo=LA)],
    ),
    (
        "d11_us_fall_back_2026_11_01",
        datetime(2026, 10, 30, 10, 0, tzinfo=NY), "America/New_York",
        datetime(2026, 10, 30, 12, 0, tzinfo=NY),
        [datetime(2026, 11, 2, 8, 30, tzinfo=NY), datetime(2026, 11, 2, 16, 0, tzinfo=NY),
         datetime(2026, 11, 3, 8, 30, tzinfo=NY)],
    ),
    (
        "d11_us_spring_forward_2026_03_08",
        datetime(2026, 3, 6, 11, 0, tzinfo=LA), "America/Los_Angeles",
        datetime(2026, 3, 6, 12, 0, tzinfo=LA),
        [datetime(2026, 3, 9, 8, 30, tzinfo=LA), datetime(2026, 3, 9, 16, 0, tzinfo=LA),
         datetime(2026, 3, 10, 8, 30, tzinfo=LA)],
    ),
    (
        "d11_kiritimati_friday_to_monday",
        datetime(2026, 11, 27, 9, 0, tzinfo=KIR), "Pacific/Kiritimati",
        datetime(2026, 11, 27, 10, 0, tzinfo=KIR),
        [datetime(2026, 11, 30, 8, 30, tzinfo=KIR), datetime(2026, 11, 30, 16, 0, tzinfo=KIR),
         datetime(2026, 12, 1, 8, 30, tzinfo=KIR)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("held", "tz", "now", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_d10_d11_window_table(held, tz, now, expected):
    found = call_windows(interview(held, tz), now, count=3)
    assert starts(found) == expected
    assert [w.part for w in found][:2] == [Part.EARLY, Part.LATE]


def test_d11_dst_offsets_change_with_the_interviewer_clock():
    found = call_windows(interview(datetime(2026, 10, 30, 10, 0, tzinfo=NY), "America/New_York"),
                         datetime(2026, 10, 30, 12, 0, tzinfo=NY))  # fmt: skip
    # Monday 2 Nov is standard time: 8:30 EST is 13:30 UTC (it was 12:30 UTC the Friday before).
    assert found[0].start.astimezone(UTC) == datetime(2026, 11, 2, 13, 30, tzinfo=UTC)
    assert found[0].end.astimezone(UTC) - found[0].start.astimezone(UTC) == timedelta(minutes=90)


def test_d11_europe_changed_but_us_not_yet_2026_10_26():
    """Between 25 Oct and 1 Nov Berlin is five hours ahead of New York, not six."""
    iv = interview(datetime(2026, 10, 23, 15, 0, tzinfo=BERLIN), "Europe/Berlin")
    found = call_windows(iv, datetime(2026, 10, 23, 16, 0, tzinfo=BERLIN), count=1)
    start, end = found[0].in_zone(NY)
    assert found[0].start == datetime(2026, 10, 26, 8, 30, tzinfo=BERLIN)
    assert (start.hour, start.minute, end.hour) == (3, 30, 5)
    assert found[0].describe(NY) == "Mon 26 Oct, 8:30–10:00 their time (3:30–5:00 your time)"


def test_d11_auckland_interviewer_shown_in_los_angeles_time():
    """Across the date line the user's day differs from the interviewer's; both are shown."""
    iv = interview(datetime(2026, 11, 26, 11, 0, tzinfo=AKL), "Pacific/Auckland")
    found = call_windows(iv, datetime(2026, 11, 25, 20, 0, tzinfo=LA), count=2)
    assert found[0].start == datetime(2026, 11, 27, 8, 30, tzinfo=AKL)
    assert found[0].start.utcoffset() == timedelta(hours=13)
    assert found[0].describe(LA) == "Fri 27 Nov, 8:30–10:00 their time (Thu 26 Nov, 11:30–13:00 your time)"
    assert found[0].describe(AKL) == "Fri 27 Nov, 8:30–10:00"


def test_d11_weekend_is_the_interviewers_not_the_users():
    """Monday 8:30 on Kiritimati is Sunday 7:30 in Pago Pago: still a good time to call them."""
    iv = interview(datetime(2026, 11, 27, 9, 0, tzinfo=KIR), "Pacific/Kiritimati")
    first = call_windows(iv, datetime(2026, 11, 26, 10, 0, tzinfo=PAGO), count=1)[0]
    mine, _ = first.in_zone(PAGO)
    assert (mine.weekday(), mine.hour, mine.minute) == (6, 7, 30)
    assert first.start.weekday() == 0


def test_d11_unknown_interviewer_zone_falls_back_to_the_users():
    iv = interview(datetime(2026, 11, 27, 10, 0, tzinfo=PAGO))  # Saturday 11:00 on Kiritimati
    now = datetime(2026, 11, 28, 11, 30, tzinfo=KIR)
    assert interviewer_zone(iv, KIR) is KIR
    assert first_call_day(iv, KIR) == date(2026, 11, 30)
    assert call_windows(iv, now, 1)[0].start == datetime(2026, 11, 30, 8, 30, tzinfo=KIR)


def test_d11_bad_zone_name_falls_back():
    iv = interview(datetime(2026, 11, 24, 14, 0, tzinfo=LA), "Mars/Olympus_Mons")
    assert interviewer_zone(iv, LA) is LA


def test_user_zone_prefers_the_profile():
    now = datetime(2026, 11, 24, 14, 0, tzinfo=LA)
    assert user_zone(Profile(timezone="Pacific/Auckland"), now) == AKL
    assert user_zone(Profile(), now) is LA
    assert user_zone(None, now) is LA


def test_d12_after_a_try_the_next_window_is_another_one():
    iv = interview(datetime(2026, 11, 24, 14, 0, tzinfo=LA), "America/Los_Angeles")
    tried = datetime(2026, 11, 25, 9, 0, tzinfo=LA)
    found = call_windows(iv, tried + timedelta(minutes=2), 2, after=tried)
    assert starts(found) == [datetime(2026, 11, 25, 16, 0, tzinfo=LA), datetime(2026, 11, 27, 8, 30, tzinfo=LA)]


def test_d11_far_future_interview_starts_after_it():
    iv = interview(datetime(2027, 1, 8, 10, 0, tzinfo=LA), "America/Los_Angeles")  # a Friday
    found = call_windows(iv, datetime(2026, 11, 24, 10, 0, tzinfo=LA), 1)
    assert found[0].start == datetime(2027, 1, 11, 8, 30, tzinfo=LA)


def test_window_contains_is_half_open():
    window = call_windows(interview(None, "America/Los_Angeles"), datetime(2026, 11, 24, 7, 0, tzinfo=LA), 1)[0]
    assert window.contains(window.start) and not window.contains(window.end)


moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC))


@settings(max_examples=150, deadline=None)
@given(held=moments, zone_name=st.sampled_from(ZONES), user=st.sampled_from(ZONES),
       later=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)))  # fmt: skip
def test_d11_property_no_window_on_a_weekend_in_the_interviewers_zone(held, zone_name, user, later):
    tz = ZoneInfo(zone_name)
    iv = interview(held, zone_name)
    now = (held + later).astimezone(ZoneInfo(user))
    found = call_windows(iv, now, count=5)
    assert len(found) == 5
    first = first_call_day(iv, tz)
    for window in found:
        local = window.start.astimezone(tz)
        assert local.weekday() < 5
        assert local.date() >= first > held.astimezone(tz).date()  # D10: never the interview day
        assert local.time() in (EARLY[0], LATE[0])
        assert window.end > now
        assert window.end.astimezone(UTC) - window.start.astimezone(UTC) == timedelta(minutes=90)
    assert starts(found) == sorted(starts(found))
    assert all(w.end.astimezone(tz).time() in (EARLY[1], LATE[1]) for w in found)
    assert time(8, 30) == EARLY[0]
