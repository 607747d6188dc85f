"""Putting the call record right: a past attempt corrected or deleted, and a call cut off by a crash.

Each goes through the session, so the next step is worked out again from the corrected record.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..domain.errors import ValidationError
from ..domain.fields import plain
from ..domain.models import CallAttempt, Outcome
from ..domain.recording import Recorded
from . import Session

__all__ = ["KEEP", "asked_about", "correct_call", "delete_call", "interrupted_call"]

#: The cut-off calls the user was already asked about (the last few).
ASKED_SETTING = "calls_asked_about"
#: A call cut off longer ago than this is not asked about on opening: it is history by then.
INTERRUPTED = timedelta(hours=12)


class Keep:
    """Stands for "leave it as it is" where None is a value of its own (no outcome recorded)."""


KEEP = Keep()


def _past_call(session: Session, call_id: str) -> CallAttempt:
    call = session.call(call_id)
    if session.active_call is not None and session.active_call.id == call.id:
        raise ValidationError("call", "This call is still under way; end it first (ctrl+e).")
    return call


def correct_call(
    session: Session,
    call_id: str,
    *,
    outcome: Outcome | Keep | None = KEEP,
    minutes: float | None = None,
    notes: str | None = None,
    decision: str = "",
    follow_up_on: date | None = None,
) -> Recorded:
    """A past attempt as the user now remembers it (D18); their decision and the follow-up follow it (D17, D19)."""
    call = _past_call(session, call_id)
    if notes is not None:
        call.notes = plain(notes, "notes", one_line=False)
    if minutes is not None:
        if not 0 <= minutes <= 300:
            raise ValidationError("minutes", f"{minutes:g} minutes is not a call length (0 to 300).")
        ended = call.started_at + timedelta(minutes=minutes)
    else:
        ended = call.ended_at or call.started_at
    kept = call.outcome if isinstance(outcome, Keep) else outcome
    return session.end_call(call_id, ended, kept, decision, follow_up_on or call.follow_up_on)


def delete_call(session: Session, call_id: str) -> CallAttempt:
    """A call logged by mistake goes for good; the next step is worked out without it."""
    call = _past_call(session, call_id)
    session.remove_call(call)
    return call


def interrupted_call(session: Session) -> CallAttempt | None:
    """The latest call cut off in the last hours (the app killed, the terminal closed), not yet asked about."""
    asked: set[str] = set(session.setting(ASKED_SETTING, []))
    now = session.now()
    cut_off = [
        call
        for interview in session.interviews(include_archived=True)
        for call in session.calls_for(interview.id)
        if call.outcome is None and call.id not in asked and timedelta(0) <= now - call.started_at <= INTERRUPTED
    ]
    return max(cut_off, key=lambda c: c.started_at, default=None)


def asked_about(session: Session, call_id: str) -> None:
    """Ask once: the question about a cut-off call is not put again."""
    asked: list[str] = list(session.setting(ASKED_SETTING, []))[-20:]
    session.set_setting(ASKED_SETTING, [*asked, call_id])
