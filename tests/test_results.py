"""Results and rounds: a result closes the follow-up; the next round carries the application over."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from verbs_support import NOW, NY, followup, ready, seed, tables

from tui.domain.checklist import tick
from tui.domain.errors import ValidationError
from tui.domain.guidance import StepKind, next_step
from tui.domain.models import Interview, Interviewer, Qualification, Reference, Result
from tui.domain.records import Records
from tui.domain.results import next_round, result_word, rounds_of, settle
from tui.formats.icsfile import render_ics


def _acme() -> Interview:
    return ready(
        company="Acme",
        role="Product Designer",
        interviewer=Interviewer("Dana Reyes", "Design Lead", "+12125550100"),
        interviewer_tz="America/New_York",
        interviewed_at=datetime(2026, 11, 25, 14, 0, tzinfo=NY),
        resume_path="~/cv.pdf",
        references=(Reference("Jo Kim", "former manager", "jo@example.com"),),
        qualifications=(Qualification("Ran a design system", "consistency across teams"),),
        wish_said="My accessibility work",
        notes="Panel of three.",
        posting_url="https://acme.example/jobs/42",
        salary="$120-140k",
        location="Remote (US)",
        applied_on=date(2026, 11, 2),
    )


def test_a_result_closes_the_follow_up_and_says_when_word_came():
    interview = settle(_acme(), Result.OFFER, date(2026, 11, 26), "  Start in January ")
    step = next_step(interview, [], [], NOW)
    assert step.kind is StepKind.CLOSED and step.due is None
    assert step.reason == "Offer, word came today; no more follow-up calls for this round."
    assert interview.result_notes == "Start in January"
    reopened = settle(interview, Result.WAITING, None)
    assert reopened.result_on is None and next_step(reopened, [], [], NOW).kind is not StepKind.CLOSED


def test_a_result_before_the_interview_is_refused():
    with pytest.raises(ValidationError, match="before the interview"):
        settle(_acme(), Result.REJECTED, date(2026, 11, 20))


@pytest.mark.parametrize(
    ("typed", "result"),
    [("offer", Result.OFFER), ("Next round", Result.NEXT_ROUND), ("no_reply", Result.NO_REPLY),
     ("  WITHDRAWN ", Result.WITHDRAWN), ("waiting", Result.WAITING)],
)  # fmt: skip
def test_results_are_read_as_people_type_them(typed, result):
    assert result_word(typed) is result


def test_an_unknown_result_names_the_choices():
    with pytest.raises(ValidationError) as error:
        result_word("hired")
    assert "next-round, offer, rejected, withdrawn, no-reply" in error.value.message


def test_the_next_round_carries_the_application_over_and_starts_the_follow_up_fresh():
    first = _acme()
    tick(first, "D6", True)
    later = next_round(first, NOW)
    assert (later.company, later.role, later.round, later.previous_round) == ("Acme", "Product Designer", 2, first.id)
    assert later.interviewer == first.interviewer and later.interviewer is not first.interviewer
    assert later.references == first.references and later.qualifications == first.qualifications
    assert later.resume_path == first.resume_path and later.interviewer_tz == first.interviewer_tz
    assert (later.posting_url, later.salary, later.location, later.applied_on) == (
        first.posting_url, first.salary, first.location, first.applied_on)  # fmt: skip
    assert later.checks == {} and later.notes == "" and later.wish_said == "" and later.interviewed_at is None
    assert later.result is Result.WAITING and later.title == "Acme – Product Designer (round 2)"
    other = next_round(first, NOW, Interviewer("Lee Park"))
    assert other.interviewer.name == "Lee Park"


def test_rounds_are_found_from_any_round_in_order():
    first = _acme()
    second = next_round(first, NOW)
    third = next_round(second, NOW)
    everything = [third, Interview("Other", "Role"), first, second]
    for start in (first, second, third):
        assert [i.round for i in rounds_of(start, everything)] == [1, 2, 3]


def test_a_settled_interview_puts_nothing_in_the_calendar():
    interview = _acme()
    busy = render_ics(Records(interviews=[interview]), NOW)
    assert b"BEGIN:VEVENT" in busy
    quiet = render_ics(Records(interviews=[settle(interview, Result.REJECTED, NOW.date())]), NOW)
    assert b"BEGIN:VEVENT" not in quiet


def test_result_verb_closes_the_follow_up_and_next_round_opens_round_two_once(tmp_path):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    acme = seeded["due"].id
    done = followup(db, "result", acme[:6], "next-round", "--notes", "They want a panel")
    assert done.returncode == 0, done.stderr
    assert "Next round, word came today" in done.stdout and "Opened round 2" in done.stdout
    again = followup(db, "result", acme[:6], "next-round")
    assert "Already there: round 2" in again.stdout
    stored = {doc["id"]: doc for doc in tables(db)["interviews"]}
    assert stored[acme]["result"] == "next_round" and stored[acme]["result_on"] == "2026-11-26"
    assert stored[acme]["result_notes"] == "They want a panel"
    (later,) = [doc for doc in stored.values() if doc["previous_round"] == acme]
    assert later["round"] == 2 and later["interviewer"]["name"] == "Dana Reyes" and later["checks"] == {}
    listed = followup(db, "list")
    assert "Product Designer (round 2)" in listed.stdout
    rows = {row["id"]: row for row in json.loads(followup(db, "list", "--json").stdout)}
    assert rows[acme]["next_step"] == "closed" and rows[acme]["result"] == "next_round"


def test_result_verb_refuses_a_day_to_come_and_an_unknown_result_writing_nothing(tmp_path):
    db = tmp_path / "wb.json"
    acme = seed(db)["due"].id
    before = tables(db)
    late = followup(db, "result", acme[:6], "offer", "--when", "tomorrow")
    assert late.returncode == 2 and "--when: A result is recorded once it has come" in late.stderr
    wrong = followup(db, "result", acme[:6], "hired")
    assert wrong.returncode == 2 and "is not a result" in wrong.stderr
    assert tables(db) == before


def test_list_due_exits_1_once_the_only_due_call_has_its_result(tmp_path):
    db = tmp_path / "wb.json"
    acme = seed(db)["due"].id
    assert followup(db, "list", "--due").returncode == 0
    followup(db, "result", acme[:6], "rejected", "--when", "today")
    nothing = followup(db, "list", "--due", now=NOW + timedelta(minutes=1))
    assert nothing.returncode == 1 and nothing.stdout.strip() == "Nothing is due now."


def test_the_parser_offers_the_results_the_domain_reads():
    from tui.cli.parser import RESULT_CHOICES
    from tui.domain.results import RESULT_WORDS

    assert set(RESULT_CHOICES) == {*RESULT_WORDS, "waiting"}
