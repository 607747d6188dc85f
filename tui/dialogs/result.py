"""How did the application end? One key per result; still waiting opens the follow-up again."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from ..domain.models import Result
from .choice import KeyChoiceDialog

__all__ = ["RESULT_KEYS", "ResultDialog"]

#: The key that records each result.
RESULT_KEYS: dict[Result, str] = {
    Result.NEXT_ROUND: "n",
    Result.OFFER: "o",
    Result.REJECTED: "r",
    Result.WITHDRAWN: "w",
    Result.NO_REPLY: "y",
    Result.WAITING: "a",
}


class ResultDialog(KeyChoiceDialog[Result]):
    """Dismisses the result chosen, or None (escape)."""

    PROMPT = "How did it end?"
    HINT = "Next round opens the next interview, carried over · escape: cancel"
    KEYS = RESULT_KEYS
    DIALOG_ID = "result-dialog"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                key,
                f"choose('{result.value}')",
                result.label,
                tooltip=f"Record: {result.label}",
                id=f"result-{result.value}",
            )
            for result, key in RESULT_KEYS.items()
        ),
        Binding("escape", "back", "Cancel", tooltip="Leave the result as it is", id="result-cancel"),
    ]

    def action_choose(self, value: str) -> None:
        self.dismiss(Result(value))

    def action_back(self) -> None:
        self.dismiss(None)
