"""After speaking with them (D17): when do they expect to decide? Optional, free text."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

__all__ = ["DecisionDialog"]


class DecisionDialog(ModalScreen[str]):
    """Dismisses what was typed ("" when skipped); `preview` says how the text will be read."""

    BINDINGS = [Binding("escape", "skip", "Skip", tooltip="They did not say; record no date", id="decision-skip")]

    def __init__(self, preview: Callable[[str], str]) -> None:
        super().__init__(classes="dialog-screen")
        self.preview = preview

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Static("When do they expect to decide?", classes="dialog-title")
            yield Input(placeholder="e.g. “end of next week”, “Friday”, “25 Nov”", id="decision-input")
            yield Static("", classes="parsed", id="decision-preview")
            yield Static("enter to record · escape to skip", classes="dialog-hint")

    def on_input_changed(self, event: Input.Changed) -> None:
        text = event.value.strip()
        self.query_one("#decision-preview", Static).update(self.preview(text) if text else "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_skip(self) -> None:
        self.dismiss("")
