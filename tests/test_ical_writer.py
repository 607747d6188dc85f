"""The calendar writer: what it writes reads back the same with a general iCalendar reader."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar

from tui.formats.ical import Alarm, Calendar, Event


def test_text_times_lists_and_durations_read_back_as_written():
    calendar, event, alarm = Calendar(), Event(), Alarm()
    calendar.add("version", "2.0")
    summary = "Call Dana, Acme; ask about C:\\roles\nand the team – " + "é" * 60 + " 😀" * 10
    event.add("uid", "abc-window-1@followup")
    event.add("dtstart", datetime(2026, 11, 26, 14, 30, tzinfo=UTC))
    event.add("summary", summary)
    event.add("categories", ["followup", "calls, today"])
    alarm.add("trigger", -timedelta(minutes=15))
    event.add_component(alarm)
    calendar.add_component(event)
    payload = calendar.to_ical()
    assert all(len(line) <= 75 for line in payload.split(b"\r\n"))
    assert payload.endswith(b"END:VCALENDAR\r\n")
    (read,) = icalendar.Calendar.from_ical(payload).walk("VEVENT")
    assert str(read["SUMMARY"]) == summary
    assert read.decoded("DTSTART") == datetime(2026, 11, 26, 14, 30, tzinfo=UTC)
    assert [str(c) for c in read["CATEGORIES"].cats] == ["followup", "calls, today"]
    assert read.walk("VALARM")[0].decoded("TRIGGER") == -timedelta(minutes=15)
