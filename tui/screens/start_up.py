"""The main screen's start, in the order the user needs it: the rows first, the rest once they show.

A small workbook has its rows, sorted, on the first frame. A bigger one has its rows on the first frame
too, before every next step is known: in the order kept from its last start, each row's step worked out
as it is drawn; or, at its first start, its first rows in their final order, with only the steps those
need, and the others after them. The notes editor is built right after the first frame (sooner, for a
key that needs it). Every step is then worked out off the UI thread and the rows put in order. Then the
reminders start, and the questions of a first start or of a call cut off come. Work done off the UI
thread hands its answer back as a message and ends: it never waits on a UI that may be stopping (the
user may quit at any moment).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual.message import Message

from ..locations import holidays_cache_path, order_cache_path
from ..session import StepsWorkedOut
from ..store.kept_holidays import keep_holidays, read_kept_holidays
from ..store.kept_order import keep_order, read_kept_order
from ..widgets.interview_list import InterviewList
from . import flows
from .reminders import Reminders, Survey

if TYPE_CHECKING:
    from ..domain.models import Interview
    from .main import MainScreen

__all__ = ["FIRST_ROWS", "SORTED_AT_ONCE", "StartUp"]

#: Up to this many interviews, every next step is worked out before the first frame, which then has the
#: rows in their final order: that takes less than one key's echo. Beyond it, the rows come first in the
#: order kept from the last start (the order is kept only for workbooks this big), or the first
#: FIRST_ROWS in their final order; every row is in order a moment later.
SORTED_AT_ONCE = 300
#: More rows than any terminal shows at once.
FIRST_ROWS = 100


class StartUp:
    """Held by the main screen from its mount until the first questions are answered; it also keeps the
    list's order for the next start."""

    class StepsKnown(Message):
        """Off the UI thread, every next step has been worked out: the rows may be put in order."""

        def __init__(self, worked: StepsWorkedOut) -> None:
            super().__init__()
            self.worked = worked

    class Done(Message):
        """The start is done: the rows are in order, and the reminders run (heard by the app)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen, self.session = screen, screen.session
        self._kept = 0  # how many holiday tables were read back from the last start
        self._kept_order: int | None = None  # a digest of the list's order as read back, or as last kept
        self._sorted_later = False  # the rows were shown before every step was known, to be sorted then
        self._first_shown: str | None = None  # the first of those rows

    @property
    def _order_path(self) -> Path | None:
        return order_cache_path(self.session.workbook.path) if self.screen.keeps_order else None

    async def begin(self) -> None:
        """On mount: all the first frame needs, the rows with it (for a bigger workbook, their first ones)."""
        screen, session = self.screen, self.session
        self._kept = read_kept_holidays(holidays_cache_path())
        count, path = session.load().count, self._order_path
        if count > SORTED_AT_ONCE:
            # Sorting needs every next step; the rows in the order the user left them need only the
            # steps of the rows on screen, and the first rows in their final order only the steps of a
            # few hundred. `steps_known` puts the whole order right a moment later.
            kept = read_kept_order(path) if path is not None else []
            if kept:
                self._kept_order = hash(tuple(kept))
                shown = session.in_order(kept)
            else:
                shown = session.first_listed(FIRST_ROWS)
            screen.listing = self._sorted_later = True
            screen.show_rows(shown, keep=None)
            self._first_shown = shown[0].id if shown else None
        else:
            # The first frame has the rows in their final order: a handful of next steps take less than
            # a frame drawn twice.
            session.keep_steps(session.work_out_steps())
            screen.listing = True
            screen.refresh_list()
        # The row highlighted is the interview selected from the first key on (`c` calls it), and its guidance
        # line is on the first frame, above the panes (which would move down when it came); the list has the
        # panes show it a moment later. The editor comes right after the first frame, which it would hold
        # back (12 ms): a key that needs it sooner builds it first, and the keys after it wait.
        if (first := screen.query_one(InterviewList).highlighted) is not None:
            screen.set_reactive(type(screen).selected, first.id)
            screen.show_guidance()

    def first_frame_shown(self) -> None:
        """The app's first frame is on the terminal (Textual's Ready): the rest may follow now.

        Not `call_after_refresh` from `on_mount`: while the app starts, Textual runs those callbacks
        before anything is drawn, so what they do would hold back the first frame."""
        self.screen.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        """After the first frame: the editor, then the reminders and first questions when the rows were sorted
        for it (a call cut off is taken up in the editor), else the next steps (off the UI thread, started
        first: the editor is built meanwhile)."""
        screen = self.screen
        if not self._sorted_later:  # sorted on the first frame
            order = screen.sorted_list
            screen.run_worker(lambda: self._keep(order), thread=True, group="load")
        else:
            screen.run_worker(self._work_out_steps, thread=True, exclusive=True, group="load")
        await screen.notes.build()
        if not self._sorted_later:
            self.ready(screen.reminders.survey(self.session.now()))

    def _keep(self, order: list[Interview] | None) -> None:
        """Off the UI thread: the holiday tables and the list's order, for the next start."""
        keep_holidays(holidays_cache_path(), self._kept)
        self.keep_list_order(order)

    def keep_list_order(self, order: list[Interview] | None = None) -> None:
        """Keep `order` (else the list as last sorted) for the next start, if it changed since it was kept."""
        order = order if order is not None else self.screen.sorted_list
        path = self._order_path
        if path is None or order is None or self.session.count <= SORTED_AT_ONCE:
            return
        ids = [interview.id for interview in order]
        digest = hash(tuple(ids))
        if digest != self._kept_order and keep_order(path, ids):
            self._kept_order = digest

    def _work_out_steps(self) -> None:
        """Off the UI thread: every next step; the rows are put in order as soon as they are known."""
        self.screen.post_message(self.StepsKnown(self.session.work_out_steps()))

    def steps_known(self, worked: StepsWorkedOut) -> None:
        """The thread has worked every step out: the rows are put in order, then what is due is looked over."""
        screen = self.screen
        self.session.keep_steps(worked)
        # Rows shown before every step was known (in a kept order, or only the first ones in their final
        # order) are put in order, the new first row highlighted; unless the user has moved on meanwhile
        # (another row, another pane, a call), when what they chose stays chosen.
        untouched = (
            screen.selected in (None, self._first_shown)
            and isinstance(screen.focused, InterviewList)
            and not screen.in_call
        )
        screen.refresh_list(first=self._sorted_later and untouched)
        order = screen.sorted_list
        # What is due is a second walk over every step: it waits until the rows are drawn.
        screen.call_after_refresh(lambda: screen.run_worker(lambda: self._look_over(order), thread=True, group="load"))

    def _look_over(self, order: list[Interview] | None) -> None:
        """Off the UI thread: what is due now, and when the next window opens; then the first questions."""
        self.screen.post_message(Reminders.Surveyed(self.screen.reminders.survey(self.session.now()), first=True))
        self._keep(order)

    def ready(self, survey: Survey) -> None:
        """The rows are on screen: the reminders start, and the questions of a first start or a crash come."""
        self.screen.reminders.start(survey)
        self.screen.post_message(self.Done())
        # a function, not a coroutine: a start cut short by quitting leaves nothing unawaited
        self.screen.run_worker(cast(Any, self._first_questions), group="dialogs")

    async def _first_questions(self) -> None:
        screen, session = self.screen, self.session
        # A form the user opened with a key typed as the rows came is not covered by a question they did
        # not ask: the questions wait until the rows are shown again.
        await screen.on_top.wait()
        if not (session.setting("profile_asked", False) or session.workbook.has_profile):
            await flows.ask_profile(screen.app, session, first_run=True)
        if screen.in_call:  # a call begun the moment the rows showed: a call cut off before waits for next time
            return
        if await flows.interrupted_call(screen.app, session) is not None:
            screen.call_view.begin()
            screen.call_after_refresh(screen.notes.editor.focus)  # again, once the dialog has handed focus back
        else:
            screen.show_interview(screen.selected, relist=False)  # the rows are fresh
