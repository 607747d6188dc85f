"""The left pane: the filter box over the interview list, or a welcome when there is nothing yet."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from ..keymap import hint
from .interview_list import InterviewList, Rows

__all__ = ["ListPane", "welcome"]


def welcome() -> Content:
    """The first thing a new user reads: what to press to begin, with the keys as the user has them
    (shown as they are, never read as markup)."""
    return Content.assemble(
        ("Welcome to your follow-up workbook.", "bold"),
        "\n\nPress ",
        (hint("add", "a"), "bold"),
        " to add the interview you just had. The workbook then tells you when to call, helps you prepare, "
        "and keeps your notes while you are on the phone.\n\nYour profile (name, phone) is under ",
        (hint("profile", "p"), "bold"),
        "; ",
        ("ctrl+p", "bold"),
        " lists every command.",
    )


class FilterInput(Input):
    """The filter box: what is typed here narrows the list as it is typed."""


class ListPane(Vertical):
    """Filter as you type on company, role and interviewer (the screen does the matching).

    Leaving the filter is a priority key, acted on the moment it is read, so the keys that follow
    it in a fast burst already go to the list.
    """

    BINDINGS = [
        Binding("escape", "leave_filter(True)", "Clear filter", show=False, id="filter-clear", priority=True),
        Binding("down,enter", "leave_filter(False)", "To the list", show=False, id="filter-done", priority=True),
    ]

    @dataclass
    class FilterChanged(Message):
        text: str

    def compose(self) -> ComposeResult:
        yield Static("Interviews", classes="pane-title", id="list-title")
        # There from the start, hidden: "/" then typing at once must land every key in it.
        field = FilterInput(placeholder="Filter: company, role, interviewer, notes", id="filter", disabled=True)
        field.display = False
        yield field
        welcoming = Static(welcome(), id="welcome")
        welcoming.display = False
        yield welcoming
        yield Static("Loading interviews…", id="list-empty")
        yield InterviewList(id="interviews")

    def _show_filter(self, shown: bool) -> None:
        """Hidden, the filter box cannot take the focus either."""
        field = self.query_one("#filter", FilterInput)
        field.display = shown
        field.disabled = not shown

    @property
    def interview_list(self) -> InterviewList:
        return self.query_one(InterviewList)

    def show_rows(self, rows: Rows, *, total: int, keep: str | None, title: str) -> None:
        """Rows to show; `total` is how many exist at all, for the welcome and the empty note."""
        if self.filter_text:  # how many the filter left, where the eye already is
            title += f" · {len(rows)} match" + ("" if len(rows) == 1 else "es")
        self.query_one("#list-title", Static).update(title)
        self.border_title = title
        self.interview_list.set_rows(rows, keep=keep)
        self.query_one("#welcome").display = total == 0
        empty = self.query_one("#list-empty", Static)
        empty.display = total > 0 and not rows
        empty.update("No interview matches the filter." if self.filter_text else "Nothing here.")
        # Shown even when empty, so the focus stays on the list (a hidden list would hand it to the filter).

    @property
    def filter_text(self) -> str:
        field = self.query_one("#filter", FilterInput)
        return field.value if field.display else ""

    def open_filter(self) -> None:
        """Show the filter box and type into it."""
        self._show_filter(True)
        self.screen.set_focus(self.query_one("#filter", FilterInput))

    @on(Input.Changed, "#filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FilterChanged(event.value))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_filter":
            return self.screen.focused is self.query_one("#filter")
        return True

    def action_leave_filter(self, clear: bool) -> None:
        field = self.query_one("#filter", FilterInput)
        self.screen.set_focus(self.interview_list)
        if clear:
            field.value = ""
            self._show_filter(False)
            self.post_message(self.FilterChanged(""))
