"""Pilot tests of every flow, each ending with the file read back by plain TinyDB."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Checkbox, Input, TextArea
from ui_support import FIXED_NOW, running, seed, settle, stored

from tui.domain.models import CallAttempt, Interview, Interviewer, Outcome
from tui.widgets.interview_list import InterviewList

pytestmark = pytest.mark.asyncio


def acme(**changes) -> Interview:
    fields = dict(
        company="Acme",
        role="Product Designer",
        interviewed_at=FIXED_NOW - timedelta(days=1, hours=-5),
        interviewer=Interviewer(name="Dana Reyes", phone="+12025550123"),
    )
    fields.update(changes)
    return Interview(**fields)


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def fill(pilot, selector: str, text: str) -> None:
    """Put text in a form field as a paste would (typing every key is slow under the pilot)."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = text
    await pilot.pause()


def interviews(path) -> list[dict]:
    return stored(path).get("interviews", [])


def calls(path) -> list[dict]:
    return stored(path).get("calls", [])


async def test_add_an_interview_with_a_spoken_date(db):
    seed(db)
    async with running(db) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "#f-company", "Acme")
        await fill(pilot, "#f-role", "Designer")
        await fill(pilot, "#f-interviewed_at", "yesterday 2pm")
        await pilot.pause()
        preview = str(pilot.app.screen.query_one("#f-interviewed_at-parsed").render())
        assert "Tue 24 Nov 2026, 14:00" in preview
        await fill(pilot, "#f-interviewer_phone", "202 555 0123")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen.query_one(InterviewList).highlighted.company == "Acme"
    (doc,) = interviews(db)
    assert doc["company"] == "Acme" and doc["role"] == "Designer"
    assert doc["interviewed_at"] == "2026-11-24T14:00:00-05:00"
    assert doc["interviewer"]["phone"] == "+12025550123"


async def test_bad_input_is_explained_beside_each_field_and_nothing_is_saved(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "#f-company", "")
        await fill(pilot, "#f-interviewed_at", "31 Feb 3pm")
        await fill(pilot, "#f-interviewer_phone", "12")
        await fill(pilot, "#f-round", "zero")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = pilot.app.screen
        assert "company" in str(screen.query_one("#f-company-error").render()).lower()
        assert "not a real date" in str(screen.query_one("#f-interviewed_at-parsed").render())
        assert "phone number" in str(screen.query_one("#f-interviewer_phone-error").render())
        assert "round" in str(screen.query_one("#f-round-error").render())
        assert screen.query_one("#f-interviewed_at", Input).value == "31 Feb 3pm"  # kept as typed
        assert interviews(db)[0]["company"] == "Acme"
        await fill(pilot, "#f-company", "Acme Corp")
        await fill(pilot, "#f-interviewed_at", "Tue 10:30")
        await fill(pilot, "#f-interviewer_phone", "(202) 555-0188")
        await fill(pilot, "#f-round", "2")
        await pilot.press("ctrl+s")
        await settle(pilot)
    (doc,) = interviews(db)
    assert doc["company"] == "Acme Corp"
    assert doc["round"] == 2
    assert doc["interviewed_at"] == "2026-11-24T10:30:00-05:00"
    assert doc["interviewer"]["phone"] == "+12025550188"


async def test_filter_as_you_type_and_escape_clears_it(db):
    seed(db, [acme(), acme(company="Globex", role="Engineer", interviewer=Interviewer(name="Hank Scorpio"))])
    async with running(db) as pilot:
        listing = pilot.app.screen.query_one(InterviewList)
        assert len(listing.rows) == 2
        await pilot.press("slash")
        await type_text(pilot, "scorp")
        await pilot.pause()
        assert [r.interview.company for r in listing.rows] == ["Globex"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(listing.rows) == 2


async def test_the_list_shown_again_fits_its_width_with_no_sideways_scrollbar(db):
    """Rows are cut to the list's width: a sideways scrollbar would only hide the last line."""
    seed(db, [acme(company=f"Company {n:02}") for n in range(30)])
    async with running(db) as pilot:
        listing = pilot.app.screen.query_one(InterviewList)
        assert listing.show_vertical_scrollbar and not listing.show_horizontal_scrollbar
        await pilot.press("slash")
        await type_text(pilot, "1")
        await pilot.press("escape")
        await pilot.pause()
        assert len(listing.rows) == 30
        assert not listing.show_horizontal_scrollbar and listing.scroll_x == 0


@pytest.mark.parametrize("size", [(80, 24), (80, 25), (100, 31)])
async def test_the_list_scrolled_by_its_keys_shows_whole_rows_at_its_top(db, size):
    """Rows are two lines: at any height, moving down, to the end and back up keeps a row's first line
    at the list's top, with the highlighted row whole on screen."""
    seed(db, [acme(company=f"Company {n:02}") for n in range(40)])
    async with running(db, size=size) as pilot:
        listing = pilot.app.screen.query_one(InterviewList)
        height = listing.scrollable_content_region.height

        def whole() -> None:
            top = round(listing.scroll_y)
            assert top % 2 == 0, f"half a row at the top (scrolled {top} lines, {height} high)"
            assert top <= listing.cursor * 2 and listing.cursor * 2 + 2 <= top + height

        for keys in (["down"] * 15, ["end"], ["up"] * 7, ["pagedown"], ["home"]):
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            whole()
        await pilot.press("end")
        await pilot.pause()
        assert listing.scroll_y == listing.max_scroll_y > 0


async def test_ticks_persist_the_moment_they_change(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert pilot.app.focused.id == "item-D1"
        await pilot.press("space")
        await pilot.press("down", "space")
        await settle(pilot)
        pilot.app.workbook.flush()
        assert interviews(db)[0]["checks"] == {"D1": True, "D2": True}
        assert "a quiet, private place, key qualifications listed" in str(pilot.app.screen.query_one("#ready").render())


async def test_custom_item_add_rename_remove(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("2")
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Pen")
        await pilot.press("enter")
        await settle(pilot)
        (item,) = interviews(db)[0]["custom_items"] if pilot.app.workbook.flush() is None else []
        assert item["label"] == "Pen"
        custom = pilot.app.screen.query_one(f"#item-{item['id']}", Checkbox)
        custom.focus()
        await pilot.press("space")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await type_text(pilot, "Pens")
        await pilot.press("enter")
        await settle(pilot)
        pilot.app.workbook.flush()
        (item,) = interviews(db)[0]["custom_items"]
        assert item == {"label": "Pens", "ticked": True, "id": item["id"]}
        pilot.app.screen.query_one(f"#item-{item['id']}", Checkbox).focus()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
    assert interviews(db)[0]["custom_items"] == []


async def test_qualifications_edited_in_place_warn_past_six(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("2")
        await pilot.press("k")
        await pilot.pause()
        await type_text(pilot, "Figma")
        await pilot.press("tab")
        await type_text(pilot, "UX")
        await settle(pilot)
        editor = pilot.app.screen.query_one("QualificationsEditor")
        assert not editor.query_one(".qual-warning").display
        for _ in range(6):
            editor.query_one(".qual-add").press()
            await pilot.pause()
        assert editor.query_one(".qual-warning").display
    (doc,) = interviews(db)
    assert doc["qualifications"] == [{"qualification": "Figma", "employer_need": "UX"}]


async def test_calls_ending_with_each_outcome(db):
    """One session, one call per outcome: each attempt stored with start, end, notes and outcome."""
    seed(db, [acme(checks={"D1": True, "D2": True})])
    from tui.dialogs.outcome import OUTCOME_KEYS

    async with running(db) as pilot:
        for outcome, key in OUTCOME_KEYS.items():
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(pilot.app.focused, TextArea)
            assert "Not ticked yet: a quiet, private place" in str(pilot.app.screen.query_one("#guidance").render())
            await type_text(pilot, key * 2)
            await pilot.press("ctrl+e")
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            if outcome is Outcome.SPOKE:
                await type_text(pilot, "fri")
                await pilot.press("enter")
            await settle(pilot)
            assert not pilot.app.screen.in_call
    stored_calls = {call["outcome"]: call for call in calls(db)}
    assert set(stored_calls) == {outcome.value for outcome in Outcome}
    for outcome, key in OUTCOME_KEYS.items():
        call = stored_calls[outcome.value]
        assert call["notes"] == key * 2
        assert call["started_at"] == call["ended_at"] == FIXED_NOW.isoformat()
    (doc,) = interviews(db)
    assert doc["notes"] == ""
    assert doc["decision_expected"] == "2026-11-27" and doc["decision_text"] == "fri"
    assert stored_calls["spoke"]["next_step"] == "Follow up on Mon 30 Nov"


async def test_escape_in_the_outcome_dialog_goes_back_to_the_call(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("c", "ctrl+e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen.in_call
        assert isinstance(pilot.app.focused, TextArea)


async def test_unreadable_decision_is_kept_as_written(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("c", "ctrl+e", "s")
        await pilot.pause()
        await type_text(pilot, "when the board meets")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")  # the follow-up day offered
        await settle(pilot)
        assert any("as written" in str(n.message) for n in pilot.app._notifications)
    (doc,) = interviews(db)
    assert doc["decision_text"] == "when the board meets" and doc["decision_expected"] is None


async def test_notes_outside_a_call_save_themselves(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("3")
        await type_text(pilot, "Dana")
        await settle(pilot)
    assert interviews(db)[0]["notes"] == "Dana"


async def test_archive_asks_first_and_restore_brings_it_back(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")
        await settle(pilot)
        assert interviews(db)[0]["archived"] is False
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        pilot.app.workbook.flush()
        assert interviews(db)[0]["archived"] is True
        assert pilot.app.screen.query_one(InterviewList).rows == []
        await pilot.press("v")
        await settle(pilot)
        assert pilot.app.screen.current.archived
        await pilot.press("u")
        await settle(pilot)
    assert interviews(db)[0]["archived"] is False


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quitting_mid_call_records_the_attempt_as_ended_then(db, key):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("c")
        await type_text(pilot, "Left")
        await pilot.press("escape")  # out of the notes so q is a key, not a letter
        pilot.app.screen.query_one(InterviewList).disabled = False
        pilot.app.screen.query_one(InterviewList).focus()
        await pilot.press(key)
        await pilot.pause()
    (call,) = calls(db)
    assert call["ended_at"] == FIXED_NOW.isoformat()
    assert call["notes"] == "Left"
    assert call["outcome"] is None


async def test_ctrl_q_while_typing_ends_the_call(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("c")
        await type_text(pilot, "q")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "ConfirmDialog"  # mid-call, quitting asks once
        await pilot.press("y")
        await pilot.pause()
    (call,) = calls(db)
    assert call["notes"] == "q" and call["ended_at"] is not None


async def test_a_call_left_running_is_picked_up_again(db):
    started = FIXED_NOW - timedelta(minutes=3)
    interview = acme()
    seed(db, [interview], [CallAttempt(interview.id, started, notes="half way")])
    async with running(db) as pilot:
        assert pilot.app.screen.__class__.__name__ == "InterruptedCallDialog"
        await pilot.press("h", "i", "enter")  # typed letters (and a stray Enter) choose nothing
        assert pilot.app.screen.__class__.__name__ == "InterruptedCallDialog"
        await pilot.press("down", "enter")  # "Still on the call"
        await settle(pilot)
        assert pilot.app.screen.in_call
        assert pilot.app.screen.query_one("#notes", TextArea).text == "half way"
        assert "3:00" in str(pilot.app.screen.query_one("#notes-pane").border_subtitle)


async def test_first_run_asks_for_the_profile_once(db):
    seed(db, profile_asked=False)
    async with running(db) as pilot:
        assert pilot.app.screen.__class__.__name__ == "ProfileDialog"
        await fill(pilot, "#profile-name", "Sam Lee")
        await fill(pilot, "#profile-phone", "202 555 0199")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert stored(db)["profile"][0]["phone"] == "+12025550199"
    async with running(db) as pilot:
        assert pilot.app.screen.__class__.__name__ == "MainScreen"


async def test_the_first_question_waits_while_a_form_opened_as_the_rows_came_is_in_use(db, monkeypatch):
    """`a` typed as a new workbook's first rows came opens the form to add an interview: the question about
    the profile comes once the form is closed, not over it while the company is typed."""
    from textual import events

    from tui.app import FollowupApp

    mount = FollowupApp.on_mount

    def typed_ahead(self) -> None:
        self.post_message(events.Key("a", "a"))  # as the terminal's reader passes it on
        mount(self)

    monkeypatch.setattr(FollowupApp, "on_mount", typed_ahead)
    seed(db, profile_asked=False)
    async with running(db) as pilot:
        await pilot.press(*"Acme")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "InterviewForm"
        assert pilot.app.screen.query_one("#f-company", Input).value == "Acme"
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "ProfileDialog"


async def test_references_dialog(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("2", "r")
        await pilot.pause()
        await type_text(pilot, "Pat Kim")
        await pilot.press("tab")
        await type_text(pilot, "former manager")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "1 reference" in str(pilot.app.screen.query_one("#data-D2").render())
    assert interviews(db)[0]["references"] == [{"name": "Pat Kim", "relation": "former manager", "contact": ""}]


async def test_an_interview_shown_while_the_app_takes_its_widgets_down_raises_nothing(db):
    """Quitting takes the panes' widgets down while the rows may still move (their order worked out a moment
    before): the interview shown then has its notes and calls put in the pane, with no error on the way out."""
    from tui.widgets.call_history import CallHistory

    seed(db, [acme(), acme(company="Globex")])
    async with running(db) as pilot:
        screen = pilot.app.screen
        history = screen.query_one(CallHistory)
        await history.remove()  # as the app does with every widget once it quits
        screen.selected = next(i.id for i in pilot.app.session.ordered() if i.id != screen.selected)
        await settle(pilot)
        shown = [str(history.get_option_at_index(n).prompt) for n in range(history.option_count)]
        assert any("No calls yet" in line for line in shown), shown
