"""The app's small hooks for the guidance: the follow-up day asked after unreadable words (D17, D19),
the decision kept by the form (D17), the greeting field (D14) and LinkedIn asked about (D20)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from test_ui_flows import acme as flows_acme
from textual.widgets import Input
from ui_support import running, seed, settle, stored

from tui.domain.models import CallAttempt, Interview, Interviewer, Outcome

pytestmark = pytest.mark.asyncio
NY = ZoneInfo("America/New_York")


def acme(**changes) -> Interview:
    """The flows' interview, with the interviewer's zone known (the guidance speaks of both clocks)."""
    return flows_acme(**{"interviewer_tz": "America/New_York", **changes})


async def say(pilot, text: str) -> None:
    field = pilot.app.screen.query_one(Input)
    field.value = text
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


async def end_with_words(pilot, words: str) -> None:
    await pilot.press("c", "ctrl+e", "s")
    await pilot.pause()
    await say(pilot, words)


async def test_d17_d19_unreadable_words_ask_for_a_follow_up_day_offering_a_week_on(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await end_with_words(pilot, "when the board meets")
        prompt = pilot.app.screen
        assert "“when the board meets” is kept as typed" in str(prompt.query_one(".dialog-title").render())
        assert prompt.query_one(Input).value == "Wed 2 Dec"
        await pilot.press("enter")
        await settle(pilot)
        assert any("as written" in str(n.message) for n in pilot.app._notifications)
    (call,) = stored(db)["calls"]
    (doc,) = stored(db)["interviews"]
    assert doc["decision_text"] == "when the board meets" and doc["decision_expected"] is None
    assert call["follow_up_on"] == "2026-12-02" and call["next_step"] == "Follow up on Wed 2 Dec"


async def test_d19_the_user_may_give_another_day_and_a_bad_one_is_explained(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await end_with_words(pilot, "once references are in")
        await say(pilot, "yesterday")
        assert "in the past" in str(pilot.app.screen.query_one("#prompt-error").render())
        await say(pilot, "in two weeks")
    (call,) = stored(db)["calls"]
    assert call["follow_up_on"] == "2026-12-09"


async def test_d19_escape_takes_the_day_offered_never_a_silent_guess(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await end_with_words(pilot, "after the offsite")
        await pilot.press("escape")
        await settle(pilot)
    (call,) = stored(db)["calls"]
    assert call["follow_up_on"] == "2026-12-02"


async def test_d17_readable_words_ask_nothing_more(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await end_with_words(pilot, "2-3 weeks")
        assert not pilot.app.screen.query(".dialog-title")
    (doc,) = stored(db)["interviews"]
    assert doc["decision_expected"] == "2026-12-16" and doc["decision_text"] == "2-3 weeks"


async def test_d17_the_form_keeps_the_decision_recorded_at_the_call(db):
    """'by Friday' said on Thu 12 Nov meant Fri 13 Nov; saving the form on 19 Nov neither moves nor blocks it."""
    said = datetime(2026, 11, 12, 10, 0, tzinfo=NY)
    iv = acme(interviewed_at=said - timedelta(days=2), decision_expected=date(2026, 11, 13), decision_text="by Friday")
    seed(db, [iv], [CallAttempt(iv.id, said, said + timedelta(minutes=4), Outcome.SPOKE)])
    async with running(db, now=datetime(2026, 11, 19, 10, 0, tzinfo=NY)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert form.query_one("#f-decision_expected", Input).value == "Fri 13 Nov 2026"
        assert "recorded at the call: “by Friday”" in str(form.query_one("#f-decision_expected-parsed").render())
        form.query_one("#f-interviewer_greeting", Input).value = "Ms. Reyes"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not pilot.app.screen.query("#interview-form")
    (doc,) = stored(db)["interviews"]
    assert (doc["decision_expected"], doc["decision_text"]) == ("2026-11-13", "by Friday")
    assert doc["interviewer"]["greet_as"] == "Ms. Reyes"


async def test_d11_the_form_suggests_the_zone_from_the_number(db):
    seed(db, [acme(interviewer=Interviewer("Lee Park"), interviewer_tz="")])
    async with running(db) as pilot:
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#f-interviewer_phone", Input).value = "+1 312 555 0142"
        await pilot.pause()
        assert "From their number: America/Chicago" in str(form.query_one("#f-interviewer_tz-parsed").render())
        form.query_one("#f-interviewer_tz", Input).value = "London"
        await pilot.pause()
        assert "Europe/London" in str(form.query_one("#f-interviewer_tz-parsed").render())
        await pilot.press("ctrl+s")
        await settle(pilot)
    (doc,) = stored(db)["interviews"]
    assert doc["interviewer_tz"] == "Europe/London"


async def test_d20_linkedin_asks_whether_you_were_already_talking_there(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        note = str(pilot.app.screen.query_one("#channel-warning").render())
        assert "already talking there" in note and "Press l again if you were" in note
        await pilot.press("l")
        await pilot.pause()
        await say(pilot, "now")
    (thanks,) = stored(db)["thank_yous"]
    assert thanks["channel"] == "linkedin"
