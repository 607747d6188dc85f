"""The file-changed dialog comes unasked, mid-sentence: no key typed a moment ago may answer it.

Only a ctrl key, or Tab to a button and Enter, chooses; letters typed meanwhile are held back in
view and reach no other form. In a real terminal (tmux) and through the pilot.
"""

from __future__ import annotations

import os
import re
import time

import orjson
import pytest
from terminal_support import needs_tmux, tmux  # noqa: F401  (tmux is a fixture)
from test_faults_changed import open_dialog
from test_faults_disk import until
from test_faults_kill import live_call_workbook
from test_ui_flows import acme
from textual.binding import Binding
from ui_support import running, seed, stored

from tui.dialogs.file_changed import FileChangedDialog
from tui.store import FileGoneError, Workbook
from tui.widgets.notes_pane import NotesPane

#: What the user is typing into the call notes when the dialog pops up: it holds both answers' old keys.
SENTENCE = "pick reload keep"
#: Seconds between keys: slow enough that the dialog comes while the sentence is still being typed.
PACE = 0.25


def replace_like_a_sync_client(path, company: str) -> bytes:
    """Another program writes a new file beside it and renames it over the workbook (as Dropbox does)."""
    tables = orjson.loads(path.read_bytes())
    for doc in tables["interviews"].values():
        doc["company"] = company
    theirs = orjson.dumps(tables)
    temp = path.with_name(".sync-" + path.name)
    temp.write_bytes(theirs)
    os.replace(temp, path)
    return theirs


def call_notes(path, call_id: str) -> str:
    (call,) = [c for c in stored(path)["calls"] if c["id"] == call_id]
    return call["notes"]


@needs_tmux
def test_typing_on_when_the_file_changes_answers_nothing(tmp_path, tmux):  # noqa: F811
    path = tmp_path / "workbook.json"
    call_id = live_call_workbook(path)
    tmux.start("typing", ["--db", str(path)])
    try:
        tmux.carry_on_with_the_call("typing")
        tmux.type("typing", "first words. ")
        deadline = time.monotonic() + 15
        while call_notes(path, call_id) != "first words. ":
            assert time.monotonic() < deadline, "the first words were never saved"
            time.sleep(0.05)
        theirs = replace_like_a_sync_client(path, "Kestrel Holdings")
        for char in SENTENCE:
            tmux.type("typing", char)
            time.sleep(PACE)
        assert path.read_bytes() == theirs, "a typed letter answered the dialog: their file was written over"
        screen = tmux.wait_for("typing", "changed underneath")
        assert path.read_bytes() == theirs
        held = re.search(r"Held back, not typed anywhere: “([^”]*)”", screen)
        assert held and held.group(1), f"the dialog came after the sentence, so it proves nothing:\n{screen}"
        assert SENTENCE.endswith(held.group(1))
        tmux.key("typing", "C-r")
        tmux.wait_for("typing", "Reloaded the file")
        deadline = time.monotonic() + 15
        while "Kestrel Holdings" not in path.read_text() or not call_notes(path, call_id).startswith("first"):
            assert time.monotonic() < deadline, "the reload never reached the file"
            time.sleep(0.05)
        typed_before = call_notes(path, call_id)
        assert typed_before + held.group(1) == "first words. " + SENTENCE, "a letter went missing or astray"
        assert "Kestrel Holdings" in path.read_text()
    finally:
        tmux.kill_session("typing")


#: Keys a typist presses mid-sentence; none of them may answer or leave the dialog.
TYPED = ["r", "k", "y", "n", "q", "question_mark", "space", "enter", "escape", "up", "down", "w"]


@pytest.mark.parametrize("key", TYPED)
async def test_no_key_typed_mid_sentence_answers_the_dialog(db, key):
    seed(db, [acme()])
    async with running(db) as pilot:
        theirs = await open_dialog(pilot, db)
        dialog = pilot.app.screen
        assert pilot.app.focused is None, "a button was focused: Enter or Space would answer"
        await pilot.press(key)
        await pilot.pause(0.6)  # a save, a poll and a reload would all have happened by now
        assert pilot.app.screen is dialog, f"{key!r} closed the dialog"
        assert db.read_bytes() == theirs, f"{key!r} wrote over the other program's file"
        char = {"space": " ", "question_mark": "?"}.get(key, key)
        if len(char) == 1:
            assert dialog.held == char
            assert f"“{char}”" in str(dialog.query_one("#changed-held").render())
        await pilot.press("ctrl+r")
        await until(pilot, lambda: settled(pilot.app), "reloaded")


def settled(app) -> bool:
    """The question answered and what it chose done: nothing left unsaved, no save failing."""
    book = app.workbook
    return not isinstance(app.screen, FileChangedDialog) and not book.dirty and book.save_state.error is None


@pytest.mark.parametrize(("keys", "company"), [(["ctrl+r"], "Acme Holdings"), (["ctrl+o"], "Acme"),
                                               (["tab", "enter"], "Acme Holdings"),
                                               (["tab", "tab", "enter"], "Acme")])  # fmt: skip
async def test_a_deliberate_choice_answers_it(db, keys, company):
    seed(db, [acme()])
    async with running(db) as pilot:
        await open_dialog(pilot, db)
        await pilot.press(*keys)
        await until(pilot, lambda: settled(pilot.app), "saved")
    (doc,) = stored(db)["interviews"]
    assert doc["company"] == company
    assert doc["notes"] == "mine. more. "


def shown(pilot, key: str) -> str:
    """A key as the app writes it (the footer's way: ^r for ctrl+r)."""
    return pilot.app.get_key_display(Binding(key, ""))


def notices(app) -> list[str]:
    """Every notice the app shows from now on, in order."""
    said: list[str] = []
    shown = app.notify

    def notify(message, **kwargs):
        said.append(str(message))
        return shown(message, **kwargs)

    app.notify = notify
    return said


async def test_the_buttons_show_the_keys_and_what_was_held_back_is_said_after(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        said = notices(pilot.app)
        await open_dialog(pilot, db)
        dialog = pilot.app.screen
        labels = [str(button.label) for button in dialog.query("Button")]
        assert labels == [f"Reload, keep my notes ({shown(pilot, 'ctrl+r')})", f"Keep mine ({shown(pilot, 'ctrl+o')})"]
        await pilot.press(*"ck re")
        await pilot.press("ctrl+r")
        await until(pilot, lambda: settled(pilot.app), "reloaded")
        assert any("“ck re”" in message and "held back" in message for message in said), said
        editor = pilot.app.screen.query_one(NotesPane).editor.text
        assert editor == "mine. more. ", "held letters went into the notes behind the user's back"


async def test_deleted_underneath_then_reload_says_it_is_gone_and_writes_it_back(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        said = notices(pilot.app)
        await open_dialog(pilot, db)
        db.unlink()  # the other program now removes the file while the question is open
        await pilot.press("ctrl+r")
        await until(pilot, lambda: any("is gone now" in message for message in said), "told")
        await until(pilot, lambda: isinstance(pilot.app.screen, FileChangedDialog), "asked again")
        await pilot.pause()
        dialog = pilot.app.screen
        assert dialog.gone and "The workbook file is gone" in str(dialog.query_one(".dialog-title").render())
        labels = [str(b.label) for b in dialog.query("Button")]
        assert labels == [f"Write it back ({shown(pilot, 'ctrl+w')})", f"Quit ({shown(pilot, 'ctrl+q')})"]
        await pilot.press("ctrl+r")  # reload means nothing now that there is no file
        await pilot.pause(0.3)
        assert pilot.app.screen is dialog and not db.exists()
        await pilot.press("ctrl+w")
        await until(pilot, lambda: settled(pilot.app), "written back")
    (doc,) = stored(db)["interviews"]
    assert doc["notes"] == "mine. more. "
    assert doc["company"] == "Acme"
    assert any("Wrote everything back" in message for message in said)


def test_reload_of_a_file_that_is_gone_keeps_everything_in_memory(db):
    from tui.session import Session

    seed(db, [acme(notes="kept")])
    book = Workbook.open(db, autosave=False)
    session = Session(book).load()
    (interview,) = session.interviews()
    db.unlink()
    with pytest.raises(FileGoneError, match="deleted or moved away"):
        session.reload(("interview", interview.id), "kept, and typed since")
    assert session.interview(interview.id).notes == "kept"
    session.keep_mine()
    assert stored(db)["interviews"][0]["notes"] == "kept"
    book.close()
