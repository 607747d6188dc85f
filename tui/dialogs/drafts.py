"""What to say, drafted from the record: voicemail, talking points, thank-you email, to copy."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from ..domain.scripts import Draft
from ..domain.speaking import spoken_length

__all__ = ["DRAFT_KEYS", "DraftsDialog"]

#: (key, title) for each draft, by its ScriptKind value.
DRAFT_KEYS: dict[str, tuple[str, str]] = {
    "voicemail": ("v", "Voicemail"),
    "talking_points": ("t", "Talking points"),
    "thank_you_email": ("m", "Thank-you email"),
}


class DraftsDialog(ModalScreen[str | None]):
    """Shows one draft at a time; y copies it; e dismisses with its kind, to edit its template."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, f"show('{kind}')", title, tooltip=f"Show the {title.lower()}", id=f"draft-{kind}")
            for kind, (key, title) in DRAFT_KEYS.items()
        ),
        Binding("y", "copy", "Copy", tooltip="Copy the draft shown to the clipboard", id="draft-copy"),
        Binding("e", "edit", "Edit template", tooltip="Put the draft shown in your own words", id="draft-edit"),
        Binding("escape,q", "close", "Close", tooltip="Back to the workbook", id="draft-close"),
    ]

    shown: reactive[str] = reactive("voicemail", init=False)
    """The kind of draft on screen."""

    def __init__(self, drafts: Mapping[str, Draft], first: str = "voicemail") -> None:
        super().__init__(classes="dialog-screen")
        self.drafts = drafts
        self.set_reactive(DraftsDialog.shown, first)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="drafts-dialog"):
            yield Static("", classes="dialog-title", id="draft-tabs")
            with VerticalScroll(id="draft-scroll"):
                yield Static("", id="draft-text")
            yield Static("", classes="dialog-hint", id="draft-length")
            yield Static("", classes="field-error", id="draft-missing")
            yield Static("v t m: switch · y: copy · e: your own words · escape: close", classes="dialog-hint")

    def on_mount(self) -> None:
        self.watch_shown(self.shown)

    def watch_shown(self, kind: str) -> None:
        tabs = "   ".join(
            f"[reverse] {key} {title} [/]" if name == kind else f"{key} {title}"
            for name, (key, title) in DRAFT_KEYS.items()
        )
        self.query_one("#draft-tabs", Static).update(tabs)
        draft = self.drafts[kind]
        head = f"[b]To:[/b] {escape(draft.to)}\n[b]Subject:[/b] {escape(draft.subject)}\n\n" if draft.subject else ""
        self.query_one("#draft-text", Static).update(head + escape(draft.text))
        length = self.query_one("#draft-length", Static)
        length.update(spoken_length(draft.text).line if kind == "voicemail" else "")
        length.display = kind == "voicemail"
        self.query_one("#draft-missing", Static).update("\n".join(f"! {escape(gap)}" for gap in draft.missing))

    def action_show(self, kind: str) -> None:
        self.shown = kind

    def action_copy(self) -> None:
        from ..clipboard import system_copy

        draft, title = self.drafts[self.shown], DRAFT_KEYS[self.shown][1].lower()
        self.app.copy_to_clipboard(draft.clipboard())  # the terminal's clipboard, and paste inside followup
        if tool := system_copy(draft.clipboard()):
            self.notify(f"Copied the {title} to the clipboard (with {tool}).", timeout=4)
        else:
            self.notify(
                f"Sent the {title} to the terminal's clipboard. If pasting gives nothing, your terminal "
                "does not take it: select the text and copy it.",
                timeout=8,
            )

    def action_edit(self) -> None:
        self.dismiss(self.shown)

    def action_close(self) -> None:
        self.dismiss(None)
