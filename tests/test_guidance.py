"""Next step, follow-up dates and guardrails (D10-D21), with a fixed clock in several zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.domain.guidance import (
    NextStep,
    StepKind,
    attention_key,
    call_caution,
    call_warning,
    channel_warning,
    most_urgent,
    next_follow_up,
    next_step,
    thanked,
)
from tui.domain.models import REQUIRED_RULES, CallAttempt, Channel, Interview, Interviewer, Outcome, Profile, ThankYou

LA = ZoneInfo("America/Los_Angeles")
NY = ZoneInfo("America/New_York")
AKL = ZoneInfo("Pacific/Auckland")
KIR = ZoneInfo("Pacific/Kiritimati")
PAGO = ZoneInfo("Pacific/Pago_Pago")

#: Tuesday 24 November 2026, 14:00 in Los Angeles.
HELD = datetime(2026, 11, 24, 14, 0, tzinfo=LA)


def la(day: int, hour: int = 9, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=LA)


def make(held: datetime | None = HELD, tz: str = "America/Los_Angeles", ready: bool = True, **kw) -> Interview:
    checks = kw.pop("checks", {rule: True for rule in REQUIRED_RULES} if ready else {})
    kw.setdefault("interviewer", Interviewer("Dana Reyes", phone=kw.pop("phone", "+13105550100")))
    return Interview("Acme", "Product Designer", interviewed_at=held, interviewer_tz=tz, checks=checks, **kw)


def call(iv: Interview, at: datetime, outcome: Outcome | None, **kw) -> CallAttempt:
    ended = None if outcome is None else at + timedelta(minutes=2)
    return CallAttempt(iv.id, at, ended_at=ended, outcome=outcome, **kw)


def thanks(iv: Interview, channel: Channel = Channel.EMAIL, at: datetime = HELD + timedelta(hours=3)) -> ThankYou:
    return ThankYou(iv.id, channel, at)


NA, VM, SPOKE, BUSY = Outcome.NO_ANSWER, Outcome.VOICEMAIL_LEFT, Outcome.SPOKE, Outcome.BUSY

# id, interview kwargs, attempts [(moment, outcome)], thanked?, now, kind, due, overdue
TABLE = [
    ("d10_due_the_morning_after", {}, [], True, la(25, 9), StepKind.CALL_DUE, la(25, 8, 30), False),
    ("d10_not_yet_on_the_day_itself", {}, [], True, la(24, 16), StepKind.CALL_DUE, la(25, 8, 30), False),
    ("d10_late_once_that_day_passed", {}, [], True, la(26, 0, 1), StepKind.CALL_DUE, la(25, 8, 30), True),
    ("d10_still_on_time_at_the_end_of_that_day", {}, [], True, la(25, 23, 59), StepKind.CALL_DUE, la(25, 8, 30), False),
    ("d10_d11_late_friday_interview_due_monday", {"held": la(27, 17, 40)}, [], True, la(28, 10),
     StepKind.CALL_DUE, la(30, 8, 30), False),
    ("d21_thank_you_first_on_interview_day", {}, [], False, la(24, 18), StepKind.SAY_THANK_YOU, HELD, False),
    ("d21_thank_you_over_a_weekend", {"held": la(27, 17, 40)}, [], False, la(29, 12),
     StepKind.SAY_THANK_YOU, la(27, 17, 40), False),
    ("d1_d4_prepare_before_calling", {"ready": False}, [], True, la(25, 9), StepKind.PREPARE, la(25, 8, 30), False),
    ("d12_d13_one_unanswered_call_again_with_a_message", {}, [(la(25, 9), NA)], True, la(25, 9, 5),
     StepKind.LEAVE_VOICEMAIL, la(25, 16), False),
    ("d12_d13_second_try_is_late_next_day", {}, [(la(25, 9), NA)], True, la(26, 0, 5), StepKind.LEAVE_VOICEMAIL,
     la(25, 16), True),
    ("d13_two_unanswered_leave_message_after_thanksgiving", {}, [(la(25, 9), NA), (la(25, 16, 10), NA)], True,
     la(25, 16, 15), StepKind.LEAVE_VOICEMAIL, la(27, 8, 30), False),
    ("d13_busy_counts_as_unanswered", {}, [(la(25, 9), BUSY), (la(25, 9, 20), NA)], True, la(25, 9, 25),
     StepKind.LEAVE_VOICEMAIL, la(25, 16), False),
    ("d12_someone_else_answered", {}, [(la(25, 9), Outcome.SOMEONE_ELSE)], True, la(25, 9, 5),
     StepKind.TRY_AGAIN, la(25, 16), False),
    ("d5_wrong_number_get_the_number", {}, [(la(25, 9), Outcome.WRONG_NUMBER)], True, la(25, 9, 5),
     StepKind.FIND_NUMBER, la(25, 9), False),
    ("d5_wrong_number_late_the_next_working_day", {}, [(la(25, 9), Outcome.WRONG_NUMBER)], True, la(28, 9, 5),
     StepKind.FIND_NUMBER, la(25, 9), True),
    ("d5_no_number_get_it_first", {"phone": ""}, [], True, la(25, 9), StepKind.FIND_NUMBER, la(25, 8, 30), False),
    ("d15_voicemail_left_wait_a_week", {}, [(la(25, 9), VM)], False, la(25, 10), StepKind.WAIT, la(2, 8, 30, 12), False),
    ("d15_spoke_wait", {}, [(la(25, 9), SPOKE)], False, la(30, 10), StepKind.WAIT, la(2, 8, 30, 12), False),
    ("d19_week_passed_follow_up", {}, [(la(25, 9), VM)], True, la(2, 9, 0, 12), StepKind.FOLLOW_UP,
     la(2, 8, 30, 12), False),
    ("d19_late_after_two_weeks", {}, [(la(25, 9), VM)], True, la(10, 9, 0, 12), StepKind.FOLLOW_UP,
     la(2, 8, 30, 12), True),
    ("d19_decision_date_then_a_day_after", {"decision_expected": date(2026, 12, 4)}, [(la(25, 9), SPOKE)], True,
     la(1, 9, 0, 12), StepKind.WAIT, la(7, 8, 30, 12), False),
    ("d19_decision_passed_follow_up", {"decision_expected": date(2026, 12, 4)}, [(la(25, 9), SPOKE)], True,
     la(7, 11, 0, 12), StepKind.FOLLOW_UP, la(7, 8, 30, 12), False),
    ("d19_decision_follow_up_late_after_two_days", {"decision_expected": date(2026, 12, 4)}, [(la(25, 9), SPOKE)],
     True, la(9, 0, 30, 12), StepKind.FOLLOW_UP, la(7, 8, 30, 12), True),
    ("d12_d13_new_round_after_follow_up", {}, [(la(25, 9), VM), (la(2, 9, 0, 12), NA)], True, la(2, 9, 5, 12),
     StepKind.LEAVE_VOICEMAIL, la(2, 16, 0, 12), False),
    ("d13_new_round_two_unanswered", {}, [(la(25, 9), VM), (la(2, 9, 0, 12), NA), (la(2, 16, 5, 12), NA)], True,
     la(2, 16, 10, 12), StepKind.LEAVE_VOICEMAIL, la(3, 8, 30, 12), False),
    ("d15_calls_during_the_wait_still_wait", {}, [(la(25, 9), VM), (la(26, 9), NA), (la(26, 16, 5), NA)], True,
     la(26, 16, 10), StepKind.WAIT, la(2, 8, 30, 12), False),
    ("d15_d19_calls_during_the_wait_do_not_make_the_follow_up_day_late", {},
     [(la(25, 9), VM), (la(26, 9), NA), (la(26, 16, 5), NA)], True, la(2, 9, 5, 12), StepKind.LEAVE_VOICEMAIL,
     la(2, 16, 0, 12), False),
    ("closed_when_archived", {"archived": True}, [], False, la(25, 9), StepKind.CLOSED, None, False),
    ("prepare_without_interview_time", {"held": None}, [], False, la(25, 9), StepKind.PREPARE, None, False),
    ("on_call_while_a_call_runs", {}, [(la(25, 9), None)], True, la(25, 9, 10), StepKind.ON_CALL, la(25, 9), False),
    ("stale_open_call_is_ignored", {}, [(la(25, 9), None)], True, la(25, 12), StepKind.CALL_DUE, la(25, 8, 30), False),
    ("future_interview_call_after_it", {"held": la(1, 10, 0, 12)}, [], False, la(25, 9), StepKind.CALL_DUE,
     la(2, 8, 30, 12), False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "attempts", "is_thanked", "now", "kind", "due", "overdue"),
    [row[1:] for row in TABLE],
    ids=[row[0] for row in TABLE],
)
def test_next_step_table(kwargs, attempts, is_thanked, now, kind, due, overdue):
    iv = make(**kwargs)
    calls = [call(iv, at, outcome) for at, outcome in attempts]
    step = next_step(iv, calls, [thanks(iv)] if is_thanked else [], now)
    assert (step.kind, step.due, step.overdue) == (kind, due, overdue)
    assert step.is_overdue(now) is overdue
    assert step.reason and step.label


def test_d1_d4_prepare_names_what_is_missing():
    iv = make(ready=False, checks={"D1": True, "D3": True})
    step = next_step(iv, [], [thanks(iv)], la(25, 9))
    assert step.rule == "D1-D4"
    assert step.reason == "Before you call, get ready: references, key qualifications."


def test_the_steps_of_many_alike_interviews_share_what_they_hold():
    """Thousands of interviews held days ago have steps alike: one reason, one reminder and one end of
    the day each, not a copy for every interview (memory at 10,000 interviews)."""
    first, second = (make(ready=False, checks={"D1": True}) for _ in range(2))
    steps = [next_step(iv, [], [], la(27, 9)) for iv in (first, second)]
    assert steps[0].reason == steps[1].reason and steps[0].reason is steps[1].reason
    assert steps[0].also and steps[0].also is steps[1].also
    assert steps[0].overdue_at is not None and steps[0].overdue_at is steps[1].overdue_at


def test_d21_missing_thank_you_noted_beside_the_call():
    iv = make()
    step = next_step(iv, [], [], la(25, 9))
    assert step.kind is StepKind.CALL_DUE
    assert step.also == ("No thank-you sent yet; an email or a note is best.",)
    assert "any channel" not in step.also[0]
    assert next_step(iv, [], [thanks(iv)], la(25, 9)).also == ()


@pytest.mark.parametrize("channel", list(Channel))
def test_d21_any_channel_counts_as_thanked(channel):
    iv = make()
    assert thanked(iv, [], [thanks(iv, channel)])
    assert not thanked(iv, [], [ThankYou("someone-else", channel, HELD)])


def test_d14_d16_a_message_or_a_conversation_says_thank_you():
    iv = make()
    assert thanked(iv, [call(iv, la(25, 9), VM)], [])
    assert thanked(iv, [call(iv, la(25, 9), SPOKE)], [])
    assert not thanked(iv, [call(iv, la(25, 9), NA)], [])


def test_d20_text_message_gets_a_gentle_warning():
    assert channel_warning(Channel.TEXT_MESSAGE)
    assert all(channel_warning(c) is None for c in Channel if c not in (Channel.TEXT_MESSAGE, Channel.LINKEDIN))


def test_d20_linkedin_only_where_you_were_already_talking():
    assert "already talking there" in channel_warning(Channel.LINKEDIN)


def test_other_interviews_calls_are_ignored():
    iv, other = make(), make()
    calls = [call(other, la(25, 9), VM)]
    assert next_step(iv, calls, [thanks(iv)], la(25, 10)).kind is StepKind.CALL_DUE


def test_d10_d11_auckland_interviewer_los_angeles_user():
    """Interview Friday 10:00 in Auckland (Thursday 13:00 in LA): call their Monday, our Sunday."""
    iv = make(held=datetime(2026, 11, 27, 10, 0, tzinfo=AKL), tz="Pacific/Auckland")
    step = next_step(iv, [], [thanks(iv)], la(28, 9))
    assert step.kind is StepKind.CALL_DUE
    assert step.due == datetime(2026, 11, 30, 8, 30, tzinfo=AKL)
    assert step.due.astimezone(LA) == la(29, 11, 30)
    assert step.due_phrase(la(28, 9)) == "tomorrow 11:30"


def test_d11_no_interviewer_zone_uses_the_profile_zone():
    """Friday 10:00 in Pago Pago is already Saturday on Kiritimati, the user's zone."""
    iv = make(held=datetime(2026, 11, 27, 10, 0, tzinfo=PAGO), tz="")
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    step = next_step(iv, [], [thanks(iv)], now, Profile(timezone="Pacific/Kiritimati"))
    assert step.due == datetime(2026, 11, 30, 8, 30, tzinfo=KIR)
    pago = next_step(iv, [], [thanks(iv)], now, Profile(timezone="Pacific/Pago_Pago"))
    assert pago.due == datetime(2026, 11, 30, 8, 30, tzinfo=PAGO)


def test_d19_follow_up_across_us_fall_back():
    iv = make(held=datetime(2026, 10, 27, 10, 0, tzinfo=NY), tz="America/New_York")
    follow = next_follow_up(iv, [call(iv, datetime(2026, 10, 30, 9, 0, tzinfo=NY), VM)])
    # Late six working days on; Veterans Day (11 Nov) is not one of them.
    assert (follow.due, follow.late_from, follow.basis) == (date(2026, 11, 6), date(2026, 11, 17), "week")
    step = next_step(iv, [call(iv, datetime(2026, 10, 30, 9, 0, tzinfo=NY), VM)], [], datetime(2026, 11, 2, tzinfo=NY))
    assert step.due.utcoffset() == timedelta(hours=-5)
    assert step.due.astimezone(UTC) == datetime(2026, 11, 6, 13, 30, tzinfo=UTC)


FOLLOW = [
    ("d19_week_after_contact", None, None, la(24, 10, 0, 11), date(2026, 12, 1), date(2026, 12, 9), "week"),
    ("d19_week_lands_on_saturday_moves_to_monday", None, None, la(28, 10), date(2026, 12, 7), date(2026, 12, 15),
     "week"),
    ("d19_day_after_decision", date(2026, 12, 2), None, la(25, 9), date(2026, 12, 3), date(2026, 12, 7), "decision"),
    ("d19_decision_friday_follow_up_monday", date(2026, 12, 4), None, la(25, 9), date(2026, 12, 7),
     date(2026, 12, 9), "decision"),
    ("d19_decision_before_contact_ignored", date(2026, 11, 20), None, la(25, 9), date(2026, 12, 2),
     date(2026, 12, 10), "week"),
    ("d19_chosen_date_wins", date(2026, 12, 4), date(2026, 12, 14), la(25, 9), date(2026, 12, 14),
     date(2026, 12, 21), "chosen"),
    ("d19_chosen_date_in_the_past_ignored", None, date(2026, 11, 1), la(25, 9), date(2026, 12, 2),
     date(2026, 12, 10), "week"),
]  # fmt: skip


@pytest.mark.parametrize(("decision", "chosen", "contact", "due", "late", "basis"), [r[1:] for r in FOLLOW],
                         ids=[r[0] for r in FOLLOW])  # fmt: skip
def test_next_follow_up_table(decision, chosen, contact, due, late, basis):
    iv = make(decision_expected=decision)
    follow = next_follow_up(iv, [call(iv, la(24, 15), NA), call(iv, contact, SPOKE, follow_up_on=chosen)])
    assert (follow.due, follow.late_from, follow.basis) == (due, late, basis)


def test_d19_no_follow_up_before_any_contact():
    iv = make()
    assert next_follow_up(iv, [call(iv, la(25, 9), NA), call(iv, la(25, 16), BUSY)]) is None


def test_d19_the_latest_contact_counts():
    iv = make()
    calls = [call(iv, la(2, 9, 0, 12), SPOKE), call(iv, la(25, 9), VM)]
    assert next_follow_up(iv, calls).last_contact.outcome is SPOKE


CAUTIONS = [
    ("d15_after_a_message_wait", [(la(25, 9), VM)], la(26, 9), "D15"),
    ("d15_after_talking_wait", [(la(25, 9), SPOKE)], la(1, 9, 0, 12), "D15"),
    ("d15_lifted_on_the_follow_up_date", [(la(25, 9), VM)], la(2, 9, 0, 12), None),
    ("d13_third_try_without_a_message", [(la(25, 9), NA), (la(25, 16, 5), NA)], la(26, 9), "D13"),
    ("d13_second_try_leaves_a_message", [(la(25, 9), NA)], la(25, 16, 5), "D13"),
    ("d12_first_try_is_fine", [], la(25, 9, 5), None),
    ("d10_same_day_as_the_interview", [], la(24, 16, 30), "D10"),
    ("d11_mid_day_for_them", [], la(25, 12, 30), "D11"),
    ("d11_outside_their_working_day", [], la(25, 19, 0), "D11"),
    ("d11_weekend_for_them", [], la(28, 9, 0), "D11"),
    ("good_window_no_caution", [], la(25, 9, 0), None),
]  # fmt: skip


@pytest.mark.parametrize(("attempts", "now", "rule"), [c[1:] for c in CAUTIONS], ids=[c[0] for c in CAUTIONS])
def test_call_caution_table(attempts, now, rule):
    iv = make()
    calls = [call(iv, at, outcome) for at, outcome in attempts]
    caution = call_caution(iv, calls, now)
    assert (caution.rule if caution else None) == rule
    assert call_warning(iv, calls, now) == (caution.text if caution else None)


def test_d15_caution_names_the_date_to_wait_for():
    iv = make()
    text = call_warning(iv, [call(iv, la(25, 9), VM)], la(26, 9))
    assert text == (
        "You left a message yesterday; the usual next step is to wait until Wed 2 Dec. Go ahead if something changed."
    )


def test_d11_caution_uses_the_interviewers_clock():
    """9:00 Monday in LA is 6:00 Tuesday in Auckland: outside their working day."""
    iv = make(held=datetime(2026, 11, 27, 10, 0, tzinfo=AKL), tz="Pacific/Auckland")
    assert call_warning(iv, [], la(30, 9)) == "It is 6:00 for them, outside their working day."


def test_attention_key_orders_what_needs_attention_first():
    now = la(25, 12)
    steps = {
        "closed": NextStep(StepKind.CLOSED, "x"),
        "waiting": NextStep(StepKind.WAIT, "x", la(2, 8, 30, 12)),
        "upcoming": NextStep(StepKind.CALL_DUE, "x", la(26, 8, 30), la(27, 0)),
        "due": NextStep(StepKind.TRY_AGAIN, "x", la(25, 8, 30), la(26, 0)),
        "overdue_recent": NextStep(StepKind.CALL_DUE, "x", la(24, 8, 30), la(25, 0)),
        "overdue_oldest": NextStep(StepKind.FOLLOW_UP, "x", la(20, 8, 30), la(22, 0)),
        "on_call": NextStep(StepKind.ON_CALL, "x", la(25, 11, 55)),
        "prepare": NextStep(StepKind.PREPARE, "x"),
    }
    order = sorted(steps, key=lambda name: attention_key(steps[name], now))
    assert order == ["on_call", "overdue_oldest", "overdue_recent", "due", "prepare", "upcoming", "waiting", "closed"]


def test_due_phrase_reads_naturally():
    now = la(25, 12)
    assert NextStep(StepKind.CALL_DUE, "x", la(25, 16), la(26, 0)).due_phrase(now) == "today 16:00"
    assert NextStep(StepKind.CALL_DUE, "x", la(24, 8, 30), la(25, 0)).due_phrase(now) == "late, was due yesterday"
    assert NextStep(StepKind.TRY_AGAIN, "x", la(25, 8, 30), la(26, 0)).due_phrase(now) == "now"
    assert NextStep(StepKind.CLOSED, "x").due_phrase(now) == ""
    assert NextStep(StepKind.WAIT, "x", la(28, 8, 30), la(30, 0)).due_phrase(now) == "till Saturday"


# --- properties -------------------------------------------------------------------------------

outcomes = st.sampled_from(list(Outcome))
attempt_lists = st.lists(st.tuples(st.integers(min_value=0, max_value=60 * 24 * 30), outcomes), min_size=0, max_size=7)
zones = st.sampled_from(["America/Los_Angeles", "Pacific/Auckland", "Pacific/Kiritimati", "Pacific/Pago_Pago"])


def _attempts(iv: Interview, spec) -> list[CallAttempt]:
    return [call(iv, HELD + timedelta(hours=18, minutes=minutes), outcome) for minutes, outcome in spec]


@settings(max_examples=200, deadline=None)
@given(spec=attempt_lists, decision=st.none() | st.dates(date(2026, 11, 1), date(2027, 3, 1)),
       chosen=st.none() | st.dates(date(2026, 11, 1), date(2027, 3, 1)), tz=zones)  # fmt: skip
def test_d19_property_follow_up_never_before_the_last_contact(spec, decision, chosen, tz):
    iv = make(tz=tz, decision_expected=decision)
    calls = _attempts(iv, spec)
    if calls and chosen:
        calls[-1].follow_up_on = chosen
    follow = next_follow_up(iv, calls)
    contacts = [c for c in calls if c.outcome.ends_round]
    if not contacts:
        assert follow is None
        return
    last = max(c.started_at for c in contacts)
    assert follow.due > last.astimezone(ZoneInfo(tz)).date()
    assert follow.late_from > follow.due


@settings(max_examples=200, deadline=None)
@given(spec=attempt_lists, later=st.integers(min_value=0, max_value=60 * 24 * 40), tz=zones)
def test_d13_d15_property_never_a_third_unanswered_call_without_a_message(spec, later, tz):
    iv = make(tz=tz)
    calls = _attempts(iv, spec)
    start = max([c.ended_at for c in calls], default=HELD)
    now = start + timedelta(minutes=later)
    step = next_step(iv, calls, [thanks(iv)], now)
    current = []
    for c in sorted(calls, key=lambda c: c.started_at):
        current = [] if c.outcome.ends_round else [*current, c]
    if sum(1 for c in current if c.outcome.unanswered) >= 2:
        assert step.kind not in (StepKind.CALL_DUE, StepKind.TRY_AGAIN, StepKind.FOLLOW_UP)
    follow = next_follow_up(iv, calls)
    if follow is not None and now.astimezone(ZoneInfo(tz)).date() < follow.due:
        assert step.kind is StepKind.WAIT  # D15: nothing to ring about until the follow-up date
    if step.due is not None and step.kind in (StepKind.TRY_AGAIN, StepKind.LEAVE_VOICEMAIL):
        assert step.due.astimezone(ZoneInfo(tz)).weekday() < 5


@settings(max_examples=400, deadline=None)
@given(
    spec=st.lists(st.tuples(st.integers(-60 * 24 * 5, 60 * 24 * 30), outcomes | st.none()), max_size=6),
    later=st.integers(min_value=-60 * 24 * 3, max_value=60 * 24 * 60),
    decision=st.none() | st.dates(date(2026, 11, 1), date(2027, 3, 1)),
    chosen=st.none() | st.dates(date(2026, 10, 1), date(2027, 3, 1)),
    ready=st.booleans(),
    phone=st.sampled_from(["+13105550100", ""]),
    tz=zones,
    thanked_too=st.booleans(),
)
def test_the_most_urgent_a_step_can_be_never_comes_after_it(
    spec, later, decision, chosen, ready, phone, tz, thanked_too
):
    """What the list's first rows are found by at a big workbook's first start: from the interview and its
    calls alone, a key no later than its step's, at any moment (calls before the interview, calls not
    ended, follow-up dates chosen in the past, a decision date, no number, not ready)."""
    iv = make(tz=tz, ready=ready, phone=phone, decision_expected=decision)
    calls = sorted(
        (CallAttempt(iv.id, HELD + timedelta(minutes=m), ended_at=None if o is None else HELD + timedelta(minutes=m + 2),
                     outcome=o) for m, o in spec),
        key=lambda c: c.started_at,
    )  # fmt: skip
    if calls and chosen:
        calls[-1].follow_up_on = chosen
    now = HELD + timedelta(minutes=later)
    step = next_step(iv, calls, [thanks(iv)] if thanked_too else [], now)
    bound = most_urgent(iv, calls)
    if bound is not None:
        assert bound <= attention_key(step, now)
