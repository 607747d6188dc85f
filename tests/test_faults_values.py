"""Values the app cannot handle never get in, and a bad record never gets a traceback.

Every import and every open checks with the same rules as the form: a json import with year 9999
or a setting of the wrong kind is refused by line; a file holding one is refused when it opens
(exit 1, naming the file, the record and the field), and its `.bak` is never replaced. All through
a real `followup` process: the verbs and the app itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from test_store_records import BAD_RECORDS, good_tables, interview, record, same_id_twice
from verbs_support import REPO, followup

from tui.store import Workbook

NOW_ENV = {"FOLLOWUP_NOW": "2026-11-26T10:00:00-05:00", "TZ": "America/New_York"}


def export_of(tmp_path: Path) -> dict[str, Any]:
    """A json export of a good workbook, as a dict to spoil."""
    source = tmp_path / "source.json"
    source.write_bytes(orjson.dumps(good_tables()))
    done = followup(source, "export", "--format", "json")
    assert done.returncode == 0, done.stderr
    return orjson.loads(done.stdout)


def first(table: str, **changes: Any):
    def change(document: dict[str, Any]) -> None:
        document[table][0].update(changes)

    return change


def settings(**values: Any):
    def change(document: dict[str, Any]) -> None:
        document["settings"] = values

    return change


#: case -> (how the export is spoiled, what the message on stderr says).
BAD_IMPORTS = {
    "interview in year 9999": (
        first("interviews", interviewed_at="9999-12-31T23:00:00+00:00"),
        "interview 'interviewed_at' is not a believable date (the year 9999)",
    ),
    "decision in year 9999": (
        first("interviews", decision_expected="9999-12-31"),
        "interview 'decision_expected' is not a believable date",
    ),
    "call in year 9999": (
        first("calls", started_at="9999-12-31T10:00:00+00:00", ended_at=None),
        "call 'started_at' is not a believable date",
    ),
    "follow-up in year 9999": (first("calls", follow_up_on="9999-01-01"), "call 'follow_up_on' is not a believable"),
    "theme a list": (settings(theme=["dracula"]), "settings 'theme' is not text"),
    "templates a list": (settings(templates=["$my_name"]), "settings 'templates' should be a table"),
    "a template a number": (settings(templates={"voicemail": 5}), "settings 'templates.voicemail' is not text"),
    "profile asked as text": (settings(profile_asked="yes"), "settings 'profile_asked' is not true or false"),
}


@pytest.mark.parametrize("case", list(BAD_IMPORTS))
def test_an_import_the_app_could_not_handle_is_refused_and_nothing_gets_in(tmp_path, case):
    spoil, says = BAD_IMPORTS[case]
    document = export_of(tmp_path)
    spoil(document)
    source = tmp_path / "in.json"
    source.write_bytes(orjson.dumps(document))
    book = tmp_path / "workbook.json"
    done = followup(book, "import", str(source), "--apply")
    assert done.returncode == 2, done.stdout + done.stderr
    assert says in done.stderr and "Traceback" not in done.stderr
    assert "Nothing was imported" in done.stderr
    for verb in (["list"], ["export", "--format", "md"], ["export", "--format", "ics"]):
        after = followup(book, *verb)
        assert after.returncode == 0 and "Traceback" not in after.stderr, (verb, after.stderr)


def settings_record(**values: Any):
    def change(tables: dict[str, Any]) -> None:
        tables["settings"] = {"1": values}

    return change


def two_profiles(tables: dict[str, Any]) -> None:
    tables["profile"]["2"] = {**tables["profile"]["1"], "name": "Someone else"}


#: case -> (how a good file is spoiled, where the message says it is, what it says). Bad records
#: as the store's own tests list them, plus the settings and single tables the app reads at start.
BAD_FILES: dict[str, tuple[Any, str, str]] = {
    **{
        name: BAD_RECORDS[name]
        for name in (
            "missing company",
            "date that is not a date",
            "a list where text belongs",
            "unknown outcome",
            "call ending before it starts",
            "year 9999",
        )
    },
    "theme a list": (settings_record(theme=["dracula"]), "record 1 in settings", "'theme' is not text"),
    "a template a number": (
        settings_record(templates={"voicemail": 5}),
        "record 1 in settings",
        "'templates.voicemail' is not text",
    ),
    "profile asked as a list": (
        settings_record(profile_asked=[1]),
        "record 1 in settings",
        "'profile_asked' is not true or false",
    ),
    "two profiles": (two_profiles, "its table “profile” has 2 records", "the others would be hidden"),
    "same id twice": (same_id_twice, "record 7 in interviews", "two interviews have the id"),
    "a name as a number": (interview(role=7), "record 7 in interviews", "'role' is not text"),
    "a call with no interview id": (record("calls", "2", interview_id=None), "record 2 in calls", "'interview_id'"),
}


def run_app(path: Path) -> subprocess.CompletedProcess[str]:
    """`followup --db PATH`, the app itself: a file it refuses never gets as far as the terminal."""
    return subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **NOW_ENV},
    )


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_file_the_app_could_not_handle_is_refused_by_name_by_every_entry(tmp_path, case):
    path = tmp_path / "wb.json"
    path.write_bytes(orjson.dumps(good_tables()))
    Workbook.open(path, autosave=False).close()  # opened cleanly once: its .bak is the last good copy
    backup = path.with_name("wb.json.bak")
    good = backup.read_bytes()
    spoil, where, says = BAD_FILES[case]
    tables = good_tables()
    spoil(tables)
    content = orjson.dumps(tables, option=orjson.OPT_INDENT_2)
    path.write_bytes(content)
    runs = {
        "app": run_app(path),
        "list": followup(path, "list"),
        "add": followup(path, "add", "--company", "Acme", "--role", "Designer"),
        "script": followup(path, "script", "ffff", "--kind", "voicemail"),
        "export": followup(path, "export", "--format", "csv"),
    }
    for entry, done in runs.items():
        assert done.returncode == 1, (entry, done.stderr)
        assert "Traceback" not in done.stderr, (entry, done.stderr)
        assert f"Cannot open {path}: {where}" in done.stderr and says in done.stderr, (entry, done.stderr)
        assert f"The last good copy is {backup}" in done.stderr, (entry, done.stderr)
    assert path.read_bytes() == content
    assert backup.read_bytes() == good, "a file that did not open cleanly replaced the backup"
