"""Correct a call already logged: its outcome, length, notes and their decision; or delete it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ..domain.models import CallAttempt, Outcome
from ..widgets.field_error import FieldError
from ..widgets.soft_wrapped import SoftWrapped
from .keys import FORM_KEYS

__all__ = ["CallCorrection", "CorrectCallDialog"]

#: The outcome choice for "none recorded".
_NONE = "none"


@dataclass(frozen=True)
class CallCorrection:
    """What the user changed; `delete` asks for the call to go."""

    outcome: Outcome | None = None
    minutes: float | None = None
    notes: str = ""
    decision: str = ""
    delete: bool = False


class CorrectCallDialog(ModalScreen[CallCorrection | None]):
    """Dismisses the correction (ctrl+s), a deletion (the Delete button), or None (escape)."""

    BINDINGS = [
        *FORM_KEYS,
        Binding("ctrl+s", "save", "Save", tooltip="Keep the corrected call", id="correct-save"),
        Binding("escape", "cancel", "Cancel", tooltip="Leave the call as it was", id="correct-cancel"),
    ]

    def __init__(self, call: CallAttempt, when: str) -> None:
        super().__init__(classes="dialog-screen")
        self.call = call
        self.when = when

    def compose(self) -> ComposeResult:
        call = self.call
        minutes = "" if call.duration_seconds is None else f"{call.duration_seconds / 60:.1f}".removesuffix(".0")
        choices = [(outcome.label, outcome.value) for outcome in Outcome] + [("No outcome recorded", _NONE)]
        with Vertical(classes="dialog form", id="correct-call"):
            yield Static(f"Correct the call of {self.when}", classes="dialog-title")
            with VerticalScroll(id="correct-fields"):
                with Horizontal(classes="field-row"):
                    yield Label("How it went", classes="field-label")
                    yield Select(
                        choices, value=call.outcome.value if call.outcome else _NONE, allow_blank=False, id="c-outcome"
                    )
                with Horizontal(classes="field-row"):
                    yield Label("Minutes", classes="field-label")
                    with Vertical(classes="field-box"):
                        yield Input(minutes, placeholder="e.g. 4", id="c-minutes")
                        yield FieldError(id="c-minutes-error")
                with Horizontal(classes="field-row"):
                    yield Label("They decide by", classes="field-label")
                    yield Input(placeholder="only if it changed, e.g. “end of next week”", id="c-decision")
                yield Label("Notes from the call", classes="field-label area-label")
                yield SoftWrapped(call.notes, id="c-notes", classes="form-area", tab_behavior="focus")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Delete this call…", variant="error", id="delete")
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#c-outcome", Select).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        typed = self.query_one("#c-minutes", Input).value.strip()
        error = self.query_one("#c-minutes-error", FieldError)
        try:
            minutes = float(typed) if typed else None
        except ValueError:
            error.show(f"“{typed}” is not a number of minutes.")
            return
        if minutes is not None and not 0 <= minutes <= 300:
            error.show(f"{minutes:g} minutes is not a call length (0 to 300).")
            return
        chosen = self.query_one("#c-outcome", Select).value
        self.dismiss(
            CallCorrection(
                outcome=None if chosen == _NONE else Outcome(str(chosen)),
                minutes=minutes,
                notes=self.query_one("#c-notes", TextArea).text,
                decision=self.query_one("#c-decision", Input).value.strip(),
            )
        )

    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        self.dismiss(CallCorrection(delete=True))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
