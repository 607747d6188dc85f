"""The notes editor: typing is text; Esc is the one key that leaves it (the footer says so)."""

from __future__ import annotations

from textual.binding import Binding

from .soft_wrapped import SoftWrapped

__all__ = ["NotesEditor"]


class NotesEditor(SoftWrapped):
    """Every printable key is text here; keys that cannot be typed (Esc, F-keys, ctrl+e) still work."""

    BINDINGS = [
        Binding(
            "escape",
            "leave",
            "Leave notes",
            tooltip="Stop typing here; keys are keys again",
            id="notes-leave",
            priority=True,
        )
    ]

    def __init__(self, *, disabled: bool = False) -> None:
        super().__init__(id="notes", tab_behavior="focus", show_line_numbers=False, disabled=disabled)

    def _watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar's column is kept for it whether it shows or not (`scrollbar-gutter: stable`), so
        the text does not move over when a note grows past the pane, and its showing leaves the width
        the text wraps at as it was: TextArea would wrap the whole text again all the same (13 ms for a
        long note, each time one is shown)."""
        if self.styles.scrollbar_gutter == "stable":
            self.scroll_cursor_visible()
        else:
            super()._watch_show_vertical_scrollbar()

    def action_leave(self) -> None:
        """Out of the editor now, so the keys right after Esc are keys: to the list, or in a call the script."""
        screen = self.screen
        target = screen.query_one("#script-box") if screen.has_class("-in-call") else screen.query_one("#interviews")
        screen.set_focus(target)
