"""The interview list: a virtualised Line API view, so 10,000 rows cost no more than a screenful."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..domain.fields import printable
from ..domain.models import Interview

__all__ = ["InterviewList", "ListRow", "Rows"]

#: Each interview takes two lines: who and what, then when and what next.
ROW_HEIGHT = 2


@dataclass
class ListRow:
    """What one row shows; built by the screen so the list never reads the store."""

    interview: Interview
    when: str
    who: str = ""
    next_step: str = ""
    urgency: str = ""  # "overdue", "today" or ""
    #: Where the filter's words were found when not in the names ("notes: …redesign…").
    found: str = ""


class Rows(Sequence[ListRow]):
    """The rows of these interviews, each described only when it is first drawn or asked for.

    10,000 interviews cost a screenful of descriptions, not 10,000, when the list is shown or filtered.
    """

    def __init__(self, interviews: Sequence[Interview] = (), describe: Callable[[Interview], ListRow] | None = None):
        self.interviews = list(interviews)
        self._describe = describe or (lambda interview: ListRow(interview, ""))
        self._described: dict[int, ListRow] = {}

    def __len__(self) -> int:
        return len(self.interviews)

    @overload
    def __getitem__(self, index: int) -> ListRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[ListRow]: ...
    def __getitem__(self, index: int | slice) -> ListRow | list[ListRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        row = self._described.get(index)
        if row is None:
            row = self._described[index] = self._describe(self.interviews[index])  # IndexError past the end
        return row

    def __iter__(self) -> Iterator[ListRow]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def _fit(text: str, width: int) -> str:
    """Cut text to `width` cells, with an ellipsis when something was cut; control characters shown, not sent."""
    text = printable(text)  # these segments go to the terminal as they are
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    while text and cell_len(text) > width - 1:
        text = text[:-1]
    return text + "…"


class InterviewList(ScrollView, can_focus=True):
    """Rows of interviews; only the visible lines are ever rendered."""

    COMPONENT_CLASSES = {
        "interview-list--title",
        "interview-list--detail",
        "interview-list--cursor",
        "interview-list--overdue",
        "interview-list--today",
        "interview-list--archived",
        "interview-list--found",
    }
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False, id="list-up"),
        Binding("down,j", "move(1)", "Down", show=False, id="list-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list-page-down"),
        Binding("home", "jump(0)", "First", show=False, id="list-first"),
        Binding("end", "jump(-1)", "Last", show=False, id="list-last"),
        Binding("enter", "open", "Open", show=False, id="list-open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)
    """Index of the highlighted row: said once there are rows (or none, once they are set), not at mount."""

    @dataclass
    class Highlighted(Message):
        """The highlighted interview changed (None when the list is empty)."""

        interview_list: InterviewList
        interview: Interview | None

        @property
        def control(self) -> InterviewList:
            return self.interview_list

    @dataclass
    class Chosen(Message):
        """Enter or a click on a row: work on this interview."""

        interview_list: InterviewList
        interview: Interview

        @property
        def control(self) -> InterviewList:
            return self.interview_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows = Rows()

    # attributes down
    def set_rows(self, rows: Rows, keep: str | None = None) -> None:
        """Show these rows, keeping the interview with id `keep` highlighted when it is there."""
        self.rows = rows
        self._fit_rows()
        index = 0
        if keep is not None:
            index = next((i for i, interview in enumerate(rows.interviews) if interview.id == keep), 0)
        self.cursor = index
        self.refresh()

    @property
    def highlighted(self) -> Interview | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows.interviews[self.cursor]
        return None

    def watch_cursor(self, old: int, new: int) -> None:
        if self.rows:
            clamped = max(0, min(new, len(self.rows) - 1))
            if clamped != new:
                self.cursor = clamped
                return
            self.scroll_to_region_of(new)
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted))

    def scroll_to_region_of(self, index: int) -> None:
        """Bring row `index` into view with the list's top at the start of a row: rows are two lines, and
        scrolled by the line, an odd height would show half a row at the top."""
        height = self.scrollable_content_region.height
        top, row = round(self.scroll_y), index * ROW_HEIGHT
        if row < top or height < ROW_HEIGHT:
            y = row
        elif row + ROW_HEIGHT > top + height:
            y = -(-(row + ROW_HEIGHT - height) // ROW_HEIGHT) * ROW_HEIGHT  # up to the next row's start
        else:
            return
        self.scroll_to(y=y, animate=False, force=True)

    def _fit_rows(self) -> None:
        """Room for every row; at an odd height, one line more, so the list scrolled to its end still
        has a whole row at its top."""
        region = self.scrollable_content_region
        height = len(self.rows) * ROW_HEIGHT
        if height > region.height:
            height += region.height % ROW_HEIGHT
        self.virtual_size = Size(region.width, height)

    # keys and mouse
    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height // ROW_HEIGHT))

    def action_jump(self, index: int) -> None:
        if self.rows:
            self.cursor = index if index >= 0 else len(self.rows) - 1

    def action_open(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Chosen(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // ROW_HEIGHT
        if 0 <= index < len(self.rows):
            if index == self.cursor and event.chain > 1:
                self.action_open()
            self.cursor = index

    # drawing
    def _style(self, name: str) -> Style:
        style = self.get_component_rich_style(f"interview-list--{name}", partial=True)
        background = self.get_component_styles(f"interview-list--{name}").background
        if background.a and background.a < 1:
            # A translucent background (e.g. `$primary 20%`) is blended here, so the row keeps
            # its text colours readable instead of getting the full-strength colour.
            style += Style(bgcolor=(self.background_colors[1] + background).rich_color)
        return style

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        index, part = divmod(scroll_y + y, ROW_HEIGHT)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        style = base
        if index == self.cursor:
            style += self._style("cursor")
        if row.interview.archived:
            style += self._style("archived")
        muted = style + self._style("detail")
        if part == 0:  # what it is, and with whom when there is room
            title = _fit(f" {row.interview.title}", width)
            who = f" · {row.who}" if row.who and cell_len(title) + cell_len(row.who) + 3 <= width else ""
            segments = [Segment(title, style + self._style("title")), Segment(who, muted)]
        else:  # what to do next, first; how long ago the interview was, if it fits beside it
            urgent = style + self._style(row.urgency) if row.urgency else style
            step = _fit(f"   {row.next_step}", width)
            when = f" {row.found or row.when} "
            room = width - cell_len(step)
            if row.found and room < cell_len(when):
                step = _fit(f"   {row.next_step}", max(8, width - cell_len(when)))
                when = _fit(when, width - cell_len(step))
                room = width - cell_len(step)
            if room < cell_len(when):
                when = ""
            mark = style + self._style("found") if row.found else muted
            segments = [Segment(step, urgent), Segment(" " * (room - cell_len(when)), style), Segment(when, mark)]
        return Strip(segments).crop_extend(0, width, style).simplify()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_rows()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows) * ROW_HEIGHT
