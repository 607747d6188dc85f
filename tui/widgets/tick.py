"""A checkbox that shows ✓ when ticked and an empty box when not: readable at a glance, in any theme."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox

__all__ = ["Tick"]


class Tick(Checkbox):
    """Textual's Checkbox shows an X either way and tells them apart by colour alone."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button
