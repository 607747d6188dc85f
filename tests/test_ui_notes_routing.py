"""Typed notes always reach the record they were typed for, and the last keystrokes survive quitting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from ui_support import FIXED_NOW, running, seed, settle, stored

from tui.domain.models import Interview, Interviewer
from tui.widgets.notes_pane import NotesPane

pytestmark = pytest.mark.asyncio


def two() -> tuple[Interview, Interview]:
    when = FIXED_NOW - timedelta(days=1)
    return (
        Interview("Acme", "Designer", interviewed_at=when, interviewer=Interviewer(name="Dana"), notes="acme notes"),
        Interview("Globex", "Engineer", interviewed_at=when, interviewer=Interviewer(name="Lee"), notes="globex notes"),
    )


async def test_a_late_change_goes_to_the_interview_it_was_typed_for(db):
    acme, globex = two()
    seed(db, [acme, globex])
    async with running(db) as pilot:
        screen = pilot.app.screen
        screen.open_interview(globex.id)
        await settle(pilot)
        # A keystroke typed for Acme, still on its way when Globex was selected:
        screen.query_one(NotesPane).post_message(NotesPane.NotesTyped("acme notes, typed late", ("interview", acme.id)))
        await settle(pilot)
        pilot.app.workbook.flush()
    notes = {doc["company"]: doc["notes"] for doc in stored(db)["interviews"]}
    assert notes == {"Acme": "acme notes, typed late", "Globex": "globex notes"}


async def test_a_change_for_a_call_that_has_ended_is_not_written_elsewhere(db):
    acme, globex = two()
    seed(db, [acme, globex])
    async with running(db) as pilot:
        screen = pilot.app.screen
        screen.query_one(NotesPane).post_message(NotesPane.NotesTyped("stray", ("call", "no-such-call")))
        await settle(pilot)
        pilot.app.workbook.flush()
    assert sorted(doc["notes"] for doc in stored(db)["interviews"]) == ["acme notes", "globex notes"]
    assert stored(db).get("calls", []) == []


async def test_quitting_keeps_text_whose_change_messages_never_arrived(db):
    acme, _ = two()
    seed(db, [acme])
    async with running(db) as pilot:
        await pilot.press("c")
        await settle(pilot)
        editor = pilot.app.screen.query_one("#notes")
        with editor.prevent(type(editor).Changed):  # as if the last keys' messages were still queued
            editor.load_text("asked about the team size")
        pilot.app.finish_work()
    (call,) = stored(db)["calls"]
    assert call["notes"] == "asked about the team size" and call["ended_at"] is not None


async def test_typing_hands_up_its_text_without_looking_through_the_screen(db, monkeypatch):
    """Each hand-up of typing asks whether the editor is there and what it holds: both are kept, so
    no key looks through the screen's widgets for them."""
    acme, _ = two()
    seed(db, [acme])
    async with running(db) as pilot:
        await pilot.press("3")
        await settle(pilot)
        looked: list[str] = []
        query, query_one = NotesPane.query, NotesPane.query_one
        monkeypatch.setattr(NotesPane, "query", lambda self, *a: looked.append("query") or query(self, *a))
        monkeypatch.setattr(NotesPane, "query_one", lambda self, *a: looked.append("one") or query_one(self, *a))
        for char in "asked":
            await pilot.press(char)
            await pilot.pause(0.15)  # past the hand-up's wait: every key goes up on its own
        await settle(pilot)
        assert pilot.app.session.get(acme.id).notes == "acme notesasked"
        assert looked == []
