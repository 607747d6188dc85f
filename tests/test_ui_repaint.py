"""A repaint asks only the widgets it can show, and puts on the terminal what Textual's own would."""

from __future__ import annotations

import re
from unittest.mock import patch

import pytest
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static, TextArea
from ui_support import interview_held, running, seed, settle

from tui.screens.repaint import ChangedOnly
from tui.widgets.checklist import Checklist
from tui.widgets.interview_list import InterviewList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.notes_editor import NotesEditor

pytestmark = pytest.mark.asyncio


def three():
    return [
        interview_held(name, notes=f"Spoke with the {name} panel.\nThey liked the portfolio.")
        for name in ("Acme", "Globex", "Initech")
    ]


#: The cursor sent somewhere with nothing written there: Textual's own sends it to the edge of each
#: widget behind the one that covers a change, and writes nothing of it.
MOVED_IN_VAIN = re.compile(r"\x1b\[\d+;\d+H(?=\n?(\x1b\[\d+;\d+H|$))")


def painted(screen, regions: list[Region], *, as_textual: bool = False) -> str:
    """What a repaint of `regions` writes to the terminal, by the screen's compositor or Textual's own
    (less the cursor sent where nothing is written)."""
    compositor = screen._compositor
    compositor._dirty_regions.update(regions)
    if as_textual:
        with patch.object(ChangedOnly, "_get_renders", Compositor._get_renders):
            update = compositor.render_partial_update()
    else:
        update = compositor.render_partial_update()
    assert update is not None
    return MOVED_IN_VAIN.sub("", update.render_segments(screen.app.console))


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 36)])
async def test_a_repaint_writes_what_textuals_own_writes(db, size):
    seed(db, three())
    async with running(db, size=size) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen._compositor, ChangedOnly)
        await pilot.press("3")
        await pilot.press(*"Then", "space", *"asked")
        await settle(pilot)
        width, height = size
        widgets = [screen.query_one(kind) for kind in (NotesEditor, InterviewList, Checklist, KeyFooter)]
        shown = [widget for widget in widgets if widget.region]  # (a narrow screen hides the checklist)
        cases = [[widget.region] for widget in shown] + [
            [Region(0, 4, width, 1)],  # one line across every pane
            [Region(width - 10, 3, 10, 2), Region(0, height - 1, 5, 1)],  # two corners at once
            [Region(width // 3, 0, width // 3, height)],  # a column across borders and the header
            [Region(2, 5, 1, 1)],  # one cell
        ]
        for regions in cases:
            assert painted(screen, regions) == painted(screen, regions, as_textual=True), regions


class Scrolled(Screen[None]):
    """Boxes scrolled half out of view beside a column: widgets the screen shows only part of."""

    def __init__(self) -> None:
        super().__init__()
        self._compositor = ChangedOnly()

    def compose(self) -> ComposeResult:
        with Horizontal():
            with VerticalScroll(id="boxes"):
                for n in range(12):
                    yield Static(f"box {n}\n" + "text " * 9, classes="box")
            yield Static("the column beside\n" * 20, id="beside")


class ScrolledApp(App[None]):
    CSS = ".box { border: round $accent; height: 5; } #boxes, #beside { width: 1fr; }"

    def on_mount(self) -> None:
        self.push_screen(Scrolled())


async def test_a_widget_shown_in_part_is_repainted_as_textual_repaints_it():
    app = ScrolledApp()
    async with app.run_test(size=(60, 20)) as pilot:
        screen = app.screen
        screen.query_one("#boxes").scroll_to(y=12, animate=False)
        await pilot.pause()
        compositor = screen._compositor
        cut = [
            widget for widget, (region, clip) in compositor.visible_widgets.items() if not clip.contains_region(region)
        ]
        assert len(cut) >= 2  # shown in part, at the top and the bottom
        for widget in cut:
            shown = widget.region.intersection(compositor.visible_widgets[widget][1])
            for regions in ([shown], [Region(shown.x + 2, shown.y, 3, 1)], [Region(0, shown.y, 60, 1)]):
                assert painted(screen, regions) == painted(screen, regions, as_textual=True), regions


def spy_on_lines(monkeypatch) -> list[str]:
    """From now on, the id (else the kind) of each widget asked for its lines, in turn."""
    asked: list[str] = []
    render_lines = Widget.render_lines

    def spied(self, crop):
        asked.append(self.id or type(self).__name__)
        return render_lines(self, crop)

    monkeypatch.setattr(Widget, "render_lines", spied)
    return asked


async def type_slowly(pilot, text: str) -> None:
    for key in text:
        await pilot.press("space" if key == " " else key)
    await settle(pilot)


async def test_typing_in_the_notes_asks_no_other_pane_for_its_lines(db, monkeypatch):
    seed(db, three())
    async with running(db) as pilot:
        await pilot.press("3")
        await type_slowly(pilot, "S")  # (the first change shows "saved" in the notes' border: the whole pane)
        asked = spy_on_lines(monkeypatch)
        await type_slowly(pilot, "aid Friday")
        assert pilot.app.screen.query_one(NotesEditor).text.endswith("They liked the portfolio.Said Friday")
        typing = set(asked)  # (not what quitting draws)
    assert "notes" in typing
    assert not {"interviews", "checklist", "KeyFooter", "list-pane", "guidance"} & typing
    # nor what lies behind the notes' pane (its border shows "saving"), wholly hidden where they changed
    assert not {"panes", "MainScreen"} & typing


async def test_typing_practice_notes_asks_nothing_above_them_for_its_lines(db, monkeypatch):
    seed(db, three())
    async with running(db) as pilot:
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(pilot.app.screen._compositor, ChangedOnly)
        # The main screen under it repaints whole when its saved mark first shows: let that be done first.
        pilot.app.workbook.flush()
        for _ in range(50):
            if "saved" in str(pilot.app.main.notes.border_subtitle):
                break
            await pilot.pause(0.1)
        await settle(pilot)
        asked = spy_on_lines(monkeypatch)
        await type_slowly(pilot, "too fast")
        assert pilot.app.screen.query_one("#practice-notes", TextArea).text == "too fast"
        typing = set(asked)
    assert "practice-notes" in typing
    assert not {"practice-banner", "practice-opening", "practice-body", "KeyFooter"} & typing
