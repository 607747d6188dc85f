"""Keys every form shares: Tab moves on at the moment it is read, so the letters typed right after it
(a fast typist's burst) go into the next field, not the one just left."""

from __future__ import annotations

from textual.binding import Binding, BindingType

__all__ = ["FORM_KEYS"]

FORM_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="form-next-field"),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True, id="form-previous-field"),
]
