"""The calendar export: upcoming follow-ups and call windows as VEVENTs with alarms (D10, D11, D19).

UIDs come from the interview id and the kind of event, so importing a newer export into the same
calendar moves the events instead of adding copies.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from .. import __version__
from ..domain.fields import printable
from ..domain.guidance import NextStep, StepKind, next_follow_up, next_step
from ..domain.models import Interview
from ..domain.phones import display_phone
from ..domain.records import Records
from ..domain.windows import call_windows, interviewer_zone, user_zone, windows_on
from .ical import Alarm, Calendar, Event

__all__ = ["ALARM_BEFORE", "WINDOWS", "event_uid", "render_ics"]

#: How many of the next call windows go into the calendar per interview.
WINDOWS = 3
#: How long before each event its alarm goes off.
ALARM_BEFORE = timedelta(minutes=15)
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


def render_ics(records: Records, now: datetime) -> bytes:
    """An iCalendar file with every upcoming follow-up and call window of the open interviews."""
    cal = Calendar()
    cal.add("prodid", f"-//followup//followup {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Interview follow-ups")
    profile = records.profile
    mine = user_zone(profile, now)
    for interview in sorted(records.open_interviews(), key=lambda i: i.id):
        if interview.settled:
            continue  # a result closes the follow-up: no more windows or follow-ups to put in a calendar
        calls = records.calls_for(interview.id)
        step = next_step(interview, calls, records.thank_yous_for(interview.id), now, profile)
        theirs = interviewer_zone(interview, mine)
        follow = next_follow_up(interview, calls, tz=mine)
        if follow is not None and follow.due >= now.astimezone(theirs).date():
            window = windows_on(follow.due, theirs)[0]
            summary = f"Follow up: {_who(interview)}"
            cal.add_component(_event(interview, "follow-up", summary, window.start, window.end, step, now))
        if step.kind in _CALLING and interview.interviewed_at is not None:
            after = step.due - timedelta(microseconds=1) if step.due is not None else None
            found = call_windows(interview, now, WINDOWS, fallback_tz=mine, after=after)
            for number, window in enumerate(found, start=1):
                summary = f"Call {_who(interview)} ({window.part.value} window)"
                cal.add_component(_event(interview, f"window-{number}", summary, window.start, window.end, step, now))
    return bytes(cal.to_ical())


def _who(interview: Interview) -> str:
    person = interview.interviewer.name
    return printable(f"{person}, {interview.title}" if person else interview.title)


def _event(
    interview: Interview, kind: str, summary: str, start: datetime, end: datetime, step: NextStep, now: datetime
) -> Event:
    event = Event()
    event.add("uid", event_uid(interview.id, kind))
    event.add("dtstamp", now.astimezone(UTC))
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
    event.add("categories", ["followup"])
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event
