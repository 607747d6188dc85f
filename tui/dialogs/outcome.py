"""How did the call go? One key per outcome (D18)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from ..domain.models import Outcome
from .choice import KeyChoiceDialog

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


class OutcomeDialog(KeyChoiceDialog[Outcome]):
    """Dismisses the outcome chosen, or None (escape) to go back to the call."""

    PROMPT = "How did the call go?"
    HINT = "escape: back to the call"
    KEYS = OUTCOME_KEYS
    DIALOG_ID = "outcome-dialog"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                key,
                f"choose('{outcome.value}')",
                outcome.label,
                tooltip=f"Record: {outcome.label}",
                id=f"outcome-{outcome.value}",
            )
            for outcome, key in OUTCOME_KEYS.items()
        ),
        Binding("escape", "back", "Back to the call", tooltip="The call is not over yet", id="outcome-back"),
    ]

    def action_choose(self, value: str) -> None:
        self.dismiss(Outcome(value))

    def action_back(self) -> None:
        self.dismiss(None)
