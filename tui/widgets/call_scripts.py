"""During a call: what to say, one script at a time at the pane's full width, whole or scrollable by keys
that cannot be typed, so the caller never leaves the notes to read it."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

__all__ = ["CallScripts"]

#: The two scripts, by key, with their headings.
SCRIPTS = {"talking": "When they pick up", "voicemail": "If voicemail answers"}


class CallScripts(Vertical):
    """Talking points or the voicemail; the screen's keys switch and scroll them."""

    shown: reactive[str] = reactive("talking", init=False)
    """Which script is on screen."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._texts = {"talking": "", "voicemail": ""}
        self._keys = ("", "")

    def compose(self) -> ComposeResult:
        yield Static("", id="script-head")
        with VerticalScroll(id="script-box", can_focus=True):
            yield Static("", id="script-text")

    def show_scripts(self, talking: str, voicemail: str, first: str, keys: tuple[str, str]) -> None:
        """The scripts (markup), which comes first, and the keys that switch and scroll, as shown."""
        self._texts = {"talking": talking, "voicemail": voicemail}
        self._keys = keys
        self.set_reactive(CallScripts.shown, first)
        self.watch_shown()

    def watch_shown(self) -> None:
        other = "voicemail" if self.shown == "talking" else "talking"
        switch, scroll = self._keys
        hint = f"[$text-muted]{switch}: {SCRIPTS[other].lower()} · {scroll}: scroll"
        self.query_one("#script-head", Static).update(f"[b]{SCRIPTS[self.shown]}[/b]   {hint}[/]")
        self.query_one("#script-text", Static).update(self._texts[self.shown])
        self.query_one("#script-box", VerticalScroll).scroll_home(animate=False)

    def switch(self) -> None:
        self.shown = "voicemail" if self.shown == "talking" else "talking"

    def scroll(self, lines: int) -> None:
        box = self.query_one("#script-box", VerticalScroll)
        box.scroll_relative(y=lines, animate=False)

    @property
    def text(self) -> str:
        """The script on screen, as markup (for tests and the copy key)."""
        return self._texts[self.shown]
