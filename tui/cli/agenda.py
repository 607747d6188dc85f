"""`followup agenda`: the coming days as a small calendar, or JSON; what the app's agenda view draws."""

from __future__ import annotations

import argparse

import orjson

from ..domain.agenda import MAX_DAYS, Agenda, Entry, clock_span
from ..domain.errors import ValidationError
from ..session.views import agenda
from .common import open_session, short_id

__all__ = ["render", "run"]

#: The day column's width: "Wed 25 Nov" and a marker.
_DAY = 12
_TIME = 11


def run(args: argparse.Namespace) -> int:
    days = args.days
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError("--days", f"The agenda shows 1 to {MAX_DAYS} days.")
    with open_session(args, write=False) as session:
        shown = agenda(session, days)
    print(orjson.dumps(as_json(shown), option=orjson.OPT_INDENT_2).decode() if args.json else render(shown))
    return 0


def as_json(agenda: Agenda) -> dict[str, object]:
    def entry(e: Entry) -> dict[str, object]:
        return {
            "interview_id": e.interview_id,
            "title": e.title,
            "what": e.what,
            "day": e.day.isoformat(),
            "start": e.start.isoformat() if e.start else None,
            "end": e.end.isoformat() if e.end else None,
            "their_time": e.theirs or None,
            "decision": e.decision,
        }

    return {
        "late": [entry(e) for e in agenda.late],
        "days": [{"day": day.isoformat(), "entries": [entry(e) for e in agenda.on(day)]} for day in agenda.days],
    }


def render(agenda: Agenda) -> str:
    """A day per block, times in a column, a rule down the side: late first, then each day."""
    lines: list[str] = []
    if agenda.late:
        lines.append("Late")
        lines += [
            f"  ! {e.what}: {e.title} (was due {e.day:%a %-d %b})  [{short_id(e.interview_id)}]" for e in agenda.late
        ]
        lines.append("")
    for day in agenda.days:
        label = f"{day:%a %-d %b}"
        mark = " today" if day == agenda.today else ""
        entries = agenda.on(day)
        head = (label + mark).ljust(_DAY + 6)
        if not entries:
            quiet = "weekend" if day.weekday() >= 5 else "nothing planned"
            lines.append(f"{head}│ · {quiet}")
            continue
        for n, e in enumerate(entries):
            when = clock_span(e.start, e.end) if e.start and e.end else ("decides" if e.decision else "all day")
            theirs = f"  ({e.theirs})" if e.theirs else ""
            lines.append(f"{head if n == 0 else ' ' * len(head)}│ {when.ljust(_TIME)} {e.what}: {e.title}{theirs}")
    return "\n".join(lines)
