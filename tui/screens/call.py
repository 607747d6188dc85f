"""The call in progress: start it, time it, keep its notes, end it with an outcome (D16-D19)."""

from __future__ import annotations

from datetime import datetime

from rich.markup import escape
from textual.timer import Timer
from textual.widgets import Static

from ..domain.models import CHECKLIST_RULES, CallAttempt, Interview, Outcome, Profile
from ..widgets.interview_list import InterviewList
from ..widgets.notes_pane import NotesPane
from .rows import duration

__all__ = ["CallDesk"]

_LABELS = dict(CHECKLIST_RULES)
#: Where the user's own script templates are kept (shared with `followup script`).
TEMPLATES_SETTING = "templates"


def scripts_for(interview: Interview, profile: Profile, now: datetime, templates: dict | None) -> tuple[str, str]:
    """Talking points (D16, D17) and the voicemail draft (D14), with what each still lacks."""
    from ..domain import scripts

    parts = []
    for title, draft in (
        ("When they pick up", scripts.talking_points(interview, profile, now, templates)),
        ("If voicemail answers", scripts.voicemail(interview, profile, now, templates)),
    ):
        lacking = "".join(f"\n[i]! {escape(gap)}[/i]" for gap in draft.missing)
        parts.append(f"[b]{title}[/b]\n{escape(draft.text)}{lacking}")
    return parts[0], parts[1]


class CallDesk:
    """Mixed into the main screen: one call at a time, its attempt saved as it goes."""

    call: CallAttempt | None = None
    _call_timer: Timer | None = None

    @property
    def in_call(self) -> bool:
        return self.call is not None

    def _begin(self, interview: Interview, call: CallAttempt) -> None:
        self.call = call
        self.set_class(True, "-in-call")
        self.changed(interview, save=False)  # the next step is now "on a call"
        notes = self.query_one(NotesPane)
        talking, voicemail = self._scripts(interview)
        notes.show_call(True, talking, voicemail)
        notes.load_text(call.notes, escape(interview.title), ("call", call.id))
        self.query_one(InterviewList).disabled = True
        self.pane = "notes-pane"
        notes.editor.focus()
        self._tick()
        self._call_timer = self.set_interval(1, self._tick)
        self.refresh_bindings()

    def _scripts(self, interview: Interview) -> tuple[str, str]:
        templates = self.workbook.setting(TEMPLATES_SETTING, None)
        return scripts_for(interview, self.profile, self.clock(), templates)

    def _tick(self) -> None:
        if self.call is not None:
            seconds = int((self.clock() - self.call.started_at).total_seconds())
            self.query_one(NotesPane).show_timer(f"● on the call {duration(seconds)}")

    def resume_live_call(self) -> None:
        """A call left running (the app was killed mid-call) is picked up again, not lost."""
        from ..domain.rounds import live_attempt

        if self.in_call:
            return  # a reload while on the call: it carries on as it is
        now = self.clock()
        for interview_id, calls in self.calls.items():
            interview = self.interviews.get(interview_id)
            if interview is not None and (live := live_attempt(interview, calls, now)) is not None:
                self.current = interview
                self.refresh_list(keep=interview.id)
                self._begin(interview, live)
                return

    def action_start_call(self) -> None:
        """c: a new attempt with a timer; says which of D1-D4 are unticked, but lets you go on."""
        from ..domain.guidance import call_warning

        interview = self.current
        if interview is None or self.in_call:
            return
        now = self.clock()
        calls = self.calls[interview.id]
        warning = call_warning(interview, calls, now, self.profile)
        call = CallAttempt(interview.id, started_at=now)
        self.workbook.save_call(call)
        calls.append(call)
        self._begin(interview, call)
        # Said in the guidance line, not a toast: a toast would sit on the voicemail draft.
        cautions = []
        if missing := interview.missing_required:
            names = "; ".join(f"{rule} {_LABELS[rule].lower()}" for rule in missing)
            cautions.append(f"Not ticked yet: {names}. Go ahead if you are ready.")
        if warning:
            cautions.append(warning)
        if cautions:
            guidance = self.query_one("#guidance", Static)
            guidance.update(f"[b]On the call.[/b] [$warning]{escape(' '.join(cautions))}[/]")

    def type_call_notes(self, text: str) -> None:
        if self.call is not None:
            self.workbook.set_call_notes(self.call, text)

    def action_end_call(self) -> None:
        """ctrl+e, even while typing: ask how it went; the call ends at the moment of the key."""
        from ..dialogs.outcome import OutcomeDialog

        if self.call is None:
            return
        ended = self.clock()

        def done(outcome: Outcome | None) -> None:
            if outcome is None:
                self.query_one(NotesPane).editor.focus()
            elif outcome is Outcome.SPOKE:
                self._ask_decision(ended)
            else:
                self.finish_call(ended, outcome)

        self.app.push_screen(OutcomeDialog(), done)

    def _ask_decision(self, ended: datetime) -> None:
        """D17: when they expect to decide, read as a date or kept as typed."""
        from ..dialogs.decision import DecisionDialog
        from ..domain.timeline import parse_timeline

        def preview(text: str) -> str:
            return escape(parse_timeline(text, ended, day_first=self.profile.day_first).describe())

        def done(text: str | None) -> None:
            self.finish_call(ended, Outcome.SPOKE, decision=text or "")

        self.app.push_screen(DecisionDialog(preview), done)

    def finish_call(self, ended: datetime, outcome: Outcome | None, decision: str = "") -> None:
        """Record the attempt with its end, outcome and notes; then D19 says when to follow up."""
        from ..domain.recording import record_outcome

        call = self.call
        if call is None:
            return
        self.call = None
        if self._call_timer is not None:
            self._call_timer.stop()
            self._call_timer = None
        interview = self.interviews[call.interview_id]
        calls = self.calls.get(interview.id, [])
        recorded = record_outcome(
            interview, call, calls, ended, outcome, decision, tz=self.clock().tzinfo, day_first=self.profile.day_first
        )
        if recorded.decision is not None:
            self.workbook.save_interview(interview)
            if not recorded.decision.ok:
                message = f"Kept “{escape(decision)}” as written: {escape(recorded.decision.message)}"
                self.notify(message, severity="warning", timeout=8)
        self.workbook.save_call(call)
        if self.is_attached:
            self._after_call(interview, call, recorded.follow_up)

    def _after_call(self, interview: Interview, call: CallAttempt, follow: object) -> None:
        notes = self.query_one(NotesPane)
        notes.show_call(False)
        self.set_class(False, "-in-call")
        self.query_one(InterviewList).disabled = False
        self.changed(interview, save=False)
        self.action_pane("list-pane")  # the call is over: back to the list, keys are keys again
        self.refresh_bindings()
        if call.outcome is not None:
            text = f"Recorded: {call.outcome.label}, {duration(call.duration_seconds)}."
            if call.next_step:
                text += f" {call.next_step} (D19)."
            self.notify(text, timeout=6)
