"""Keys read at once (a fast typist's burst, keys typed while the app was busy) act in the order typed, each
on what the keys before it left on screen: never a call on the row the list was leaving, never a letter
meant for a form taken as a key."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input
from ui_support import interview_held, running, seed, settle


def read_at_once(app, *keys: str) -> None:
    """The keys as the terminal's reader hands them to the app, one right after the other."""
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(_character_to_key(key) if character else key, character))


async def test_down_then_c_at_once_calls_the_interview_moved_to(db):
    seed(db, [interview_held("Acme"), interview_held("Globex")])
    async with running(db) as pilot:
        first, second = (row.id for row in pilot.app.main.sorted_list)
        assert pilot.app.main.selected == first
        read_at_once(pilot.app, "down", "c")
        await settle(pilot)
        await pilot.pause(0.2)
        call = pilot.app.session.active_call
        assert call is not None and call.interview_id == second


async def test_down_down_then_e_at_once_edits_the_interview_moved_to(db):
    """Not only the keys the app acts on at once: a key answered in turn waits for what the keys before it set
    off (the list tells the screen which interview is selected)."""
    seed(db, [interview_held("Acme"), interview_held("Globex"), interview_held("Initech")])
    async with running(db) as pilot:
        third = pilot.app.main.sorted_list[2]
        read_at_once(pilot.app, "down", "down", "e")
        await settle(pilot)
        await pilot.pause(0.2)
        assert pilot.app.screen.__class__.__name__ == "InterviewForm"
        assert pilot.app.screen.query_one("#f-company", Input).value == third.company


async def test_a_then_a_company_at_once_opens_the_form_with_the_company_typed(db):
    seed(db, [interview_held("Globex")])
    async with running(db) as pilot:
        read_at_once(pilot.app, *"aAcme")
        await settle(pilot)
        await pilot.pause(0.2)
        assert pilot.app.screen.__class__.__name__ == "InterviewForm"
        assert pilot.app.screen.query_one("#f-company", Input).value == "Acme"
        assert pilot.app.session.active_call is None  # the "c" of "Acme" called no one


async def test_a_then_a_company_typed_as_the_app_starts_go_to_the_form(db, monkeypatch):
    """Held until the first frame, then handed on at once: the form still gets every letter."""
    from tui.app import FollowupApp

    mount = FollowupApp.on_mount

    def typed_ahead(self) -> None:
        read_at_once(self, *"aAcme")
        mount(self)

    monkeypatch.setattr(FollowupApp, "on_mount", typed_ahead)
    seed(db, [interview_held("Globex")])
    async with running(db) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        assert pilot.app.screen.__class__.__name__ == "InterviewForm"
        assert pilot.app.screen.query_one("#f-company", Input).value == "Acme"
        assert pilot.app.session.active_call is None


async def test_a_key_waits_no_longer_than_a_moment_for_a_widget_that_never_answers(db, monkeypatch):
    """A widget removed before it answers never says the keys it was given are done: the key after them
    still acts, a moment later."""
    from tui.screens import key_hold
    from tui.widgets.interview_list import InterviewList

    post = InterviewList.post_message

    def deaf(self, message) -> bool:
        return True if isinstance(message, key_hold.Handled) else post(self, message)

    monkeypatch.setattr(InterviewList, "post_message", deaf)
    seed(db, [interview_held("Acme"), interview_held("Globex")])
    async with running(db) as pilot:
        read_at_once(pilot.app, "down", "c")
        await settle(pilot)
        assert pilot.app.session.active_call is None  # waiting
        await pilot.pause(key_hold.WAIT_AT_MOST + 0.3)
        await settle(pilot)
        assert pilot.app.session.active_call is not None


async def test_keys_reach_a_dialog_opened_while_another_screen_is_over_the_rows(db):
    """Only a dialog opened from the rows holds the keys until it shows over them: one opened while help is
    over the rows takes what is typed into it at once, not once it is closed."""
    from tui.dialogs.text_prompt import TextPrompt

    async def flow(app, session) -> str | None:
        return await app.push_screen_wait(TextPrompt("Anything"))

    seed(db, [interview_held("Acme")])
    async with running(db) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = pilot.app.screen
        pilot.app.main._dialog(flow)
        await settle(pilot)
        assert pilot.app.screen is not help_screen
        await pilot.press(*"abc")
        await settle(pilot)
        assert pilot.app.screen.query_one(Input).value == "abc"


async def test_ctrl_e_then_v_at_once_records_a_message_left_and_types_nothing(db):
    """The keys after ctrl+e are for the question it asks: `v` answers it, and is not typed into the notes."""
    from tui.domain.models import Outcome

    seed(db, [interview_held("Acme")])
    async with running(db) as pilot:
        await pilot.press("c")
        await settle(pilot)
        await pilot.press(*"Left word")
        await settle(pilot)
        read_at_once(pilot.app, "ctrl+e", "v")
        await settle(pilot)
        await pilot.pause(0.2)
        await settle(pilot)
        assert pilot.app.session.active_call is None
        [call] = pilot.app.session.calls_for(pilot.app.main.selected)
        assert call.outcome is Outcome.VOICEMAIL_LEFT
        assert call.notes == "Left word"
