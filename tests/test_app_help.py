"""Help (? and F1): the keys read from the bindings, grouped, and a short guide from the rules."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static
from ui_support import running, seed

from tui.domain.guide import GUIDE
from tui.screens.help import HelpScreen, key_groups
from tui.screens.main import MainScreen

pytestmark = pytest.mark.asyncio


def shown_text(screen) -> str:
    return "\n".join(str(static.render()) for static in screen.query(Static))


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_opens_with_question_mark_and_f1_and_closes(db, key):
    seed(db)
    async with running(db, size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_and_q_close_help_without_quitting(db, key):
    seed(db)
    async with running(db, size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)
        assert pilot.app.is_running


async def test_help_shows_the_keys_from_the_bindings_in_four_groups(db):
    seed(db)
    async with running(db, size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = shown_text(pilot.app.screen)
        groups = dict(key_groups(pilot.app))
        assert list(groups) == ["Interviews", "Checklist", "Call", "App"]
        for binding in MainScreen.BINDINGS:
            assert binding.tooltip in text  # the footer's word too, unless the tooltip says it already
            assert binding.description.lower() in binding.tooltip.lower() or binding.description in text
        call_keys = {keys for keys, _what, _why in groups["Call"]}
        assert {"c", "^e"} <= call_keys
        assert ("r", "References") in {(keys, what) for keys, what, _why in groups["Checklist"]}
        assert ("? f1", "Help") in {(keys, what) for keys, what, _why in groups["App"]}


async def test_the_guide_gives_every_rule_in_words_and_no_rule_codes(db):
    rules = [rule for _heading, advice in GUIDE for _text, rule in advice]
    assert rules == [f"D{n}" for n in range(1, 22)]
    seed(db)
    async with running(db, size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = shown_text(pilot.app.screen)
        for heading in (
            "Before you call",
            "When to call",
            "If voicemail answers",
            "When they pick up",
            "After the call",
        ):
            assert heading in text
        flat = " ".join(text.split())
        for _heading, advice in GUIDE:
            for words, _rule in advice:
                assert " ".join(words.split())[:40] in flat
        assert re.findall(r"\bD\d+\b", text) == []


async def test_help_scrolls_at_80x24(db):
    seed(db)
    async with running(db, size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        scroll = pilot.app.screen.query_one("#help")
        assert scroll.has_focus and scroll.max_scroll_y > 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
