"""Bad input wherever input enters, one row each with the clear message it must get; after each,
the file is byte-for-byte unchanged. Accepted-but-hard input (1 MB paste, RTL and emoji, escape
sequences in stored text) is checked to be kept whole and shown safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_faults_disk import type_notes, until
from test_ui_flows import acme, fill
from ui_support import running, seed, stored

from tui.cli import main
from tui.dialogs.text_prompt import TextPrompt
from tui.domain.models import ChecklistItem
from tui.widgets.checklist import Checklist

NOW = "2026-11-26T10:00:00-05:00"
A = ["add", "--company", "Acme", "--role", "Designer"]

#: (argv after `followup --db DB`, words the message must contain)
CLI = [
    (["add", "--company", "", "--role", "Designer"], "--company: The company is required"),
    (["add", "--company", "   ", "--role", "Designer"], "--company: The company is required"),
    (["add", "--company", "Acme", "--role", "\t "], "--role"),
    (["add", "--company", "Acme", "--role", "\u3000"], "--role"),
    ([*A, "--phone", "555-CALL-NOW"], "has letters in it"),
    ([*A, "--phone", "12"], "--phone"),
    ([*A, "--phone", "123456"], "has 6 digits"),
    ([*A, "--phone", "+"], "--phone"),
    ([*A, "--when", "31 Feb 3pm"], "not a real date"),
    ([*A, "--when", "30 Feb"], "not a real date"),
    ([*A, "--when", "25:00"], "not a real time of day"),
    ([*A, "--when", "yesterday 14:75"], "--when"),
    ([*A, "--when", "1 Jan 1850"], "more than 5 years away"),
    ([*A, "--when", "1 Jan 2999"], "--when"),
    ([*A, "--when", "someday"], "--when"),
    ([*A, "--tz", "Mars/Olympus"], "time zone"),
    ([*A, "--email", "nope"], "not an email"),
    ([*A, "--round", "0"], "--round: The round is a whole number from 1 to 99."),
    ([*A, "--round", "-3"], "--round: The round is a whole number from 1 to 99."),
    ([*A, "--resume", "/no/such/resume.pdf"], "There is no file at /no/such/resume.pdf"),
    ([*A, "--resume", "/tmp"], "/tmp is a folder"),
    (["add", "--company", "Evil\x1b[2J\x1b]0;pwned\x07", "--role", "Designer"], "control character (U+001B)"),
    (["add", "--company", "Acme", "--role", "Bell\x07"], "control character (U+0007)"),
    (["add", "--company", "Acme\nCorp", "--role", "Designer"], "--company: Contains a line break (U+000A)"),
    ([*A, "--interviewer", "Dana\x00"], "control character (U+0000)"),
    ([*A, "--title", "Head\x9b31m"], "control character (U+009B)"),
    (["log-call", "IDPREFIX", "--outcome", "teleported"], "teleported"),
    (["log-call", "IDPREFIX", "--outcome", ""], "--outcome"),
    (["log-call", "IDPREFIX", "--outcome", "busy", "--at", "31 Feb 9am"], "not a real date"),
    (["log-call", "IDPREFIX", "--outcome", "busy", "--at", "25:00"], "not a real time of day"),
    (["log-call", "IDPREFIX", "--outcome", "busy", "--minutes", "-5"], "--minutes"),
    (["log-call", "zzzz", "--outcome", "busy"], "No interview has an id starting with"),
    (["profile", "--phone", "call me maybe"], "has letters in it"),
    (["profile", "--tz", "Nowhere/City"], "time zone"),
    (["import", "/no/such/file.csv"], "/no/such/file.csv"),
]


@pytest.fixture
def book_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setenv("FOLLOWUP_NOW", NOW)
    path = tmp_path / "wb.json"
    interview = acme()
    seed(path, [interview])
    return path, interview.id[:8]


@pytest.mark.parametrize(("argv", "message"), CLI, ids=[f"{i:02d}-{c[0][0]}" for i, c in enumerate(CLI)])
def test_cli_refuses_with_a_clear_message_and_writes_nothing(book_file, capsys, argv, message):
    path, short = book_file
    before = path.read_bytes()
    argv = [short if arg == "IDPREFIX" else arg for arg in argv]
    try:
        status = main(["--db", str(path), *argv])
    except SystemExit as exit_:  # argparse's own refusals
        status = exit_.code
    err = capsys.readouterr().err
    assert status in (1, 2)
    assert message in err, err
    assert "\x1b" not in err.replace("\x1b[2J", "") or "control character" in err
    assert path.read_bytes() == before


#: (form field, typed, message under it) for the interview form in the app.
FORM = [
    ("f-company", "   ", "The company is required; type its name."),
    ("f-role", "", "The role is required; type the job title you interviewed for."),
    ("f-interviewer_phone", "555-CALL-NOW", "has letters in it"),
    ("f-interviewer_phone", "12", "digits"),
    ("f-interviewer_tz", "Mars/Olympus", "is not a time zone I know"),
    ("f-interviewer_email", "dana at acme", "is not an email address"),
    ("f-round", "two", "The round is a whole number from 1 to 99."),
    ("f-resume_path", "/tmp", "/tmp is a folder"),
    ("f-resume_path", "/no/such/cv.pdf", "There is no file at"),
    ("f-company", "Acme\x1b[31m", "control character (U+001B)"),
    ("f-interviewer_name", "Dana\x07", "control character (U+0007)"),
]


@pytest.mark.parametrize(("field", "typed", "message"), FORM, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(FORM)])
async def test_the_form_explains_beside_the_field_and_saves_nothing(db, field, typed, message):
    seed(db, [acme()])
    before = db.read_bytes()
    async with running(db) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, f"#{field}", typed)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = str(pilot.app.screen.query_one(f"#{field}-error").render())
        assert message in shown
        await pilot.press("escape")
        await pilot.pause()
    assert stored(db)["interviews"] == [dict(d) for d in _docs(before)]


def _docs(raw: bytes) -> list[dict]:
    import orjson

    return list(orjson.loads(raw)["interviews"].values())


#: (name typed into the checklist editor, message) with "Charge the phone" already on the list.
ITEMS = [
    ("charge the phone", "“charge the phone” is already on the checklist"),
    ("  Charge the phone  ", "already on the checklist"),
    ("   ", "Type a name"),
    ("Tea\x1b]0;x\x07", "control character (U+001B)"),
]


@pytest.mark.parametrize(("typed", "message"), ITEMS)
async def test_the_checklist_editor_refuses_in_place(db, typed, message):
    seed(db, [acme(custom_items=(ChecklistItem("Charge the phone"),))])
    before = stored(db)["interviews"]
    async with running(db) as pilot:
        pilot.app.screen.query_one(Checklist).post_message(Checklist.Asked("add_item", pilot.app.main.selected))
        await until(pilot, lambda: isinstance(pilot.app.screen, TextPrompt), "the editor open")
        await fill(pilot, "#prompt-input", typed)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TextPrompt), "a bad name was accepted"
        assert message in str(pilot.app.screen.query_one("#prompt-error").render())
        await pilot.press("escape")
        await pilot.pause()
    assert stored(db)["interviews"] == before


async def test_a_1_mb_paste_into_the_notes_is_kept_whole(db):
    seed(db, [acme()])
    big = ("Line of notes with ünïcode, עברית and 🎉. " * 24 + "\n") * 1000
    assert len(big.encode()) > 1_000_000
    async with running(db) as pilot:
        await pilot.press("3")
        await type_notes(pilot, big)
        await until(pilot, lambda: not pilot.app.workbook.dirty, "the paste saved")
    assert stored(db)["interviews"][0]["notes"] == big


RTL_EMOJI = "שלום مرحبا 👩🏽‍💻 🇺🇦"


def test_rtl_and_emoji_are_accepted_in_every_text_field_and_kept(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FOLLOWUP_NOW", NOW)
    path = tmp_path / "wb.json"
    fields = {"--company": "company", "--role": "role", "--wish": "wish_said", "--notes": "notes"}
    argv = ["add", "--interviewer", RTL_EMOJI, "--title", RTL_EMOJI]
    for option in fields:
        argv += [option, f"{option} {RTL_EMOJI}"]
    assert main(["--db", str(path), *argv]) == 0
    (doc,) = stored(path)["interviews"]
    for option, key in fields.items():
        assert doc[key] == f"{option} {RTL_EMOJI}"
    assert doc["interviewer"]["name"] == RTL_EMOJI and doc["interviewer"]["title"] == RTL_EMOJI


async def test_escape_sequences_already_in_the_file_never_reach_the_terminal_raw(db):
    """A record written before the checks (or by another tool) is shown, not obeyed."""
    seed(db, [acme(company="Evil\x1b]0;pwned\x07\x1b[2J Corp", role="R\x1b[31mole")])
    async with running(db) as pilot:
        await pilot.pause()
        lines = pilot.app.screen._compositor.render_update(full=True)  # the bytes headed for the terminal
        out = "".join(segment.text for strip in getattr(lines, "strips", []) for segment in strip)
        assert "Corp" in out or "Evil" in out
        assert "pwned\x07" not in out and "\x1b]0;" not in out and "\x1b[2J" not in out


async def test_a_very_long_company_name_keeps_the_list_aligned(db):
    from rich.cells import cell_len

    seed(db, [acme(company="Very Long Company Name " * 20), acme(company="Ox")])
    async with running(db) as pilot:
        lines = pilot.app.screen._compositor.render_update(full=True)
        rows = ["".join(s.text for s in strip) for strip in getattr(lines, "strips", [])]
        assert all(cell_len(row) == 120 for row in rows)
        listed = [row for row in rows if "ago" in row]
        assert len(listed) >= 2
        ends = {row.index("ago") for row in listed}
        assert len(ends) == 1, "the 'when' column moved with the long name"


#: (a csv row after the header, words the message must contain): import applies the form's checks.
IMPORTS = [
    ('"Evil\x1b[2J",Designer,Dana,', "line 2: company: Contains a control character (U+001B)"),
    ("Acme,Designer,Dana\x07,", "line 2: interviewer_name: Contains a control character (U+0007)"),
    ("Acme,Designer,Dana,555-CALL-NOW", "line 2"),
    (",Designer,Dana,", "line 2"),
    ('Acme,"Designer\x9b31m",Dana,', "line 2: role: Contains a control character (U+009B)"),
]


@pytest.mark.parametrize(("row", "message"), IMPORTS, ids=[f"import-{i}" for i in range(len(IMPORTS))])
def test_import_refuses_bad_rows_by_line_and_writes_nothing(book_file, capsys, tmp_path, row, message):
    path, _ = book_file
    before = path.read_bytes()
    source = tmp_path / "in.csv"
    source.write_text(f"company,role,interviewer,interviewer_phone\n{row}\n", encoding="utf-8")
    status = main(["--db", str(path), "import", str(source), "--apply"])
    err = capsys.readouterr().err
    assert status == 2
    assert message in err, err
    assert "\x1b" not in err
    assert path.read_bytes() == before
