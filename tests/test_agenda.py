"""The agenda: windows placed on the user's clock with the interviewer's beside it, across zones and DST."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from ui_support import FIXED_NOW, running, seed, settle
from verbs_support import followup

from tui.domain.agenda import build_agenda
from tui.domain.guidance import next_step
from tui.domain.models import REQUIRED_RULES, Channel, Interview, Interviewer, Profile, Result, ThankYou
from tui.domain.results import settle as settle_result

NY, LONDON = ZoneInfo("America/New_York"), ZoneInfo("Europe/London")


def london(**changes) -> Interview:
    fields = dict(
        company="Thames", role="Analyst", interviewer=Interviewer("Ada Byrne", phone="+442079460000"),
        interviewer_tz="Europe/London", interviewed_at=datetime(2026, 10, 26, 10, 0, tzinfo=LONDON),
        checks={rule: True for rule in REQUIRED_RULES},
    )  # fmt: skip
    fields.update(changes)
    return Interview(**fields)


def _agenda(interviews, now, thanks=(), days=7):
    profile = Profile(timezone="America/New_York")
    by_id = {t.interview_id: [t] for t in thanks}
    return build_agenda(interviews, lambda i: next_step(i, [], by_id.get(i.id, []), now, profile), now, NY, days)


def test_windows_sit_on_the_users_clock_with_theirs_beside_it_across_the_dst_change():
    """London left summer time on 25 Oct, New York on 1 Nov: 16:00 there is 12:00 here, then 11:00."""
    interview = london()
    thanks = [ThankYou(interview.id, Channel.EMAIL, datetime(2026, 10, 26, 12, 0, tzinfo=LONDON))]
    # Friday 30 October, 5:00 in New York: the call was due Tuesday (late); next windows Friday, then Monday.
    now = datetime(2026, 10, 30, 5, 0, tzinfo=NY)
    agenda = _agenda([interview], now, thanks, days=5)
    assert [e.what for e in agenda.late] == ["Call"] and agenda.late[0].day == date(2026, 10, 27)
    placed = [(e.day, e.start.strftime("%H:%M"), e.theirs) for e in agenda.entries]
    assert placed == [
        (date(2026, 10, 30), "12:00", "their 16:00–17:30"),  # the early window (4:30 here) is in the user's night
        (date(2026, 11, 2), "11:00", "their 16:00–17:30"),  # both on winter time now: five hours apart
    ]
    assert all(e.start.tzinfo is not None and e.start.utcoffset() == e.start.astimezone(NY).utcoffset()
               for e in agenda.entries)  # fmt: skip


def test_a_wait_shows_its_follow_up_day_and_the_decision_date_is_marked():
    now = datetime(2026, 11, 23, 9, 0, tzinfo=NY)
    waiting = london(interviewed_at=datetime(2026, 11, 16, 10, 0, tzinfo=LONDON), decision_expected=date(2026, 11, 25))
    from tui.domain.models import CallAttempt, Outcome

    spoke = CallAttempt(waiting.id, datetime(2026, 11, 17, 11, 0, tzinfo=NY), datetime(2026, 11, 17, 11, 5, tzinfo=NY),
                        Outcome.SPOKE)  # fmt: skip
    profile = Profile(timezone="America/New_York")
    agenda = build_agenda([waiting], lambda i: next_step(i, [spoke], [], now, profile), now, NY, 7)
    kinds = [(e.day, e.what) for e in agenda.entries]
    assert (date(2026, 11, 25), "Decision expected") in kinds
    follow = [e for e in agenda.entries if e.what == "Follow up"]
    assert len(follow) == 1 and follow[0].day > date(2026, 11, 25) and follow[0].start is not None


def test_results_and_the_archive_leave_the_agenda():
    now = datetime(2026, 10, 27, 9, 0, tzinfo=NY)
    done = settle_result(london(), Result.OFFER, date(2026, 10, 27))
    gone = london(archived=True)
    assert _agenda([done, gone], now).entries == ()


def test_the_agenda_verb_prints_the_days_and_json(tmp_path):
    db = tmp_path / "wb.json"
    interview = london(interviewed_at=datetime(2026, 11, 25, 10, 0, tzinfo=LONDON))
    thanks = ThankYou(interview.id, Channel.EMAIL, datetime(2026, 11, 25, 12, 0, tzinfo=LONDON))
    seed(db, [interview], profile=Profile("Sam", timezone="America/New_York"), thank_yous=[thanks])
    shown = followup(db, "agenda", "--days", "3")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("Thu 26 Nov today") and "weekend" not in lines[0]
    assert any("Call: Thames – Analyst" in line and "their 16:00–17:30" in line for line in lines)
    data = json.loads(followup(db, "agenda", "--json", "--days", "2").stdout)
    assert [d["day"] for d in data["days"]] == ["2026-11-26", "2026-11-27"]
    wrong = followup(db, "agenda", "--days", "30")
    assert wrong.returncode == 2 and "1 to 14 days" in wrong.stderr


@pytest.mark.asyncio
async def test_w_shows_the_week_and_enter_opens_the_interview(tmp_path):
    from textual.widgets import DataTable

    db = tmp_path / "wb.json"
    acme = Interview("Acme", "Designer", interviewed_at=FIXED_NOW - timedelta(days=1), interviewer=Interviewer(
        "Dana", phone="+12125550100"), checks={rule: True for rule in REQUIRED_RULES})  # fmt: skip
    other = Interview("Borealis", "Researcher")
    seed(db, [other, acme], profile=Profile("Sam", timezone="America/New_York"))
    async with running(db) as pilot:
        await pilot.press("w")
        await settle(pilot)
        table = pilot.app.screen.query_one(DataTable)
        assert table.row_count >= 7
        await pilot.press("enter")  # the first line: the call that is late
        await settle(pilot)
        assert pilot.app.screen.current.id == acme.id
