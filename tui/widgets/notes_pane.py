"""The right pane: notes that save themselves, the call timer and scripts, and the call history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.widgets import TextArea

from ..domain.models import Interview

__all__ = ["NotesPane"]


class NotesPane(Vertical):
    """Shows one interview's notes, or the notes of the call in progress."""

    interview: reactive[Interview | None] = reactive(None, always_update=True, init=False)
    """The selected interview; set by the screen's `current`."""

    @dataclass
    class NotesTyped(Message):
        """The user changed the text in the editor."""

        text: str
        #: The record the editor was showing when it changed: ("interview" | "call", id), or None.
        owner: tuple[str, str] | None

    def compose(self) -> ComposeResult:
        with Horizontal(id="notes-head"):
            yield Static("Notes", id="notes-title", classes="pane-title")
            yield Static("", id="call-timer")
            yield Static("", id="save-state")

    async def build(self) -> None:
        """The editor, scripts and history: mounted after the first frame, which does not need them."""
        from textual.widgets import TextArea

        scripts = Horizontal(
            VerticalScroll(Static("", id="talking-points"), id="talking-box"),
            VerticalScroll(Static("", id="voicemail"), id="voicemail-box"),
            id="scripts",
        )
        scripts.display = False
        editor = TextArea(id="notes", soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
        editor.disabled = self.interview is None
        await self.mount_all([editor, scripts, VerticalScroll(Static("", id="history"), id="history-box")])

    @property
    def editor(self) -> TextArea:
        return self.query_one("#notes")  # type: ignore[return-value]

    def watch_interview(self, interview: Interview | None) -> None:
        if editors := self.query("#notes"):
            editors.first().disabled = interview is None

    #: Whose text the editor holds, so typing is never written to a record selected since.
    owner: tuple[str, str] | None = None

    def load_text(self, text: str, title: str, owner: tuple[str, str] | None = None) -> None:
        """Put a record's text in the editor without it being written back."""
        editor = self.editor
        self.owner = owner
        self.query_one("#notes-title", Static).update(title)
        if editor.text != text:
            with self.prevent(type(editor).Changed):
                editor.load_text(text)

    def show_call(self, in_call: bool, talking_points: str = "", voicemail: str = "") -> None:
        self.set_class(in_call, "-in-call")
        self.query_one("#scripts").display = in_call
        self.query_one("#history-box").display = not in_call
        if not in_call:
            self.query_one("#call-timer", Static).update("")
        self.query_one("#talking-points", Static).update(talking_points)
        self.query_one("#voicemail", Static).update(voicemail)

    def show_timer(self, text: str) -> None:
        self.query_one("#call-timer", Static).update(text)

    def show_history(self, text: str) -> None:
        self.query_one("#history", Static).update(text)

    def show_save_state(self, text: str, problem: bool = False) -> None:
        state = self.query_one("#save-state", Static)
        state.update(text)
        state.set_class(problem, "-problem")

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.NotesTyped(event.text_area.text, self.owner))
