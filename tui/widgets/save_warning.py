"""A banner that stays on screen while the workbook cannot be saved, so nobody types on unaware.

A toast fades; a failed save must not. Theme variables only, so every theme keeps it readable.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..store import FileChangedError, FileGoneError, ReadOnlyError, SaveState

__all__ = ["SaveWarning"]


class SaveWarning(Static):
    """Hidden while saves succeed; shows the store's message and what happens next while they fail."""

    DEFAULT_CSS = """
    SaveWarning {
        dock: top;
        height: auto;
        padding: 0 1;
        background: $error;
        color: $text;
        text-style: bold;
        display: none;
    }
    SaveWarning.-shown { display: block; }
    """

    def __init__(self) -> None:
        super().__init__("", id="save-warning")
        self.problem: str = ""

    def show_state(self, state: SaveState) -> None:
        """Attributes down: the screen passes the autosaver's state on every poll."""
        error = state.error
        if error is None:
            self.problem = ""
            self.set_class(False, "-shown")
            return
        if isinstance(error, ReadOnlyError):
            next_step = "When you quit, what you changed is written to a rescue file, and its name is printed."
        elif isinstance(error, FileGoneError):
            next_step = "Choose to write it back; until then nothing is written."
        elif isinstance(error, FileChangedError):
            next_step = "Choose reload or keep mine; until then nothing is written over it."
        else:
            next_step = "Keep typing: everything stays in memory and saving is retried until it works."
        self.problem = f"⚠ Not saved. {error} {next_step}"
        self.update(Text(self.problem))
        self.set_class(True, "-shown")
