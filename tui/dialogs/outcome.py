"""How did the call go? One key per outcome (D18)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..domain.models import Outcome

__all__ = ["OUTCOME_KEYS", "OutcomeDialog"]

#: The key that records each outcome.
OUTCOME_KEYS: dict[Outcome, str] = {
    Outcome.NO_ANSWER: "n",
    Outcome.VOICEMAIL_LEFT: "v",
    Outcome.SPOKE: "s",
    Outcome.SOMEONE_ELSE: "o",
    Outcome.BUSY: "b",
    Outcome.WRONG_NUMBER: "w",
    Outcome.WILL_CALL_BACK: "l",
}


class OutcomeDialog(ModalScreen[Outcome | None]):
    """Dismisses the outcome chosen, or None (escape) to go back to the call."""

    BINDINGS = [
        Binding(key, f"choose('{outcome.value}')", outcome.label, tooltip=f"Record: {outcome.label}", id=f"outcome-{outcome.value}")
        for outcome, key in OUTCOME_KEYS.items()
    ] + [Binding("escape", "back", "Back to the call", tooltip="The call is not over yet", id="outcome-back")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small", id="outcome-dialog"):
            yield Static("How did the call go?", classes="dialog-title")
            for outcome, key in OUTCOME_KEYS.items():
                yield Static(f"[b]{key}[/b]  {outcome.label}", classes="outcome-choice")
            yield Static("escape: back to the call", classes="dialog-hint")

    def action_choose(self, value: str) -> None:
        self.dismiss(Outcome(value))

    def action_back(self) -> None:
        self.dismiss(None)
