"""Ending a call records the outcome, the decision date (D17) and the next follow-up (D19)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tui.domain.models import CallAttempt, Interview, Outcome
from tui.domain.recording import record_outcome

NY = ZoneInfo("America/New_York")
INTERVIEWED = datetime(2026, 11, 23, 14, 0, tzinfo=NY)  # a Monday
CALLED = datetime(2026, 11, 24, 9, 0, tzinfo=NY)


def make() -> tuple[Interview, CallAttempt]:
    interview = Interview("Acme", "Designer", interviewed_at=INTERVIEWED, interviewer_tz="America/New_York")
    return interview, CallAttempt(interview.id, CALLED)


def test_d17_d19_a_stated_decision_date_sets_the_follow_up_after_it():
    interview, call = make()
    recorded = record_outcome(interview, call, [], CALLED + timedelta(minutes=4), Outcome.SPOKE, "by Friday", NY)
    assert call.ended_at == CALLED + timedelta(minutes=4) and call.outcome is Outcome.SPOKE
    assert interview.decision_text == "by Friday" and interview.decision_expected == date(2026, 11, 27)
    assert recorded.decision is not None and recorded.decision.ok
    assert recorded.follow_up is not None and recorded.follow_up.due > date(2026, 11, 27)
    assert (
        call.next_step
        == f"Follow up on {recorded.follow_up.due:%a} {recorded.follow_up.due.day} {recorded.follow_up.due:%b}"
    )


def test_d19_without_a_decision_date_follow_up_a_week_after_the_message():
    interview, call = make()
    recorded = record_outcome(interview, call, [call], CALLED, Outcome.VOICEMAIL_LEFT, tz=NY)
    assert recorded.decision is None and interview.decision_text == ""
    assert recorded.follow_up is not None and recorded.follow_up.due == date(2026, 12, 1)


def test_d17_an_unreadable_decision_is_kept_as_written_and_flagged():
    interview, call = make()
    recorded = record_outcome(interview, call, [], CALLED, Outcome.SPOKE, "once the board has met", NY)
    assert interview.decision_text == "once the board has met" and interview.decision_expected is None
    assert recorded.decision is not None and not recorded.decision.ok and recorded.decision.message


def test_an_end_before_the_start_is_clamped_to_the_start():
    interview, call = make()
    record_outcome(interview, call, [], CALLED - timedelta(minutes=5), Outcome.NO_ANSWER, tz=NY)
    assert call.ended_at == CALLED and call.duration_seconds == 0
