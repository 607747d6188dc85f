"""The main screen's start, in the order the user needs it: the rows first, the rest once they show.

A small workbook has its rows and editor on the first frame; a big one draws the frame first and works
its next steps out off the UI thread. Then the reminders start, and the questions of a first start or
of a call cut off come. Work done off the UI thread hands its answer back as a message and ends: it
never waits on a UI that may be stopping (the user may quit at any moment).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.message import Message

from ..locations import holidays_cache_path
from ..store.kept_holidays import keep_holidays, read_kept_holidays
from . import flows
from .reminders import Reminders, Survey

if TYPE_CHECKING:
    from .main import MainScreen

__all__ = ["LIST_AT_ONCE", "StartUp"]

#: Up to this many interviews, the next steps are worked out before the first frame, which then has the
#: rows; beyond it the frame comes first and they are worked out off the UI thread.
LIST_AT_ONCE = 2_000


class StartUp:
    """Held by the main screen from its mount until the first questions are answered."""

    class StepsKnown(Message):
        """Off the UI thread, every next step has been worked out: the rows may be shown."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen, self.session = screen, screen.session
        self._kept = 0  # how many holiday tables were read back from the last start

    async def begin(self) -> None:
        """On mount: for a small workbook, all the first frame needs."""
        screen, session = self.screen, self.session
        self._kept = read_kept_holidays(holidays_cache_path())
        if session.load().count <= LIST_AT_ONCE:
            # The first frame has the rows, and every key works on them: a handful of next steps and
            # the editor take less than a frame drawn twice.
            session.work_out_steps()
            await screen.notes.build()
            screen.listing = True
            screen.refresh_list()

    def first_frame_shown(self) -> None:
        """The app's first frame is on the terminal (Textual's Ready): the rest may follow now.

        Not `call_after_refresh` from `on_mount`: while the app starts, Textual runs those callbacks
        before anything is drawn, so what they do would hold back the first frame."""
        self.screen.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        """After the first frame: the reminders and first questions, or for a big workbook the next steps
        (off the UI thread) and the editor."""
        screen = self.screen
        if self.session.count <= LIST_AT_ONCE:
            screen.run_worker(self._keep_holidays, thread=True, group="load")
            self.ready(screen.reminders.survey(self.session.now()))
        else:
            screen.run_worker(self._work_out_steps, thread=True, exclusive=True, group="load")
            await screen.notes.build()

    def _keep_holidays(self) -> None:
        keep_holidays(holidays_cache_path(), self._kept)

    def _work_out_steps(self) -> None:
        """Off the UI thread: every next step; the rows show as soon as they are known."""
        self.session.work_out_steps()
        self.screen.post_message(self.StepsKnown())

    def steps_known(self) -> None:
        """The thread has worked every step out: the rows show, then what is due is looked over."""
        screen = self.screen
        screen.listing = True
        screen.refresh_list()
        # What is due is a second walk over every step: it waits until the rows are drawn.
        screen.call_after_refresh(lambda: screen.run_worker(self._look_over, thread=True, group="load"))

    def _look_over(self) -> None:
        """Off the UI thread: what is due now, and when the next window opens; then the first questions."""
        self.screen.post_message(Reminders.Surveyed(self.screen.reminders.survey(self.session.now()), first=True))
        self._keep_holidays()

    def ready(self, survey: Survey) -> None:
        """The rows are on screen: the reminders start, and the questions of a first start or a crash come."""
        self.screen.reminders.start(survey)
        # a function, not a coroutine: a start cut short by quitting leaves nothing unawaited
        self.screen.run_worker(cast(Any, self._first_questions), group="dialogs")

    async def _first_questions(self) -> None:
        screen, session = self.screen, self.session
        if not (session.setting("profile_asked", False) or session.workbook.has_profile):
            await flows.ask_profile(screen.app, session, first_run=True)
        if screen.in_call:  # a call begun the moment the rows showed: a call cut off before waits for next time
            return
        if await flows.interrupted_call(screen.app, session) is not None:
            screen.call_view.begin()
            screen.call_after_refresh(screen.notes.editor.focus)  # again, once the dialog has handed focus back
        else:
            screen.show_interview(screen.selected, relist=False)  # the rows are fresh
