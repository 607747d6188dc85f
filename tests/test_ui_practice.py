"""Rehearsing the call in the app (D6), through the pilot at 80x24 and 120x36: a practice run is never
a call, its notes are its own, two runs tick the practice item, the voicemail branch is timed."""

from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import datetime, timedelta

import pytest
from test_call_cockpit import shown
from textual.widgets import Digits, TextArea
from ui_support import FIXED_NOW, running, seed, settle, stored

from tui.domain.models import Interview, Interviewer, Profile, Qualification, RehearsalBranch
from tui.screens.commands import app_commands
from tui.screens.practice import PracticeScreen

pytestmark = pytest.mark.asyncio

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
SAM = Profile(name="Sam Lee", phone="+14155550134", timezone="America/New_York")


def acme() -> Interview:
    return Interview(
        company="Acme",
        role="Product Designer",
        interviewed_at=FIXED_NOW - timedelta(days=1),
        interviewer=Interviewer("Dana Reyes", "Head of Design", phone="+12125550100"),
        qualifications=(Qualification("Led a design system", "consistency across products"),),
        wish_said="my audit work",
        notes="Real notes.",
        id="a1",
    )


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self) -> datetime:
        return self.now


@asynccontextmanager
async def practising(db, size=(120, 36), clock=None):
    """The app on a workbook of one interview."""
    seed(db, [acme()], profile=SAM)
    async with running(db, size, clock=clock) as pilot:
        yield pilot


async def rehearse(pilot, *keys: str) -> None:
    """One run: open practice, press the keys, end it, keep it."""
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PracticeScreen)
    await pilot.press(*keys, "ctrl+e")
    await settle(pilot)
    assert type(pilot.app.screen).__name__ == "SelfCheckDialog"
    await pilot.press("ctrl+s")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
async def test_d6_a_rehearsal_is_no_call_and_leaves_the_next_step(db, size):
    async with practising(db, size) as pilot:
        session = pilot.app.session
        before = session.step("a1")
        await rehearse(pilot, "f6", "f6")
        assert type(pilot.app.screen).__name__ == "MainScreen"
        assert session.calls_for("a1") == [] and session.active_call is None
        assert session.step("a1") == before
    data = stored(db)
    assert data.get("calls", []) == []
    runs = data["interviews"][0]["rehearsals"]
    assert len(runs) == 1 and runs[0]["branch"] == "picked_up"
    assert set(runs[0]["checks"]) == {"points", "timing", "short"}


@pytest.mark.parametrize("size", SIZES)
async def test_d6_practice_notes_are_kept_apart_from_the_call_notes(db, size):
    async with practising(db, size) as pilot:
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(pilot.app.focused, TextArea)
        await pilot.press(*"too fast")
        await pilot.press("ctrl+e")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = stored(db)["interviews"][0]
    assert saved["notes"] == "Real notes."
    assert saved["rehearsals"][0]["notes"] == "too fast"


@pytest.mark.parametrize("size", SIZES)
async def test_d6_two_rehearsals_tick_the_practice_item(db, size):
    async with practising(db, size) as pilot:
        await rehearse(pilot)
        assert not pilot.app.session.interview("a1").ticked("D6")
        await rehearse(pilot, "f5")
        assert pilot.app.session.interview("a1").ticked("D6")
        await pilot.press("2")
        await settle(pilot)
        assert "Practised twice, last on Wed 25 Nov" in str(pilot.app.screen.query_one("#data-D6").render())
    saved = stored(db)["interviews"][0]
    assert saved["checks"]["D6"] is True
    assert [run["branch"] for run in saved["rehearsals"]] == ["picked_up", "voicemail"]


@pytest.mark.parametrize("size", SIZES)
async def test_d6_the_voicemail_branch_shows_the_message_and_its_running_time(db, size):
    clock = Clock()
    async with practising(db, size, clock) as pilot:
        await pilot.press("h")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PracticeScreen) and not screen.query_one("#practice-clock").display
        await pilot.press("f5")
        await settle(pilot)
        assert screen.branch is RehearsalBranch.VOICEMAIL
        assert screen.query_one("#practice-clock").display
        text = shown(pilot)
        assert "this is Sam Lee" in text and "Said aloud: about" in text
        assert "Say first" not in text  # the message alone
        clock.now += timedelta(seconds=41)
        await pilot.pause(1.2)
        assert screen.query_one("#practice-clock", Digits).value == "0:41"
        assert screen.query_one("#practice-clock").has_class("-over")
        await pilot.press("ctrl+e")
        await settle(pilot)
        took = str(pilot.app.screen.query_one("#self-check-took").render())
        assert took.startswith("That took 41 seconds, a little over 30.") and "leaving out" in took
        assert pilot.app.screen.query_one("#check-short").value is False
        await pilot.press("ctrl+s")
        await settle(pilot)
    run = stored(db)["interviews"][0]["rehearsals"][0]
    assert run["branch"] == "voicemail" and run["seconds"] == 41


@pytest.mark.parametrize("size", SIZES)
async def test_d16_talking_points_are_ticked_in_order_with_the_timeline_last(db, size):
    async with practising(db, size) as pilot:
        await pilot.press("h")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PracticeScreen)
        await pilot.press("f6", "f6", "f6")
        assert screen.said == 3
        await pilot.press("ctrl+z")
        assert screen.said == 2
        await pilot.press(*["f6"] * 9)  # more than there are: it stops at the last
        assert screen.said == 5
        text = shown(pilot)
        assert "All said" in text
        assert text.index("Offer") < text.index("When do you expect to make a decision")
        await pilot.press("escape")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "MainScreen"
    assert stored(db)["interviews"][0].get("rehearsals", []) == []  # stopped: nothing kept


async def test_d6_back_from_the_self_check_carries_on_practising(db):
    async with practising(db, (80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PracticeScreen)
        assert isinstance(pilot.app.focused, TextArea)


async def test_d6_practice_and_the_card_are_in_the_palette(db):
    async with practising(db, (120, 36)) as pilot:
        titles = [command.title for command in app_commands(pilot.app, pilot.app.screen)]
        assert "Practise the call (a rehearsal)" in titles and "Role-play card for a friend" in titles
        await pilot.press("h")
        await settle(pilot)
        titles = [command.title for command in app_commands(pilot.app, pilot.app.screen)]
        assert {"Other branch", "Said it", "Done", "Stop"} <= set(titles)


async def test_d6_the_card_key_shows_the_card_and_saves_it_beside_the_workbook(db):
    async with practising(db, (120, 36)) as pilot:
        await pilot.press("f")
        await settle(pilot)
        assert "You are Dana Reyes, Head of Design, at Acme." in shown(pilot)
        await pilot.press("w")
        await settle(pilot)
    card = db.parent / "role-play-card-acme-product-designer.md"
    assert card.read_text(encoding="utf-8").startswith("# Role-play card: Acme – Product Designer")


async def test_d6_the_voicemail_says_its_spoken_length_wherever_it_is_shown(db):
    async with practising(db, (120, 36)) as pilot:
        await pilot.press("s")  # the drafts open on the voicemail
        await settle(pilot)
        length = str(pilot.app.screen.query_one("#draft-length").render())
        assert length.startswith("Said aloud: about ") and "seconds" in length
        await pilot.press("t")
        await settle(pilot)
        assert not pilot.app.screen.query_one("#draft-length").display
        await pilot.press("escape", "c")
        await settle(pilot)
        scripts = pilot.app.main.notes.scripts
        if scripts.shown != "voicemail":
            await pilot.press("f5")
        assert length in scripts.text
        assert pilot.app.session.active_call is not None  # a real call, for contrast
