"""Each interview's next step, worked out once and again after each change to it, and the list's order
from them: what the session answers about what to do next."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from ..domain.guidance import NextStep, most_urgent, next_step
from ..domain.models import Interview, Profile
from ..domain.search import found_in
from .index import Index
from .kinds import StepsWorkedOut
from .order import ListOrder, first_rows

__all__ = ["NextSteps"]


class NextSteps:
    """Mixed into the session, which provides the index, the profile, the clock and `interview`."""

    _index: Index
    _profile: Profile
    _order: ListOrder

    def now(self) -> datetime:
        raise NotImplementedError

    def interview(self, interview_id: str) -> Interview:
        raise NotImplementedError

    def _start_steps(self) -> None:
        self._steps: dict[str, NextStep] = {}
        #: Each step worked out since every step was last forgotten, as one object for all alike (see `_alike`).
        self._alike: dict[tuple[Any, ...], NextStep] = {}
        #: Counts every change that makes a known step stale: steps worked out off the UI thread are
        #: kept only when none came meanwhile.
        self._edits = 0

    def _worked_out(self, index: Index, interview: Interview, now: datetime) -> NextStep:
        """The interview's step; the one already made when an interview alike has the same (steps never
        change: a changed one is a new step). Interviews held on the same days mostly share theirs."""
        calls, thanks = index.calls.get(interview.id, ()), index.thanks.get(interview.id, ())
        step = next_step(interview, calls, thanks, now, self._profile)
        return self._alike.setdefault(_alike(step), step)

    def step(self, interview_id: str) -> NextStep:
        """The interview's next step, worked out once and again after each change to it."""
        found = self._steps.get(interview_id)
        return found if found is not None else self._work_out(interview_id, self.now())

    def _work_out(self, interview_id: str, now: datetime) -> NextStep:
        found = self._steps[interview_id] = self._worked_out(self._index, self.interview(interview_id), now)
        return found

    def _step_at(self, now: datetime) -> Callable[[Interview], NextStep]:
        """An interview's step: the one known, else worked out for `now` (a sort reads the clock once)."""
        steps = self._steps
        return lambda i: steps.get(i.id) or self._work_out(i.id, now)

    def work_out_steps(self) -> StepsWorkedOut:
        """Every next step not known yet, for one moment: all a first listing waits for (no sort).

        Safe off the UI thread, while the user already acts on the rows: the steps are worked out aside
        from what the session holds. `keep_steps` (on the UI thread) takes them, unless something
        changed meanwhile."""
        edits, now, index, known = self._edits, self.now(), self._index, self._steps
        found = {}
        for interview_id, interview in list(index.interviews.items()):  # a copy: the UI may add one meanwhile
            if interview_id not in known:
                found[interview_id] = self._worked_out(index, interview, now)
        return StepsWorkedOut(found, edits)

    def keep_steps(self, worked: StepsWorkedOut) -> None:
        """Take steps worked out off the UI thread, unless an edit, a call or a reload came meanwhile
        (each then is worked out again when next asked for). Their table is taken over, not copied: at
        10,000 interviews a second one would stay as a hole in memory."""
        if worked.edits == self._edits:
            steps = worked.steps
            steps.update(self._steps)  # the steps known meanwhile stay
            self._steps = steps

    def restep(self) -> None:
        """Work every next step out again (the clock moved on, or the profile changed)."""
        self._forget_steps()

    def _forget_steps(self, interview_id: str | None = None) -> None:
        """This interview's step (None: every step) is stale: worked out again when next asked for."""
        self._edits += 1
        if interview_id is None:
            self._steps, self._alike = {}, {}
        else:
            self._steps.pop(interview_id, None)

    def in_order(self, ids: Iterable[str]) -> list[Interview]:
        """The interviews listed at a start (none archived) in the order of `ids`, kept from before, then
        any not among them in the file's order. No next step is worked out: `ordered` puts it right."""
        interviews, taken = self._index.interviews, set()
        found = []
        for interview_id in ids:
            interview = interviews.get(interview_id)
            if interview is not None and not interview.archived and interview_id not in taken:
                taken.add(interview_id)
                found.append(interview)
        found.extend(i for i in interviews.values() if not i.archived and i.id not in taken)
        return found

    def first_listed(self, count: int) -> list[Interview]:
        """The interviews listed at a start (none archived): the first `count` in their final order, with
        only the steps they need worked out, then the others as the file has them; `ordered` puts them
        right once every step is known. A first screen of rows needs a few hundred steps, not 10,000."""
        now, index = self.now(), self._index
        shown = [i for i in index.interviews.values() if not i.archived]
        return first_rows(shown, self._step_at(now), lambda i: most_urgent(i, index.calls.get(i.id, ())), now, count)

    def ordered(self, include_archived: bool = False, words: Sequence[str] = ()) -> list[Interview]:
        """Most urgent first (a live call, late, due now, upcoming, waiting), then by company.

        `words`: only interviews whose names, notes or call notes hold every one of them. The clock
        is read once, so every step still to work out is worked out for the same moment.
        """
        now, index = self.now(), self._index
        calls = index.calls

        def keep(i: Interview) -> bool:
            return (include_archived or not i.archived) and (
                not words or found_in(i, calls.get(i.id, ()), words) is not None
            )

        return self._order.sort(index.interviews, keep, self._step_at(now), now)


def _alike(step: NextStep) -> tuple[Any, ...]:
    """What makes two steps one: every field, and the zone each moment is in. Moments equal in two zones
    are equal datetimes, but a window's day, and the hour shown, are read in its own zone."""
    window = step.window
    moments = (step.due, step.overdue_at) if window is None else (step.due, step.overdue_at, window.start, window.end)
    return (step, *(moment.tzinfo for moment in moments if moment is not None))
