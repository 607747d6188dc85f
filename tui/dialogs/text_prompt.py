"""One line of text: a checklist item's name."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..domain.errors import ValidationError
from ..widgets.field_error import FieldError

__all__ = ["TextPrompt"]


class TextPrompt(ModalScreen[str | None]):
    """Dismisses the text typed (enter), or None (escape). Empty text is refused in place."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything", id="prompt-cancel")]

    def __init__(
        self, title: str, value: str = "", placeholder: str = "", check: Callable[[str], str] | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.value, self.placeholder = title, value, placeholder
        #: The domain's check for this text: returns it cleaned or raises ValidationError, shown in place.
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Static(self.title_text, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield FieldError(id="prompt-error")
            yield Static("enter to save · escape to cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.query_one("#prompt-error", FieldError).show("Type a name, or press escape.")
            return
        if self.check is not None:
            try:
                text = self.check(text)
            except ValidationError as error:
                self.query_one("#prompt-error", FieldError).show(error.message)
                return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
