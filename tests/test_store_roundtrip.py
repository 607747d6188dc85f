"""Every stored thing goes in through the Workbook and comes back equal, also via plain TinyDB."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import tinydb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.domain.models import (
    CallAttempt,
    Channel,
    ChecklistItem,
    Interview,
    Interviewer,
    Outcome,
    Profile,
    Qualification,
    Reference,
    ThankYou,
)
from tui.store import Workbook

NY = ZoneInfo("America/New_York")
WHEN = datetime(2026, 11, 25, 14, 0, tzinfo=NY)


def full_interview() -> Interview:
    return Interview(
        company="Acme Analytics",
        role="Product Designer",
        interviewed_at=WHEN,
        interviewer=Interviewer("Dana Reyes", "Head of Design", "+13125550123", "dana@example.com", True),
        interviewer_tz="America/Chicago",
        round=2,
        resume_path="~/Documents/resume.pdf",
        references=(Reference("Sam Ode", "former manager", "+12125550188"),),
        qualifications=(Qualification("Ran a design system for 40 engineers", "consistency across teams"),),
        wish_said="The accessibility audit I led",
        checks={"D1": True, "D2": False},
        custom_items=(ChecklistItem("Look up their Q3 launch", True),),
        decision_expected=date(2026, 12, 4),
        decision_text="by Friday next week",
        notes="Prep notes ✓ — عربى 🙂",
        archived=False,
        created_at=WHEN - timedelta(days=1),
    )


def test_every_model_type_round_trips_through_the_store(tmp_path):
    path = tmp_path / "wb.json"
    interview = full_interview()
    call = CallAttempt(
        interview.id,
        WHEN + timedelta(days=1),
        WHEN + timedelta(days=1, minutes=3),
        Outcome.SPOKE,
        "They liked the portfolio",
        "wait",
        date(2026, 12, 5),
    )
    thanks = ThankYou(interview.id, Channel.EMAIL, WHEN + timedelta(hours=5), "sent from phone")
    profile = Profile("Alex Kim", "+12125550147", "alex@example.com", "America/New_York", "Designer who ships")
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(interview)
        book.save_call(call)
        book.save_thank_you(thanks)
        book.save_profile(profile)
        book.set_setting("theme", "nord")

    with Workbook.open(path, autosave=False) as book:
        assert book.interviews() == [interview]
        assert book.all_calls() == [call]
        assert book.all_thank_yous() == [thanks]
        assert book.profile == profile
        assert book.setting("theme", "textual-dark") == "nord"

    raw = tinydb.TinyDB(path)
    (doc,) = raw.table("interviews").all()
    assert doc["company"] == "Acme Analytics"
    assert doc["interviewed_at"] == "2026-11-25T14:00:00-05:00"
    assert doc["interviewer"]["phone"] == "+13125550123"
    assert doc["decision_expected"] == "2026-12-04"
    (call_doc,) = raw.table("calls").all()
    assert call_doc["outcome"] == "spoke" and call_doc["interview_id"] == interview.id
    assert raw.table("thank_yous").all()[0]["channel"] == "email"
    assert raw.table("meta").all()[0]["schema_version"] == 1
    raw.close()


def test_notes_typing_path_is_saved(tmp_path):
    path = tmp_path / "wb.json"
    interview = full_interview()
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(interview)
        call = CallAttempt(interview.id, WHEN)
        book.save_call(call)
        book.set_call_notes(call, "first line")
        book.set_call_notes(call, "first line\nsecond")
        book.set_interview_notes(interview, "general")
    raw = tinydb.TinyDB(path)
    assert raw.table("calls").all()[0]["notes"] == "first line\nsecond"
    assert raw.table("interviews").all()[0]["notes"] == "general"
    raw.close()


def test_new_files_are_private(tmp_path):
    path = tmp_path / "sub" / "wb.json"
    Workbook.open(path, autosave=False).close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not os.path.exists(str(path) + ".bak")  # a new file has nothing to back up yet
    with Workbook.open(path, autosave=False) as book:
        book.save_interview(full_interview())
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(str(path) + ".bak").st_mode) == 0o600


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
name = text.filter(lambda s: s.strip() != "")
zones = st.sampled_from([UTC, NY, ZoneInfo("Pacific/Auckland"), ZoneInfo("Asia/Kolkata")])
moments = st.builds(
    lambda d, tz: d.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    zones,
)
interviews = st.builds(
    Interview,
    company=name,
    role=name,
    interviewed_at=st.none() | moments,
    interviewer=st.builds(Interviewer, text, text, text, text, st.booleans()),
    interviewer_tz=text,
    round=st.integers(1, 9),
    resume_path=text,
    references=st.lists(st.builds(Reference, name, text, text), max_size=3).map(tuple),
    qualifications=st.lists(st.builds(Qualification, name, text), max_size=3).map(tuple),
    wish_said=text,
    checks=st.dictionaries(st.sampled_from(["D1", "D2", "D3", "D4", "D5", "D9"]), st.booleans()),
    custom_items=st.lists(st.builds(ChecklistItem, name, st.booleans()), max_size=3).map(tuple),
    # Only believable years: the store refuses a file holding others.
    decision_expected=st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    decision_text=text,
    notes=text,
    archived=st.booleans(),
    created_at=st.none() | moments,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    interviews=st.lists(interviews, max_size=4),
    outcome=st.none() | st.sampled_from(list(Outcome)),
    notes=text,
    start=moments,
    channel=st.sampled_from(list(Channel)),
)
def test_random_records_survive_save_and_reopen(tmp_path_factory, interviews, outcome, notes, start, channel):
    path = tmp_path_factory.mktemp("prop") / "wb.json"
    calls = [CallAttempt(i.id, start, start + timedelta(minutes=2), outcome, notes) for i in interviews]
    thanks = [ThankYou(i.id, channel, start) for i in interviews]
    with Workbook.open(path, autosave=False) as book:
        for record in interviews:
            book.save_interview(record)
        for call in calls:
            book.save_call(call)
        for note in thanks:
            book.save_thank_you(note)
    with Workbook.open(path, autosave=False) as book:
        assert sorted(book.interviews(include_archived=True), key=lambda i: i.id) == sorted(
            interviews, key=lambda i: i.id
        )
        assert sorted(book.all_calls(), key=lambda c: c.id) == sorted(calls, key=lambda c: c.id)
        assert sorted(book.all_thank_yous(), key=lambda t: t.id) == sorted(thanks, key=lambda t: t.id)
