"""A call was cut off (the app killed, the terminal closed): still on it, or how did it go?

It appears without being asked, so it never acts on a key that was being typed: the arrows pick a
line and Enter takes it; letters do nothing but say so.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..domain.models import Outcome

__all__ = ["RESUME", "InterruptedCallDialog"]

#: The choice that carries on with the call.
RESUME = "resume"
#: The choice that leaves the attempt as it is (ended, outcome not recorded).
LATER = "later"


class InterruptedCallDialog(ModalScreen[str]):
    """Dismisses RESUME, an Outcome's value, or LATER (escape too)."""

    BINDINGS = [
        Binding(
            "escape",
            "later",
            "Not now",
            tooltip="Leave the call as ended, outcome not recorded",
            id="interrupted-later",
        )
    ]

    def __init__(self, question: str, **kwargs: Any) -> None:
        super().__init__(classes="dialog-screen", **kwargs)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small", id="interrupted-dialog"):
            yield Static("Still on the call, or how did it go?", classes="dialog-title")
            yield Static(self.question, classes="dialog-text")
            options = [Option("Still on the call: carry on", id=RESUME)]
            options += [Option(outcome.label, id=outcome.value) for outcome in Outcome]
            options.append(Option("Not now: leave it as ended, outcome not recorded", id=LATER))
            yield OptionList(*options, id="interrupted-choices")
            yield Static(
                "↑ ↓ to pick · enter to choose · escape: not now", classes="dialog-hint", id="interrupted-hint"
            )

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.focus()
        choices.highlighted = None  # nothing is chosen by a stray Enter: an arrow comes first

    def on_key(self, event: events.Key) -> None:
        if event.is_printable:
            event.stop()
            self.query_one("#interrupted-hint", Static).update("Use ↑ ↓ and enter to choose; typing here does nothing.")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id or LATER)

    def action_later(self) -> None:
        self.dismiss(LATER)
