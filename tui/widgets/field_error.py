"""A message beside a form field: takes no room until there is something to say."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

__all__ = ["FieldError"]


class FieldError(Static):
    def __init__(self, id: str | None = None) -> None:
        super().__init__("", id=id, classes="field-error")
        self.display = False

    def show(self, message: str) -> None:
        """Plain text: a message quotes what was typed, and typed brackets are not markup."""
        self.update(Text(message))
        self.display = bool(message)
