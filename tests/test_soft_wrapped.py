"""A long line is divided into its wrapped rows once per repaint, and drawn as Textual's TextArea draws it."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import TextArea
from textual.widgets.text_area import Selection
from ui_support import interview_held, running, seed

from tui.widgets.notes_editor import NotesEditor
from tui.widgets.soft_wrapped import SoftWrapped

pytestmark = pytest.mark.asyncio

SENTENCE = "Dana asked about the portfolio and the team size; she will call back on Friday. "
PARAGRAPH = SENTENCE * 40  # some 3,200 characters: about a hundred rows at 30 columns
TEXTS = {
    "a paragraph": PARAGRAPH,
    "paragraphs and short lines": f"Called at ten.\n\n{PARAGRAPH}\nNo answer.\n{SENTENCE * 3}",
    # paragraphs alike in shape but not in text, then the same again, all on screen at once
    "paragraphs alike": f"Called at ten.\n{SENTENCE}\n{SENTENCE.upper()}\n{SENTENCE}",
    "tabs inside": "\t".join(SENTENCE for _ in range(12)),
    "wide characters": "面接のあと電話する。📞 " * 60 + "then a last line",
}


class Both(App[None]):
    """The same text in a SoftWrapped area and in Textual's own TextArea, of one size."""

    CSS = "TextArea { width: 32; height: 14; }"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield SoftWrapped(self.text, id="ours")
        yield TextArea(self.text, soft_wrap=True, id="theirs")


async def drawn(pilot, area: TextArea) -> list[list[tuple[str, object]]]:
    """Every row on screen, as the segments (text and style) it is drawn with, the area focused."""
    area.focus()
    await pilot.pause()
    width, height = area.size
    area._styles_cache.clear()
    return [
        [(segment.text, segment.style) for segment in strip] for strip in area.render_lines(Region(0, 0, width, height))
    ]


async def compare(pilot, where: str) -> None:
    ours, theirs = (pilot.app.query_one(f"#{name}", TextArea) for name in ("ours", "theirs"))
    assert await drawn(pilot, ours) == await drawn(pilot, theirs), where


@pytest.mark.parametrize("name", TEXTS)
async def test_every_row_is_drawn_as_textarea_draws_it(name):
    text = TEXTS[name]
    app = Both(text)
    async with app.run_test(size=(70, 30)) as pilot:
        areas = [app.query_one(f"#{which}", TextArea) for which in ("ours", "theirs")]
        last = areas[0].document.end
        middle = (last[0] // 2, len(areas[0].document.get_line(last[0] // 2)) // 2)
        moves = {
            "the cursor at the end": lambda a: a.move_cursor(last),
            "the cursor at the start": lambda a: a.move_cursor((0, 0)),
            "the cursor in the middle of a line": lambda a: a.move_cursor(middle),
            "a selection across rows and lines": lambda a: setattr(a, "selection", Selection((0, 5), middle)),
            "scrolled half way": lambda a: a.scroll_to(y=a.wrapped_document.height // 2, animate=False),
        }
        for where, move in moves.items():
            for area in areas:
                move(area)
            await compare(pilot, f"{name}: {where}")
        for area in areas:  # typing changes the line under the cursor: its rows are divided again
            area.move_cursor(middle)
            area.insert("and the salary ")
        await compare(pilot, f"{name}: after typing")


async def test_a_repaint_divides_a_line_once_not_once_a_row(monkeypatch):
    divided: list[int] = []
    divide = Text.divide

    def counted(self, offsets):
        divided.append(len(self))
        return divide(self, offsets)

    monkeypatch.setattr(Text, "divide", counted)
    app = Both(PARAGRAPH)
    async with app.run_test(size=(70, 30)) as pilot:
        ours, theirs = (app.query_one(f"#{name}", TextArea) for name in ("ours", "theirs"))
        await pilot.pause()
        rows = ours.scrollable_content_region.height  # the rows shown are the paragraph's (but one, maybe)
        assert rows > 5
        times = {}
        for area in (ours, theirs):
            area.move_cursor(area.document.end)
            area.insert("x")
            area._styles_cache.clear()
            divided.clear()
            area.render_lines(Region(0, 0, *area.size))
            times[area.id] = divided.count(len(PARAGRAPH) + 2)  # (the line, with the cursor's cell)
        assert times == {"ours": 1, "theirs": pytest.approx(rows, abs=1)}  # Textual's, once for each row


async def test_what_a_caller_does_with_the_rows_does_not_change_what_is_drawn():
    app = Both(PARAGRAPH)
    async with app.run_test(size=(70, 30)) as pilot:
        ours = app.query_one("#ours", SoftWrapped)
        before = await drawn(pilot, ours)
        line = ours.get_line(0)
        line.set_length(len(line) + 1)
        rows = line.divide([10, 20])
        assert [row.plain for row in rows] == [PARAGRAPH[:10], PARAGRAPH[10:20], PARAGRAPH[20:] + " "]
        again = line.divide([10, 20])
        again._lines.pop()
        assert len(line.divide([10, 20])) == 3  # the list kept is not the one handed out
        assert line[3:9].plain == PARAGRAPH[3:9]
        assert [part.plain for part in line.split(";")][:2] == PARAGRAPH.split(";")[:2]
        assert await drawn(pilot, ours) == before


async def test_the_notes_are_typed_into_a_soft_wrapped_editor(db):
    seed(db, [interview_held("Acme", notes=PARAGRAPH)])
    async with running(db) as pilot:
        await pilot.press("3")
        editor = pilot.app.screen.query_one(NotesEditor)
        assert isinstance(editor, SoftWrapped) and editor.soft_wrap
