"""How an application ends, and the next round carried over from the one before. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from .errors import ValidationError
from .models import Interview, Interviewer, Result, new_id

__all__ = ["RESULT_WORDS", "next_round", "result_word", "rounds_of", "settle"]

#: The results a user can set, as the CLI spells them (the stored value with dashes).
RESULT_WORDS = {result.value.replace("_", "-"): result for result in Result if result is not Result.WAITING}


def result_word(text: str, field: str = "result") -> Result:
    """A result as typed ("offer", "next-round", "No reply", "waiting" to reopen)."""
    key = "-".join(str(text or "").strip().lower().replace("_", " ").split())
    if key == "waiting":
        return Result.WAITING
    found = RESULT_WORDS.get(key)
    if found is None:
        raise ValidationError(field, f"“{text}” is not a result; say one of: {', '.join(RESULT_WORDS)} (or waiting).")
    return found


def settle(interview: Interview, result: Result, on: date | None, notes: str = "") -> Interview:
    """The result and the day it came; WAITING opens the follow-up again and clears them."""
    if result is Result.WAITING:
        return replace(interview, result=result, result_on=None, result_notes="")
    if on is not None and interview.interviewed_at is not None and on < interview.interviewed_at.date():
        raise ValidationError("when", "The result cannot come before the interview; check the day.")
    kept = interview.result_notes if interview.result is result else ""  # the same result again keeps what was said
    return replace(interview, result=result, result_on=on, result_notes=notes.strip() or kept)


def next_round(earlier: Interview, now: datetime, interviewer: Interviewer | None = None) -> Interview:
    """The next interview of the same application: who, what and why carried over; ticks, calls and thanks fresh."""
    return Interview(
        company=earlier.company,
        role=earlier.role,
        interviewer=replace(interviewer if interviewer is not None else earlier.interviewer),
        interviewer_tz=earlier.interviewer_tz,
        round=earlier.round + 1,
        resume_path=earlier.resume_path,
        references=tuple(replace(item) for item in earlier.references),
        qualifications=tuple(replace(item) for item in earlier.qualifications),
        created_at=now,
        id=new_id(),
        previous_round=earlier.id,
        posting_url=earlier.posting_url,
        salary=earlier.salary,
        location=earlier.location,
        applied_on=earlier.applied_on,
    )


def rounds_of(interview: Interview, interviews: Iterable[Interview]) -> list[Interview]:
    """Every round of this interview's application, first round first, following the links both ways."""
    by_id = {i.id: i for i in interviews}
    by_id.setdefault(interview.id, interview)
    first = interview
    seen = {first.id}
    while first.previous_round in by_id and first.previous_round not in seen:
        first = by_id[first.previous_round]
        seen.add(first.id)
    later = {i.previous_round: i for i in sorted(by_id.values(), key=lambda i: i.round) if i.previous_round}
    chain = [first]
    while (after := later.get(chain[-1].id)) is not None and after not in chain:
        chain.append(after)
    return chain
