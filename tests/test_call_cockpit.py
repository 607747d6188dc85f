"""The two minutes of a call, through the pilot: nothing trips a nervous caller at 80x24 or 120x36.

Typing goes after what is there; keys that cannot be typed leave the editor and switch panes; the
voicemail is whole on screen; quitting mid-call asks; a logged call can be corrected or deleted; a
call cut off by a crash is asked about once."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from test_ui_flows import acme, calls, fill, type_text
from textual.widgets import Select, TextArea
from ui_support import FIXED_NOW, running, seed, settle, stored

from tui.domain.models import CallAttempt, Outcome, Profile, Qualification
from tui.widgets.call_history import CallHistory
from tui.widgets.interview_list import InterviewList

pytestmark = pytest.mark.asyncio

ROBIN = Profile(name="Robin Castellano", phone="+12125550147", timezone="America/New_York")


def shown(pilot) -> str:
    """Every character on screen now."""
    lines = pilot.app.screen._compositor.render_update(full=True)
    return "\n".join("".join(segment.text for segment in strip) for strip in getattr(lines, "strips", []))


def screen_name(pilot) -> str:
    return type(pilot.app.screen).__name__


async def test_typing_goes_after_the_notes_already_there(db):
    seed(db, [acme(notes="Panel of three.")])
    async with running(db) as pilot:
        await pilot.press("3")
        await type_text(pilot, " ok")
        await settle(pilot)
        pilot.app.workbook.flush()
    assert stored(db)["interviews"][0]["notes"] == "Panel of three. ok"


async def test_a_resumed_call_carries_on_where_it_stopped(db):
    interview = acme()
    seed(db, [interview], [CallAttempt(interview.id, FIXED_NOW - timedelta(minutes=2), notes="half way")])
    async with running(db) as pilot:
        assert screen_name(pilot) == "InterruptedCallDialog"
        await pilot.press("down", "enter")
        await settle(pilot)
        await type_text(pilot, " on")
        await settle(pilot)
        pilot.app.workbook.flush()
    (call,) = calls(db)
    assert call["notes"] == "half way on"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_inside_the_editor_digits_are_text_and_esc_and_function_keys_still_work(db, size):
    seed(db, [acme()])
    async with running(db, size=size) as pilot:
        await pilot.press("3")
        assert isinstance(pilot.app.focused, TextArea)
        offered = {b.binding.description for b in pilot.app.screen.active_bindings.values() if b.enabled}
        assert {"Leave notes", "List", "Checklist"} <= offered
        assert "Add" not in offered  # `a` is text here
        await type_text(pilot, "1 2 3 t?")
        assert pilot.app.focused.text == "1 2 3 t?"
        await pilot.press("f3")
        assert pilot.app.focused.id == "item-D1"
        await pilot.press("3")
        await pilot.press("escape")
        assert isinstance(pilot.app.focused, InterviewList)


async def test_the_footer_shows_what_works_inside_the_editor(db):
    seed(db, [acme()])
    async with running(db, size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        footer = shown(pilot).splitlines()[-1]
        assert "Leave notes" in footer and "f2" in footer
        assert "Add" not in footer  # `a` is text here, so it is not on offer


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (119, 30)], ids=["80x24", "100x30", "119x30"])
async def test_between_80_and_119_columns_two_panes_show(db, size):
    seed(db, [acme()])
    async with running(db, size=size) as pilot:
        screen = pilot.app.screen
        visible = {name for name in ("list-pane", "checklist", "notes-pane") if screen.query_one(f"#{name}").display}
        assert visible == {"list-pane", "checklist"}
        await pilot.press("3")
        await pilot.pause()
        visible = {name for name in ("list-pane", "checklist", "notes-pane") if screen.query_one(f"#{name}").display}
        assert visible == {"list-pane", "notes-pane"}


async def test_below_80_columns_one_pane_shows(db):
    seed(db, [acme()])
    async with running(db, size=(70, 24)) as pilot:
        screen = pilot.app.screen
        assert [n for n in ("list-pane", "checklist", "notes-pane") if screen.query_one(f"#{n}").display] == [
            "list-pane"
        ]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_during_a_call_the_whole_voicemail_and_the_opening_line_are_on_screen(db, size):
    seed(db, [acme(qualifications=(Qualification("8 years of UX research", "run studies alone"),))], profile=ROBIN)
    async with running(db, size=size) as pilot:
        await pilot.press("c")
        await settle(pilot)
        text = shown(pilot)
        assert "Say first:" in text and "Robin Castellano" in text and "Product Designer role" in text
        await pilot.press("f5")
        await pilot.pause()
        box = pilot.app.screen.query_one("#script-box")
        assert box.max_scroll_y == 0, "the voicemail does not fit"
        flat = " ".join(shown(pilot).split())
        assert "(212) 555-0147" in flat  # the last sentence: the number to call back
        assert "no message is needed" in flat  # the first try (D12)
        await pilot.press("f5", "ctrl+down")  # back to the talking points, scrolled by a key that is not text
        assert isinstance(pilot.app.focused, TextArea)


async def test_no_rule_codes_on_the_main_screen_the_help_or_the_call(db):
    seed(db, [acme()])
    async with running(db, size=(120, 36)) as pilot:
        assert not re.search(r"\bD\d{1,2}\b", shown(pilot))
        await pilot.press("f1")
        await pilot.pause()
        assert not re.search(r"\bD\d{1,2}\b", shown(pilot))
        await pilot.press("escape", "c")
        await settle(pilot)
        assert not re.search(r"\bD\d{1,2}\b", shown(pilot))


async def test_quitting_mid_call_asks_once_and_records_the_attempt(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("c")
        await type_text(pilot, "hi")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert screen_name(pilot) == "ConfirmDialog"
        await pilot.press("n")
        await settle(pilot)
        assert pilot.app.screen.in_call and isinstance(pilot.app.focused, TextArea)
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("y")
        await pilot.pause()
    (call,) = calls(db)
    assert call["ended_at"] is not None and call["outcome"] is None and call["notes"] == "hi"


async def _history(pilot) -> CallHistory:
    history = pilot.app.screen.query_one(CallHistory)
    history.focus()
    history.highlighted = next(i for i, option in enumerate(history.options) if option.id)
    await pilot.pause()
    return history


async def test_a_logged_call_is_corrected_and_the_next_step_follows(db):
    interview = acme()
    started = FIXED_NOW - timedelta(hours=1)
    call = CallAttempt(interview.id, started, started + timedelta(minutes=1), Outcome.NO_ANSWER)
    seed(db, [interview], [call])
    async with running(db) as pilot:
        assert "Call, leave a message" in shown(pilot)
        await _history(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(pilot) == "CorrectCallDialog"
        pilot.app.screen.query_one("#c-outcome", Select).value = Outcome.VOICEMAIL_LEFT.value
        await fill(pilot, "#c-minutes", "2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Wait" in shown(pilot)  # a message was left: the next step is to wait
        pilot.app.workbook.flush()
    (saved,) = calls(db)
    assert saved["outcome"] == "voicemail_left"
    assert saved["ended_at"] == (started + timedelta(minutes=2)).isoformat()


async def test_a_call_logged_by_mistake_is_deleted_after_asking(db):
    interview = acme()
    started = FIXED_NOW - timedelta(hours=1)
    seed(db, [interview], [CallAttempt(interview.id, started, started + timedelta(minutes=1), Outcome.BUSY)])
    async with running(db) as pilot:
        await _history(pilot)
        await pilot.press("delete")
        await settle(pilot)
        assert screen_name(pilot) == "ConfirmDialog"
        await pilot.press("y")
        await settle(pilot)
        assert "No calls yet" in shown(pilot)
        pilot.app.workbook.flush()
    assert calls(db) == []


async def test_a_call_cut_off_is_asked_about_once_and_recorded(db):
    interview = acme()
    started = FIXED_NOW - timedelta(minutes=20)
    seed(db, [interview], [CallAttempt(interview.id, started, started + timedelta(minutes=3))])  # ended by SIGTERM
    async with running(db) as pilot:
        assert screen_name(pilot) == "InterruptedCallDialog"
        assert "ended, outcome not recorded" in shown(pilot)
        await pilot.press("down", "down", "down", "enter")  # carry on, no answer, voicemail left
        await settle(pilot)
        assert screen_name(pilot) == "MainScreen"
    (call,) = calls(db)
    assert call["outcome"] == "voicemail_left"
    async with running(db) as pilot:
        assert screen_name(pilot) == "MainScreen"  # asked once


async def test_escape_closes_the_qualifications_editor(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("2", "k")
        await settle(pilot)
        assert pilot.app.screen.query("QualificationsEditor")
        await pilot.press("escape")
        await settle(pilot)
        assert not pilot.app.screen.query("QualificationsEditor")
        assert pilot.app.focused.id == "item-D4"


async def test_the_form_says_what_is_wrong_on_leaving_a_field_and_its_summary_follows(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("e")
        await settle(pilot)
        await fill(pilot, "#f-interviewer_phone", "12")
        await pilot.press("tab")
        await pilot.pause()
        assert "digits" in str(pilot.app.screen.query_one("#f-interviewer_phone-error").render())
        await fill(pilot, "#f-round", "two")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "2 fields to fix" in str(pilot.app.screen.query_one("#form-summary").render())
        await fill(pilot, "#f-round", "2")
        await pilot.pause()
        assert "1 field to fix" in str(pilot.app.screen.query_one("#form-summary").render())
        await fill(pilot, "#f-interviewed_at", "31 Feb 3pm")
        await pilot.pause()
        reading = str(pilot.app.screen.query_one("#f-interviewed_at-parsed").render())
        assert reading.startswith("“31 Feb 3pm” is not a real date")


async def test_the_form_says_on_whose_clock_it_reads_the_interview_time(db):
    seed(db)
    async with running(db) as pilot:
        await pilot.press("a")
        await settle(pilot)
        await fill(pilot, "#f-interviewed_at", "yesterday 2pm")
        reading = str(pilot.app.screen.query_one("#f-interviewed_at-parsed").render())
        assert "14:00 your time (America/New_York)" in reading


async def test_after_archiving_with_a_filter_the_next_key_is_not_typed_into_the_filter(db):
    seed(db, [acme(), acme(company="Globex")])
    async with running(db) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "acme")
        await pilot.press("enter", "x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(pilot.app.focused, InterviewList)
        filter_box = pilot.app.screen.query_one("#filter")
        await pilot.press("v")
        await settle(pilot)
        assert filter_box.value == "acme" and pilot.app.screen.show_archived


async def test_after_a_restore_the_footer_offers_archive_again(db):
    seed(db, [acme(archived=True)])
    async with running(db) as pilot:
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        footer = shown(pilot).splitlines()[-1]
        assert "Archive" in footer and "Restore" not in footer


async def test_fast_keys_never_raise(db):
    seed(db, [acme()])
    for keys in (("q", "e"), ("c", "q"), ("c", "e"), ("x", "q"), ("e", "q"), ("slash", "q", "escape", "q")):
        async with running(db) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
    assert len(stored(db)["interviews"]) == 1


async def test_a_copied_draft_says_where_it_went(db, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # no clipboard tool on this machine
    seed(db, [acme()], profile=ROBIN)
    async with running(db) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("y")
        await pilot.pause()
        said = [notification.message for notification in pilot.app._notifications]
        assert any("terminal's clipboard" in message for message in said)
        assert not any(message.startswith("Copied") for message in said)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
async def test_pane_keys_in_one_burst_after_a_new_selection_end_where_the_last_one_says(db, size):
    """2 then 3 then typing, read in one go while the checklist is still being rebuilt for the
    interview just selected: the focus and the pane in front follow the last key, and the text
    goes into that interview's notes."""
    from textual import events

    seed(db, [acme(notes="First."), acme(company="Birchwood", notes="Second.")])
    async with running(db, size=size) as pilot:
        screen = pilot.app.screen
        rows = screen.query_one(InterviewList).rows
        (index,) = [i for i, row in enumerate(rows) if row.interview.id != screen.selected]
        screen.query_one(InterviewList).cursor = index
        screen.selected = rows[index].interview.id  # as the list does a moment later: the checklist starts rebuilding
        for key in ("2", "3", "x"):
            pilot.app.post_message(events.Key(key, key))
        await settle(pilot)
        await pilot.pause(0.2)
        assert isinstance(screen.focused, TextArea), f"the focus ended on {screen.focused!r}"
        assert screen.query_one("#panes").front == "notes-pane"
        selected = screen.selected
        pilot.app.workbook.flush()
    notes = {doc["id"]: doc["notes"] for doc in stored(db)["interviews"]}
    assert notes.pop(selected).endswith(".x"), "the typing went into another interview's notes"
    assert not next(iter(notes.values())).endswith("x")


async def test_what_was_typed_just_before_another_interview_is_shown_stays_with_its_own(db):
    """Keys read by the editor before a new selection arrives (its change not yet handed up) are
    saved to the interview they were typed for, not dropped and not given to the new one."""
    seed(db, [acme(notes="First."), acme(company="Birchwood", notes="Second.")])
    async with running(db) as pilot:
        await pilot.press("3")
        screen = pilot.app.screen
        typed_for = screen.selected
        rows = screen.query_one(InterviewList).rows
        (index,) = [i for i, row in enumerate(rows) if row.interview.id != typed_for]
        screen.notes.editor.insert("ok")  # read by the editor; its change is still on its way up
        screen.query_one(InterviewList).cursor = index
        screen.selected = rows[index].interview.id
        await settle(pilot)
        await pilot.pause(0.2)
        pilot.app.workbook.flush()
    notes = {doc["id"]: doc["notes"] for doc in stored(db)["interviews"]}
    assert notes.pop(typed_for).endswith(".ok")
    assert not next(iter(notes.values())).endswith("ok")


async def test_three_pressed_before_the_records_are_in_still_lands_in_the_notes(db):
    """A key pressed while the workbook is still loading is not lost: the editor takes the focus
    once it can, and what is typed next is notes, never commands."""
    from textual import events

    from tui.app import make_app
    from tui.store import Workbook

    seed(db, [acme(notes="Panel of three.")])
    book = Workbook.open(db)
    app = make_app(book, clock=lambda: FIXED_NOW)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            app.post_message(events.Key("3", "3"))  # before the first frame's work is done
            await settle(pilot)
            assert isinstance(app.screen.focused, TextArea)
            await type_text(pilot, " ok")
            await settle(pilot)
            assert screen_name(pilot) == "MainScreen"
            app.workbook.flush()
            app.finish_work()
    finally:
        book.close()
    assert stored(db)["interviews"][0]["notes"] == "Panel of three. ok"


@pytest.mark.parametrize("size", [(70, 24), (100, 30)], ids=["70x24", "100x30"])
async def test_the_pane_the_focus_moves_into_comes_to_the_front(db, size):
    """Tab or a click into a pane that is hidden or not beside the list brings it forward."""
    seed(db, [acme(notes="First.")])
    async with running(db, size=size) as pilot:
        screen = pilot.app.screen
        panes = screen.query_one("#panes")
        assert panes.front == "list-pane"
        screen.set_focus(screen.notes.editor)  # as a click on the notes does
        await settle(pilot)
        assert panes.front == "notes-pane"
        assert screen.query_one("#notes-pane").has_class("-shown") and screen.query_one("#notes-pane").region
