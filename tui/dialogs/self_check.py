"""After a rehearsal: a few yes-or-no questions, and how long it took (D6)."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from ..domain.practice import SelfCheck

__all__ = ["SelfCheckDialog"]


class SelfCheckDialog(ModalScreen[dict[str, bool] | None]):
    """Dismisses the answers by question key to keep the run, or None to go back to practising."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Keep", tooltip="Keep this rehearsal with these answers", id="self-check-keep"),
        Binding("escape", "back", "Back", tooltip="Back to the rehearsal", id="self-check-back"),
    ]

    def __init__(self, checks: list[SelfCheck], took: str) -> None:
        super().__init__(classes="dialog-screen")
        self.checks = checks
        self.took = took

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="self-check"):
            yield Static("How did that go?", classes="dialog-title")
            yield Static(escape(self.took), classes="dialog-text", id="self-check-took")
            for check in self.checks:
                yield Checkbox(check.question, bool(check.answer), id=f"check-{check.key}")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep this run (ctrl+s)", variant="primary", id="keep")
                yield Button("Back (esc)", id="back")
            yield Static("space ticks · tab moves on", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query(Checkbox).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "keep":
            self.action_keep()
        else:
            self.action_back()

    def action_keep(self) -> None:
        self.dismiss({check.key: self.query_one(f"#check-{check.key}", Checkbox).value for check in self.checks})

    def action_back(self) -> None:
        self.dismiss(None)
