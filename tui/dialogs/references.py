"""D2: the people who will vouch for you, edited as a small table of inputs."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..domain.models import Reference
from .keys import FORM_KEYS

__all__ = ["ReferencesDialog"]


class ReferenceRow(Horizontal):
    def __init__(self, reference: Reference) -> None:
        super().__init__(classes="reference-row")
        self.reference = reference

    def compose(self) -> ComposeResult:
        yield Input(self.reference.name, placeholder="Name", classes="ref-name")
        yield Input(self.reference.relation, placeholder="Relation", classes="ref-relation")
        yield Input(self.reference.contact, placeholder="Phone or email", classes="ref-contact")
        yield Button("✕", classes="ref-remove", tooltip="Remove this reference")

    def value(self) -> Reference | None:
        name = self.query_one(".ref-name", Input).value.strip()
        if not name:
            return None
        return Reference(
            name,
            self.query_one(".ref-relation", Input).value.strip(),
            self.query_one(".ref-contact", Input).value.strip(),
        )


class ReferencesDialog(ModalScreen[list[Reference] | None]):
    """Dismisses the new list (ctrl+s), or None (escape). Rows without a name are dropped."""

    BINDINGS = [
        *FORM_KEYS,
        Binding("ctrl+s", "save", "Save", tooltip="Keep these references", id="refs-save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything", id="refs-cancel"),
    ]

    def __init__(self, references: Sequence[Reference]) -> None:
        super().__init__(classes="dialog-screen")
        self.references = references

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("References: name, relation, how to reach them", classes="dialog-title")
            with VerticalScroll(id="ref-rows"):
                for reference in self.references or [Reference("")]:
                    yield ReferenceRow(reference)
            with Horizontal(classes="dialog-buttons"):
                yield Button("+ reference", id="ref-add")
                yield Button("Save (ctrl+s)", variant="primary", id="ref-save")
                yield Button("Cancel (esc)", id="ref-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Button.Pressed, "#ref-add")
    async def _add(self) -> None:
        row = ReferenceRow(Reference(""))
        await self.query_one("#ref-rows").mount(row)
        row.query_one(Input).focus()

    @on(Button.Pressed, ".ref-remove")
    async def _remove(self, event: Button.Pressed) -> None:
        if isinstance(row := event.button.parent, ReferenceRow):
            await row.remove()

    @on(Button.Pressed, "#ref-save")
    def action_save(self) -> None:
        self.dismiss([r for row in self.query(ReferenceRow) if (r := row.value()) is not None])

    @on(Button.Pressed, "#ref-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
