"""Someone else wrote the workbook file while it was open: say so, and let the user choose."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

__all__ = ["FileChangedDialog"]


class FileChangedDialog(ModalScreen[str]):
    """Dismisses "reload" (take theirs, keep the notes being typed) or "mine" (overwrite theirs)."""

    BINDINGS = [
        Binding(
            "r",
            "choose('reload')",
            "Reload",
            tooltip="Take the file as it is now; your notes are kept",
            id="changed-reload",
        ),
        Binding("k", "choose('mine')", "Keep mine", tooltip="Write your version over theirs", id="changed-mine"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__(classes="dialog-screen")
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("The workbook file changed underneath", classes="dialog-title")
            yield Static(
                Text(
                    f"Another program (a sync client, an editor, another tool) wrote {self.path} "
                    "while followup had it open. Nothing was written over it.\n\n"
                    "Reload: take the file as it is now, and put the notes you are typing back in.\n"
                    "Keep mine: write followup's version over the other program's changes."
                ),
                classes="dialog-text",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Reload, keep my notes (r)", variant="primary", id="reload")
                yield Button("Keep mine (k)", variant="warning", id="mine")

    def on_mount(self) -> None:
        self.query_one("#reload", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
