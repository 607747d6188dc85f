"""The calendar export: upcoming follow-ups and call windows as VEVENTs with alarms (D10, D11, D19).

Each UID stands for one purpose (this interview's follow-up; its call window on that day and part of
the day), so importing a newer export moves an event rather than adding a copy. Given the previous
export, an event that changed gets a higher SEQUENCE and one that no longer holds (the call was made)
comes back as STATUS:CANCELLED, so a calendar that reads the file again shows only what is true.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from .. import __version__
from ..domain.fields import printable
from ..domain.guidance import NextStep, StepKind, next_follow_up, next_step
from ..domain.models import Interview
from ..domain.phones import display_phone
from ..domain.records import Records
from ..domain.windows import call_windows, interviewer_zone, user_zone, windows_on
from .ical import Calendar, Event, Raw, duration, escape, fold, read_events, utc_stamp

__all__ = ["ALARM_BEFORE", "WINDOWS", "event_uid", "render_ics", "window_uid"]

#: How many of the next call windows go into the calendar per interview.
WINDOWS = 3
#: How long before each event its alarm goes off.
ALARM_BEFORE = timedelta(minutes=15)
#: What makes an event different for a calendar: a change in any of these raises its SEQUENCE.
_MEANING = ("DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS")
#: Steps that are a phone call to make; their call windows are exported.
_CALLING = {
    StepKind.PREPARE,
    StepKind.CALL_DUE,
    StepKind.TRY_AGAIN,
    StepKind.LEAVE_VOICEMAIL,
    StepKind.FOLLOW_UP,
    StepKind.SAY_THANK_YOU,
}


def event_uid(interview_id: str, kind: str) -> str:
    """Stable across exports: the same interview and kind always get the same UID."""
    return f"{interview_id}-{kind}@followup"


def window_uid(interview_id: str, start: datetime, part: str) -> str:
    """A call window stands for that interview, day and part of the day (in the interviewer's zone)."""
    return event_uid(interview_id, f"call-{start.date().isoformat()}-{part}")


def render_ics(records: Records, now: datetime, previous: bytes | None = None) -> bytes:
    """An iCalendar file with every upcoming follow-up and call window of the open interviews.

    `previous` is the export this one replaces, if any: its events' SEQUENCE numbers are carried on
    (raised where an event changed), and its events that no longer hold and are yet to end are
    written again as cancelled.
    """
    cal = Calendar()
    cal.add("prodid", f"-//followup//followup {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Interview follow-ups")
    head = cal.content_lines()
    before = _previous_events(previous)
    # Each event is written as UTF-8 straight away: no object per event or per property is kept for
    # thousands of them, nor the text of the whole file beside its bytes. A UID met again keeps its
    # first place and the later event (as a dict does).
    current = {uid: text.encode("utf-8") for uid, text in _events(records, now, before)}
    parts = [fold(line).encode("utf-8") for line in head[:-1]]
    parts.extend(current.values())
    for uid, old in sorted(before.items()):
        if uid not in current and old["DTEND"] > utc_stamp(now):  # UTC stamps sort as times do
            parts.append(_cancelled(old, now).to_text().encode("utf-8"))
    parts.extend((head[-1].encode("utf-8"), b""))
    return b"\r\n".join(parts)


def _events(records: Records, now: datetime, before: dict[str, dict[str, Raw]]) -> Iterator[tuple[str, str]]:
    """Each event of the export as (UID, its lines as written)."""
    profile = records.profile
    mine = user_zone(profile, now)
    stamp = utc_stamp(now)
    for interview in sorted(records.open_interviews(), key=lambda i: i.id):
        calls = records.calls_for(interview.id)
        step = next_step(interview, calls, records.thank_yous_for(interview.id), now, profile)
        theirs = interviewer_zone(interview, mine)
        follow = next_follow_up(interview, calls, tz=mine)
        following = follow is not None and follow.due >= now.astimezone(theirs).date()
        calling = step.kind in _CALLING and interview.interviewed_at is not None
        if not (following or calling):
            continue
        about = _About(interview, step, stamp)
        if follow is not None and following:
            window = windows_on(follow.due, theirs)[0]
            uid = event_uid(interview.id, "follow-up")
            yield uid, about.event(uid, f"Follow up: {about.who}", window.start, window.end, before.get(uid))
        if calling:
            after = step.due - timedelta(microseconds=1) if step.due is not None else None
            for window in call_windows(interview, now, WINDOWS, fallback_tz=mine, after=after):
                part = window.part.value
                uid = window_uid(interview.id, window.start, part)
                summary = f"Call {about.who} ({part} window)"
                yield uid, about.event(uid, summary, window.start, window.end, before.get(uid))


#: A UTC date-time as this export writes them.
_STAMP = re.compile(r"\d{8}T\d{6}Z")


def _previous_events(previous: bytes | None) -> dict[str, dict[str, Raw]]:
    """The events of the export being replaced, as written; a file that is not one of ours is not read from."""
    if not previous:
        return {}
    prodid, events = read_events(previous)
    if "followup" not in prodid:
        return {}
    return {
        str(event["UID"]): event
        for event in events
        if "UID" in event and _STAMP.fullmatch(event.get("DTEND", "")) and event.get("SEQUENCE", "0").isdigit()
    }


def _sequence(written: dict[str, str], old: dict[str, Raw] | None) -> int:
    """The previous export's SEQUENCE, raised by one when the event means something else now."""
    if old is None:
        return 0
    number = int(old.get("SEQUENCE", "0"))
    same = all(written.get(name) == old.get(name) for name in _MEANING)
    return number if same else number + 1


def _cancelled(old: dict[str, Raw], now: datetime) -> Event:
    """The same event, said to be off: no alarm, a higher SEQUENCE (once; a cancelled one stays as it is)."""
    event = Event()
    for name in ("UID", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION"):
        if name in old:
            event.add(name, old[name])
    event.add("categories", ["followup"])
    event.add("transp", "TRANSPARENT")
    event.add("dtstamp", now.astimezone(UTC))
    was_cancelled = old.get("STATUS") == "CANCELLED"
    event.add("status", "CANCELLED")
    event.add("sequence", int(old.get("SEQUENCE", "0")) + (0 if was_cancelled else 1))
    return event


def _who(interview: Interview) -> str:
    person = interview.interviewer.name
    return printable(f"{person}, {interview.title}" if person else interview.title)


#: The lines every event ends its own properties with, and its alarm's lines around its description.
_STATUS_LINES = "CATEGORIES:followup\r\nTRANSP:TRANSPARENT\r\nSTATUS:CONFIRMED"
_ALARM_OPENS = "BEGIN:VALARM\r\nACTION:DISPLAY"
_ALARM_ENDS = f"TRIGGER:{duration(-ALARM_BEFORE)}\r\nEND:VALARM\r\nEND:VEVENT"


class _About:
    """What all the events of one interview share, escaped once: who, the number, the description."""

    __slots__ = ("description", "location", "shared", "stamp", "who")

    def __init__(self, interview: Interview, step: NextStep, stamp: str) -> None:
        # Escaping goes character by character but for CR LF, and the name holds no CR (printable shows
        # it as a symbol): the name escaped once and set into a summary is that summary escaped.
        self.who = escape(_who(interview))
        self.stamp = stamp
        lines = [step.reason]
        phone = interview.interviewer.phone
        shown = display_phone(phone) if phone else ""
        if phone:
            lines.append(f"Their number: {shown}")
        if interview.interviewer_tz:
            lines.append(f"Their time zone: {interview.interviewer_tz}")
        self.location = escape(printable(shown)) if phone else None
        self.description = escape(printable("\n".join(lines)))
        located = f"{fold('LOCATION:' + self.location)}\r\n" if self.location is not None else ""
        self.shared = f"{located}{fold('DESCRIPTION:' + self.description)}\r\n{_STATUS_LINES}"

    def event(self, uid: str, summary: str, start: datetime, end: datetime, old: dict[str, Raw] | None) -> str:
        """One VEVENT as written; `summary` is escaped already, `old` is the same UID in the previous export."""
        begins, ends = utc_stamp(start.astimezone(UTC)), utc_stamp(end.astimezone(UTC))
        if old is None:
            sequence = 0
        else:
            written = {"DTSTART": begins, "DTEND": ends, "SUMMARY": summary, "DESCRIPTION": self.description}
            if self.location is not None:
                written["LOCATION"] = self.location
            written["STATUS"] = "CONFIRMED"
            sequence = _sequence(written, old)
        titled = fold(f"SUMMARY:{summary}")
        return (
            f"BEGIN:VEVENT\r\n{fold('UID:' + escape(uid))}\r\nDTSTAMP:{self.stamp}\r\nDTSTART:{begins}\r\n"
            f"DTEND:{ends}\r\n{titled}\r\n{self.shared}\r\nSEQUENCE:{sequence}\r\n{_ALARM_OPENS}\r\n"
            f"{fold('DESCRIPTION:' + summary)}\r\n{_ALARM_ENDS}"
        )
