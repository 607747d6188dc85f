"""Setting an application's result, and the next round it opens: one path for the app and `followup result`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.errors import ValidationError
from ..domain.fields import plain
from ..domain.models import Interview, Interviewer, Result
from ..domain.results import next_round, rounds_of, settle
from . import Session

__all__ = ["Settled", "rounds", "set_result"]


@dataclass(frozen=True)
class Settled:
    """The interview with its result, and the next round when the result opened one."""

    interview: Interview
    next_round: Interview | None = None
    #: False when the next round was already there (setting "next round" twice opens one round).
    opened: bool = False


def set_result(
    session: Session,
    interview_id: str,
    result: Result,
    on: date | None = None,
    notes: str = "",
    interviewer: Interviewer | None = None,
) -> Settled:
    """Record how it went (closing the follow-up); "next round" carries the application into a new interview."""
    if session.active_call is not None and session.active_call.interview_id == interview_id:
        raise ValidationError("result", "A call is under way for this interview; end it first (ctrl+e).")
    earlier = session.interview(interview_id)
    notes = plain(notes, "notes", one_line=False)
    settled = session.update_interview(settle(earlier, result, on or session.now().date(), notes))
    if result is not Result.NEXT_ROUND:
        return Settled(settled)
    existing = next((i for i in session.interviews(True) if i.previous_round == settled.id), None)
    if existing is not None:
        return Settled(settled, existing)
    return Settled(settled, session.add_interview(next_round(settled, session.now(), interviewer)), opened=True)


def rounds(session: Session, interview_id: str) -> list[Interview]:
    """Every round of the application this interview belongs to, first round first."""
    return rounds_of(session.interview(interview_id), session.interviews(include_archived=True))
