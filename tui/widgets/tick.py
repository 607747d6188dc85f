"""A checkbox that shows ✓ when ticked and an empty box when not: readable at a glance, in any theme."""

from __future__ import annotations

from typing import Any

from textual.widgets import Checkbox

__all__ = ["Tick"]


class Tick(Checkbox):
    """Textual's Checkbox shows an X either way and tells them apart by colour alone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._show_mark()

    def _show_mark(self) -> None:
        self.BUTTON_INNER = "✓" if self.value else " "

    def watch_value(self) -> None:
        self._show_mark()
        super().watch_value()
        self.refresh()
