"""Help (? and F1): the keys, grouped and read from the bindings themselves, and a short guide."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.dom import DOMNode
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Static

from ..domain.guide import GUIDE
from ..keymap import binding_ids, bindings_of

__all__ = ["CALL_IDS", "HelpScreen", "key_groups"]

#: Bindings of the main screen that belong with the call rather than the list.
CALL_IDS = frozenset(
    {"start-call", "end-call", "switch-script", "scroll-script-down", "scroll-script-up", "drafts", "thank-you"}
)

KeyRow = tuple[str, str, str]  # keys shown, what it does, the longer word


def _sources(app: App[Any]) -> list[tuple[str, list[tuple[type[DOMNode], Callable[[Binding], bool]]]]]:
    from ..dialogs.drafts import DraftsDialog
    from ..dialogs.outcome import OutcomeDialog
    from ..dialogs.thank_you import ChannelDialog
    from ..widgets.call_history import CallHistory
    from ..widgets.checklist import Checklist
    from ..widgets.interview_list import InterviewList
    from ..widgets.list_pane import ListPane
    from ..widgets.notes_editor import NotesEditor
    from .main import MainScreen

    def anything(binding: Binding) -> bool:
        return True

    return [
        (
            "Interviews",
            [
                (MainScreen, lambda b: b.id not in CALL_IDS),
                (InterviewList, anything),
                (ListPane, anything),
            ],
        ),
        ("Checklist", [(Checklist, anything)]),
        (
            "Call",
            [
                (MainScreen, lambda b: b.id in CALL_IDS),
                (NotesEditor, anything),
                (CallHistory, anything),
                (OutcomeDialog, anything),
                (DraftsDialog, anything),
                (ChannelDialog, anything),
            ],
        ),
        ("App", [(type(app), anything)]),
    ]


def key_groups(app: App[Any]) -> list[tuple[str, list[KeyRow]]]:
    """The keys as the app binds them now (the user's keymap included), in four groups."""
    keymap: dict[str, str] = getattr(app, "user_keymap", {})
    groups: list[tuple[str, list[KeyRow]]] = []
    for title, sources in _sources(app):
        rows: list[KeyRow] = []
        for cls, wanted in sources:
            for binding, keys in bindings_of(cls, keymap):
                if wanted(binding) and binding.description:
                    shown = " ".join(app.get_key_display(binding.with_key(key)) for key in keys)
                    if rows and rows[-1][1:] == (binding.description, binding.tooltip):
                        shown = f"{rows.pop()[0]} {shown}"  # one row for a digit and its function key
                    rows.append((shown, binding.description, binding.tooltip))
        if title == "App" and app.ENABLE_COMMAND_PALETTE:
            palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette", key_display=app.COMMAND_PALETTE_DISPLAY)
            rows.insert(
                0, (app.get_key_display(palette), "Commands", "Every action by name; type a company to open it")
            )
        groups.append((title, rows))
    return groups


class HelpScreen(ModalScreen[None]):
    """Scrolls with the arrows and page keys; escape, q or ? close it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help {
        width: 100%; max-width: 100; height: 100%; max-height: 48;
        border: round $primary; border-title-color: $primary; border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface; padding: 0 1;
    }
    HelpScreen .help-heading { color: $accent; text-style: bold; margin: 1 0 0 0; }
    HelpScreen .help-keys { grid-size: 2; grid-columns: 8 1fr; grid-gutter: 0 2; height: auto; }
    HelpScreen .help-key { color: $accent; text-style: bold; text-align: right; }
    HelpScreen .help-guide { grid-size: 2; grid-columns: 3 1fr; height: auto; }
    HelpScreen .help-bullet { color: $text-muted; text-align: right; padding: 0 1 0 0; }
    HelpScreen .help-own { padding: 0 0 0 3; }
    HelpScreen .help-intro { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close", tooltip="Back to the workbook", id="help-close"),
    ]

    def __init__(self, keyed: Iterable[type[DOMNode]]) -> None:
        super().__init__()
        #: Every class with key bindings, for the list of names a keymap may use.
        self.keyed = list(keyed)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Help"
            scroll.border_subtitle = "↑ ↓ scroll · escape closes"
            yield Static("Every key, and a short guide to following up by phone.", classes="help-intro")
            for title, rows in key_groups(self.app):
                yield Static(title, classes="help-heading")
                with Grid(classes="help-keys"):
                    for keys, what, why in rows:
                        yield Static(escape(keys), classes="help-key")
                        yield Static(self._described(what, why))
            for heading, advice in GUIDE:
                yield Static(heading, classes="help-heading")
                with Grid(classes="help-guide"):
                    for text, _rule in advice:  # the rule's id stays in the code; the user reads its words
                        yield Static("•", classes="help-bullet")
                        yield Static(escape(text))
            yield Static("Your own keys and colours", classes="help-heading")
            yield Static(self._own_keys(), classes="help-own")

    @staticmethod
    def _described(what: str, why: str) -> str:
        """The footer's word in bold, then the longer one unless it only repeats it."""
        if not why or what.lower() in why.lower():
            return f"[b]{escape(what)}[/b]" if not why else escape(why)
        return f"[b]{escape(what)}[/b]  [$text-muted]{escape(why)}[/]"

    def _own_keys(self) -> str:
        from ..locations import keymap_path

        names = ", ".join(sorted(binding_ids(self.keyed)))
        return escape(
            "The command palette's “Theme” changes the colours; the workbook remembers your choice. "
            f"To move a key, write {keymap_path()} like this:\n\n"
            '  [keys]\n  start-call = "ctrl+k"\n\n'
            f"and start again. The names: {names}."
        )

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_close(self) -> None:
        self.dismiss(None)
