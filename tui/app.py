"""The followup app: a thin shell that holds the session, the user's keys and the main screen."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.constants import DEFAULT_THEME
from textual.filter import LineFilter
from textual.reactive import Initialize, Reactive
from textual.screen import Screen

from .domain.fields import UNSHOWABLE, printable
from .screens.key_hold import Handled, KeyHold, KeysInOrder
from .screens.main import MainScreen
from .screens.start_up import StartUp
from .session import Session
from .store import StoreError

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.color import Color
    from textual.dom import DOMNode

    from .store import Workbook

__all__ = ["FollowupApp", "binding_classes", "make_app"]


def user_clock(workbook: Workbook) -> Callable[[], datetime]:
    """The default clock: now on the machine (the session reads it in the user's zone).

    FOLLOWUP_NOW (an ISO-8601 moment, as the verbs take it) starts the clock there and lets it run on,
    so a test in a real terminal can watch a call window open.
    """
    try:
        start = datetime.fromisoformat(os.environ.get("FOLLOWUP_NOW", "").strip())
    except ValueError:
        return lambda: datetime.now().astimezone()
    start = start if start.tzinfo is not None else start.astimezone()
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def interview_commands():
    """The palette's 'Open …' commands, imported only when the palette first opens."""
    from .screens.commands import InterviewCommands

    return InterviewCommands


def binding_classes() -> list[type[DOMNode]]:
    """Every class of the app that has key bindings: what a keymap may name, and help lists."""
    from .dialogs.card import CardDialog
    from .dialogs.confirm import ConfirmDialog
    from .dialogs.correct_call import CorrectCallDialog
    from .dialogs.decision import DecisionDialog
    from .dialogs.drafts import DraftsDialog
    from .dialogs.file_changed import FileChangedDialog
    from .dialogs.interrupted import InterruptedCallDialog
    from .dialogs.interview_form import InterviewForm
    from .dialogs.outcome import OutcomeDialog
    from .dialogs.profile import ProfileDialog
    from .dialogs.references import ReferencesDialog
    from .dialogs.result import ResultDialog
    from .dialogs.self_check import SelfCheckDialog
    from .dialogs.template_editor import TemplateEditor
    from .dialogs.text_prompt import TextPrompt
    from .dialogs.thank_you import ChannelDialog
    from .screens.agenda import AgendaScreen
    from .screens.help import HelpScreen
    from .screens.practice import PracticeScreen
    from .screens.stats import StatsScreen
    from .widgets.call_history import CallHistory
    from .widgets.checklist import Checklist
    from .widgets.interview_list import InterviewList
    from .widgets.list_pane import ListPane
    from .widgets.notes_editor import NotesEditor
    from .widgets.qualifications import QualificationsEditor

    return [
        FollowupApp, MainScreen, InterviewList, ListPane, Checklist, QualificationsEditor, NotesEditor, CallHistory,
        HelpScreen, OutcomeDialog, DecisionDialog, DraftsDialog, ChannelDialog, ConfirmDialog, InterviewForm,
        ProfileDialog, ReferencesDialog, TemplateEditor, TextPrompt, FileChangedDialog, CorrectCallDialog,
        InterruptedCallDialog, PracticeScreen, SelfCheckDialog, CardDialog, ResultDialog, AgendaScreen, StatsScreen,
    ]  # fmt: skip


class ShownNotObeyed(LineFilter):
    """The last step before the terminal: a control character or direction mark that a record held
    (written by another tool) is dropped from every line drawn, in every widget. None takes a cell,
    so nothing moves; where text is prepared for display, `printable` shows them as symbols instead."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(UNSHOWABLE.search(segment.text) for segment in segments if not segment.control):
            return segments
        kept = []
        for segment in segments:
            if not segment.control:
                segment = Segment(printable(segment.text, keep_width=True), segment.style)
            if segment.text or segment.control:
                kept.append(segment)
        return kept


class FollowupApp(App[int]):
    """The workbook a job seeker keeps open beside the phone."""

    CSS_PATH = "app.tcss"
    TITLE = "followup"
    COMMANDS = App.COMMANDS | {interview_commands}
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Save everything and leave (ends a call in progress)", id="quit"),
        Binding(
            "ctrl+q", "quit", "Quit", tooltip="Save everything and leave", id="quit-now", show=False, priority=True
        ),
        Binding(
            "question_mark,f1",
            "help",
            "Help",
            tooltip="Every key, and a short guide to following up by phone",
            id="help",
        ),
    ]

    def _chosen_theme(self) -> str:
        """The theme the user chose, else the one an older workbook remembered, else Textual's own."""
        from .locations import preferences_path
        from .preferences import read_preferences

        theme = read_preferences(preferences_path()).get("theme") or self.workbook.setting("theme", "")
        return theme if isinstance(theme, str) and theme in self.available_themes else DEFAULT_THEME

    #: In place before the first styles are worked out: a theme set once the app is mounted has every style
    #: worked out again, and applied to every widget, before the first frame (15-30 ms).
    theme: Reactive[str] = Reactive(Initialize(_chosen_theme))

    def __init__(self, workbook: Workbook, *, demo: bool = False, clock: Callable[[], datetime] | None = None) -> None:
        self.workbook = workbook  # before Textual's own start, which reads the theme (`_chosen_theme`)
        super().__init__()
        self.demo = demo
        self.session = Session(workbook, clock or user_clock(workbook))
        #: The user's own keys as applied (binding id to keys), for help and the palette.
        self.user_keymap: dict[str, str] = {}
        self._main: MainScreen | None = None
        #: Why the workbook was refused once the app had started (a text read after the first frame was not
        #: text): the command says it as it says why a file will not open.
        self.refused: StoreError | None = None
        #: Set once quitting has begun: no key may start anything after that.
        self.leaving = False
        self._shown_not_obeyed = ShownNotObeyed()
        #: Called once, when the app begins to exit (the command arms its shutdown watchdog there).
        self.on_exit: Callable[[], None] | None = None
        #: Called once, when the start is done (the command gives threads their usual turns back there).
        self.on_started: Callable[[], None] | None = None
        #: Keys typed (and text pasted) ahead of the first frame, held until it is drawn, rows and all; and
        #: those typed after a key that opens a dialog, until it is shown.
        self.key_hold = KeyHold()
        self._in_order = KeysInOrder(self)

    def exit(self, result: int | None = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        super().exit(result, return_code, message)
        hook, self.on_exit = self.on_exit, None
        if hook is not None:
            hook()

    @on(StartUp.Done)
    def _started(self) -> None:
        hook, self.on_started = self.on_started, None
        if hook is not None:
            hook()

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's own filters (no colour ...), then the guard that nothing from a record is obeyed."""
        return [*super().get_line_filters(), self._shown_not_obeyed]

    def on_mount(self) -> None:
        from .keymap import load_keymap
        from .locations import keymap_path

        self.user_keymap = load_keymap(self, keymap_path(), binding_classes)
        if self.demo:
            self.sub_title = "demo copy"

    def get_default_screen(self) -> MainScreen:
        """The workbook's screen is the first one: no blank screen is built and styled under it."""
        self._main = MainScreen(self.session, keeps_order=not self.demo)
        return self._main

    async def on_event(self, event: events.Event) -> None:
        if self.key_hold.catch(event):
            return
        if isinstance(event, events.Key) and not event.is_forwarded:
            if not self._in_order.must_wait(event):
                await super().on_event(event)
                self._in_order.sent(event)
            return
        await super().on_event(event)

    @on(Handled)
    async def _answered(self, handled: Handled) -> None:
        """The keys handed on before a key the app acts on at once are answered: it, and those after it, now."""
        for event in self._in_order.answered(handled):
            await self.on_event(event)

    def on_ready(self) -> None:
        gc.enable()  # the `followup` command turns the cycle collector off while the app starts
        try:  # a pasted log's text, left unread for the first rows to show sooner: before any key
            left = self.workbook.read_the_rest()
        except StoreError as error:
            self.refused = error
            self.exit(return_code=1)
            return
        if self._main is not None:
            if left:
                self._main.watch_selected()  # its notes and calls as they are
            self._main.start_up.first_frame_shown()
        self.call_next(self.let_keys_go)

    async def let_keys_go(self, hold: int | None = None) -> None:
        """The keys held (see `KeyHold`), in the order typed, handed to what is on screen now: the rows, once the
        first frame is drawn; a dialog, once it is shown. `hold`: only when that hold is still the one on."""
        for event in self.key_hold.end(hold):
            await self.on_event(event)  # in turn: one may open a dialog, or wait for those before it

    def watch_theme(self, theme: str) -> None:
        """The theme is the user's choice, remembered in the user's config folder for every workbook."""
        from .locations import preferences_path
        from .preferences import read_preferences, save_preference

        path = preferences_path()
        if read_preferences(path).get("theme") == theme:
            return
        try:
            save_preference(path, "theme", theme)
        except OSError as error:
            self.notify(
                f"The theme is in use but could not be kept in {path}: {error.strerror or error}.", markup=False
            )

    @property
    def main(self) -> MainScreen | None:
        return self._main

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from .screens.commands import app_commands

        yield from app_commands(self, screen, super().get_system_commands(screen), self.user_keymap)

    def action_help(self) -> None:
        """Keys and the short guide; ? or F1 again closes it."""
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(binding_classes()))

    async def action_quit(self) -> None:
        """Quit from anywhere; during a call, ask once first (the attempt is recorded as ended now)."""
        main = self._main
        if main is not None and main.in_call:
            self._confirm_quit()
        else:
            self.leave()

    @work(group="dialogs", exclusive=True)
    async def _confirm_quit(self) -> None:
        from .screens.flows import confirm

        question = (
            "You are on a call. End the call and quit?\n"
            "It is recorded as ended now; you can say how it went when you open followup again."
        )
        if await confirm(self, question, "End call and quit", "Back to the call"):
            self.call_later(self.leave)  # from the loop, not from inside this worker, which exiting waits for

    def leave(self) -> None:
        """Save, end a call in progress, and go; keys that arrive after this do nothing."""
        self.leaving = True
        self.finish_work()
        self.exit(0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.leaving

    def finish_work(self) -> None:
        """End a call in progress as ended now and hand everything typed to the session; idempotent."""
        if self._main is not None:
            self._main.finish_work()

    def keep_list_order(self) -> None:
        """Keep the list's order for the next start (a cache: nothing is lost without it)."""
        if self._main is not None:
            self._main.start_up.keep_list_order()


def make_app(workbook: Workbook, *, demo: bool = False, clock: Callable[[], datetime] | None = None) -> FollowupApp:
    """The one factory: the CLI and the tests build the app the same way."""
    # The opened workbook's documents live as long as the app: keep the collector from re-scanning
    # them on every pass while the first frame is built (worth ~40% of it at 10,000 interviews).
    gc.freeze()
    return FollowupApp(workbook, demo=demo, clock=clock)
