"""The workbook's one screen: interviews, the pre-call checklist and the call notes side by side."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..domain.models import CallAttempt, Interview, Profile, ThankYou

if TYPE_CHECKING:
    from ..domain.guidance import NextStep
from ..store import Workbook
from ..widgets.checklist import Checklist
from ..widgets.interview_list import InterviewList
from ..widgets.list_pane import ListPane
from ..widgets.notes_pane import NotesPane
from ..widgets.save_warning import SaveWarning
from .call import CallDesk
from .checklist_desk import ChecklistDesk
from .file_changed import react_to_save_state
from .follow_through import FollowThrough
from .rows import build_row, call_line, guidance_line, matches, next_window, sort_rows, thank_you_line

__all__ = ["MainScreen"]

#: Narrower than this, one pane shows at a time (1, 2, 3 switch).
NARROW = 110
PANES = ("list-pane", "checklist", "notes-pane")


class MainScreen(CallDesk, ChecklistDesk, FollowThrough, Screen):
    """Owns the workbook traffic: panes post what the user wants, this writes it and sends state down."""

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Add an interview", id="add"),
        Binding("e", "edit", "Edit", tooltip="Edit the selected interview", id="edit"),
        Binding("c", "start_call", "Call", tooltip="Start a call: timer, notes, talking points", id="start-call"),
        Binding("ctrl+e", "end_call", "End call", tooltip="End the call and record how it went", id="end-call", priority=True),
        Binding("slash", "filter", "Filter", tooltip="Filter by company, role or interviewer", id="filter"),
        Binding("x", "archive", "Archive", tooltip="Archive the selected interview (asks first)", id="archive"),
        Binding("u", "restore", "Restore", tooltip="Bring an archived interview back", id="restore"),
        Binding("v", "toggle_archived", "Archived", tooltip="Show or hide archived interviews", id="toggle-archived"),
        Binding("s", "drafts", "Scripts", tooltip="Voicemail, talking points and thank-you email, to copy", id="drafts"),
        Binding("t", "thank_you", "Thanked", tooltip="Record that a thank-you went out, and how", id="thank-you"),
        Binding("p", "profile", "Profile", tooltip="Your name, phone, time zone and pitch", id="profile"),
        Binding("1", "pane('list-pane')", "List", tooltip="Go to the interview list", id="pane-list", show=False),
        Binding("2", "pane('checklist')", "Checklist", tooltip="Go to the pre-call checklist", id="pane-checklist", show=False),
        Binding("3", "pane('notes-pane')", "Notes", tooltip="Go to the call notes", id="pane-notes", show=False),
    ]

    current: reactive[Interview | None] = reactive(None, always_update=True, init=False)
    """The interview the checklist and notes show; bound into both panes."""

    show_archived: reactive[bool] = reactive(False, init=False)
    """Whether archived interviews are listed too."""

    pane: reactive[str] = reactive("list-pane")
    """The pane shown when the terminal is too narrow for all three."""

    def __init__(self, workbook: Workbook, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.workbook = workbook
        self.clock = clock
        self.loaded = False
        self.interviews: dict[str, Interview] = {}
        self.calls: dict[str, list[CallAttempt]] = defaultdict(list)
        self.thanks: dict[str, list[ThankYou]] = defaultdict(list)
        self.steps: dict[str, NextStep] = {}
        self.profile = Profile()
        self._filter_words: list[str] = []
        self._save_shown: tuple | None = None

    def compose(self) -> ComposeResult:
        yield Static("[b]1[/b] Interviews   [b]2[/b] Checklist   [b]3[/b] Notes", id="pane-tabs")
        yield Static("", id="guidance")
        with Horizontal(id="panes"):
            yield ListPane(id="list-pane", classes="pane")
            yield Checklist(id="checklist", classes="pane").data_bind(interview=MainScreen.current)
            yield NotesPane(id="notes-pane", classes="pane").data_bind(interview=MainScreen.current)
        yield Footer()
        yield SaveWarning()

    def on_mount(self) -> None:
        self.query_one("#list-pane").border_title = "Interviews"
        self.query_one("#checklist").border_title = "Pre-call checklist"
        self.query_one("#notes-pane").border_title = "Call notes"
        self.watch_pane(self.pane)
        self.on_resize()
        self.query_one(InterviewList).focus()
        self.set_interval(0.5, self._poll_save_state)
        self.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        """The first frame comes first; the editor and the records follow."""
        await self.query_one(NotesPane).build()
        self._load()

    # loading: after the first frame, off the UI thread
    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        from ..domain.guidance import next_step

        book = self.workbook
        interviews = book.interviews(include_archived=True)
        calls: dict[str, list[CallAttempt]] = defaultdict(list)
        for call in sorted(book.all_calls(), key=lambda c: c.started_at):
            calls[call.interview_id].append(call)
        thanks: dict[str, list[ThankYou]] = defaultdict(list)
        for thank in book.all_thank_yous():
            thanks[thank.interview_id].append(thank)
        profile = book.profile
        now = self.clock()
        steps = {i.id: next_step(i, calls.get(i.id, ()), thanks.get(i.id, ()), now, profile) for i in interviews}
        asked = book.setting("profile_asked", False) or book.has_profile
        self.app.call_from_thread(self._loaded, interviews, calls, thanks, steps, profile, asked)

    def _loaded(self, interviews, calls, thanks, steps, profile, asked) -> None:  # noqa: ANN001
        self.interviews = {i.id: i for i in interviews}
        self.calls, self.thanks, self.steps, self.profile = calls, thanks, steps, profile
        self.loaded = True
        self.refresh_list()
        self.resume_live_call()
        if not asked:
            self.ask_profile(first_run=True)

    # attributes down
    def refresh_list(self, keep: str | None = None) -> None:
        """Filter, sort and show the rows; keep the selected interview selected."""
        if not self.loaded:
            return
        now = self.clock()
        keep = keep or (self.current.id if self.current else None)
        shown = [
            i for i in self.interviews.values()
            if (self.show_archived or not i.archived) and matches(i, self._filter_words)
        ]
        rows = sort_rows([build_row(i, self.steps.get(i.id), now) for i in shown], self.steps, now)
        pane = self.query_one(ListPane)
        title = "Interviews (with archived)" if self.show_archived else "Interviews"
        pane.show_rows(rows, total=len(self.interviews), keep=keep, title=title)
        if not rows:
            self.current = None

    def reload_from_workbook(self) -> None:
        """The file was reloaded from disk: read it all again; a call in progress carries on."""
        self._load()

    def restep(self, interview: Interview) -> None:
        """Work out this interview's next step again after a change."""
        from ..domain.guidance import next_step

        self.steps[interview.id] = next_step(
            interview, self.calls.get(interview.id, ()), self.thanks.get(interview.id, ()), self.clock(), self.profile
        )

    def changed(self, interview: Interview, *, save: bool = True, relist: bool = True) -> None:
        """Save a changed interview and show it everywhere."""
        if save:
            self.workbook.save_interview(interview)
        self.interviews[interview.id] = interview
        self.restep(interview)
        if relist:
            self.refresh_list(keep=interview.id)
        self.current = interview

    def watch_current(self, old: Interview | None, new: Interview | None) -> None:
        guidance = self.query_one("#guidance", Static)
        if new is not None:
            step, now = self.steps.get(new.id), self.clock()
            guidance.update(guidance_line(step, now, next_window(new, step, now)))
        guidance.display = new is not None
        if self.in_call:
            return
        notes = self.query_one(NotesPane)
        if new is None:
            notes.load_text("", "Notes")
            notes.show_history("")
            return
        notes.load_text(new.notes, "Notes on this interview", ("interview", new.id))
        now = self.clock()
        calls = self.calls.get(new.id, [])
        history = "\n".join(call_line(c, now) for c in reversed(calls)) or "No calls yet. Press c to start one."
        sent = "\n".join(thank_you_line(t, now) for t in reversed(self.thanks.get(new.id, [])))
        thanks = sent or "None recorded yet. Press t once one has gone out."
        notes.show_history(f"[b]Calls[/b]\n{history}\n[b]Thank-yous[/b]\n{thanks}")

    def open_interview(self, interview_id: str) -> None:
        """Select this interview (from the command palette), archived or not."""
        interview = self.interviews.get(interview_id)
        if interview is None or self.in_call:
            return
        if interview.archived and not self.show_archived:
            self.show_archived = True
        self.refresh_list(keep=interview.id)
        self.current = interview
        self.action_pane("checklist")

    def watch_show_archived(self) -> None:
        self.refresh_list()

    def watch_pane(self, pane: str) -> None:
        for name in PANES:
            self.query_one(f"#{name}").set_class(name == pane, "-shown")

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    # messages up
    @on(InterviewList.Highlighted)
    def _highlighted(self, event: InterviewList.Highlighted) -> None:
        if not self.in_call and event.interview is not self.current:
            self.current = event.interview

    @on(InterviewList.Chosen)
    def _chosen(self, event: InterviewList.Chosen) -> None:
        self.action_pane("checklist")

    @on(ListPane.FilterChanged)
    def _filter(self, event: ListPane.FilterChanged) -> None:
        self._filter_words = event.text.lower().split()
        self.refresh_list()

    @on(NotesPane.NotesTyped)
    def _typed(self, event: NotesPane.NotesTyped) -> None:
        """Write what was typed to the record it was typed for, even if another is selected now."""
        self.keep_notes(event.text, event.owner)

    def keep_editor_text(self) -> None:
        """Hand the editor's text to its record now, not when the queued change messages arrive."""
        for notes in self.query(NotesPane):  # none once the screen has been taken down
            if editors := notes.query("#notes"):
                self.keep_notes(editors.first().text, notes.owner)

    def keep_notes(self, text: str, owner: tuple[str, str] | None) -> None:
        kind, record_id = owner or ("", "")
        if kind == "call" and self.call is not None and self.call.id == record_id:
            if self.call.notes != text:
                self.type_call_notes(text)
        elif kind == "interview" and (interview := self.interviews.get(record_id)) is not None:
            if interview.notes != text:
                self.workbook.set_interview_notes(interview, text)

    def _poll_save_state(self) -> None:
        """The quiet saved indicator, from the workbook's background writer."""
        state = self.workbook.save_state
        react_to_save_state(self, state)
        shown = (state.pending, state.saved_at, str(state.error) if state.error else None)
        if shown == self._save_shown:
            return
        self._save_shown = shown
        notes = self.query_one(NotesPane)
        if state.error is not None:
            notes.show_save_state("not saved ✗", problem=True)  # the banner above says why
        elif state.pending:
            notes.show_save_state("saving…")
        elif state.saved_at is not None:
            notes.show_save_state("saved ✓")

    # actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        has = self.current is not None
        if action == "end_call":
            return self.in_call
        if action in ("start_call", "add", "edit", "archive", "restore", "toggle_archived", "filter", "profile", "thank_you"):
            if self.in_call:
                return False
        if action in ("edit", "start_call", "drafts", "thank_you"):
            return has
        if action == "archive":
            return has and not self.current.archived  # type: ignore[union-attr]
        if action == "restore":
            return has and self.current.archived  # type: ignore[union-attr]
        return True

    def action_pane(self, pane: str) -> None:
        self.pane = pane
        if pane == "list-pane":
            self.query_one(InterviewList).focus()
        elif pane == "checklist":
            self.query_one(Checklist).focus_first()
        elif editors := self.query_one(NotesPane).query("#notes"):  # mounted just after the first frame
            if not editors.first().disabled:
                editors.first().focus()

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        for name in PANES:
            if focused is not None and self.query_one(f"#{name}") in focused.ancestors_with_self:
                self.pane = name

    async def action_filter(self) -> None:
        self.pane = "list-pane"
        await self.query_one(ListPane).open_filter()

    def action_add(self) -> None:
        from ..dialogs.interview_form import InterviewForm

        def done(interview: Interview | None) -> None:
            if interview is not None:
                self.changed(interview)
                self.notify(f"Added {escape(interview.title)}.", timeout=3)

        self.app.push_screen(InterviewForm(self.clock), done)

    def action_edit(self) -> None:
        from ..dialogs.interview_form import InterviewForm

        if self.current is None:
            return

        def done(interview: Interview | None) -> None:
            if interview is not None:
                self.changed(interview)

        self.app.push_screen(InterviewForm(self.clock, self.current), done)

    def action_archive(self) -> None:
        from ..dialogs.confirm import ConfirmDialog

        interview = self.current
        if interview is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                interview.archived = True
                self.changed(interview)
                self.notify(f"Archived {escape(interview.title)}. v shows archived interviews; u restores.", timeout=5)

        question = f"Archive {escape(interview.title)}?\nIt leaves the list; nothing is deleted, and u brings it back."
        self.app.push_screen(ConfirmDialog(question, "Archive", "Keep"), done)

    def action_restore(self) -> None:
        interview = self.current
        if interview is not None and interview.archived:
            interview.archived = False
            self.changed(interview)
            self.notify(f"Restored {escape(interview.title)}.", timeout=3)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived

    def action_profile(self) -> None:
        self.ask_profile(first_run=False)

    def ask_profile(self, first_run: bool) -> None:
        from ..dialogs.profile import ProfileDialog

        if first_run:
            self.workbook.set_setting("profile_asked", True)

        def done(profile: Profile | None) -> None:
            if profile is not None:
                self.workbook.save_profile(profile)
                self.profile = profile
                self.notify("Profile saved.", timeout=3)

        self.app.push_screen(ProfileDialog(self.workbook.profile, first_run=first_run), done)

