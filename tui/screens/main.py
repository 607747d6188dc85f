"""The workbook's one screen: interviews, the pre-call checklist and the call notes side by side."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, cast

from rich.markup import escape
from textual import events, on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from ..domain.models import Interview
from ..domain.search import found_in
from ..session import Session
from ..session.results import rounds
from ..widgets.call_history import CallHistory
from ..widgets.checklist import Checklist
from ..widgets.interview_list import InterviewList, Rows
from ..widgets.key_footer import KeyFooter
from ..widgets.list_pane import ListPane
from ..widgets.notes_pane import NotesPane
from ..widgets.panes import Panes, fit_to_width, starting_classes
from ..widgets.save_warning import SaveWarning
from . import after_flows, flows, practice_flows
from .call_view import CallView
from .file_changed import FileChangedWatch
from .key_hold import hold_for_a_dialog, takes_text
from .main_keys import MAIN_BINDINGS, allowed
from .reminders import Reminders
from .repaint import ChangedOnly
from .rows import build_row, guidance_line, history, next_window, recorded_line, whose_time
from .start_up import StartUp

__all__ = ["MainScreen"]


class MainScreen(Screen[None]):
    """Panes post what the user wants; each handler asks the session and shows its answer."""

    BINDINGS = MAIN_BINDINGS

    selected: reactive[str | None] = reactive(None, always_update=True, init=False)
    """The id of the interview the checklist and notes show."""

    show_archived: reactive[bool] = reactive(False, init=False)
    """Whether archived interviews are listed too."""

    def __init__(self, session: Session, *, keeps_order: bool = True) -> None:
        super().__init__()
        self._compositor = ChangedOnly()  # a key typed into the notes repaints the notes alone
        self.session = session
        self._filter_words: list[str] = []
        self._notes_wanted = False  # 3 was pressed before the editor could take the focus
        self.listing = False  # the list may be shown: its rows were put on it at the start
        #: The whole list in its order when last sorted (no filter, none archived): kept for the next start.
        self.sorted_list: list[Interview] | None = None
        self.keeps_order = keeps_order  # not the demo, which leaves nothing behind
        self.call_view = CallView(self, session, self.show_interview, self.front)
        self.reminders = Reminders(self, session, self._relist)
        self.start_up = StartUp(self)
        self._resumed = False
        self.on_top = asyncio.Event()  # set while this screen is shown, no dialog or form over it
        self._notes = NotesPane(id="notes-pane", classes=starting_classes("notes-pane"))

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.ScreenResume) and not self._resumed:
            # Shown for the first time: its widgets are styled as they are mounted, just before the
            # resume is handled, so styling them all over again would only delay the first frame.
            self._resumed = True
            message.refresh_styles = False
        return super().post_message(message)

    def on_screen_resume(self) -> None:
        self.on_top.set()

    def on_screen_suspend(self) -> None:
        self.on_top.clear()
        self.app.screen.call_after_refresh(cast(Any, self.app).let_keys_go)  # what was held goes to it, once shown

    @property
    def in_call(self) -> bool:
        return self.session.active_call is not None

    @property
    def current(self) -> Interview | None:
        return self.session.get(self.selected)

    @property
    def notes(self) -> NotesPane:
        return self._notes

    def compose(self) -> ComposeResult:
        yield Static("[b]1[/b] Interviews   [b]2[/b] Checklist   [b]3[/b] Notes", id="pane-tabs")
        yield Static("", id="guidance")
        fit_to_width(self, self.app.size.width)  # before the panes are mounted: they are styled once
        with Panes(id="panes"):
            yield ListPane(id="list-pane", classes=starting_classes("list-pane"))
            yield Checklist(id="checklist", classes=starting_classes("checklist"))
            yield self._notes
        yield KeyFooter()
        yield SaveWarning()

    async def on_mount(self) -> None:
        self.file_watch = FileChangedWatch(self.app, self.session, self.notes.take_typed, self.reload_from_workbook)
        self.screen.set_focus(self.query_one(InterviewList))
        self.set_interval(0.5, self._poll_save_state)
        await self.start_up.begin()

    @on(StartUp.StepsKnown)
    def _steps_known(self, event: StartUp.StepsKnown) -> None:
        self.start_up.steps_known(event.worked)

    @on(Reminders.Surveyed)
    def _surveyed(self, event: Reminders.Surveyed) -> None:
        """The first look starts the reminders and asks the first questions; each later one shows what changed."""
        if event.first:
            self.start_up.ready(event.survey)
        else:
            self.reminders.show(event.survey)

    def reload_from_workbook(self) -> None:
        """The file was reloaded from disk: show it all again; a call in progress carries on."""
        self.refresh_list()
        if not self.in_call:
            self.selected = self.selected

    # attributes down
    def refresh_list(self, keep: str | None = None, *, first: bool = False) -> None:
        """Filter, sort and show the rows; keep the selected interview selected (`first`: the first row)."""
        if not self.listing:
            return
        ordered = self.session.ordered(self.show_archived, self._filter_words)
        if not (self.show_archived or self._filter_words):
            self.sorted_list = ordered
        self.show_rows(ordered, keep=None if first else keep or self.selected)

    def show_rows(self, interviews: list[Interview], keep: str | None) -> None:
        """These interviews as rows, in this order; each row's next step is worked out as it is drawn."""
        session, now = self.session, self.session.now()
        rows = Rows(interviews, lambda i: build_row(i, session.step(i.id), now, self._found(i)))
        title = "Interviews (with archived)" if self.show_archived else "Interviews"
        self.query_one(ListPane).show_rows(rows, total=self.session.count, keep=keep, title=title)
        if not rows:
            self.selected = None

    def _found(self, interview: Interview) -> str:
        found = found_in(interview, self.session.calls_for(interview.id), self._filter_words)
        return found.mark if found is not None else ""

    def show_interview(self, interview_id: str | None, relist: bool = True) -> None:
        """After a change: the list and the panes show the interview as the session now has it."""
        if interview_id is not None and self.session.get(interview_id) is not None:
            if relist:
                self.refresh_list(keep=interview_id)
            self.selected = interview_id

    def _shown(self, interview: Interview | None) -> None:
        self.show_interview(interview.id if interview is not None else None)

    def _relist(self) -> None:
        self.refresh_list()
        self.show_guidance()

    def show_guidance(self) -> None:
        """The guidance line for the interview shown, as its next step is now."""
        interview, session = self.current, self.session
        guidance = self.query_one("#guidance", Static)
        if interview is not None:
            step, now = session.step(interview.id), session.now()
            window = next_window(interview, step, now)
            guidance.update(guidance_line(step, now, window, whose_time(interview, now)))
        guidance.display = interview is not None

    def watch_selected(self) -> None:
        interview, session = self.current, self.session
        self.show_guidance()
        self.query_one(Checklist).interview = interview
        self.refresh_bindings()  # what the footer offers depends on the interview shown
        if self.in_call:
            return
        lines = []
        if interview is not None:
            calls, thanks = session.calls_for(interview.id), session.thank_yous_for(interview.id)
            lines = history(calls, thanks, session.now(), rounds(session, interview.id))
        self.notes.show_interview(interview, lines)
        if self._notes_wanted and interview is not None and self.notes.built:
            self.front("notes-pane")
        self.refresh_bindings()

    def open_interview(self, interview_id: str) -> None:
        """Select this interview (from the command palette), archived or not."""
        interview = self.session.get(interview_id)
        if interview is None or self.in_call:
            return
        if interview.archived and not self.show_archived:
            self.show_archived = True
        self.show_interview(interview.id)
        self.front("checklist")

    def watch_show_archived(self) -> None:
        self.refresh_list()

    def _poll_save_state(self) -> None:
        """The banner, the file-changed question and the quiet saved indicator, from the background writer."""
        state = self.session.save_state
        self.query_one(SaveWarning).show_state(state)
        self.file_watch.saw(state)
        self.notes.show_saving(state)

    # messages up
    @on(InterviewList.Highlighted)
    def _highlighted(self, event: InterviewList.Highlighted) -> None:
        if not self.in_call:
            self.selected = event.interview.id if event.interview is not None else None

    @on(InterviewList.Chosen)
    def _chosen(self) -> None:
        self.front("checklist")

    @on(ListPane.FilterChanged)
    def _filter(self, event: ListPane.FilterChanged) -> None:
        self._filter_words = event.text.lower().split()
        self.refresh_list()

    @on(NotesPane.NotesTyped)
    def _typed(self, event: NotesPane.NotesTyped) -> None:
        """Typing goes to the record it was typed for, even if another is selected now."""
        text = event.text if event.text is not None else self.notes.text_for(event.owner)
        if text is not None:
            self.session.type_notes(event.owner, text)

    @on(Checklist.Ticked)
    def _ticked(self, event: Checklist.Ticked) -> None:
        self._shown(self.session.tick(event.interview_id, event.key, event.ticked, event.custom))

    @on(Checklist.QualificationsChanged)
    def _qualifications(self, event: Checklist.QualificationsChanged) -> None:
        changed = self.session.set_qualifications(event.interview_id, event.qualifications)
        self.show_interview(changed.id, relist=False)

    @on(Checklist.Asked)
    def _checklist_asked(self, event: Checklist.Asked) -> None:
        flow = flows.CHECKLIST_FLOWS[event.what]
        self._dialog(flow, event.interview_id, event.item_id)

    @on(CallHistory.Picked)
    def _call_picked(self, event: CallHistory.Picked) -> None:
        self._dialog(flows.correct_call, event.call_id, event.delete)

    def _dialog(self, flow: Callable[..., Awaitable[object]], *args: Any, focus_list: bool = False) -> None:
        """Run a dialog sequence (`flow(app, session, *args)`) as a worker, then show what it changed. It starts
        only when the worker does, so one cut short by quitting leaves nothing behind."""
        let_go = hold_for_a_dialog(self)

        async def run() -> None:
            try:
                changed = await flow(self.app, self.session, *args)
            finally:
                let_go()  # no dialog came (or it did not take the keys)
            self.refresh_list()
            self._shown(changed if isinstance(changed, Interview) else self.current)
            if focus_list and changed is not None:
                self.screen.set_focus(self.query_one(InterviewList))  # not the filter box, whatever had focus before

        self.run_worker(cast(Any, run), group="dialogs")  # a function: the worker makes the coroutine

    def _about(self, flow: Callable[..., Awaitable[object]], *args: Any, focus_list: bool = False) -> None:
        """A dialog sequence about the interview shown; nothing when none is."""
        if self.selected is not None:
            self._dialog(flow, self.selected, *args, focus_list=focus_list)

    # actions
    @property
    def typing(self) -> bool:
        """Whether keys go into text: a field, or the notes."""
        return takes_text(self.focused)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        leaving = bool(getattr(self.app, "leaving", False))
        return allowed(action, self.current, typing=self.typing, in_call=self.in_call, leaving=leaving)

    async def action_pane(self, pane: str) -> None:
        if pane == "notes-pane":
            await self._ready_to_type()
        self.front(pane)

    async def _ready_to_type(self) -> None:
        """A key for the notes typed ahead of the start (its keys act the moment they are read, and the keys
        after it wait): the editor is built now, and the interview selected shown in the panes, which the
        list has them do only a moment after its rows show; so what is typed next is notes, not commands."""
        await self.notes.build()
        if self.notes.owner is None and self.selected is not None and not self.in_call:
            self.selected = self.selected

    def front(self, pane: str) -> None:
        """Bring a pane to the front, and the focus into it."""
        self.query_one(Panes).front = pane
        self._notes_wanted = False
        if pane == "list-pane" and not self.in_call:
            self.screen.set_focus(self.query_one(InterviewList))
        elif pane == "checklist" and not self.in_call:
            self.query_one(Checklist).focus_first()
        elif self.notes.built and not self.notes.editor.disabled:
            self.screen.set_focus(self.notes.editor)
        else:  # pressed before the records are in: the editor takes the focus as soon as it can
            self._notes_wanted = True

    async def action_editor_pane(self, pane: str) -> None:
        await self.action_pane(pane)

    def action_filter(self) -> None:
        self.query_one(Panes).front = "list-pane"
        self.query_one(ListPane).open_filter()

    def action_add(self) -> None:
        self._dialog(flows.edit_interview)

    def action_edit(self) -> None:
        self._about(flows.edit_interview)

    def action_archive(self) -> None:
        self._about(flows.archive, focus_list=True)

    def action_restore(self) -> None:
        if (interview := self.current) is not None and interview.archived:
            self._shown(self.session.archive(interview.id, archived=False))
            self.refresh_bindings()
            self.notify(f"Restored {escape(interview.title)}.", timeout=3)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived

    def action_drafts(self) -> None:
        self._about(flows.show_drafts, "talking_points" if self.in_call else "voicemail")

    def action_thank_you(self) -> None:
        self._about(flows.record_thank_you)

    def action_profile(self) -> None:
        self._dialog(flows.ask_profile)

    def action_practise(self) -> None:
        self._about(practice_flows.practise)

    def action_practice_card(self) -> None:
        self._about(practice_flows.show_card)

    def action_agenda(self) -> None:
        self._dialog(after_flows.show_agenda)

    def action_stats(self) -> None:
        self._dialog(after_flows.show_stats)

    def action_result(self) -> None:
        self._about(after_flows.record_result)

    # the call
    async def action_start_call(self) -> None:
        """c: a new attempt with a timer; says what is not ready yet, but lets the user go on."""
        if not self.in_call:
            await self._ready_to_type()
            if self.selected is not None and not self.in_call:
                self.call_view.begin(self.session.start_call(self.selected).cautions)

    def action_switch_script(self) -> None:
        self.notes.scripts.switch()

    def action_scroll_script(self, lines: int) -> None:
        self.notes.scripts.scroll(lines)

    def action_end_call(self) -> None:
        """ctrl+e, even while typing: ask how it went; the call ends at the moment of the key."""
        self._end_call(hold_for_a_dialog(self))

    @work(group="dialogs", exclusive=True)
    async def _end_call(self, let_go: Callable[[], None]) -> None:
        if (call := self.session.active_call) is None:
            return let_go()
        try:
            recorded = await flows.end_call(self.app, self.session, self.session.now())
        finally:
            let_go()
        if recorded is None:
            self.screen.set_focus(self.notes.editor)
            return
        self.call_view.ended(call.interview_id)
        self.notify(escape(recorded_line(call, recorded)), timeout=6)

    def finish_work(self) -> None:
        """Hand everything typed to the session and end a call in progress now; idempotent."""
        if self.is_attached and self.notes.built:
            self.session.type_notes(*self.notes.take_typed())
        if (call := self.session.active_call) is not None:
            self.session.finish_active_call()
            self.call_view.ended(call.interview_id)
