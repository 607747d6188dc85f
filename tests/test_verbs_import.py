"""`followup import`: dry run by default, all or nothing, bad rows by line, twice adds nothing."""

from __future__ import annotations

import json

from verbs_support import NOW, followup, seed, tables

from tui.domain.models import Channel, ThankYou
from tui.store import Workbook


def _without_stamp(text: str) -> dict:
    document = json.loads(text)
    document.pop("exported_at")
    return document


def test_json_export_then_import_into_an_empty_workbook_gives_the_same_workbook(tmp_path):
    source, target = tmp_path / "source.json", tmp_path / "target.json"
    seeded = seed(source)
    with Workbook.open(source, autosave=False) as book:
        book.save_thank_you(ThankYou(seeded["due"].id, Channel.EMAIL, NOW, note="Short and warm."))
        book.set_setting("theme", "nord")
    exported = followup(source, "export", "--format", "json", "-o", str(tmp_path / "export.json"))
    assert exported.returncode == 0, exported.stderr

    dry = followup(target, "import", str(tmp_path / "export.json"))
    assert dry.returncode == 0, dry.stderr
    assert "Would add 3 interviews, 1 call, 1 thank-you, your profile" in dry.stdout
    assert seeded["due"].id[:8] in dry.stdout and "--apply" in dry.stdout
    assert not target.exists()  # a dry run does not even create the workbook

    applied = followup(target, "import", str(tmp_path / "export.json"), "--apply")
    assert applied.returncode == 0, applied.stderr
    assert applied.stdout.startswith("Added 3 interviews")
    again = followup(target, "export", "--format", "json")
    original = followup(source, "export", "--format", "json")
    assert _without_stamp(again.stdout) == _without_stamp(original.stdout)
    assert tables(target)["settings"] == [{"theme": "nord"}]

    before = target.read_bytes()
    twice = followup(target, "import", str(tmp_path / "export.json"), "--apply")
    assert twice.returncode == 0, twice.stderr
    assert twice.stdout.startswith("Nothing new to add")
    assert target.read_bytes() == before


CSV = (
    "Company,Role,Interviewer,Phone,Interview date,Interviewer TZ,notes\n"
    "Acme,Product Designer,Dana Reyes,212 555 0100,2026-11-25 14:00,America/New_York,\n"
    '"=HYPERLINK(""x"")",Analyst,,,,,"two\nlines"\n'
    "Delta,UX Researcher,Lee Park,,yesterday 11am,,\n"
)


def test_csv_dry_run_writes_nothing_apply_adds_and_twice_adds_nothing(tmp_path):
    db = tmp_path / "wb.json"
    source = tmp_path / "sheet.csv"
    source.write_text(CSV, encoding="utf-8")
    seed(db)  # already holds Acme / Product Designer / Dana Reyes on 25 Nov
    before = db.read_bytes()
    dry = followup(db, "import", str(source))
    assert dry.returncode == 0, dry.stderr
    assert "Would add 2 interviews" in dry.stdout
    assert "skipped line 2: Acme – Product Designer (already in the workbook)" in dry.stdout
    assert db.read_bytes() == before

    applied = followup(db, "import", str(source), "--apply")
    assert applied.returncode == 0, applied.stderr
    docs = {doc["company"]: doc for doc in tables(db)["interviews"]}
    assert len(docs) == 5
    assert docs['=HYPERLINK("x")']["notes"] == "two\nlines"
    assert docs["Delta"]["interviewed_at"] == "2026-11-25T11:00:00-05:00"
    after = db.read_bytes()
    again = followup(db, "import", str(source), "--apply")
    assert again.returncode == 0 and again.stdout.startswith("Nothing new to add")
    assert db.read_bytes() == after


def test_our_own_csv_export_imports_back_with_formulas_restored(tmp_path):
    source, target = tmp_path / "a.json", tmp_path / "b.json"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text('company,role\n"\'=HYPERLINK(""x"")",\'+Lead\n', encoding="utf-8")
    assert followup(source, "import", str(sheet), "--apply").returncode == 0
    exported = followup(source, "export", "--format", "csv", "-o", str(tmp_path / "out.csv"))
    assert exported.returncode == 0
    assert followup(target, "import", str(tmp_path / "out.csv"), "--apply").returncode == 0
    (doc,) = tables(target)["interviews"]
    assert (doc["company"], doc["role"]) == ('=HYPERLINK("x")', "+Lead")


def test_every_bad_csv_row_is_reported_by_line_and_nothing_is_written(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    before = db.read_bytes()
    source = tmp_path / "bad.csv"
    source.write_text(
        "company,role,phone,when,tz,round\n"
        "Good Co,Engineer,,,,\n"  # line 2: fine, but must not be written either
        ",Designer,,,,\n"  # line 3
        'Quoted,"multi\nline role",12,,,\n'  # lines 4-5: the phone is bad; reported at line 4
        "Dates Inc,Analyst,,31 Feb 3pm,,\n"  # line 6
        "Zones Ltd,Analyst,,,Mars/Base,\n"  # line 7
        "Rounds,Analyst,,,,two\n",  # line 8
        encoding="utf-8",
    )
    result = followup(db, "import", str(source), "--apply")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if " line " in line]
    assert [line.split(":")[0] for line in lines] == [f"{source} line {n}" for n in (3, 4, 6, 7, 8)]
    assert "company" in lines[0] and "interviewer_phone" in lines[1] and "not a real date" in lines[2]
    assert "time zone" in lines[3] and "round" in lines[4]
    assert "Nothing was imported" in result.stderr
    assert db.read_bytes() == before


def test_bad_json_records_are_reported_by_line(tmp_path):
    db = tmp_path / "wb.json"
    good = followup(tmp_path / "src.json", "add", "--company", "Acme", "--role", "Designer")
    interview_id = tables(tmp_path / "src.json")["interviews"][0]["id"]
    assert good.returncode == 0
    source = tmp_path / "bad.json"
    source.write_text(
        "{\n"
        '  "format": "followup-workbook",\n'
        '  "version": 1,\n'
        '  "interviews": [\n'
        f'    {{"id": "{interview_id}", "company": "Acme", "role": "Designer"}},\n'  # line 5
        '    {"id": "x2", "company": "", "role": "Designer"},\n'  # line 6
        '    {"id": "x3", "company": "B", "role": "R", "interviewed_at": "last week"}\n'  # line 7
        "  ],\n"
        '  "calls": [\n'
        f'    {{"id": "c1", "interview_id": "{interview_id}", "started_at": "2026-11-25T09:00:00-05:00", "outcome": "ghosted"}},\n'  # line 10
        '    {"id": "c2", "interview_id": "nobody", "started_at": "2026-11-25T09:00:00-05:00"}\n'  # line 11
        "  ]\n"
        "}\n",
        encoding="utf-8",
    )
    result = followup(db, "import", str(source), "--apply")
    assert result.returncode == 2
    reported = {int(line.split(" line ")[1].split(":")[0]) for line in result.stderr.splitlines() if " line " in line}
    assert reported == {6, 7, 10, 11}
    assert "company" in result.stderr and "ghosted" in result.stderr and "nobody" in result.stderr
    assert tables(db).get("interviews", []) == []
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "followup-workbook",\n "interviews": [\n  {"id": 1,\n', encoding="utf-8")
    result = followup(db, "import", str(broken))
    assert result.returncode == 2 and "line 4" in result.stderr and "not valid JSON" in result.stderr


def test_a_csv_import_reads_numbers_and_dates_as_the_users_profile_says(tmp_path):
    """A London profile that writes dates day first: a national UK number and 3/11 are read so."""
    db = tmp_path / "wb.json"
    done = followup(db, "profile", "--tz", "Europe/London", "--day-first")
    assert done.returncode == 0, done.stderr
    sheet = tmp_path / "in.csv"
    sheet.write_text(
        "company,role,interviewer_phone,interviewed_at\nAcme,Designer,020 7946 0958,3/11/2026 14:00\n",
        encoding="utf-8",
    )
    done = followup(db, "import", str(sheet), "--apply")
    assert done.returncode == 0, done.stderr
    (interview,) = tables(db)["interviews"]
    assert interview["interviewer"]["phone"] == "+442079460958"
    assert interview["interviewed_at"].startswith("2026-11-03")
