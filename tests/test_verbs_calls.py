"""`followup list` and `followup log-call`: the app's next-step rules, from the shell."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from verbs_support import NOW, NY, followup, seed, tables

from tui.domain.guidance import StepKind, next_follow_up, next_step
from tui.domain.models import Outcome
from tui.store import Workbook


def test_list_shows_each_open_interview_with_its_next_step_most_urgent_first(tmp_path):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    result = followup(db, "list")
    assert result.returncode == 0, result.stderr
    table, footnote = result.stdout.split("\n\n")
    header, *lines = table.splitlines()
    assert header.split()[:4] == ["ID", "COMPANY", "ROLE", "INTERVIEWER"]
    assert len(lines) == 2  # the archived one is left out
    assert lines[0].startswith(seeded["due"].id[:8])
    assert "Acme" in lines[0] and "Product Designer" in lines[0] and "Dana Reyes" in lines[0]
    # Today is Thanksgiving: the call moves to Friday, so a thank-you comes first (D21).
    assert "Say thank you" in lines[0]
    assert footnote.strip() == "No thank-you yet: Acme. An email or a handwritten note is best."
    assert lines[1].startswith(seeded["waiting"].id[:8]) and "Wait" in lines[1] and "Monday" in lines[1]

    everything = json.loads(followup(db, "list", "--json", "--archived").stdout)
    assert {row["id"] for row in everything} == {i.id for i in seeded.values()}
    due_only = json.loads(followup(db, "list", "--json", "--due").stdout)
    assert [row["id"] for row in due_only] == [seeded["due"].id]
    (row,) = due_only
    assert row["next_step"] == StepKind.SAY_THANK_YOU.value
    assert row["due"] == "2026-11-25T14:00:00-05:00"
    assert row["due_now"] is True and row["overdue"] is False


def test_list_due_with_nothing_due_says_so_and_exits_1_for_a_prompt_or_cron(tmp_path):
    result = followup(tmp_path / "wb.json", "list", "--due")
    assert result.returncode == 1
    assert result.stdout.strip() == "Nothing is due now."


def _reopened(db, interview_id):
    from tui.session import Session

    with Workbook.open(db, autosave=False) as book:
        session = Session(book).load()
        return (
            session.interview(interview_id),
            list(session.calls_for(interview_id)),
            list(session.thank_yous_for(interview_id)),
            session.profile,
        )


def test_log_call_records_the_attempt_and_the_same_next_step_as_the_app(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    first = followup(db, "log-call", due.id[:5], "--outcome", "no-answer", "--minutes", "1")
    assert first.returncode == 0, first.stderr
    assert "Call, leave a message" in first.stdout  # D13: the second try leaves one
    later = NOW + timedelta(hours=6, minutes=5)  # 16:05, in the late window
    second = followup(db, "log-call", due.id[:5], "--outcome", "No answer", now=later)
    assert second.returncode == 0, second.stderr

    interview, calls, thanks, profile = _reopened(db, due.id)
    assert [c.outcome for c in calls] == [Outcome.NO_ANSWER, Outcome.NO_ANSWER]
    assert calls[0].duration_seconds == 60 and calls[0].ended_at == NOW
    expected = next_step(interview, calls, thanks, later, profile)
    assert expected.kind is StepKind.LEAVE_VOICEMAIL
    assert calls[1].next_step == ""  # as the app records it: a next step only once a follow-up is set
    assert f"Next: {expected.label}" in second.stdout and expected.reason in second.stdout
    stored = [doc for doc in tables(db)["calls"] if doc["interview_id"] == due.id]
    assert {doc["outcome"] for doc in stored} == {"no_answer"}


def test_log_call_spoke_with_a_decision_date_sets_the_follow_up(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    result = followup(
        db, "log-call", due.id[:8], "--outcome", "spoke", "--decision", "by Friday", "--minutes", "6",
        "--notes", "-", stdin="They liked the case study.\nAsk about the team offsite.\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Fri 27 Nov" in result.stdout and "Mon 30 Nov" in result.stdout
    interview, calls, thanks, profile = _reopened(db, due.id)
    assert interview.decision_expected == date(2026, 11, 27)
    assert interview.decision_text == "by Friday"
    (call,) = calls
    assert call.outcome is Outcome.SPOKE
    assert call.notes == "They liked the case study.\nAsk about the team offsite."
    assert call.ended_at == NOW and call.duration_seconds == 360
    assert call.next_step == "Follow up on Mon 30 Nov"
    follow = next_follow_up(interview, calls, tz=NY)
    assert follow is not None and follow.due == date(2026, 11, 30)  # D19: a day or two after Friday
    assert next_step(interview, calls, thanks, NOW, profile).kind is StepKind.WAIT


def test_log_call_at_a_given_time_with_a_chosen_follow_up(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    result = followup(
        db, "log-call", due.id, "--outcome", "voicemail-left", "--at", "today 9am", "--follow-up", "next Wednesday"
    )
    assert result.returncode == 0, result.stderr
    _, calls, _, _ = _reopened(db, due.id)
    (call,) = calls
    assert call.started_at == datetime(2026, 11, 26, 9, 0, tzinfo=NY)
    assert call.follow_up_on == date(2026, 12, 2)


def test_log_call_bad_input_exits_2_and_writes_nothing(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    before = db.read_bytes()
    unknown = followup(db, "log-call", due.id[:6], "--outcome", "ghosted")
    assert unknown.returncode == 2
    assert "--outcome" in unknown.stderr and "ghosted" in unknown.stderr
    for name in ("no-answer", "voicemail-left", "spoke", "someone-else", "busy", "wrong-number", "will-call-back"):
        assert name in unknown.stderr
    missing = followup(db, "log-call", "ffffffff", "--outcome", "spoke")
    assert missing.returncode == 2 and "ffffffff" in missing.stderr
    future = followup(db, "log-call", due.id[:6], "--outcome", "spoke", "--at", "tomorrow 9am")
    assert future.returncode == 2 and "--at" in future.stderr
    assert db.read_bytes() == before


def test_a_decision_that_is_not_a_date_is_kept_as_typed_with_a_warning(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    result = followup(db, "log-call", due.id[:6], "--outcome", "spoke", "--decision", "soon, they said")
    assert result.returncode == 0, result.stderr
    assert "kept “soon, they said” as written" in result.stderr
    interview, calls, _, _ = _reopened(db, due.id)
    assert interview.decision_text == "soon, they said" and interview.decision_expected is None
    assert calls[0].next_step == "Follow up on Thu 3 Dec"  # D19: a week after the contact
