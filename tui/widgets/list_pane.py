"""The left pane: the filter box over the interview list, or a welcome when there is nothing yet."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from .interview_list import InterviewList, ListRow

__all__ = ["WELCOME", "ListPane"]

WELCOME = (
    "[b]Welcome to your follow-up workbook.[/b]\n\n"
    "Add the interview you just had with [b]a[/b]. "
    "The workbook then tells you when to call, helps you prepare, "
    "and keeps your notes while you are on the phone.\n\n"
    "Your profile (name, phone) is under [b]p[/b]; [b]ctrl+p[/b] lists every command."
)


class FilterInput(Input):
    """Escape leaves the filter; down goes to the list."""

    BINDINGS = [
        Binding("escape", "leave(True)", "Clear filter", show=False, id="filter-clear"),
        Binding("down,enter", "leave(False)", "To the list", show=False, id="filter-done"),
    ]

    @dataclass
    class Leave(Message):
        clear: bool

    def action_leave(self, clear: bool) -> None:
        self.post_message(self.Leave(clear))


class ListPane(Vertical):
    """Filter as you type on company, role and interviewer (the screen does the matching)."""

    @dataclass
    class FilterChanged(Message):
        text: str

    def compose(self) -> ComposeResult:
        yield Static("Interviews", classes="pane-title", id="list-title")
        yield Static(WELCOME, id="welcome")
        yield Static("Loading interviews…", id="list-empty")
        yield InterviewList(id="interviews")

    def on_mount(self) -> None:
        self.query_one("#welcome").display = False

    @property
    def interview_list(self) -> InterviewList:
        return self.query_one(InterviewList)

    def show_rows(self, rows: list[ListRow], *, total: int, keep: str | None, title: str) -> None:
        """Rows to show; `total` is how many exist at all, for the welcome and the empty note."""
        self.query_one("#list-title", Static).update(title)
        self.interview_list.set_rows(rows, keep=keep)
        self.query_one("#welcome").display = total == 0
        empty = self.query_one("#list-empty", Static)
        empty.display = total > 0 and not rows
        empty.update("No interview matches the filter." if self.filter_text else "Nothing here.")
        self.interview_list.display = bool(rows)

    @property
    def filter_text(self) -> str:
        fields = self.query("#filter")
        return fields.first(FilterInput).value if fields and fields.first().display else ""

    async def open_filter(self) -> None:
        """Show the filter box (mounted the first time it is asked for) and type into it."""
        if not self.query("#filter"):
            await self.mount(
                FilterInput(placeholder="Filter: company, role, interviewer", id="filter"), after="#list-title"
            )
        field = self.query_one("#filter", FilterInput)
        field.display = True
        field.focus()

    @on(Input.Changed, "#filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FilterChanged(event.value))

    @on(FilterInput.Leave)
    def _leave_filter(self, event: FilterInput.Leave) -> None:
        field = self.query_one("#filter", FilterInput)
        if event.clear:
            field.value = ""
            field.display = False
            self.post_message(self.FilterChanged(""))
        self.interview_list.focus()

    @on(Input.Submitted, "#filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.interview_list.focus()
