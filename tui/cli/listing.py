"""`followup list`: every interview with its next step and when it is due, as a table or JSON."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import datetime

import orjson

from ..domain.guidance import NextStep, thanked
from ..domain.models import Interview
from ..session import Session
from .common import open_session, short_id

__all__ = ["Row", "rows", "run"]


@dataclass(frozen=True)
class Row:
    """One interview as the list shows it."""

    interview: Interview
    step: NextStep
    #: D21: whether a thank-you has gone out by any channel.
    thanked: bool


def rows(session: Session, include_archived: bool = False) -> list[Row]:
    """Each interview with its next step, in the app's order: most urgent first."""
    return [
        Row(i, session.step(i.id), thanked(i, session.calls_for(i.id), session.thank_yous_for(i.id)))
        for i in session.ordered(include_archived)
    ]


def run(args: argparse.Namespace) -> int:
    with open_session(args, write=False) as session:
        now = session.now()
        found = rows(session, args.archived)
    if args.due:
        found = [r for r in found if r.step.is_due(now) or r.step.is_overdue(now)]
    if args.json:
        print(orjson.dumps([_as_json(r, now) for r in found], option=orjson.OPT_INDENT_2).decode())
    elif not found:
        print("Nothing is due now." if args.due else "No interviews yet; add one with `followup add`.")
    else:
        print(_table(found, now))
        unthanked = [r for r in found if _owes_thanks(r, now)]
        if unthanked:
            names = ", ".join(r.interview.company for r in unthanked)
            print(f"\nNo thank-you yet: {names}. An email or a handwritten note is best.")
    return 1 if args.due and not found else 0  # for a shell prompt or a cron line: nothing to do now


def _as_json(row: Row, now: datetime) -> dict[str, object]:
    interview, step = row.interview, row.step
    return {
        "id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "interviewer": interview.interviewer.name,
        "interviewed_at": interview.interviewed_at.isoformat() if interview.interviewed_at else None,
        "archived": interview.archived,
        "round": interview.round,
        "result": interview.result.value,
        "result_on": interview.result_on.isoformat() if interview.result_on else None,
        "next_step": step.kind.value,
        "next_step_label": step.label,
        "reason": step.reason,
        "due": step.due.isoformat() if step.due else None,
        "overdue": step.is_overdue(now),
        "due_now": step.is_due(now),
        "thanked": row.thanked,
        "also": list(step.also),
    }


def _owes_thanks(row: Row, now: datetime) -> bool:
    """D21: an open interview that has taken place and has had no thank-you by any channel."""
    held = row.interview.interviewed_at
    return not row.thanked and not row.interview.archived and held is not None and held <= now


_HEADER = ("ID", "COMPANY", "ROLE", "INTERVIEWER", "NEXT STEP", "DUE")


def _table(found: list[Row], now: datetime) -> str:
    lines = [_HEADER]
    for row in found:
        interview = row.interview
        lines.append(
            (
                short_id(interview.id),
                interview.company,
                interview.role + (f" (round {interview.round})" if interview.round > 1 else ""),
                interview.interviewer.name or "-",
                interview.result.label if interview.settled else row.step.label,
                row.step.due_phrase(now) or "-",
            )
        )
    widths = [min(28, max(len(line[col]) for line in lines)) for col in range(len(_HEADER) - 1)]
    return "\n".join(
        "  ".join(_fit(cell, width) for cell, width in zip(line[:-1], widths, strict=True)) + "  " + line[-1]
        for line in lines
    )


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return (text[: width - 1] + "…") if len(text) > width else text.ljust(width)
