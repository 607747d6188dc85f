"""The file changed underneath (a sync client, another tool): never overwritten silently; the app
says what happened and offers reload (keeping the notes being typed) or keep mine."""

from __future__ import annotations

import pytest
from test_faults_disk import notes_in_file, type_notes, until
from test_ui_flows import acme
from tinydb import TinyDB
from ui_support import running, seed, stored

from tui.dialogs.file_changed import FileChangedDialog
from tui.widgets.save_warning import SaveWarning


def another_program_renames_the_company(path, company: str) -> None:
    """Plain TinyDB writing in place, as a sync client or a script would."""
    db = TinyDB(path)
    try:
        db.table("interviews").update({"company": company})
    finally:
        db.close()


async def open_dialog(pilot, db, more: str = "more. ") -> bytes:
    """Notes typed and saved, then the file changed underneath, then `more` typed: the question is up.

    Returns the other program's file, as it must stay until the user chooses.
    """
    book = pilot.app.workbook
    await pilot.press("3")
    await type_notes(pilot, "mine. ")
    await until(pilot, lambda: not book.dirty, "the first notes saved")
    another_program_renames_the_company(db, "Acme Holdings")
    theirs = db.read_bytes()
    await type_notes(pilot, more)
    await until(pilot, lambda: isinstance(pilot.app.screen, FileChangedDialog), "the choice offered")
    await pilot.pause()
    return theirs


@pytest.mark.parametrize("choice", ["reload", "mine"])
async def test_a_file_changed_underneath_asks_and_keeps_the_notes(db, choice):
    seed(db, [acme()])
    async with running(db) as pilot:
        app, book = pilot.app, pilot.app.workbook
        theirs = await open_dialog(pilot, db, "typed after their change.")
        assert db.read_bytes() == theirs, "their file was overwritten before the user chose"
        warning = app.screen_stack[-2].query_one(SaveWarning)
        assert warning.display and "changed by another program" in warning.problem
        await pilot.press("ctrl+r" if choice == "reload" else "ctrl+o")
        await until(pilot, lambda: not book.dirty and not warning.display, "saved after the choice")
        (doc,) = stored(db)["interviews"]
        assert doc["notes"] == "mine. typed after their change."
        assert doc["company"] == ("Acme Holdings" if choice == "reload" else "Acme")
        shown = app.screen.query_one("NotesPane").editor.text
        assert shown == "mine. typed after their change."
    assert notes_in_file(db) == "mine. typed after their change."
