"""`followup export`: csv read back with `csv`, ics parsed back with `icalendar`, md, files written 0600."""

from __future__ import annotations

import csv
import io
import stat
from datetime import UTC, datetime, timedelta

import icalendar
from verbs_support import NOW, NY, followup, ready, seed

from tui.domain.guidance import next_step
from tui.domain.models import CallAttempt, Interviewer, Outcome
from tui.domain.windows import call_windows
from tui.formats.icsfile import window_uid
from tui.store import Workbook


def test_csv_has_a_header_a_row_per_interview_and_neutralises_formulas(tmp_path):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    risky = ready(
        company='=HYPERLINK("x")',
        role="+Lead",
        interviewer=Interviewer("@handle", title="-1", phone="+442079460958"),
        notes="\tindented",
        interviewed_at=datetime(2026, 11, 25, 9, 0, tzinfo=NY),
    )
    accented = ready(company="Café Zürich", role="Designer ✏️", interviewed_at=datetime(2026, 11, 24, 9, 0, tzinfo=NY))
    with Workbook.open(db, autosave=False) as book:
        book.save_interview(risky)
        book.save_interview(accented)
        book.save_call(CallAttempt(accented.id, NOW - timedelta(days=2), NOW - timedelta(days=2), Outcome.NO_ANSWER))
        book.save_call(
            CallAttempt(accented.id, NOW - timedelta(days=1), NOW - timedelta(days=1), Outcome.VOICEMAIL_LEFT)
        )
    result = followup(db, "export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5  # archived interviews too: one row per interview
    by_id = {row["id"]: row for row in rows}
    row = by_id[risky.id]
    assert row["company"] == '\'=HYPERLINK("x")'
    assert row["role"] == "'+Lead"
    assert row["interviewer"] == "'@handle"
    assert row["interviewer_title"] == "'-1"
    assert row["notes"] == "'\tindented"
    assert row["interviewer_phone"] == "'+44 20 7946 0958"  # international format starts with +
    assert by_id[accented.id]["company"] == "Café Zürich" and by_id[accented.id]["role"] == "Designer ✏️"
    assert by_id[accented.id]["latest_outcome"] == "Voicemail left"
    assert by_id[accented.id]["calls"] == "2"
    assert by_id[accented.id]["next_follow_up"] == "2026-12-02"  # D19: a week after the message
    waiting = by_id[seeded["waiting"].id]
    assert waiting["latest_outcome"] == "Spoke with the interviewer"
    assert waiting["next_follow_up"] == "2026-11-30" and waiting["decision_expected"] == "2026-11-27"
    assert by_id[seeded["due"].id]["interviewer_phone"] == "(212) 555-0100"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_md_has_a_section_per_interview_with_its_calls_and_notes(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    result = followup(db, "export", "--format", "md")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.count("\n## ") == 3
    borealis = text.split("## Borealis – UX Researcher")[1].split("\n## ")[0]
    assert "Lee Park" in borealis
    assert "Spoke with the interviewer, 8 min" in borealis
    assert "  > Friendly; team of six.\n  > They liked the portfolio." in borealis
    assert "Decision expected: Fri 27 Nov 2026" in borealis
    acme = text.split("## Acme – Product Designer")[1].split("\n## ")[0]
    assert "Asked about the onboarding redesign." in acme and "No calls yet." in acme


def _events(payload: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(payload)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_ics_has_follow_ups_and_call_windows_with_alarms_and_stable_uids(tmp_path):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    first = followup(db, "export", "--format", "ics")
    assert first.returncode == 0, first.stderr
    calendar = icalendar.Calendar.from_ical(first.stdout.encode())
    assert str(calendar["VERSION"]) == "2.0" and "followup" in str(calendar["PRODID"])
    events = _events(first.stdout.encode())
    due, waiting, archived = seeded["due"], seeded["waiting"], seeded["archived"]
    assert not any(uid.startswith(archived.id) for uid in events)

    # The waiting interview: one follow-up on Monday 30 Nov in the early window, Chicago time.
    follow = events[f"{waiting.id}-follow-up@followup"]
    assert follow.decoded("DTSTART") == datetime(2026, 11, 30, 14, 30, tzinfo=UTC)  # 8:30 in Chicago
    assert follow.decoded("DTEND") == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    assert str(follow["SUMMARY"]) == "Follow up: Lee Park, Borealis – UX Researcher"
    assert follow.decoded("DTSTAMP") == NOW.astimezone(UTC)
    (alarm,) = follow.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -timedelta(minutes=15)
    assert not any(uid.startswith(waiting.id) and "window" in uid for uid in events)

    # The due interview: the next three call windows, exactly as the domain computes them.
    with Workbook.open(db, autosave=False) as book:
        step = next_step(due, [], [], NOW, book.profile)
    expected = call_windows(due, NOW, 3, fallback_tz=NY, after=step.due - timedelta(microseconds=1))
    for window in expected:
        event = events[window_uid(due.id, window.start, window.part.value)]
        assert event.decoded("DTSTART") == window.start
        assert event.decoded("DTEND") == window.end
        assert str(event["SUMMARY"]).startswith("Call Dana Reyes, Acme – Product Designer")
        assert str(event["LOCATION"]) == "(212) 555-0100"
        assert step.reason in str(event["DESCRIPTION"])
        assert len(event.walk("VALARM")) == 1
    assert expected[0].start == datetime(2026, 11, 27, 8, 30, tzinfo=NY)  # today is Thanksgiving: Friday
    assert len(events) == 4
    assert f"{due.id}-call-2026-11-27-early@followup" in events


def test_output_file_is_private_unless_it_already_existed(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    fresh = tmp_path / "out.csv"
    result = followup(db, "export", "--format", "csv", "-o", str(fresh))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    assert fresh.read_text(encoding="utf-8").startswith("id,company,role,")
    shared = tmp_path / "shared.md"
    shared.write_text("old and longer than the new content " * 200)
    shared.chmod(0o644)
    assert followup(db, "export", "--format", "md", "-o", str(shared)).returncode == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644
    assert shared.read_text().startswith("# Interview follow-ups")
    refused = followup(db, "export", "--format", "json", "-o", str(db))
    assert refused.returncode == 2 and "workbook itself" in refused.stderr
