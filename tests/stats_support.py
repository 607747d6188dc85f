"""A hand-made record whose figures are known: ten calls over four interviews, three results (New York)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tui.domain.models import CallAttempt, Channel, Interview, Interviewer, Outcome, Result, ThankYou
from tui.domain.records import Records

NY = ZoneInfo("America/New_York")


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=NY)


def _interview(company: str, day: int, result: Result = Result.WAITING, on: int | None = None) -> Interview:
    return Interview(company, "Designer", interviewed_at=_at(day, 10), interviewer=Interviewer("X", phone="+12125550100"),
                     interviewer_tz="America/New_York", result=result,
                     result_on=date(2026, 11, on) if on else None)  # fmt: skip


def known_record() -> Records:
    a = _interview("Acme", 2, Result.NEXT_ROUND, 10)
    b = _interview("Borealis", 3, Result.OFFER, 17)
    c = _interview("Cobalt", 4, Result.REJECTED, 20)
    d = _interview("Delta", 5)
    plan = [
        (a, _at(3, 8, 45), Outcome.NO_ANSWER), (a, _at(3, 16, 15), Outcome.VOICEMAIL_LEFT),
        (a, _at(5, 9), Outcome.SPOKE), (b, _at(4, 8, 40), Outcome.SPOKE),
        (c, _at(5, 16, 30), Outcome.NO_ANSWER), (c, _at(6, 9, 15), Outcome.NO_ANSWER),
        (c, _at(6, 16, 5), Outcome.VOICEMAIL_LEFT), (c, _at(9, 12, 30), Outcome.NO_ANSWER),
        (d, _at(6, 8, 35), Outcome.SPOKE), (d, _at(16, 16, 10), Outcome.SPOKE),
    ]  # fmt: skip
    calls: dict[str, list[CallAttempt]] = {}
    for interview, start, outcome in plan:
        calls.setdefault(interview.id, []).append(
            CallAttempt(interview.id, start, start + timedelta(minutes=3), outcome)
        )
    thanks = {
        a.id: [ThankYou(a.id, Channel.EMAIL, _at(2, 18))],
        b.id: [ThankYou(b.id, Channel.HANDWRITTEN, _at(3, 18))],
        c.id: [ThankYou(c.id, Channel.EMAIL, _at(4, 18))],
    }
    return Records(interviews=[a, b, c, d], calls=calls, thank_yous=thanks)
