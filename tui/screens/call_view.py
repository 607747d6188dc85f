"""The call as the main screen shows it: the notes focused, the opening line, the scripts and a timer.

Held by the main screen; it changes the screen's widgets when a call begins and ends, and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from textual.timer import Timer
from textual.widgets import Static

from ..keymap import key_shown
from ..widgets.interview_list import InterviewList
from ..widgets.notes_pane import NotesPane
from .rows import call_scripts, duration

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from ..session import Session

__all__ = ["CallView"]


class CallView:
    """One call at a time; the session knows which (`session.active_call`)."""

    def __init__(
        self, screen: Screen[None], session: Session, show: Callable[[str], None], front: Callable[[str], None]
    ) -> None:
        """`show` shows an interview as the session has it now; `front` brings a pane to the front."""
        self.screen, self.session, self.show, self.front = screen, session, show, front
        self._timer: Timer | None = None

    def begin(self, cautions: tuple[str, ...] = ()) -> None:
        from ..domain.scripts import opening_line  # loaded with the call's scripts, when a first call begins

        screen, session = self.screen, self.session
        call = session.active_call
        assert call is not None
        interview = session.interview(call.interview_id)
        screen.set_class(True, "-in-call")
        self.show(interview.id)  # the next step is now "on a call"
        notes = screen.query_one(NotesPane)
        opening = opening_line(interview, session.profile, session.now())
        notes.show_call(f"[b]Say first:[/b] {escape(opening)}")
        talking, voicemail, first = call_scripts(
            interview, session.calls_for(interview.id), session.profile, session.now(), session.templates
        )
        keys = tuple(key_shown(screen.app, type(screen), name) for name in ("switch-script", "scroll-script-down"))
        notes.scripts.show_scripts(talking, voicemail, first, (keys[0], keys[1]))
        notes.load_text(call.notes, escape(interview.title), ("call", call.id))
        screen.query_one(InterviewList).disabled = True
        self.front("notes-pane")
        self.tick()
        self._timer = screen.set_interval(1, self.tick)
        screen.refresh_bindings()
        if cautions:  # said in the guidance line, not a toast: a toast would sit on the voicemail draft
            screen.query_one("#guidance", Static).update(
                f"[b]On the call.[/b] [$warning]{escape(' '.join(cautions))}[/]"
            )

    def tick(self) -> None:
        session = self.session
        if (call := session.active_call) is not None:
            seconds = int((session.now() - call.started_at).total_seconds())
            self.screen.query_one(NotesPane).show_timer(f"[b $error]● on the call {duration(seconds)}[/]")

    def ended(self, interview_id: str) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        screen = self.screen
        if not screen.is_attached:
            return
        screen.query_one(NotesPane).show_call("")
        screen.set_class(False, "-in-call")
        screen.query_one(InterviewList).disabled = False
        self.show(interview_id)
        self.front("list-pane")  # the call is over: back to the list, keys are keys again
        screen.refresh_bindings()
