"""The command palette: every action by name, and any interview opened by typing part of it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.command import CommandPalette
from ui_support import FIXED_NOW, running, seed, settle

from tui.domain.models import Interview, Interviewer
from tui.screens.commands import PALETTE_TITLES
from tui.screens.main import MainScreen

pytestmark = pytest.mark.asyncio


def interview(company: str, role: str, person: str = "", **changes) -> Interview:
    return Interview(
        company=company,
        role=role,
        interviewed_at=FIXED_NOW - timedelta(days=1),
        interviewer=Interviewer(name=person),
        **changes,
    )


@pytest.fixture
def three(db):
    seed(
        db,
        [
            interview("Acme", "Product Designer", "Dana Reyes"),
            interview("Globex", "Data Analyst", "Hank Scorpio"),
            interview("Initech", "QA Lead", "Bill Lumbergh", archived=True),
        ],
    )
    return db


async def palette_search(pilot, text: str) -> list[str]:
    """Open the palette, type, and return the commands it offers (plain text)."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    for char in text:
        await pilot.press("space" if char == " " else char)
    await pilot.pause(0.3)
    await settle(pilot)
    options = pilot.app.screen.query_one("CommandList").options
    return [str(option.prompt).split("\n")[0] for option in options]


def current(pilot) -> Interview | None:
    main = pilot.app.main
    assert isinstance(main, MainScreen)
    return main.current


async def test_typing_part_of_a_company_and_enter_opens_that_interview(three):
    async with running(three) as pilot:
        assert current(pilot).company == "Acme"  # the first row, before the palette
        found = await palette_search(pilot, "glob")
        assert found[0] == "Open Globex – Data Analyst"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MainScreen)
        assert current(pilot).company == "Globex"


async def test_the_interviewer_finds_the_interview_too(three):
    async with running(three) as pilot:
        found = await palette_search(pilot, "Scorpio")
        assert "Open Globex – Data Analyst" in found


async def test_an_archived_interview_is_offered_marked_and_opens_with_archived_shown(three):
    async with running(three) as pilot:
        found = await palette_search(pilot, "initech")
        assert found and found[0].startswith("Open Initech") and "archived" in found[0]
        await pilot.press("enter")
        await settle(pilot)
        assert current(pilot).company == "Initech"
        assert pilot.app.main.show_archived


async def test_the_palette_lists_the_apps_actions(three):
    async with running(three) as pilot:
        await pilot.press("ctrl+p")
        await settle(pilot)
        commands = {command.title: command for command in pilot.app.get_system_commands(pilot.app.main)}
        for title in ("Add an interview", "Start a call", "Edit references", "Help", "Theme", "Quit"):
            assert title in commands, title
        assert "key c" in commands["Start a call"].help
        assert commands["Quit"].help.startswith("Save everything")  # the app's Quit, not Textual's
        assert all(command.help for command in commands.values())
        assert "End the call" not in commands  # not in a call: the palette offers only what works now


async def test_a_palette_action_does_what_its_key_does(three):
    async with running(three) as pilot:
        found = await palette_search(pilot, "show or hide archived")
        assert found[0] == PALETTE_TITLES["toggle-archived"]
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.main.show_archived


async def test_help_from_the_palette(three):
    async with running(three) as pilot:
        found = await palette_search(pilot, "help")
        assert "Help" in found
        pilot.app.screen.query_one("CommandList").highlighted = found.index("Help")
        await pilot.press("enter")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "HelpScreen"


async def test_before_typing_the_palette_offers_only_interviews_that_are_due(three):
    async with running(three) as pilot:
        offered = await palette_search(pilot, "")
        opens = [text for text in offered if text.startswith("Open ")]
        assert "Open Acme – Product Designer" in opens
        assert not any("Initech" in text for text in opens)  # archived: found by typing, never pushed
        assert "Add an interview" in offered
