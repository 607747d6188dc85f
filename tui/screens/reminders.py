"""Reminders while the app is open: next steps worked out again as the clock moves on.

On a timer, and at the moment the next call window opens or a step falls due, the list re-sorts,
the guidance line follows, and a notice says so, once for each window or due moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.markup import escape
from textual.message import Message
from textual.timer import Timer

from ..domain.guidance import NextStep, StepKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from ..session import Session

__all__ = ["Reminders", "Survey"]

#: How often next steps are worked out again even when no window is near (seconds).
CHECK_EVERY = 60.0
#: Steps that ask for nothing now, so their coming due is no news.
_QUIET = frozenset({StepKind.WAIT, StepKind.CLOSED, StepKind.LET_IT_REST, StepKind.ON_CALL})


#: What coming due means for one interview's step: its id, the step's kind, whether a good window has
#: opened (else the step is due), and when. Made of what the step holds already, so that remembering
#: every one said costs one tuple each (10,000 interviews, most of them long due).
News = tuple[str, StepKind, bool, datetime | None]


def _news(interview_id: str, step: NextStep, now: datetime) -> News | None:
    """What falling due means for this step (None when nothing is due now); the window's start when one is open."""
    if step.kind in _QUIET or not step.is_due(now):
        return None
    window = step.window
    if window is not None and window.start <= now < window.end:
        return interview_id, step.kind, True, window.start
    return interview_id, step.kind, False, step.due


@dataclass(frozen=True)
class Survey:
    """Every step looked over at one moment: what is due (each with its interview) and the next change."""

    due: list[News]
    next_change: datetime | None


class Reminders:
    """Watches the clock for the main screen; the session works out the steps, the screen shows them."""

    class Surveyed(Message):
        """Every step looked over off the UI thread, handed to the screen: the first look or a later check."""

        def __init__(self, survey: Survey, first: bool = False) -> None:
            super().__init__()
            self.survey, self.first = survey, first

    def __init__(self, screen: Screen[None], session: Session, relist: Callable[[], None]) -> None:
        """`relist` shows the list and the guidance line again, as the session has them now."""
        self.screen, self.session, self.relist = screen, session, relist
        self._said: set[News] = set()
        self._timer: Timer | None = None

    def survey(self, now: datetime) -> Survey:
        """What is due and when anything next changes: a walk over every step, so run it off the UI thread."""
        return Survey(self._due(now), self._next_change(now))

    def start(self, survey: Survey) -> None:
        """Begin once the records are loaded: what is due already is on the list, so nothing is said about it."""
        self._said = set(survey.due)
        self.screen.set_interval(CHECK_EVERY, self.check)
        self._schedule(survey.next_change)

    def _due(self, now: datetime) -> list[News]:
        session = self.session
        found = []
        for interview in session.interviews():
            if news := _news(interview.id, session.step(interview.id), now):
                found.append(news)
        return found

    def check(self) -> None:
        """Work every step out again off the UI thread (thousands of interviews take a while), then show it."""
        if self.session.loaded:
            self.screen.run_worker(self._work_out, thread=True, group="reminders", exclusive=True)

    def _work_out(self) -> None:
        session = self.session
        session.restep()
        for interview in session.interviews():
            session.step(interview.id)
        # Handed back as a message, which never waits on the UI (the user may be quitting right now).
        self.screen.post_message(self.Surveyed(self.survey(session.now())))

    def show(self, survey: Survey) -> None:
        """The new order and guidance; a notice for what has just come due."""
        session = self.session
        fresh = [news for news in survey.due if news not in self._said]
        self.relist()
        for news in fresh:
            self._said.add(news)
            interview_id, _, opened, _ = news
            interview, step = session.interview(interview_id), session.step(interview_id)
            what = "a good time to call has begun" if opened else "it is due now"
            self.screen.notify(f"{escape(interview.title)}: {escape(step.label)}; {what}.", title="Now", timeout=12)
        self._schedule(survey.next_change)

    def _next_change(self, now: datetime) -> datetime | None:
        """The next moment anything changes: a window opening or closing, a step falling due."""
        session = self.session
        moments = []
        for interview in session.interviews():
            step = session.step(interview.id)
            moments += [m for m in (step.due, step.overdue_at) if m is not None and m > now]
            if step.window is not None:
                moments += [m for m in (step.window.start, step.window.end) if m > now]
        return min(moments) if moments else None

    def _schedule(self, moment: datetime | None) -> None:
        """A check at that moment, when it comes before the regular one."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if moment is not None:
            delay = (moment - self.session.now()).total_seconds() + 0.2
            if delay < CHECK_EVERY:
                self._timer = self.screen.set_timer(max(delay, 0.2), self.check)
