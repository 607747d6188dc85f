"""D4 edited in place: each key qualification beside the employer need it answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from ..domain.models import QUALIFICATIONS_AT_MOST, Qualification

__all__ = ["QualificationsEditor"]


class QualificationRow(Horizontal):
    def __init__(self, qualification: Qualification) -> None:
        super().__init__(classes="qualification-row")
        self.qualification = qualification

    def compose(self) -> ComposeResult:
        yield Input(self.qualification.qualification, placeholder="What you bring", classes="qual-what")
        yield Input(self.qualification.employer_need, placeholder="The need it answers", classes="qual-need")
        yield Button("✕", classes="qual-remove", tooltip="Remove this qualification")

    def value(self) -> Qualification | None:
        what = self.query_one(".qual-what", Input).value.strip()
        need = self.query_one(".qual-need", Input).value.strip()
        return Qualification(what, need) if what else None


class QualificationsEditor(Vertical):
    """Rows of two inputs; every change is posted up as the whole list. Esc closes it."""

    BINDINGS = [Binding("escape", "done", "Done", tooltip="Close the qualifications editor", id="qualifications-done")]

    class Done(Message):
        """Esc: the user is done editing."""

    @dataclass
    class Changed(Message):
        qualifications: list[Qualification]

    def __init__(self, qualifications: Sequence[Qualification], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._start = [Qualification(q.qualification, q.employer_need) for q in qualifications]

    def compose(self) -> ComposeResult:
        for qualification in self._start or [Qualification("")]:
            yield QualificationRow(qualification)
        yield Static("", classes="qual-warning")
        yield Button("+ qualification", classes="qual-add", tooltip="Add one more (keep the list short)")

    def on_mount(self) -> None:
        self._warn()

    def action_done(self) -> None:
        self.post_message(self.Done())

    def values(self) -> list[Qualification]:
        return [q for row in self.query(QualificationRow) if (q := row.value()) is not None]

    def _warn(self) -> None:
        count = len(self.query(QualificationRow))
        warning = self.query_one(".qual-warning", Static)
        warning.display = count > QUALIFICATIONS_AT_MOST
        warning.update(
            f"{count} qualifications: the list is meant to be short; keep the best {QUALIFICATIONS_AT_MOST}."
        )

    def _changed(self) -> None:
        self._warn()
        self.post_message(self.Changed(self.values()))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed()

    @on(Button.Pressed, ".qual-add")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        row = QualificationRow(Qualification(""))
        await self.mount(row, before=self.query_one(".qual-warning"))
        row.query_one(Input).focus()
        self._warn()

    @on(Button.Pressed, ".qual-remove")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        if isinstance(row, QualificationRow):
            await row.remove()
            self._changed()
