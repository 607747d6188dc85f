"""`followup add` and `followup profile` through a subprocess: output, exit codes, the file afterwards."""

from __future__ import annotations

import subprocess
import sys

import pytest
from verbs_support import followup, seed, tables

from tui.store import Workbook


def test_add_prints_a_short_id_and_stores_what_the_app_would(tmp_path):
    db = tmp_path / "wb.json"
    result = followup(
        db, "add", "--company", " Acme ", "--role", "Product Designer", "--interviewer", "Dana Reyes",
        "--phone", "(212) 555-0100", "--when", "yesterday 2pm", "--tz", "Europe/London",
        "--title", "Design Lead", "--email", "dana@acme.example", "--round", "2",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    short = result.stdout.strip()
    assert len(short) == 8
    (doc,) = tables(db)["interviews"]
    assert doc["id"].startswith(short)
    assert doc["company"] == "Acme"
    assert doc["role"] == "Product Designer"
    assert doc["interviewer"] == {
        "name": "Dana Reyes",
        "title": "Design Lead",
        "phone": "+12125550100",
        "email": "dana@acme.example",
        "decision_maker": True,
        "greet_as": "",
    }
    # "yesterday 2pm" on the machine's clock (New York; no profile zone yet), stored with its offset.
    assert doc["interviewed_at"] == "2026-11-25T14:00:00-05:00"
    assert doc["interviewer_tz"] == "Europe/London"
    assert doc["round"] == 2


BAD = [
    (["--company", "", "--role", "Designer"], "--company", "required"),
    (["--company", "Acme", "--role", "  "], "--role", "required"),
    (["--company", "Acme", "--role", "Designer", "--phone", "12"], "--phone", "digits"),
    (["--company", "Acme", "--role", "Designer", "--phone", "call me"], "--phone", "letters"),
    (["--company", "Acme", "--role", "Designer", "--when", "31 Feb 3pm"], "--when", "not a real date"),
    (["--company", "Acme", "--role", "Designer", "--tz", "Mars/Olympus"], "--tz", "time zone"),
    (["--company", "Acme", "--role", "Designer", "--email", "nope"], "--email", "not an email"),
    (["--company", "Acme", "--role", "Designer", "--round", "0"], "--round", "round"),
]


@pytest.mark.parametrize(("args", "field", "reason"), BAD, ids=[case[1] + "-" + case[2] for case in BAD])
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(tmp_path, args, field, reason):
    db = tmp_path / "wb.json"
    seed(db)
    before = db.read_bytes()
    result = followup(db, "add", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert field in result.stderr and reason in result.stderr
    assert db.read_bytes() == before


def test_profile_sets_only_what_is_given_and_shows_it(tmp_path):
    db = tmp_path / "wb.json"
    result = followup(db, "profile", "--name", "Sam Lee", "--phone", "415 555 0199", "--tz", "America/Chicago")
    assert result.returncode == 0, result.stderr
    assert "Sam Lee" in result.stdout and "(415) 555-0199" in result.stdout and "America/Chicago" in result.stdout
    result = followup(db, "profile", "--email", "sam@example.com", "--pitch", "I ship  calm\nUIs.")
    assert result.returncode == 0, result.stderr
    (profile,) = tables(db)["profile"]
    assert profile == {
        "name": "Sam Lee",
        "phone": "+14155550199",
        "email": "sam@example.com",
        "timezone": "America/Chicago",
        "pitch": "I ship calm UIs.",
        "day_first": False,
    }
    before = db.read_bytes()
    shown = followup(db, "profile")
    assert shown.returncode == 0 and "sam@example.com" in shown.stdout and "I ship calm UIs." in shown.stdout
    bad = followup(db, "profile", "--name", "Someone Else", "--tz", "Nowhere/City")
    assert bad.returncode == 2 and "--tz" in bad.stderr
    assert db.read_bytes() == before


WRITERS = [
    ["add", "--company", "Acme", "--role", "Designer"],
    ["log-call", "{id}", "--outcome", "no-answer"],
    ["profile", "--name", "Someone Else"],
    ["import", "{csv}", "--apply"],
]


@pytest.mark.parametrize("argv", WRITERS, ids=[argv[0] for argv in WRITERS])
def test_a_writing_verb_refuses_while_the_app_has_the_file(tmp_path, argv):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    source = tmp_path / "new.csv"
    source.write_text("company,role\nNew Co,Engineer\n", encoding="utf-8")
    argv = [arg.format(id=seeded["due"].id[:6], csv=source) for arg in argv]
    before = db.read_bytes()
    holder = Workbook.open(db)  # the app, holding the lock
    try:
        result = followup(db, *argv)
    finally:
        holder.close()
    assert result.returncode == 1
    assert str(db) in result.stderr and "already open" in result.stderr
    assert db.read_bytes() == before


def test_reading_verbs_work_beside_the_app_and_change_nothing(tmp_path):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    before = db.read_bytes()
    holder = Workbook.open(db)  # the app, holding the lock
    try:
        results = [
            followup(db, "list", "--json"),
            followup(db, "profile"),
            followup(db, "script", seeded["due"].id[:6], "--kind", "voicemail"),
            followup(db, "export", "--format", "json"),
        ]
    finally:
        holder.close()
    for result in results:
        assert result.returncode == 0, result.stderr
    assert "Acme" in results[0].stdout and "Sam Lee" in results[1].stdout
    assert db.read_bytes() == before
    missing = tmp_path / "nothing-here.json"
    assert followup(missing, "list").returncode == 0
    assert not missing.exists()


def test_a_damaged_file_exits_1_with_the_store_message_and_is_left_alone(tmp_path):
    db = tmp_path / "wb.json"
    db.write_bytes(b'{"interviews": {"1": {"company": "Ac')
    for argv in (["list"], ["add", "--company", "Acme", "--role", "Designer"]):
        result = followup(db, *argv)
        assert result.returncode == 1
        assert str(db) in result.stderr and "not complete JSON" in result.stderr
    assert db.read_bytes() == b'{"interviews": {"1": {"company": "Ac'


def test_verbs_do_not_load_textual(tmp_path):
    """The verbs stand on the domain and the store alone, so they start fast and work headless."""
    code = (
        "import sys; from tui.cli import main; "
        f"main(['--db', {str(tmp_path / 'wb.json')!r}, 'list']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_add_greets_the_interviewer_as_the_user_says_in_the_drafts(tmp_path):
    db = tmp_path / "wb.json"
    done = followup(db, "add", "--company", "Acme", "--role", "Designer", "--interviewer", "Dana Reyes",
                    "--greet-as", "Ms. Reyes")  # fmt: skip
    assert done.returncode == 0, done.stderr
    script = followup(db, "script", done.stdout.strip(), "--kind", "voicemail")
    assert "Hello Ms. Reyes" in script.stdout and "Dana" not in script.stdout.split(",")[0]
    bad = followup(db, "add", "--company", "Acme", "--role", "Designer", "--greet-as", "Ms.\x1b[2J")
    assert bad.returncode == 2 and "--greet-as" in bad.stderr and "control character" in bad.stderr
