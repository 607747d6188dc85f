"""Rehearsing the call (D6): the call's opening line and scripts, a timer, and notes of its own.

A practice run is never a call attempt: it leaves the calls, the next step and the calendar alone;
when it ends, the self-check is asked and the run is kept on the interview.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.markup import escape
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Static, TextArea

from ..domain.models import Interview, Rehearsal, RehearsalBranch
from ..domain.practice import self_checks, talking_steps, voicemail_keep
from ..domain.scripts import opening_line, talking_points, voicemail
from ..domain.speaking import VOICEMAIL_SECONDS, spoken_length, took_word
from ..keymap import key_shown
from ..session import Session
from ..widgets.key_footer import KeyFooter
from ..widgets.soft_wrapped import SoftWrapped
from .repaint import ChangedOnly
from .rows import duration

__all__ = ["PracticeScreen"]

#: Below this many rows the message and the notes give up their padding.
SHORT = 30
_OTHER = {RehearsalBranch.PICKED_UP: RehearsalBranch.VOICEMAIL, RehearsalBranch.VOICEMAIL: RehearsalBranch.PICKED_UP}


class PracticeScreen(Screen[Interview | None]):
    """Dismisses the interview with the run kept on it, or None when the user stopped without keeping it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "switch_branch", "Other branch", tooltip="They picked up, or the voicemail answered", id="practice-switch", priority=True),
        Binding("f6", "said", "Said it", tooltip="Tick the next talking point as said", id="practice-said", priority=True),
        Binding("ctrl+z", "unsay", "Undo tick", tooltip="Untick the last talking point", id="practice-unsay", priority=True, show=False),
        Binding("ctrl+e", "done", "Done", tooltip="End the rehearsal: a short self-check, then it is kept", id="practice-done", priority=True),
        Binding("escape", "stop", "Stop", tooltip="Leave the rehearsal without keeping it", id="practice-stop"),
    ]  # fmt: skip

    def __init__(self, session: Session, interview_id: str, branch: RehearsalBranch | None = None) -> None:
        super().__init__()
        self._compositor = ChangedOnly()  # a key typed into the practice notes repaints them alone
        self.session = session
        self.interview = session.interview(interview_id)
        now = session.now()
        self._voicemail = voicemail(self.interview, session.profile, now, session.templates)
        self._steps = talking_steps(talking_points(self.interview, session.profile, now, session.templates).text)
        self._said = 0
        self.branch = branch or RehearsalBranch.PICKED_UP
        self.started: datetime = now
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            "[b]PRACTICE[/b] · a rehearsal: nothing here counts as a call or changes the next step",
            id="practice-banner",
        )
        opening = opening_line(self.interview, self.session.profile, self.session.now())
        yield Static(f"[b]Say first:[/b] {escape(opening)}", id="practice-opening")
        with Vertical(id="practice-body"):
            yield Static("", id="practice-head")
            yield Digits("0:00", id="practice-clock")
            with VerticalScroll(id="practice-script"):
                yield Static("", id="practice-text")
            yield Static("", id="practice-length")
        yield Static("Practice notes [$text-muted](kept apart from the call notes)[/]", id="practice-notes-title")
        yield SoftWrapped(id="practice-notes", show_line_numbers=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = f"Practice: {self.interview.title}"
        self._show_branch()
        self._timer = self.set_interval(1, self._tick)
        self.query_one("#practice-notes", TextArea).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < SHORT, "-short")

    @property
    def seconds(self) -> int:
        return max(0, int((self.session.now() - self.started).total_seconds()))

    def _tick(self) -> None:
        seconds = self.seconds
        self.query_one("#practice-clock", Digits).update(duration(seconds))
        if self.branch is RehearsalBranch.VOICEMAIL:
            over = seconds > VOICEMAIL_SECONDS[1]
            self.query_one("#practice-clock", Digits).set_class(over, "-over")

    def _show_branch(self) -> None:
        """The branch on screen, its timer from zero: each branch is a run of its own."""
        voice = self.branch is RehearsalBranch.VOICEMAIL
        self.set_class(voice, "-voicemail")
        key = key_shown(self.app, type(self), "practice-switch")
        other = _OTHER[self.branch].label.lower()
        self.query_one("#practice-head", Static).update(
            f"[b]{self.branch.label}[/b]   [$text-muted]{key}: {other} instead[/]"
        )
        self.started = self.session.now()
        self._tick()
        if voice:
            self.query_one("#practice-text", Static).update(f"[b]{escape(self._voicemail.text)}[/b]")
            self.query_one("#practice-length", Static).update(spoken_length(self._voicemail.text).line)
        else:
            self._show_steps()
        self.query_one("#practice-script", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _show_steps(self) -> None:
        key = key_shown(self.app, type(self), "practice-said")
        lines = []
        for index, step in enumerate(self._steps):
            mark = "[$success]✓[/]" if index < self._said else ("[b]▶[/b]" if index == self._said else "○")
            text = escape(step)
            lines.append(f"{mark} [b]{text}[/b]" if index == self._said else f"{mark} {text}")
        left = len(self._steps) - self._said
        hint = f"{key}: said it ({left} to go)" if left else "All said. Well done: end with ctrl+e."
        self.query_one("#practice-text", Static).update("\n".join(lines))
        self.query_one("#practice-length", Static).update(f"[$text-muted]{hint}[/]")

    @property
    def said(self) -> int:
        """How many talking points are ticked as said (in order)."""
        return self._said

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("said", "unsay"):
            return self.branch is RehearsalBranch.PICKED_UP
        return True

    def action_switch_branch(self) -> None:
        self.branch = _OTHER[self.branch]
        self._show_branch()

    def action_said(self) -> None:
        if self._said < len(self._steps):
            self._said += 1
            self._show_steps()

    def action_unsay(self) -> None:
        if self._said:
            self._said -= 1
            self._show_steps()

    def action_stop(self) -> None:
        self._end()
        self.dismiss(None)

    @work(group="dialogs", exclusive=True)
    async def action_done(self) -> None:
        """The run ends at the key; the self-check is asked; escape from it goes back to practising."""
        from ..dialogs.self_check import SelfCheckDialog

        seconds, branch = self.seconds, self.branch
        took = ""
        if branch is RehearsalBranch.VOICEMAIL:
            keep = voicemail_keep(self.interview, self.session.profile, self.session.now())
            took = took_word(seconds, self._voicemail.text, keep)
        else:
            took = f"That took {duration(seconds)}; {self._said} of {len(self._steps)} points ticked as said."
        answers = await self.app.push_screen_wait(SelfCheckDialog(self_checks(branch, seconds), took))
        if answers is None:
            self.query_one("#practice-notes", TextArea).focus()
            return
        notes = self.query_one("#practice-notes", TextArea).text
        run = Rehearsal(self.session.now(), branch, seconds, answers, notes)
        self._end()
        self.dismiss(self.session.record_rehearsal(self.interview.id, run))

    def _end(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
