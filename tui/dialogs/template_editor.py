"""Your own words for a script: edit its template, checked as you type, with a live preview."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from ..domain.templates import DEFAULT_TEMPLATES, PLACEHOLDERS, ScriptKind, validate_template
from ..widgets.soft_wrapped import SoftWrapped
from .keys import FORM_KEYS

__all__ = ["TemplateEditor"]


class TemplateEditor(ModalScreen[dict[str, str] | None]):
    """Dismisses {kind: text} for what changed (a default is stored as ""), or None (escape)."""

    BINDINGS = [
        *FORM_KEYS,
        Binding(
            "ctrl+s",
            "save",
            "Save",
            tooltip="Keep this template (only when it has no errors)",
            id="template-save",
            priority=True,
        ),
        Binding("ctrl+r", "reset", "Default", tooltip="Put the default text back", id="template-reset", priority=True),
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing the template", id="template-cancel"),
    ]

    def __init__(
        self, kind: ScriptKind, text: str, preview: Callable[[str, str], str], subject: str | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.kind, self.text, self.subject = kind, text, subject
        #: Renders (kind, template text) with the selected interview, to show what it would say.
        self.preview = preview

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="template-editor"):
            yield Static(f"Your {self.kind.label.lower()} template", classes="dialog-title")
            if self.subject is not None:
                yield Input(self.subject, placeholder="Subject", id="template-subject")
            with Horizontal(id="template-body"):
                yield SoftWrapped(self.text, id="template-text")
                names = "\n".join(f"[b]${name}[/b] {escape(help)}" for name, help in PLACEHOLDERS.items())
                with VerticalScroll(id="template-names"):
                    yield Static(names)
            yield Static("", classes="field-error", id="template-problems")
            with VerticalScroll(id="template-preview-box"):
                yield Static("", classes="parsed", id="template-preview")
            yield Static("ctrl+s save · ctrl+r default text · escape cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#template-text", TextArea).focus()
        self._check()

    def on_text_area_changed(self) -> None:
        self._check()

    def on_input_changed(self) -> None:
        self._check()

    def _values(self) -> dict[ScriptKind, str]:
        values = {self.kind: self.query_one("#template-text", TextArea).text}
        if self.subject is not None:
            values[ScriptKind.THANK_YOU_SUBJECT] = self.query_one("#template-subject", Input).value
        return values

    def _check(self) -> bool:
        problems: list[str] = []
        warnings: list[str] = []
        for kind, text in self._values().items():
            check = validate_template(kind, text)
            problems += check.errors
            warnings += check.warnings
        lines = [escape(p) for p in problems] + [f"[$warning]{escape(w)}[/]" for w in warnings]
        self.query_one("#template-problems", Static).update("\n".join(lines))
        shown = "" if problems else self.preview(self.kind.value, self._values()[self.kind])
        self.query_one("#template-preview", Static).update(escape(shown))
        return not problems

    def action_save(self) -> None:
        if not self._check():
            self.notify("Fix the template first; nothing was saved.", severity="warning", timeout=4)
            return
        # The default text is stored as "": a later, better default then reaches the user too.
        self.dismiss(
            {kind.value: ("" if text == DEFAULT_TEMPLATES[kind] else text) for kind, text in self._values().items()}
        )

    def action_reset(self) -> None:
        self.query_one("#template-text", TextArea).text = DEFAULT_TEMPLATES[self.kind]
        if self.subject is not None:
            self.query_one("#template-subject", Input).value = DEFAULT_TEMPLATES[ScriptKind.THANK_YOU_SUBJECT]

    def action_cancel(self) -> None:
        self.dismiss(None)
