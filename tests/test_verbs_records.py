"""A verb for every action on an interview: edit, archive, restore, thank, show, delete, each through
the session as the app's own action, plus global options after the verb and `--demo locate`."""

from __future__ import annotations

import json

from verbs_support import followup, seed, tables

from tui.store import Workbook


def test_edit_changes_only_the_parts_named_and_checks_them_as_add_does(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    done = followup(db, "edit", due.id[:6], "--role", "Lead Designer", "--not-decision-maker")
    assert done.returncode == 0, done.stderr
    assert "Saved Acme – Lead Designer" in done.stdout and "Next:" in done.stdout
    (doc,) = [d for d in tables(db)["interviews"] if d["id"] == due.id]
    assert doc["role"] == "Lead Designer" and doc["company"] == "Acme" and doc["notes"] == due.notes
    assert doc["interviewer"]["phone"] == "+12125550100" and doc["interviewer"]["decision_maker"] is False
    before = db.read_bytes()
    bad = followup(db, "edit", due.id, "--phone", "12")
    assert bad.returncode == 2 and "--phone" in bad.stderr and db.read_bytes() == before
    nothing = followup(db, "edit", due.id)
    assert nothing.returncode == 2 and "--role" in nothing.stderr and db.read_bytes() == before
    back = followup(db, "edit", due.id, "--decision-maker", "--notes", "-", stdin="New notes\n")
    assert back.returncode == 0, back.stderr
    (doc,) = [d for d in tables(db)["interviews"] if d["id"] == due.id]
    assert doc["interviewer"]["decision_maker"] is True and doc["notes"] == "New notes"


def test_archive_and_restore_move_an_interview_out_of_the_list_and_back(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    assert followup(db, "archive", due.id).stdout.endswith("is now archived.\n")
    assert due.id[:8] not in followup(db, "list").stdout
    assert "was already archived" in followup(db, "archive", due.id).stdout
    assert followup(db, "restore", due.id).returncode == 0
    assert due.id[:8] in followup(db, "list").stdout


def test_thank_records_the_channel_and_when_and_refuses_a_channel_that_is_none(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    done = followup(db, "thank", due.id, "--channel", "handwritten", "--when", "yesterday 5pm")
    assert done.returncode == 0, done.stderr
    (thanks,) = tables(db)["thank_yous"]
    assert thanks["channel"] == "handwritten" and thanks["sent_at"].startswith("2026-11-25T17:00")
    before = db.read_bytes()
    for bad in (["--channel", "pigeon"], ["--channel", "email", "--when", "tomorrow 9am"]):
        refused = followup(db, "thank", due.id, *bad)
        assert refused.returncode == 2 and refused.stderr.startswith("followup thank: --")
    assert db.read_bytes() == before


def test_show_prints_the_whole_record_and_its_json_reads_back(tmp_path):
    db = tmp_path / "wb.json"
    waiting = seed(db)["waiting"]
    shown = followup(db, "show", waiting.id)
    assert shown.returncode == 0, shown.stderr
    for piece in (
        "Borealis – UX Researcher",
        "Lee Park",
        "Decision expected: Fri 27 Nov 2026 (“by Friday”)",
        "[x] Resume",
    ):
        assert piece in shown.stdout
    assert "Spoke with the interviewer" in shown.stdout and "Next: Wait" in shown.stdout
    record = json.loads(followup(db, "show", waiting.id, "--json").stdout)
    assert record["interview"]["id"] == waiting.id and len(record["calls"]) == 1
    assert record["next_step"]["label"] == "Wait"
    missing = followup(db, "show", "zzzz")
    assert missing.returncode == 2 and "zzzz" in missing.stderr


def test_delete_asks_and_takes_the_calls_and_thank_yous_with_it(tmp_path):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    waiting = seeded["waiting"]
    assert followup(db, "thank", waiting.id, "--channel", "email").returncode == 0
    before = db.read_bytes()
    unasked = followup(db, "delete", waiting.id)
    assert unasked.returncode == 2 and "--yes" in unasked.stderr and db.read_bytes() == before
    done = followup(db, "delete", waiting.id, "--yes")
    assert done.returncode == 0 and "with 1 call" in done.stdout
    left = tables(db)
    assert waiting.id not in {d["id"] for d in left["interviews"]}
    assert not left.get("calls") and not left.get("thank_yous")
    with Workbook.open(db, autosave=False) as book:  # the file still opens cleanly
        assert {i.id for i in book.interviews(include_archived=True)} == {seeded["due"].id, seeded["archived"].id}


def test_global_options_work_after_the_verb_too(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    other = tmp_path / "other.json"
    after = followup(other, "list", "--db", str(db))  # the one after the verb wins
    assert after.returncode == 0 and "Acme" in after.stdout
    assert not other.exists()
    demo = followup(db, "list", "--demo")
    assert demo.returncode == 0 and "Acme" not in demo.stdout and demo.stdout.strip()


def test_demo_locate_prints_the_demo_copy_not_the_workbook(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    located = followup(db, "--demo", "locate")
    assert located.returncode == 0 and "followup-demo-" in located.stdout and str(db) not in located.stdout
    assert followup(db, "locate").stdout.strip() == str(db)


def test_help_lists_every_new_verb_and_the_exit_codes(tmp_path):
    shown = followup(tmp_path / "wb.json", "--help")
    assert shown.returncode == 0
    for verb in ("edit", "archive", "restore", "thank", "show", "delete", "completion"):
        assert f"    {verb}" in shown.stdout
    assert "Exit status:" in shown.stdout
    for code in ("0  done", "1  the workbook could not be used", "2  the input was wrong"):
        assert code in shown.stdout
