"""Someone else wrote (or removed) the workbook file while it was open: say so, and let the user choose.

The dialog comes unasked, often mid-sentence, so no key typed a moment ago may answer it: the
choices take a ctrl key, or Tab to a button and Enter. Nothing is focused when it opens (Enter
and Space do nothing), and letters typed meanwhile are held back where the user sees them.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..domain.fields import printable

__all__ = ["FileChangedDialog"]

#: How much of what was typed meanwhile the dialog shows (the end of it).
_HELD_SHOWN = 60
#: The binding behind each button (quitting is the app's own key).
_BINDING_OF = {"reload": "changed-reload", "mine": "changed-mine", "back": "changed-write-back", "quit": "quit-now"}


class FileChangedDialog(ModalScreen[str]):
    """Dismisses "reload" (take theirs, keep the notes being typed), "mine" (write this version over
    theirs, or back where the file was) or "quit" (leave; what is unsaved goes to a rescue file)."""

    AUTO_FOCUS = ""  # not None: None means "the app's choice", which focuses the first button
    BINDINGS = [
        Binding(
            "ctrl+r",
            "choose('reload')",
            "Reload",
            tooltip="Take the file as it is now; your notes are kept",
            id="changed-reload",
        ),
        Binding("ctrl+o", "choose('mine')", "Keep mine", tooltip="Write your version over theirs", id="changed-mine"),
        Binding(
            "ctrl+w",
            "choose('back')",
            "Write it back",
            tooltip="The file is gone: write everything in memory back to it",
            id="changed-write-back",
        ),
    ]

    def __init__(self, path: Path, *, gone: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.path = path
        self.gone = gone
        #: What was typed while the dialog was open: shown, and never taken as an answer.
        self.held = ""

    def compose(self) -> ComposeResult:
        where = printable(str(self.path))
        with Vertical(classes="dialog", id="file-changed"):
            if self.gone:
                yield Static("The workbook file is gone", classes="dialog-title")
                yield Static(
                    Text(
                        f"Another program deleted or moved {where} while followup had it open. Everything, "
                        "your notes too, is still here in memory; nothing is lost yet.\n\n"
                        "Write it back: save all of it to that file again.\n"
                        "Quit: leave; what is not saved goes to a rescue file, and its name is printed."
                    ),
                    classes="dialog-text",
                )
            else:
                yield Static("The workbook file changed underneath", classes="dialog-title")
                yield Static(
                    Text(
                        f"Another program (a sync client, an editor, another tool) wrote {where} "
                        "while followup had it open. Nothing was written over it.\n\n"
                        "Reload: take the file as it is now, and put the notes you are typing back in.\n"
                        "Keep mine: write followup's version over the other program's changes."
                    ),
                    classes="dialog-text",
                )
            with Horizontal(classes="dialog-buttons"):
                if self.gone:
                    yield Button("Write it back", variant="primary", id="back")
                    yield Button("Quit", id="quit")
                else:
                    yield Button("Reload, keep my notes", variant="primary", id="reload")
                    yield Button("Keep mine", variant="warning", id="mine")
            yield Static("", id="changed-hint", classes="dialog-hint")
            yield Static("", id="changed-held", classes="dialog-hint")

    def on_mount(self) -> None:
        keys = self._keys()
        for button in self.query(Button):
            key = keys.get(_BINDING_OF.get(button.id or "", ""), "")
            if key:
                button.label = f"{button.label} ({key})"
        choices = ("changed-write-back",) if self.gone else ("changed-reload", "changed-mine")
        shown = " or ".join(keys[name] for name in choices if name in keys)
        self.query_one("#changed-hint", Static).update(
            Text(f"Choose with {shown}, or Tab to a button and Enter. Typing waits until you choose.")
        )

    def _keys(self) -> dict[str, str]:
        """Each choice's key as it is bound now (a keymap may have moved it), for the buttons and the hint."""
        from ..keymap import bindings_of

        keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
        found = {
            binding.id: self.app.get_key_display(binding.with_key(keys[0]))
            for binding, keys in bindings_of(type(self), keymap)
            if binding.id and keys
        }
        quit_key = keymap.get("quit-now", "ctrl+q").split(",")[0]
        found["quit-now"] = self.app.get_key_display(Binding(quit_key, "quit"))
        return found

    def on_key(self, event: events.Key) -> None:
        """A letter meant for the notes: held back in plain view, never an answer, never sent elsewhere."""
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.held += event.character
            shown = self.held if len(self.held) <= _HELD_SHOWN else "…" + self.held[-_HELD_SHOWN:]
            self.query_one("#changed-held", Static).update(Text(f"Held back, not typed anywhere: “{printable(shown)}”"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Reload and keep mine while the file is there; write it back once it is gone."""
        if action == "choose" and parameters:
            return (parameters[0] == "back") == self.gone
        return True
