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
from .ical import Alarm, Calendar, Event, Raw, read_events, utc_stamp

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
    before = _previous_events(previous)
    current = {str(event["UID"]): event for event in _events(records, now)}
    for uid, event in current.items():
        event.add("sequence", _sequence(event, before.get(uid)))
        cal.add_component(event)
    for uid, old in sorted(before.items()):
        if uid not in current and old["DTEND"] > utc_stamp(now):  # UTC stamps sort as times do
            cal.add_component(_cancelled(old, now))
    return cal.to_ical()


def _events(records: Records, now: datetime) -> Iterator[Event]:
    profile = records.profile
    mine = user_zone(profile, now)
    stamp = Raw(utc_stamp(now))
    for interview in sorted(records.open_interviews(), key=lambda i: i.id):
        calls = records.calls_for(interview.id)
        step = next_step(interview, calls, records.thank_yous_for(interview.id), now, profile)
        theirs = interviewer_zone(interview, mine)
        follow = next_follow_up(interview, calls, tz=mine)
        if follow is not None and follow.due >= now.astimezone(theirs).date():
            window = windows_on(follow.due, theirs)[0]
            summary = f"Follow up: {_who(interview)}"
            uid = event_uid(interview.id, "follow-up")
            yield _event(interview, uid, summary, window.start, window.end, step, stamp)
        if step.kind in _CALLING and interview.interviewed_at is not None:
            after = step.due - timedelta(microseconds=1) if step.due is not None else None
            for window in call_windows(interview, now, WINDOWS, fallback_tz=mine, after=after):
                summary = f"Call {_who(interview)} ({window.part.value} window)"
                uid = window_uid(interview.id, window.start, window.part.value)
                yield _event(interview, uid, summary, window.start, window.end, step, stamp)


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


def _sequence(event: Event, old: dict[str, Raw] | None) -> int:
    if old is None:
        return 0
    number = int(old.get("SEQUENCE", "0"))
    written = event.written()
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


#: The same on every event, so written once rather than escaped again for each of thousands.
_FOLLOWUP, _TRANSPARENT, _CONFIRMED, _DISPLAY = Raw("followup"), Raw("TRANSPARENT"), Raw("CONFIRMED"), Raw("DISPLAY")


def _event(
    interview: Interview, uid: str, summary: str, start: datetime, end: datetime, step: NextStep, stamp: Raw
) -> Event:
    """One event of the export; `stamp` is when the export was made (DTSTAMP), as written."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start.astimezone(UTC))
    event.add("dtend", end.astimezone(UTC))
    event.add("summary", summary)
    lines = [step.reason]
    phone = interview.interviewer.phone
    if phone:
        lines.append(f"Their number: {display_phone(phone)}")
        event.add("location", printable(display_phone(phone)))
    if interview.interviewer_tz:
        lines.append(f"Their time zone: {interview.interviewer_tz}")
    event.add("description", printable("\n".join(lines)))
    event.add("categories", _FOLLOWUP)
    event.add("transp", _TRANSPARENT)
    event.add("status", _CONFIRMED)
    alarm = Alarm()
    alarm.add("action", _DISPLAY)
    alarm.add("description", summary)
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event
