"""Every call and thank-you of one interview, newest first; a call can be picked to correct or delete it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

__all__ = ["CallHistory"]


class CallHistory(OptionList):
    """Lines built by the screen (attributes down); Enter or Delete on a call posts what the user wants."""

    BINDINGS = [
        Binding(
            "enter",
            "correct",
            "Correct call",
            tooltip="Change this call's outcome, length, notes or decision",
            id="call-correct",
        ),
        Binding(
            "delete", "delete", "Delete call", tooltip="Remove a call logged by mistake (asks first)", id="call-delete"
        ),
    ]

    @dataclass
    class Picked(Message):
        """A call to correct, or (`delete`) to remove."""

        call_id: str
        delete: bool = False

    def show_lines(self, lines: list[tuple[str, str | None]]) -> None:
        """(text, call id or None): a line with an id is a call that can be corrected."""
        self.clear_options()
        self.add_options([Option(text, id=call_id, disabled=call_id is None) for text, call_id in lines])

    def _picked(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("correct", "delete"):
            return self._picked() is not None
        return True

    def action_correct(self) -> None:
        if (call_id := self._picked()) is not None:
            self.post_message(self.Picked(call_id))

    def action_delete(self) -> None:
        if (call_id := self._picked()) is not None:
            self.post_message(self.Picked(call_id, delete=True))
