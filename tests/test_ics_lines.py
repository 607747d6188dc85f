"""The calendar export as written, line by line: escaping, folding at 75 octets, the order of the
properties, SEQUENCE carried and raised, and cancelled events (RFC 5545)."""

from __future__ import annotations

from datetime import datetime, timedelta

import icalendar
from verbs_support import NOW, NY, ready

from tui.domain.models import CallAttempt, Interview, Interviewer, Outcome
from tui.domain.records import Records
from tui.formats.icsfile import render_ics

#: A name with every character TEXT escapes, and long enough in two-octet letters to be folded.
NAME = "Zoë Ångström; Dr., C:\\team\nlead " + "é" * 30


def _awkward() -> Interview:
    return ready(
        id="f" * 32,
        company="Søren, Inc. 😀",
        role="Designer; UX",
        interviewer=Interviewer(NAME, "Lead", "+442079460000"),
        interviewer_tz="Europe/London",
        interviewed_at=datetime(2026, 11, 25, 9, 0, tzinfo=NY),
    )


#: The first event of the export of `_awkward()` at NOW, as written.
FIRST_EVENT = (
    "BEGIN:VEVENT\r\n"
    "UID:ffffffffffffffffffffffffffffffff-call-2026-11-26-late@followup\r\n"
    "DTSTAMP:20261126T150000Z\r\n"
    "DTSTART:20261126T160000Z\r\n"
    "DTEND:20261126T173000Z\r\n"
    "SUMMARY:Call Zoë Ångström\\; Dr.\\, C:\\\\team\\nlead ééééééééééé\r\n"
    " ééééééééééééééééééé\\, Søren\\, Inc. 😀 – Designer\\;\r\n"
    "  UX (late window)\r\n"
    "LOCATION:+44 20 7946 0000\r\n"
    "DESCRIPTION:Send a short thank-you today\\; an email or a handwritten note i\r\n"
    " s best.\\nTheir number: +44 20 7946 0000\\nTheir time zone: Europe/London\r\n"
    "CATEGORIES:followup\r\n"
    "TRANSP:TRANSPARENT\r\n"
    "STATUS:CONFIRMED\r\n"
    "SEQUENCE:0\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "DESCRIPTION:Call Zoë Ångström\\; Dr.\\, C:\\\\team\\nlead ééééééééé\r\n"
    " ééééééééééééééééééééé\\, Søren\\, Inc. 😀 – Design\r\n"
    " er\\; UX (late window)\r\n"
    "TRIGGER:-PT15M\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
)


def _physical_lines(payload: bytes) -> list[bytes]:
    assert payload.endswith(b"\r\n")
    return payload[:-2].split(b"\r\n")


def test_each_event_is_escaped_folded_and_ordered_as_rfc_5545_says():
    payload = render_ics(Records(interviews=[_awkward()]), NOW)
    text = payload.decode("utf-8")
    assert (
        text.startswith("BEGIN:VCALENDAR\r\nPRODID:-//followup//followup ")
        and "//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Interview follow-ups\r\n"
        in text
    )
    assert text.endswith("END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert FIRST_EVENT in text
    assert text.count("BEGIN:VEVENT") == 3
    for line in _physical_lines(payload):
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never cuts a character in two
    read = icalendar.Calendar.from_ical(payload).walk("VEVENT")
    for event in read:
        summary = str(event["SUMMARY"])
        assert summary.startswith(f"Call {NAME}, Søren, Inc. 😀 – Designer; UX (")
        assert str(event.walk("VALARM")[0]["DESCRIPTION"]) == summary
        assert str(event["DESCRIPTION"]).endswith("\nTheir number: +44 20 7946 0000\nTheir time zone: Europe/London")


def test_a_re_export_cancels_the_windows_of_a_call_made_and_raises_only_what_changed():
    interview = _awkward()
    first = render_ics(Records(interviews=[interview]), NOW)
    # The summary of one window reads otherwise in the file being replaced; the other two are as written.
    changed = "ffffffffffffffffffffffffffffffff-call-2026-11-27-early@followup"
    edited = first.replace(b"SEQUENCE:0", b"SEQUENCE:3").replace(
        f"UID:{changed}\r\n".encode(), f"UID:{changed}\r\nSUMMARY:Old words\r\n".encode()
    )
    again = render_ics(Records(interviews=[interview]), NOW, previous=edited).decode("utf-8")
    sequences = {line: again.count(line) for line in ("SEQUENCE:3", "SEQUENCE:4")}
    assert sequences == {"SEQUENCE:3": 2, "SEQUENCE:4": 1}
    assert f"UID:{changed}\r\nDTSTAMP:20261126T150000Z\r\n" in again

    spoke = CallAttempt(interview.id, NOW - timedelta(minutes=30), NOW - timedelta(minutes=25), Outcome.SPOKE)
    later = NOW + timedelta(minutes=1)
    after = render_ics(Records(interviews=[interview], calls={interview.id: [spoke]}), later, previous=first)
    text = after.decode("utf-8")
    assert text.count("STATUS:CANCELLED") == 3 and text.count("BEGIN:VALARM") == 1
    assert (
        "BEGIN:VEVENT\r\n"
        "UID:ffffffffffffffffffffffffffffffff-call-2026-11-26-late@followup\r\n"
        "DTSTART:20261126T160000Z\r\n"
        "DTEND:20261126T173000Z\r\n"
        "SUMMARY:Call Zoë Ångström\\; Dr.\\, C:\\\\team\\nlead ééééééééééé\r\n"
        " ééééééééééééééééééé\\, Søren\\, Inc. 😀 – Designer\\;\r\n"
        "  UX (late window)\r\n"
        "DESCRIPTION:Send a short thank-you today\\; an email or a handwritten note i\r\n"
        " s best.\\nTheir number: +44 20 7946 0000\\nTheir time zone: Europe/London\r\n"
        "LOCATION:+44 20 7946 0000\r\n"
        "CATEGORIES:followup\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "DTSTAMP:20261126T150100Z\r\n"
        "STATUS:CANCELLED\r\n"
        "SEQUENCE:1\r\n"
        "END:VEVENT\r\n"
    ) in text
    assert "UID:ffffffffffffffffffffffffffffffff-follow-up@followup\r\n" in text
    assert all(len(line) <= 75 for line in _physical_lines(after))

    # Cancelled once is cancelled: exported again, the same events keep SEQUENCE 1.
    still = render_ics(Records(interviews=[interview], calls={interview.id: [spoke]}), later, previous=after)
    assert still.decode("utf-8").count("STATUS:CANCELLED\r\nSEQUENCE:1\r\n") == 3
    # Once a window has ended it is no longer written, cancelled or not.
    past = datetime(2026, 11, 28, 9, 0, tzinfo=NY)
    gone = render_ics(Records(interviews=[interview], calls={interview.id: [spoke]}), past, previous=after)
    assert b"STATUS:CANCELLED" not in gone
