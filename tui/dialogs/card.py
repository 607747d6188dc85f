"""The role-play card for the friend playing the hiring manager: read it, copy it, or save it (D6)."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["CardDialog"]


class CardDialog(ModalScreen[str | None]):
    """Shows the card; dismisses "save" to write it to a file, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "copy", "Copy", tooltip="Copy the card (Markdown) to the clipboard", id="card-copy"),
        Binding("w", "save", "Save", tooltip="Save the card as a Markdown file beside the workbook", id="card-save"),
        Binding("escape,q", "close", "Close", tooltip="Back to the workbook", id="card-close"),
    ]

    def __init__(self, text: str, markdown: str) -> None:
        super().__init__(classes="dialog-screen")
        self.text = text
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="card-dialog"):
            with VerticalScroll(id="card-scroll"):
                yield Static(escape(self.text), id="card-text")
            yield Static("y: copy · w: save as a file · escape: close", classes="dialog-hint")

    def action_copy(self) -> None:
        from ..clipboard import system_copy

        self.app.copy_to_clipboard(self.markdown)
        if tool := system_copy(self.markdown):
            self.notify(f"Copied the card to the clipboard (with {tool}).", timeout=4)
        else:
            self.notify("Sent the card to the terminal's clipboard.", timeout=4)

    def action_save(self) -> None:
        self.dismiss("save")

    def action_close(self) -> None:
        self.dismiss(None)
