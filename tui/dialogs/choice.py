"""A small dialog of choices, one key each: what the outcome and thank-you dialogs share."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

__all__ = ["KeyChoiceDialog"]

T = TypeVar("T")


class KeyChoiceDialog(ModalScreen[T | None], Generic[T]):
    """Lists `KEYS` (choice -> key) under `PROMPT`; subclasses bind each key to `choose`."""

    PROMPT: ClassVar[str] = ""
    HINT: ClassVar[str] = "escape: cancel"
    KEYS: ClassVar[Mapping] = {}
    DIALOG_ID: ClassVar[str] = ""
    #: Where a subclass says something about the choice before it is taken ("" for nothing).
    NOTE_ID: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small", id=self.DIALOG_ID):
            yield Static(self.PROMPT, classes="dialog-title")
            for choice, key in self.KEYS.items():
                yield Static(f"[b]{key}[/b]  {choice.label}", classes="outcome-choice")
            if self.NOTE_ID:
                yield Static("", classes="field-error", id=self.NOTE_ID)
            yield Static(self.HINT, classes="dialog-hint")
