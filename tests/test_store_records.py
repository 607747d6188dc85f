"""A bad record is refused when the file is opened, by name, and nothing is written: not the file,
not its `.bak`, not a migration copy. The copy kept before a migration never follows a planted link."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.domain.documents import to_doc
from tui.domain.models import (
    CallAttempt,
    Channel,
    Interview,
    Outcome,
    Profile,
    ThankYou,
)
from tui.store import DamagedFileError, Workbook

REPO = Path(__file__).resolve().parent.parent
START = datetime(2026, 11, 21, 9, 0, tzinfo=timezone(timedelta(hours=-5)))


def good_tables() -> dict[str, Any]:
    """Six interviews (records 1-6), a call for each, one thank-you and a profile, as TinyDB keeps them."""
    interviews = [Interview(f"Company {n}", "Designer", interviewed_at=START - timedelta(days=1)) for n in range(6)]
    calls = [CallAttempt(i.id, START, START + timedelta(minutes=2), Outcome.VOICEMAIL_LEFT) for i in interviews]
    thanks = ThankYou(interviews[0].id, Channel.EMAIL, START)
    return {
        "meta": {"1": {"schema_version": 1}},
        "interviews": {str(n): to_doc(i) for n, i in enumerate(interviews, start=1)},
        "calls": {str(n): to_doc(c) for n, c in enumerate(calls, start=1)},
        "thank_yous": {"1": to_doc(thanks)},
        "profile": {"1": to_doc(Profile(name="Sam"))},
    }


def interview(**changes: Any) -> Callable[[dict[str, Any]], None]:
    """Add record 7 to interviews: a copy of record 1 with a new id and `changes` (None removes a field)."""

    def change(tables: dict[str, Any]) -> None:
        doc = {**tables["interviews"]["1"], "id": "bad-interview", **changes}
        tables["interviews"]["7"] = {key: value for key, value in doc.items() if value is not None}

    return change


def record(table: str, key: str, **changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(tables: dict[str, Any]) -> None:
        tables[table][key].update(changes)

    return change


def same_id_twice(tables: dict[str, Any]) -> None:
    tables["interviews"]["7"] = {**tables["interviews"]["1"], "id": tables["interviews"]["2"]["id"]}


def call_ends_before_it_starts(tables: dict[str, Any]) -> None:
    tables["calls"]["3"]["ended_at"] = (START - timedelta(minutes=5)).isoformat()


#: case -> (how the good file is spoiled, where the message says it is, what it says).
BAD_RECORDS: dict[str, tuple[Callable[[dict[str, Any]], None], str, str]] = {
    "missing company": (interview(company=None), "record 7 in interviews", "'company' is missing"),
    "empty company": (interview(company="  "), "record 7 in interviews", "'company': The company is required"),
    "date that is not a date": (
        interview(interviewed_at="next Tuesday"),
        "record 7 in interviews",
        "'interviewed_at' is not a date",
    ),
    "day that is not a date": (
        interview(decision_expected="2026-02-30"),
        "record 7 in interviews",
        "'decision_expected' is not a date",
    ),
    "a list where text belongs": (interview(company=["Acme"]), "record 7 in interviews", "'company' is not text"),
    "text where a list belongs": (
        interview(references="Ann Lee"),
        "record 7 in interviews",
        "'references' should be a list",
    ),
    "an empty table where a list belongs": (
        interview(qualifications={}),
        "record 7 in interviews",
        "'qualifications' should be a list",
    ),
    "round as text": (interview(round="2"), "record 7 in interviews", "'round' is not a whole number"),
    "round as true": (interview(round=True), "record 7 in interviews", "'round' is not a whole number"),
    "round below 1": (
        interview(round=0),
        "record 7 in interviews",
        "'round': The round is a whole number from 1 to 99.",
    ),
    "archived as a number": (interview(archived=1), "record 7 in interviews", "'archived' is not true or false"),
    "checks as a list": (interview(checks=["D1"]), "record 7 in interviews", "'checks' should be a table"),
    "a tick that is not true or false": (
        interview(checks={"D1": "yes"}),
        "record 7 in interviews",
        "'checks.D1' is not true or false",
    ),
    "interviewer as text": (
        interview(interviewer="Priya"),
        "record 7 in interviews",
        "'interviewer' should be a table",
    ),
    "reference without a name": (
        interview(references=({"relation": "boss"},)),
        "record 7 in interviews",
        "'references[0].name' is missing",
    ),
    "unnamed checklist item": (
        interview(custom_items=({"label": ""},)),
        "record 7 in interviews",
        "'custom_items[0].label'",
    ),
    "year 9999": (
        interview(interviewed_at="9999-12-31T23:00:00+00:00"),
        "record 7 in interviews",
        "'interviewed_at' is not a believable date",
    ),
    "year 1": (
        interview(created_at="0001-01-01T00:00:00+00:00"),
        "record 7 in interviews",
        "'created_at' is not a believable date",
    ),
    "day in year 9999": (
        interview(decision_expected="9999-12-31"),
        "record 7 in interviews",
        "'decision_expected' is not a believable date",
    ),
    "no offset": (
        interview(interviewed_at="2026-11-20T10:30:00"),
        "record 7 in interviews",
        "'interviewed_at' has no UTC offset",
    ),
    "unknown outcome": (
        record("calls", "3", outcome="maybe"),
        "record 3 in calls",
        "'outcome' is not one of: no_answer, voicemail_left, spoke",
    ),
    "call ending before it starts": (
        call_ends_before_it_starts,
        "record 3 in calls",
        "'ended_at': A call cannot end before it started",
    ),
    "call without a start": (record("calls", "3", started_at=None), "record 3 in calls", "'started_at' is missing"),
    "call start not text": (
        record("calls", "3", started_at=20261121),
        "record 3 in calls",
        "'started_at' is not a date",
    ),
    "unknown channel": (
        record("thank_yous", "1", channel="pigeon"),
        "record 1 in thank_yous",
        "'channel' is not one of: email",
    ),
    "profile flag as text": (
        record("profile", "1", day_first="yes"),
        "record 1 in profile",
        "'day_first' is not true or false",
    ),
    "duplicate ids": (same_id_twice, "record 7 in interviews", "two interviews have the id"),
    "empty id": (interview(id=""), "record 7 in interviews", "'id' is empty"),
}


def meta(value: Any) -> Callable[[dict[str, Any]], None]:
    def change(tables: dict[str, Any]) -> None:
        tables["meta"] = value

    return change


#: case -> (how the file's layout is spoiled, what the message says).
BAD_LAYOUTS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "version as text": (meta({"1": {"schema_version": "abc"}}), "'schema_version' is \"abc\", not a whole number"),
    "version as a numeral": (meta({"1": {"schema_version": "1"}}), "'schema_version' is \"1\", not a whole number"),
    "version null": (meta({"1": {"schema_version": None}}), "'schema_version' is null, not a whole number"),
    "version a list": (meta({"1": {"schema_version": [1]}}), "'schema_version' is [1], not a whole number"),
    "version a table": (meta({"1": {"schema_version": {}}}), "'schema_version' is {}, not a whole number"),
    "version true": (meta({"1": {"schema_version": True}}), "'schema_version' is true, not a whole number"),
    "version a fraction": (meta({"1": {"schema_version": 1.5}}), "'schema_version' is 1.5, not a whole number"),
    "version below 0": (meta({"1": {"schema_version": -1}}), "'schema_version' is -1; versions start at 0"),
    "meta a list": (meta([{"schema_version": 1}]), "its table “meta” is not a table of records"),
    "meta a number": (meta(1), "its table “meta” is not a table of records"),
    "meta record not a record": (meta({"1": 1}), "record 1 of table “meta” is not a record"),
    "record number not ascii": (lambda t: t["interviews"].update({"²": {}}), "which is not a number"),
    "record number padded": (lambda t: t["interviews"].update({"01": {}}), "which is not a number"),
}


@pytest.fixture
def workbook_with_backup(tmp_path: Path) -> tuple[Path, bytes]:
    """A good workbook opened once (so its `.bak` exists); returns the path and the `.bak`'s bytes."""
    path = tmp_path / "wb.json"
    path.write_bytes(orjson.dumps(good_tables()))
    Workbook.open(path, autosave=False).close()
    backup = path.with_name("wb.json.bak")
    return path, backup.read_bytes()


def spoil(path: Path, change: Callable[[dict[str, Any]], None]) -> bytes:
    tables = good_tables()
    change(tables)
    content = orjson.dumps(tables, option=orjson.OPT_INDENT_2)
    path.write_bytes(content)
    return content


def refused(path: Path) -> list[str]:
    """Open and snapshot both refuse; returns their messages. The lock is let go each time."""
    messages = []
    for attempt in (lambda: Workbook.open(path, autosave=False), lambda: Workbook.snapshot(path)):
        with pytest.raises(DamagedFileError) as caught:
            attempt()
        messages.append(str(caught.value))
    with pytest.raises(DamagedFileError):  # not LockedError: a refused open lets go of the lock
        Workbook.open(path, autosave=False)
    return messages


@pytest.mark.parametrize("case", list(BAD_RECORDS))
def test_a_bad_record_is_refused_by_name_and_nothing_is_written(workbook_with_backup, case):
    path, backup = workbook_with_backup
    change, where, says = BAD_RECORDS[case]
    content = spoil(path, change)
    for message in refused(path):
        assert message.startswith(f"Cannot open {path}: {where}: {says}"), message
        assert "The file was not changed." in message and f"The last good copy is {path}.bak" in message
    assert path.read_bytes() == content
    assert path.with_name("wb.json.bak").read_bytes() == backup
    assert sorted(p.name for p in path.parent.iterdir()) == ["wb.json", "wb.json.bak"]  # the lock goes too


@pytest.mark.parametrize("case", list(BAD_LAYOUTS))
def test_a_bad_format_number_or_meta_table_is_refused_by_name(workbook_with_backup, case):
    path, backup = workbook_with_backup
    change, says = BAD_LAYOUTS[case]
    content = spoil(path, change)
    for message in refused(path):
        assert message.startswith(f"Cannot open {path}: "), message
        assert says in message
    assert path.read_bytes() == content
    assert path.with_name("wb.json.bak").read_bytes() == backup
    assert not list(path.parent.glob("*.schema*.bak"))


def test_a_file_refused_on_its_first_open_gets_no_backup(tmp_path):
    path = tmp_path / "wb.json"
    content = spoil(path, interview(interviewed_at="soon"))
    (message, _) = refused(path)
    assert "record 7 in interviews: 'interviewed_at' is not a date" in message
    assert "No backup of it exists yet." in message
    assert path.read_bytes() == content
    assert not path.with_name("wb.json.bak").exists()


SCHEMA_0 = {
    "interviews": {
        "1": {"company": "Northwind", "role": "Analyst", "date": "2026-11-20T10:30:00", "checklist": ["D1"]}
    },
    "calls": {"1": {"interview": 1, "started_at": "2026-11-21T09:00:00", "outcome": "spoke"}},
}


@pytest.mark.parametrize(
    ("interview_changes", "says"),
    [
        ({"date": "the 20th"}, "record 1 in interviews: 'interviewed_at' is not a date"),
        ({"checklist": "D1"}, "record 1 in interviews: 'checks' should be a table"),
        ({"checklist": [{"rule": "D1"}]}, "record 1 in interviews: 'checks' should be a table"),
        ({"interviewer": ["Priya"]}, "record 1 in interviews: 'interviewer.name' is not text"),
    ],
)
def test_an_old_file_with_a_bad_record_is_not_migrated_or_copied(tmp_path, interview_changes, says):
    path = tmp_path / "wb.json"
    tables = orjson.loads(orjson.dumps(SCHEMA_0))
    tables["interviews"]["1"].update(interview_changes)
    content = orjson.dumps(tables)
    path.write_bytes(content)
    for message in refused(path):
        assert says in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wb.json"]


@pytest.fixture
def open_umask():
    old = os.umask(0)
    yield
    os.umask(old)


def test_the_copy_before_a_migration_never_follows_a_planted_link(tmp_path, open_umask):
    path = tmp_path / "wb.json"
    original = orjson.dumps(SCHEMA_0)
    path.write_bytes(original)
    victim = tmp_path / "victim"
    victim.write_text("keep")
    planted = tmp_path / "wb.json.schema0.bak"
    planted.symlink_to(victim)
    with Workbook.open(path, autosave=False, tz=UTC) as book:
        assert [i.company for i in book.interviews()] == ["Northwind"]
    assert victim.read_text() == "keep"
    assert planted.is_symlink() and os.readlink(planted) == str(victim)
    kept = tmp_path / "wb.json.schema0-2.bak"
    assert not kept.is_symlink() and kept.read_bytes() == original
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_an_earlier_migration_copy_is_kept_and_the_next_free_name_taken(tmp_path):
    path = tmp_path / "wb.json"
    (tmp_path / "wb.json.schema0.bak").write_bytes(b"from last year")
    (tmp_path / "wb.json.schema0-2.bak").write_bytes(b"from last month")
    path.write_bytes(orjson.dumps(SCHEMA_0))
    Workbook.open(path, autosave=False, tz=UTC).close()
    assert (tmp_path / "wb.json.schema0.bak").read_bytes() == b"from last year"
    assert (tmp_path / "wb.json.schema0-2.bak").read_bytes() == b"from last month"
    assert (tmp_path / "wb.json.schema0-3.bak").read_bytes() == orjson.dumps(SCHEMA_0)


def test_a_bad_file_on_reload_changes_nothing_in_memory(tmp_path):
    path = tmp_path / "wb.json"
    path.write_bytes(orjson.dumps(good_tables()))
    book = Workbook.open(path, autosave=False)
    before = book.interviews()
    spoil(path, record("calls", "2", outcome="maybe"))
    with pytest.raises(DamagedFileError, match="record 2 in calls: 'outcome' is not one of"):
        book.reload()
    assert book.interviews() == before and len(book.all_calls()) == 6
    book.abandon()


def test_followup_list_names_the_bad_record_without_a_traceback(workbook_with_backup):
    path, backup = workbook_with_backup
    content = spoil(path, interview(interviewed_at="next Tuesday"))
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(path), "list"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr
    assert "record 7 in interviews: 'interviewed_at' is not a date" in result.stderr
    assert path.read_bytes() == content
    assert path.with_name("wb.json.bak").read_bytes() == backup
