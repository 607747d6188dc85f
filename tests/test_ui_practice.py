"""Rehearsing the call in the app (D6), through the pilot at 80x24 and 120x36: a practice run is never
a call, its notes are its own, two runs tick the practice item, the voicemail branch is timed."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from test_call_cockpit import shown
from textual.widgets import Digits, TextArea
from ui_support import FIXED_NOW, seed, settle, stored

from tui.app import make_app
from tui.domain.models import Interview, Interviewer, Profile, Qualification, RehearsalBranch
from tui.screens.commands import app_commands
from tui.screens.practice import PracticeScreen
from tui.store import Workbook

pytestmark = pytest.mark.asyncio

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
SAM = Profile(name="Sam Lee", phone="+14155550134", timezone="America/New_York")


def acme() -> Interview:
    return Interview(
        company="Acme",
        role="Product Designer",
        interviewed_at=FIXED_NOW - timedelta(days=1),
        interviewer=Interviewer("Dana Reyes", "Head of Design", phone="+12125550100"),
        qualifications=[Qualification("Led a design system", "consistency across products")],
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


def app_for(db, clock=None):
    seed(db, [acme()], profile=SAM)
    book = Workbook.open(db)
    return make_app(book, clock=clock or (lambda: FIXED_NOW)), book


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
    app, book = app_for(db)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            session = pilot.app.session
            before = session.step("a1")
            await rehearse(pilot, "f6", "f6")
            assert type(pilot.app.screen).__name__ == "MainScreen"
            assert session.calls_for("a1") == [] and session.active_call is None
            assert session.step("a1") == before
            book.flush()
    finally:
        app.finish_work()
        book.close()
    data = stored(db)
    assert data.get("calls", []) == []
    runs = data["interviews"][0]["rehearsals"]
    assert len(runs) == 1 and runs[0]["branch"] == "picked_up"
    assert set(runs[0]["checks"]) == {"points", "timing", "short"}


@pytest.mark.parametrize("size", SIZES)
async def test_d6_practice_notes_are_kept_apart_from_the_call_notes(db, size):
    app, book = app_for(db)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("h")
            await settle(pilot)
            assert isinstance(pilot.app.focused, TextArea)
            await pilot.press(*"too fast")
            await pilot.press("ctrl+e")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            book.flush()
    finally:
        app.finish_work()
        book.close()
    saved = stored(db)["interviews"][0]
    assert saved["notes"] == "Real notes."
    assert saved["rehearsals"][0]["notes"] == "too fast"


@pytest.mark.parametrize("size", SIZES)
async def test_d6_two_rehearsals_tick_the_practice_item(db, size):
    app, book = app_for(db)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await rehearse(pilot)
            assert not pilot.app.session.interview("a1").ticked("D6")
            await rehearse(pilot, "f5")
            assert pilot.app.session.interview("a1").ticked("D6")
            await pilot.press("2")
            await settle(pilot)
            assert "Practised twice, last on Wed 25 Nov" in str(pilot.app.screen.query_one("#data-D6").render())
            book.flush()
    finally:
        app.finish_work()
        book.close()
    saved = stored(db)["interviews"][0]
    assert saved["checks"]["D6"] is True
    assert [run["branch"] for run in saved["rehearsals"]] == ["picked_up", "voicemail"]


@pytest.mark.parametrize("size", SIZES)
async def test_d6_the_voicemail_branch_shows_the_message_and_its_running_time(db, size):
    clock = Clock()
    app, book = app_for(db, clock)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
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
            book.flush()
    finally:
        app.finish_work()
        book.close()
    run = stored(db)["interviews"][0]["rehearsals"][0]
    assert run["branch"] == "voicemail" and run["seconds"] == 41


@pytest.mark.parametrize("size", SIZES)
async def test_d16_talking_points_are_ticked_in_order_with_the_timeline_last(db, size):
    app, book = app_for(db)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
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
            book.flush()
    finally:
        app.finish_work()
        book.close()
    assert stored(db)["interviews"][0].get("rehearsals", []) == []  # stopped: nothing kept


async def test_d6_back_from_the_self_check_carries_on_practising(db):
    app, book = app_for(db)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("h")
            await settle(pilot)
            await pilot.press("ctrl+e")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(pilot.app.screen, PracticeScreen)
            assert isinstance(pilot.app.focused, TextArea)
    finally:
        app.finish_work()
        book.close()


async def test_d6_practice_and_the_card_are_in_the_palette(db):
    app, book = app_for(db)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            titles = [command.title for command in app_commands(pilot.app, pilot.app.screen)]
            assert "Practise the call (a rehearsal)" in titles and "Role-play card for a friend" in titles
            await pilot.press("h")
            await settle(pilot)
            titles = [command.title for command in app_commands(pilot.app, pilot.app.screen)]
            assert {"Other branch", "Said it", "Done", "Stop"} <= set(titles)
    finally:
        app.finish_work()
        book.close()


async def test_d6_the_card_key_shows_the_card_and_saves_it_beside_the_workbook(db):
    app, book = app_for(db)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("f")
            await settle(pilot)
            assert "You are Dana Reyes, Head of Design, at Acme." in shown(pilot)
            await pilot.press("w")
            await settle(pilot)
    finally:
        app.finish_work()
        book.close()
    card = db.parent / "role-play-card-acme-product-designer.md"
    assert card.read_text(encoding="utf-8").startswith("# Role-play card: Acme – Product Designer")
