"""The calendar stays true across re-exports: one UID per purpose, DTSTAMP, SEQUENCE raised when an
event changes, and events that no longer hold (the call was made) cancelled; read back by icalendar
and by vobject, a second parser."""

from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest
from verbs_support import NOW, followup, seed

vobject = pytest.importorskip("vobject")


def _events(payload: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(payload).walk("VEVENT")}


def _second_parser(payload: bytes) -> dict[str, tuple[int, str]]:
    """UID -> (SEQUENCE, STATUS) as vobject reads the file."""
    calendar = vobject.readOne(payload.decode("utf-8"))
    return {
        event.uid.value: (int(event.sequence.value), event.status.value)
        for event in calendar.contents.get("vevent", [])
    }


def test_a_logged_conversation_cancels_the_call_windows_and_keeps_the_follow_up_true(tmp_path):
    db, target = tmp_path / "wb.json", tmp_path / "followups.ics"
    due = seed(db)["due"]
    assert followup(db, "export", "--format", "ics", "-o", str(target)).returncode == 0
    first = target.read_bytes()
    before = _events(first)
    windows = [uid for uid in before if uid.startswith(f"{due.id}-call-")]
    assert len(windows) == 3
    assert all(int(before[uid]["SEQUENCE"]) == 0 for uid in before)
    assert _second_parser(first) == {uid: (0, "CONFIRMED") for uid in before}

    # Exported again with nothing changed: same UIDs, same SEQUENCE, a fresh DTSTAMP.
    later = NOW + timedelta(minutes=5)
    assert followup(db, "export", "--format", "ics", "-o", str(target), now=later).returncode == 0
    same = _events(target.read_bytes())
    assert set(same) == set(before)
    assert all(int(same[uid]["SEQUENCE"]) == 0 for uid in same)
    assert same[windows[0]].decoded("DTSTAMP") == later

    # The call is made and they talked: the windows no longer hold, and a follow-up appears.
    talked = followup(db, "log-call", due.id, "--outcome", "spoke", "--decision", "next week", now=later)
    assert talked.returncode == 0, talked.stderr
    after = later + timedelta(minutes=1)
    assert followup(db, "export", "--format", "ics", "-o", str(target), now=after).returncode == 0
    third = target.read_bytes()
    events = _events(third)
    for uid in windows:
        assert str(events[uid]["STATUS"]) == "CANCELLED"
        assert int(events[uid]["SEQUENCE"]) == 1
        assert not events[uid].walk("VALARM")
        assert events[uid].decoded("DTSTART") == before[uid].decoded("DTSTART")
    follow = events[f"{due.id}-follow-up@followup"]
    assert str(follow["STATUS"]) == "CONFIRMED" and int(follow["SEQUENCE"]) == 0
    read = _second_parser(third)
    assert {read[uid] for uid in windows} == {(1, "CANCELLED")}
    # The other interview's follow-up did not change: it keeps its UID and SEQUENCE.
    kept = [uid for uid in before if uid not in windows]
    assert kept and all(read[uid] == (0, "CONFIRMED") for uid in kept)

    # Once more: a cancelled event stays cancelled at the same SEQUENCE until it would have ended.
    assert followup(db, "export", "--format", "ics", "-o", str(target), now=after).returncode == 0
    assert {_second_parser(target.read_bytes())[uid] for uid in windows} == {(1, "CANCELLED")}


def test_a_moved_follow_up_keeps_its_uid_with_a_higher_sequence(tmp_path):
    db, target = tmp_path / "wb.json", tmp_path / "followups.ics"
    waiting = seed(db)["waiting"]
    uid = f"{waiting.id}-follow-up@followup"
    assert followup(db, "export", "--format", "ics", "-o", str(target)).returncode == 0
    first = _events(target.read_bytes())[uid]
    later = NOW + timedelta(hours=1)
    moved = followup(db, "log-call", waiting.id, "--outcome", "spoke", "--decision", "in two weeks", now=later)
    assert moved.returncode == 0, moved.stderr
    assert followup(db, "export", "--format", "ics", "-o", str(target), now=later).returncode == 0
    second = _events(target.read_bytes())[uid]
    assert second.decoded("DTSTART") > first.decoded("DTSTART")
    assert int(second["SEQUENCE"]) == 1 and str(second["STATUS"]) == "CONFIRMED"


def test_a_file_that_is_not_ours_is_replaced_without_being_read_from(tmp_path):
    db, target = tmp_path / "wb.json", tmp_path / "followups.ics"
    seed(db)
    target.write_text(
        "BEGIN:VCALENDAR\r\nPRODID:-//other//EN\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20991201T100000Z\r\nDTEND:20991201T110000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert followup(db, "export", "--format", "ics", "-o", str(target)).returncode == 0
    assert "x" not in _events(target.read_bytes())
