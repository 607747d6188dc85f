"""`followup show`: one interview whole, as a person reads it or (--json) as the json export writes it."""

from __future__ import annotations

import argparse
from datetime import datetime, tzinfo

from ..domain.documents import to_doc
from ..domain.guidance import NextStep
from ..domain.models import CHECKLIST_RULES, CallAttempt, Interview, ThankYou
from ..domain.phones import display_phone
from .calls import call_line
from .common import open_session, short_id

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    with open_session(args, write=False) as session:
        interview = session.find(args.id)
        calls, thanks = list(session.calls_for(interview.id)), list(session.thank_yous_for(interview.id))
        step, now = session.step(interview.id), session.now()
    if args.json:
        from ..formats.jsonfile import render

        document = {"interview": to_doc(interview), "calls": [to_doc(c) for c in calls]}
        document["thank_yous"] = [to_doc(t) for t in thanks]
        document["next_step"] = {
            "label": step.label,
            "reason": step.reason,
            "due": step.due.isoformat() if step.due else None,
        }
        print(render(document), end="")
    else:
        print("\n".join(_text(interview, calls, thanks, step, now)))
    return 0


def _when(moment: datetime, tz: tzinfo | None) -> str:
    return f"{moment.astimezone(tz):%a %d %b %Y %H:%M}"


def _text(
    interview: Interview, calls: list[CallAttempt], thanks: list[ThankYou], step: NextStep, now: datetime
) -> list[str]:
    tz, person = now.tzinfo, interview.interviewer
    lines = [f"{interview.title} ({short_id(interview.id)}){'  [archived]' if interview.archived else ''}"]
    who = ", ".join(part for part in (person.name, person.title) if part)
    reach = " · ".join(part for part in (display_phone(person.phone), person.email) if part)
    if who or reach:
        maker = "" if person.decision_maker else " (not the decision-maker)"
        lines.append(f"Interviewer: {who or '—'}{maker}{f' · {reach}' if reach else ''}")
    if interview.interviewed_at is not None:
        lines.append(f"Interviewed: {_when(interview.interviewed_at, tz)} (round {interview.round})")
    if interview.interviewer_tz:
        lines.append(f"Their time zone: {interview.interviewer_tz}")
    if interview.decision_expected is not None:
        said = f" (“{interview.decision_text}”)" if interview.decision_text else ""
        lines.append(f"Decision expected: {interview.decision_expected:%a %d %b %Y}{said}")
    if interview.resume_path:
        lines.append(f"Resume: {interview.resume_path}")
    due = step.due_phrase(now)
    lines.append(f"Next: {step.label}{f' ({due})' if due else ''}. {step.reason}")
    lines.append("Checklist:")
    items = [(label, interview.ticked(rule)) for rule, label in CHECKLIST_RULES]
    items += [(item.label, item.ticked) for item in interview.custom_items]
    lines += [f"  [{'x' if ticked else ' '}] {label}" for label, ticked in items]
    for heading, text in (("Notes", interview.notes), ("What I wish I had said", interview.wish_said)):
        if text.strip():
            lines += [f"{heading}:", *(f"  {line}" for line in text.strip().splitlines())]
    lines.append("Calls:" if calls else "Calls: none yet")
    lines += [f"  {call_line(call, tz)}" for call in calls]
    lines += [f"Thank-you: {thank.channel.label} on {_when(thank.sent_at, tz)}" for thank in thanks]
    return lines
