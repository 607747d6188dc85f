"""The workbook's one screen: interviews, the pre-call checklist and the call notes side by side."""

from __future__ import annotations

from collections.abc import Awaitable

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from ..domain.models import Interview
from ..session import Session
from ..widgets.checklist import Checklist
from ..widgets.interview_list import InterviewList
from ..widgets.list_pane import ListPane
from ..widgets.notes_pane import NotesPane
from ..widgets.save_warning import SaveWarning
from . import flows
from .file_changed import FileChangedWatch
from .rows import build_row, call_scripts, duration, guidance_line, history, next_window, recorded_line

__all__ = ["MainScreen"]

#: Narrower than this, one pane shows at a time (1, 2, 3 switch).
NARROW = 110
PANES = ("list-pane", "checklist", "notes-pane")


class MainScreen(Screen[None]):
    """Panes post what the user wants; each handler asks the session and shows its answer."""

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add an interview", id="add"),
        Binding("e", "edit", "Edit", tooltip="Edit the selected interview", id="edit"),
        Binding("c", "start_call", "Call", tooltip="Start a call: timer, notes, talking points", id="start-call"),
        Binding(
            "ctrl+e",
            "end_call",
            "End call",
            tooltip="End the call and record how it went",
            id="end-call",
            priority=True,
        ),
        Binding("slash", "filter", "Filter", tooltip="Filter by company, role or interviewer", id="filter"),
        Binding("x", "archive", "Archive", tooltip="Archive the selected interview (asks first)", id="archive"),
        Binding("u", "restore", "Restore", tooltip="Bring an archived interview back", id="restore"),
        Binding("v", "toggle_archived", "Archived", tooltip="Show or hide archived interviews", id="toggle-archived"),
        Binding(
            "s", "drafts", "Scripts", tooltip="Voicemail, talking points and thank-you email, to copy", id="drafts"
        ),
        Binding("t", "thank_you", "Thanked", tooltip="Record that a thank-you went out, and how", id="thank-you"),
        Binding("p", "profile", "Profile", tooltip="Your name, phone, time zone and pitch", id="profile"),
        Binding("1", "pane('list-pane')", "List", tooltip="Go to the interview list", id="pane-list", show=False),
        Binding(
            "2",
            "pane('checklist')",
            "Checklist",
            tooltip="Go to the pre-call checklist",
            id="pane-checklist",
            show=False,
        ),
        Binding("3", "pane('notes-pane')", "Notes", tooltip="Go to the call notes", id="pane-notes", show=False),
    ]

    selected: reactive[str | None] = reactive(None, always_update=True, init=False)
    """The id of the interview the checklist and notes show."""

    show_archived: reactive[bool] = reactive(False, init=False)
    """Whether archived interviews are listed too."""

    pane: reactive[str] = reactive("list-pane")
    """The pane shown when the terminal is too narrow for all three."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._filter_words: list[str] = []
        self._save_shown: tuple[object, ...] | None = None
        self._call_timer: Timer | None = None

    @property
    def in_call(self) -> bool:
        return self.session.active_call is not None

    @property
    def current(self) -> Interview | None:
        return self.session.get(self.selected)

    def compose(self) -> ComposeResult:
        yield Static("[b]1[/b] Interviews   [b]2[/b] Checklist   [b]3[/b] Notes", id="pane-tabs")
        yield Static("", id="guidance")
        with Horizontal(id="panes"):
            yield ListPane(id="list-pane", classes="pane")
            yield Checklist(id="checklist", classes="pane")
            yield NotesPane(id="notes-pane", classes="pane")
        yield Footer()
        yield SaveWarning()

    def on_mount(self) -> None:
        self.file_watch = FileChangedWatch(self.app, self.session, self.notes.take_typed, self.reload_from_workbook)
        for name, title in zip(PANES, ("Interviews", "Pre-call checklist", "Call notes"), strict=True):
            self.query_one(f"#{name}").border_title = title
        self.watch_pane(self.pane)
        self.on_resize()
        self.query_one(InterviewList).focus()
        self.set_interval(0.5, self._poll_save_state)
        self.call_after_refresh(self._after_first_frame)

    @property
    def notes(self) -> NotesPane:
        return self.query_one(NotesPane)

    async def _after_first_frame(self) -> None:
        """The first frame comes first; the editor and the records follow."""
        await self.notes.build()
        self._load()

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        """Off the UI thread: read the records and work out every next step."""
        session = self.session.load()
        session.ordered(include_archived=True)
        asked = session.setting("profile_asked", False) or session.workbook.has_profile
        self.app.call_from_thread(self._loaded, asked)

    def _loaded(self, asked: bool) -> None:
        self.refresh_list()
        if (live := self.session.resume_live_call()) is not None:
            self._begin_call(live.interview_id)
        if not asked:
            self._dialog(flows.ask_profile(self.app, self.session, first_run=True))

    def reload_from_workbook(self) -> None:
        """The file was reloaded from disk: show it all again; a call in progress carries on."""
        self.refresh_list()
        if not self.in_call:
            self.selected = self.selected

    # attributes down
    def refresh_list(self, keep: str | None = None) -> None:
        """Filter, sort and show the rows; keep the selected interview selected."""
        if not self.session.loaded:
            return
        now = self.session.now()
        keep = keep or self.selected
        ordered = self.session.ordered(self.show_archived, self._filter_words)
        rows = [build_row(i, self.session.step(i.id), now) for i in ordered]
        title = "Interviews (with archived)" if self.show_archived else "Interviews"
        self.query_one(ListPane).show_rows(rows, total=self.session.count, keep=keep, title=title)
        if not rows:
            self.selected = None

    def _shown(self, interview: Interview | None, relist: bool = True) -> None:
        """After a change: the list and the panes show the interview as the session now has it."""
        if interview is not None:
            if relist:
                self.refresh_list(keep=interview.id)
            self.selected = interview.id

    def watch_selected(self) -> None:
        interview, session = self.current, self.session
        guidance = self.query_one("#guidance", Static)
        if interview is not None:
            step, now = session.step(interview.id), session.now()
            guidance.update(guidance_line(step, now, next_window(interview, step, now)))
        guidance.display = interview is not None
        self.query_one(Checklist).interview = interview
        if self.in_call:
            return
        notes = self.notes
        if interview is None:
            notes.load_text("", "Notes")
            notes.show_history("")
            return
        notes.load_text(interview.notes, "Notes on this interview", ("interview", interview.id))
        calls, thanks = session.calls_for(interview.id), session.thank_yous_for(interview.id)
        notes.show_history(history(calls, thanks, session.now()))

    def open_interview(self, interview_id: str) -> None:
        """Select this interview (from the command palette), archived or not."""
        interview = self.session.get(interview_id)
        if interview is None or self.in_call:
            return
        if interview.archived and not self.show_archived:
            self.show_archived = True
        self._shown(interview)
        self.action_pane("checklist")

    def watch_show_archived(self) -> None:
        self.refresh_list()

    def watch_pane(self, pane: str) -> None:
        for name in PANES:
            self.query_one(f"#{name}").set_class(name == pane, "-shown")

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    def _poll_save_state(self) -> None:
        """The banner, the file-changed question and the quiet saved indicator, from the background writer."""
        state = self.session.save_state
        self.query_one(SaveWarning).show_state(state)
        self.file_watch.saw(state)
        shown = (state.pending, state.saved_at, str(state.error) if state.error else None)
        if shown != self._save_shown:
            self._save_shown = shown
            if state.error is not None:
                self.notes.show_save_state("not saved ✗", problem=True)  # the banner above says why
            elif state.pending:
                self.notes.show_save_state("saving…")
            elif state.saved_at is not None:
                self.notes.show_save_state("saved ✓")

    # messages up
    @on(InterviewList.Highlighted)
    def _highlighted(self, event: InterviewList.Highlighted) -> None:
        if not self.in_call:
            self.selected = event.interview.id if event.interview is not None else None

    @on(InterviewList.Chosen)
    def _chosen(self) -> None:
        self.action_pane("checklist")

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
        self._shown(self.session.set_qualifications(event.interview_id, event.qualifications), relist=False)

    @on(Checklist.EditReferences)
    def _references(self, event: Checklist.EditReferences) -> None:
        self._dialog(flows.edit_references(self.app, self.session, event.interview_id))

    @on(Checklist.AddItem)
    def _add_item(self, event: Checklist.AddItem) -> None:
        self._dialog(flows.add_item(self.app, self.session, event.interview_id))

    @on(Checklist.RenameItem)
    def _rename_item(self, event: Checklist.RenameItem) -> None:
        self._dialog(flows.rename_item(self.app, self.session, event.interview_id, event.item_id))

    @on(Checklist.RemoveItem)
    def _remove_item(self, event: Checklist.RemoveItem) -> None:
        self._dialog(flows.remove_item(self.app, self.session, event.interview_id, event.item_id))

    def _dialog(self, flow: Awaitable[object]) -> None:
        """Run a dialog sequence as a worker; show the interview it changed, if any."""

        async def run() -> None:
            self._shown(changed if isinstance(changed := await flow, Interview) else None)

        self.run_worker(run(), group="dialogs")

    # actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        current = self.current
        if action == "end_call":
            return self.in_call
        if self.in_call and action in (
            "start_call",
            "add",
            "edit",
            "archive",
            "restore",
            "toggle_archived",
            "filter",
            "profile",
            "thank_you",
        ):
            return False
        if action in ("edit", "start_call", "drafts", "thank_you"):
            return current is not None
        if action in ("archive", "restore"):
            return current is not None and current.archived == (action == "restore")
        return True

    def action_pane(self, pane: str) -> None:
        self.pane = pane
        if pane == "list-pane":
            self.query_one(InterviewList).focus()
        elif pane == "checklist":
            self.query_one(Checklist).focus_first()
        elif self.notes.built and not self.notes.editor.disabled:
            self.notes.editor.focus()

    def on_descendant_focus(self) -> None:
        focused = self.focused
        for name in PANES:
            if focused is not None and self.query_one(f"#{name}") in focused.ancestors_with_self:
                self.pane = name

    async def action_filter(self) -> None:
        self.pane = "list-pane"
        await self.query_one(ListPane).open_filter()

    def action_add(self) -> None:
        self._dialog(flows.edit_interview(self.app, self.session))

    def action_edit(self) -> None:
        self._dialog(flows.edit_interview(self.app, self.session, self.selected))

    @work(group="dialogs")
    async def action_archive(self) -> None:
        interview = self.current
        if interview is None:
            return
        question = f"Archive {escape(interview.title)}?\nIt leaves the list; nothing is deleted, and u brings it back."
        if await flows.confirm(self.app, question, "Archive", "Keep"):
            self._shown(self.session.archive(interview.id))
            self.notify(f"Archived {escape(interview.title)}. v shows archived interviews; u restores.", timeout=5)

    def action_restore(self) -> None:
        if (interview := self.current) is not None and interview.archived:
            self._shown(self.session.archive(interview.id, archived=False))
            self.notify(f"Restored {escape(interview.title)}.", timeout=3)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived

    def action_drafts(self) -> None:
        if self.selected is not None:
            first = "talking_points" if self.in_call else "voicemail"
            self._dialog(flows.show_drafts(self.app, self.session, self.selected, first))

    @work(group="dialogs")
    async def action_thank_you(self) -> None:
        if self.selected is not None and (
            thanks := await flows.record_thank_you(self.app, self.session, self.selected)
        ):
            self._shown(self.current, relist=True)
            self.notify(f"Recorded: thank-you by {escape(thanks.channel.label.lower())}.", timeout=4)

    @work(group="dialogs")
    async def action_profile(self) -> None:
        if await flows.ask_profile(self.app, self.session, first_run=False) is not None:
            self._shown(self.current)

    # the call
    def action_start_call(self) -> None:
        """c: a new attempt with a timer; says what is not ready yet, but lets the user go on."""
        if self.selected is not None and not self.in_call:
            self._begin_call(self.selected, self.session.start_call(self.selected).cautions)

    def _begin_call(self, interview_id: str, cautions: tuple[str, ...] = ()) -> None:
        call, session = self.session.active_call, self.session
        assert call is not None
        interview = session.interview(interview_id)
        self.set_class(True, "-in-call")
        self._shown(interview)  # the next step is now "on a call"
        talking, voicemail = call_scripts(interview, session.profile, session.now(), session.templates)
        self.notes.show_call(True, talking, voicemail)
        self.notes.load_text(call.notes, escape(interview.title), ("call", call.id))
        self.query_one(InterviewList).disabled = True
        self.action_pane("notes-pane")
        self._tick()
        self._call_timer = self.set_interval(1, self._tick)
        self.refresh_bindings()
        if cautions:  # said in the guidance line, not a toast: a toast would sit on the voicemail draft
            self.query_one("#guidance", Static).update(f"[b]On the call.[/b] [$warning]{escape(' '.join(cautions))}[/]")

    def _tick(self) -> None:
        if (call := self.session.active_call) is not None:
            seconds = int((self.session.now() - call.started_at).total_seconds())
            self.notes.show_timer(f"● on the call {duration(seconds)}")

    @work(group="dialogs")
    async def action_end_call(self) -> None:
        """ctrl+e, even while typing: ask how it went; the call ends at the moment of the key."""
        call = self.session.active_call
        if call is None:
            return
        recorded = await flows.end_call(self.app, self.session, self.session.now())
        if recorded is None:
            self.notes.editor.focus()
            return
        self._call_ended(call.interview_id)
        self.notify(escape(recorded_line(call, recorded)), timeout=6)

    def _call_ended(self, interview_id: str) -> None:
        if self._call_timer is not None:
            self._call_timer.stop()
            self._call_timer = None
        if not self.is_attached:
            return
        self.notes.show_call(False)
        self.set_class(False, "-in-call")
        self.query_one(InterviewList).disabled = False
        self._shown(self.session.get(interview_id))
        self.action_pane("list-pane")  # the call is over: back to the list, keys are keys again
        self.refresh_bindings()

    def finish_work(self) -> None:
        """Hand everything typed to the session and end a call in progress now; idempotent."""
        if self.is_attached and self.notes.built:
            self.session.type_notes(*self.notes.take_typed())
        if (call := self.session.active_call) is not None:
            self.session.finish_active_call()
            self._call_ended(call.interview_id)
