"""The right pane: notes that save themselves, the call's opening line and scripts, and the call history."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from .call_history import CallHistory
from .call_scripts import CallScripts

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from ..domain.models import Interview
    from ..session import NotesOwner
    from ..store import SaveState

__all__ = ["NotesPane"]

#: Keys that follow one another this closely are handed up together (the store saves soon after).
HAND_UP = 0.1
#: The most of one note the editor holds: the editor's cost per key grows with its lines, so of a
#: longer note (a pasted log) it shows the end, and the start is kept aside and saved unchanged.
SHOWN_AT_MOST = 100_000


def split_for_editor(text: str) -> tuple[int, str]:
    """(kept aside, shown): all of a note up to SHOWN_AT_MOST characters, else its last lines that fit,
    and how many characters before them are kept aside. The start is not copied: it stays in `text`."""
    if len(text) <= SHOWN_AT_MOST:
        return 0, text
    cut = len(text) - SHOWN_AT_MOST
    line_start = text.find("\n", cut) + 1
    if 0 < line_start < len(text):
        cut = line_start
    return cut, text[cut:]


def _size(characters: int) -> str:
    return f"{characters / 1_000_000:.1f} MB" if characters >= 1_000_000 else f"{characters // 1000} KB"


class NotesPane(Vertical):
    """Shows one record's notes: the selected interview's, or those of the call in progress."""

    @dataclass
    class NotesTyped(Message):
        """Typing to hand to the record it was typed for, once per short burst (never once per key).

        `text` is None when the editor still shows that record: read it when handling the message.
        It is the text itself only when the editor is about to show another record.
        """

        text: str | None
        owner: NotesOwner | None

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: Whose text the editor holds, so typing is never written to a record selected since.
        self.owner: NotesOwner | None = None
        self._pending: Timer | None = None
        self._unsent = False
        self._loaded = ""  # the text last put in the editor or handed up: anything else there is new typing
        self._source: str | None = None  # the record's text as last put in the editor, whole
        self._cut = 0  # how much of its start is kept aside (left in `_source`): the editor shows what follows
        self._status = ("", "")
        self._save_shown: tuple[object, ...] | None = None
        self._editor: TextArea | None = None  # kept once built: every hand-up of typing asks for it
        #: Kept once built too: while the app quits, its widgets are taken down, and a record may still be shown.
        self._history: CallHistory | None = None
        self._building: asyncio.Event | None = None  # set once the editor is built, for all who wait on it
        #: What the editor is to show once it is built: the record's text, and the lines below it.
        self._text_waiting: str | None = None
        self._lines_waiting: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        yield Static("Notes", id="notes-title")
        yield Static("", id="opening")

    async def build(self) -> None:
        """The editor, scripts and history, with what they are to show: mounted after the first frame, which
        does not need them. Built once, whoever asks first (the start, or a key that needs the editor
        before the start got to it); whoever asks meanwhile waits for that one."""
        if self._building is not None:
            await self._building.wait()
            return
        self._building = building = asyncio.Event()
        try:
            scripts = CallScripts(id="scripts")
            scripts.display = False
            from .notes_editor import NotesEditor  # the editor's module loads after the first frame

            editor = NotesEditor(disabled=self.owner is None)  # given, not set after: set, it is styled again
            history = CallHistory(id="history")
            await self.mount_all([editor, scripts, history])
            self._editor, self._history = editor, history
            editor.disabled = self.owner is None  # a record may have come to be shown while it was mounted
            if self._text_waiting is not None:
                self._fill(editor, self._text_waiting, *split_for_editor(self._text_waiting))
            history.show_lines(self._lines_waiting)
            self._text_waiting, self._lines_waiting = None, []
        finally:
            building.set()

    @property
    def built(self) -> bool:
        """Whether the editor, scripts and history are there."""
        return self._editor is not None

    @property
    def editor(self) -> TextArea:
        if self._editor is not None:
            return self._editor
        from textual.widgets import TextArea

        return self.query_one("#notes", TextArea)  # not built yet: NoMatches, as for any pane part

    @property
    def scripts(self) -> CallScripts:
        return self.query_one(CallScripts)

    @property
    def history(self) -> CallHistory:
        return self._history if self._history is not None else self.query_one(CallHistory)

    def show_interview(self, interview: Interview | None, history: list[tuple[str, str | None]]) -> None:
        """An interview's notes (nothing when none is shown) with its calls and thank-yous below."""
        if interview is None:
            self.load_text("", "Notes")
        else:
            self.load_text(interview.notes, "Notes on this interview", ("interview", interview.id))
        if self.built:
            self.history.show_lines(history)
        else:
            self._lines_waiting = history

    def load_text(self, text: str, title: str, owner: NotesOwner | None = None) -> None:
        """Put a record's text in the editor, the cursor after it; what was typed for another goes up first.

        Of a note longer than SHOWN_AT_MOST the editor shows the end; the title says how much is kept aside.
        """
        if owner != self.owner and self.built and (self._unsent or self.editor.text != self._loaded):
            # typed for the record shown until now, whether or not its change has been handed up yet
            self.post_message(self.NotesTyped(self._whole(self.editor.text), self.owner))
        if owner != self.owner:
            self._quiet()
        previous, self.owner = self.owner, owner
        if self.built and owner == previous and text is self._source:
            return  # the same record's same text shown again (the list sorted): a long one is not cut again
        cut, shown = split_for_editor(text)
        if cut:
            title += f" · the last {_size(len(shown))} of {_size(len(text))} shown, all of it kept"
        self.query_one("#notes-title", Static).update(title)
        editor = self._editor
        if editor is None:
            self._text_waiting = text  # put in the editor once it is built
            return
        editor.disabled = owner is None
        if owner == previous and editor.text != self._loaded:
            return  # the same record again, with typing not yet handed up: the typing is newer
        self._fill(editor, text, cut, shown)

    def _fill(self, editor: TextArea, text: str, cut: int, shown: str) -> None:
        """`text` in the editor, as `split_for_editor` has it (`cut`, `shown`), the cursor after it.

        Loaded again unless it shows this text already; a start kept aside from another text is taken to
        differ, since comparing it would copy it."""
        if cut != self._cut or (cut and text is not self._source) or editor.text != shown:
            with self.prevent(type(editor).Changed):
                editor.load_text(shown)
            editor.move_cursor(editor.document.end)  # typing goes after what is there, never before it
        self._cut, self._loaded, self._source = cut, shown, text

    def _whole(self, shown: str) -> str:
        """The record's text whole: the start kept aside, taken from the text it was kept in, then `shown`."""
        source = self._source
        return source[: self._cut] + shown if source is not None and self._cut else shown

    def _quiet(self) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending, self._unsent = None, False

    def _cooled(self) -> None:
        """The short wait after a hand-up is over: send what came in meanwhile, if anything."""
        self._pending = None
        if self._unsent:
            self._unsent = False
            self.post_message(self.NotesTyped(None, self.owner))
            self._pending = self.set_timer(HAND_UP, self._cooled)

    def take_typed(self) -> tuple[NotesOwner | None, str]:
        """Whose text the editor holds, and the text, taken now (quitting, reloading): nothing waits after."""
        self._quiet()
        if not self.built:
            return None, ""  # nothing typed: the editor is not there yet (nor the text for `owner` in it)
        self._loaded = self.editor.text
        return self.owner, self._whole(self._loaded)

    def text_for(self, owner: NotesOwner | None) -> str | None:
        """The editor's text if it still holds that record's, else None."""
        if not self.built or owner != self.owner:
            return None
        self._loaded = self.editor.text  # handed up now: what is typed after this is what is new
        return self._whole(self._loaded)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """The first change goes up at once; changes that follow within HAND_UP go up together after it."""
        event.stop()
        if self._pending is not None:
            self._unsent = True
            return
        self.post_message(self.NotesTyped(None, self.owner))
        self._pending = self.set_timer(HAND_UP, self._cooled)

    def show_call(self, opening: str = "") -> None:
        """During a call: the opening line above the notes and the scripts below; else the history."""
        in_call = bool(opening)
        self.set_class(in_call, "-in-call")
        opening_line = self.query_one("#opening", Static)
        opening_line.update(opening)
        opening_line.display = in_call
        self.scripts.display = in_call
        self.history.display = not in_call
        if not in_call:
            self.show_timer("")

    def show_timer(self, text: str) -> None:
        self._status = (text, self._status[1])
        self._show_status()

    def show_saving(self, state: SaveState) -> None:
        """The quiet saved indicator, from the background writer's state; redrawn only when it changes."""
        shown = (state.pending, state.saved_at, str(state.error) if state.error else None)
        if shown == self._save_shown:
            return
        self._save_shown = shown
        if state.error is not None:
            self._status = (self._status[0], "[b $error]not saved ✗[/]")  # the banner above says why
        elif state.pending:
            self._status = (self._status[0], "saving…")
        elif state.saved_at is not None:
            self._status = (self._status[0], "saved ✓")
        self._show_status()

    def _show_status(self) -> None:
        """The call's timer and the quiet saved indicator, in the border: they never squeeze the title."""
        self.border_subtitle = " · ".join(part for part in self._status if part)
