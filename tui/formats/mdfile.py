"""The notes-app export: a Markdown section per interview with its calls, thank-yous and notes."""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from ..domain.fields import printable
from ..domain.guidance import next_step
from ..domain.models import CallAttempt, Interview
from ..domain.phones import display_phone
from ..domain.records import Records
from ..domain.windows import user_zone

__all__ = ["escape", "render_markdown"]

#: Characters that make Markdown out of text anywhere in a line: emphasis, code, links, HTML, tables.
_INLINE = re.compile(r"([\\`*_\[\]<>!|~&#])")
#: What makes a line a list item, rule or setext underline, or a numbered item ("1." -> "1\\.").
_BULLET = re.compile(r"^(\s*)([-+=])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def escape(text: str) -> str:
    """User text shown as typed: a "# heading", a [link](x) or <b>HTML</b> in it stays plain text."""
    text = _INLINE.sub(r"\\\1", text)
    text = _BULLET.sub(r"\1\\\2", text)
    return _NUMBERED.sub(r"\1\\\2", text)


def render_markdown(records: Records, now: datetime, include_archived: bool = True) -> str:
    """One `##` section per interview, oldest first, times on the user's own clock."""
    profile = records.profile
    tz = user_zone(profile, now)
    shown = records.interviews if include_archived else records.open_interviews()
    interviews = sorted(shown, key=lambda i: (i.interviewed_at or now, i.id))
    out = [f"# Interview follow-ups\n\nExported {_when(now, tz)}.\n"]
    if not interviews:
        out.append("No interviews yet.\n")
    for interview in interviews:
        calls = records.calls_for(interview.id)
        thanks = records.thank_yous_for(interview.id)
        step = next_step(interview, calls, thanks, now, profile)
        out.append(f"## {_line(interview.title)}\n")
        out.append(_details(interview, tz))
        due = step.due_phrase(now)
        out.append(f"**Next step:** {escape(step.label)}{f' ({due})' if due else ''}. {escape(step.reason)}\n")
        if interview.notes.strip():
            out.append(f"### Notes\n\n{escape(interview.notes.strip())}\n")
        if interview.wish_said.strip():
            out.append(f"### What I wish I had said\n\n{escape(interview.wish_said.strip())}\n")
        out.append("### Calls\n")
        out.append("\n".join(_call(call, tz) for call in calls) + "\n" if calls else "No calls yet.\n")
        if thanks:
            out.append("### Thank-yous\n")
            out.append(
                "\n".join(f"- {_when(t.sent_at, tz)}: {t.channel.label}{_suffix(t.note)}" for t in thanks) + "\n"
            )
    return printable("\n".join(out))


def _details(interview: Interview, tz: tzinfo) -> str:
    person = interview.interviewer
    items = []
    if person.name:
        who = person.name + (f", {person.title}" if person.title else "")
        if not person.decision_maker:
            who += " (not the decision-maker)"
        items.append(f"- Interviewer: {_line(who)}")
    if person.phone:
        items.append(f"- Phone: {display_phone(person.phone)}")
    if person.email:
        items.append(f"- Email: {escape(person.email)}")
    if interview.interviewed_at:
        items.append(f"- Interviewed: {_when(interview.interviewed_at, tz)} (round {interview.round})")
    if interview.interviewer_tz:
        items.append(f"- Their time zone: {escape(interview.interviewer_tz)}")
    if interview.decision_expected:
        said = f" (“{_line(interview.decision_text)}”)" if interview.decision_text else ""
        items.append(f"- Decision expected: {interview.decision_expected:%a %d %b %Y}{said}")
    if interview.archived:
        items.append("- Archived")
    return "\n".join(items) + "\n" if items else ""


def _call(call: CallAttempt, tz: tzinfo) -> str:
    outcome = call.outcome.label if call.outcome else "In progress"
    seconds = call.duration_seconds
    length = f", {max(1, round(seconds / 60))} min" if seconds else ""
    text = f"- {_when(call.started_at, tz)}: {outcome}{length}"
    if call.next_step:
        text += f". Next: {_line(call.next_step)}"
    if call.notes.strip():
        text += "\n" + "\n".join(f"  > {escape(line)}" if line else "  >" for line in call.notes.strip().splitlines())
    return text


def _when(moment: datetime, tz: tzinfo) -> str:
    local = moment.astimezone(tz)
    return f"{local:%a %d %b %Y} {local:%H:%M}"


def _line(text: str) -> str:
    """User text on one line, escaped."""
    return escape(" ".join(text.split()))


def _suffix(note: str) -> str:
    return f" — {_line(note)}" if note.strip() else ""
