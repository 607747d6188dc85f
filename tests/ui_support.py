"""Helpers for the UI tests: seed a workbook, run the app on it, read the file back."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

#: Wednesday 25 November 2026, 9:15 in New York: early in a working day (D11).
FIXED_NOW = datetime(2026, 11, 25, 9, 15, tzinfo=ZoneInfo("America/New_York"))


def fixed_clock() -> datetime:
    return FIXED_NOW


def interview_held(company: str, **changes):
    """An interview held the day before FIXED_NOW with a number to call; `changes` to any field."""
    from tui.domain.models import Interview, Interviewer

    fields = dict(
        company=company,
        role="Product Designer",
        interviewed_at=FIXED_NOW - timedelta(days=1, hours=-5),
        interviewer=Interviewer(name="Dana Reyes", phone="+12025550123"),
    )
    fields.update(changes)
    return Interview(**fields)


def seed(
    path: Path,
    interviews: Iterable = (),
    calls: Iterable = (),
    *,
    profile_asked: bool = True,
    profile=None,
    thank_yous: Iterable = (),
) -> None:
    """Write records through the store, as a finished earlier session would have."""
    from tui.store import Workbook

    book = Workbook.open(path, autosave=False)
    for interview in interviews:
        book.save_interview(interview)
    for call in calls:
        book.save_call(call)
    for thanks in thank_yous:
        book.save_thank_you(thanks)
    if profile is not None:
        book.save_profile(profile)
    if profile_asked:
        book.set_setting("profile_asked", True)
    book.close()


def stored(path: Path) -> dict[str, list[dict]]:
    """The file as plain TinyDB sees it: table name to its documents."""
    from tinydb import TinyDB

    db = TinyDB(path)
    try:
        return {name: [dict(doc) for doc in db.table(name).all()] for name in db.tables()}
    finally:
        db.close()


#: Workers that wait on the user (a dialog sequence is one), not on the machine.
WAITING_ON_THE_USER = frozenset({"dialogs", "file-changed"})


async def settle(pilot) -> None:
    """Wait until the background load and every message it caused are done (dialogs stay open)."""
    await pilot.pause()
    busy = [worker for worker in pilot.app.workers if worker.group not in WAITING_ON_THE_USER]
    if busy:  # (an empty list would mean every worker)
        await pilot.app.workers.wait_for_complete(busy)
    await pilot.pause()
    await pilot.pause()


@asynccontextmanager
async def running(
    path: Path,
    size: tuple[int, int] = (120, 36),
    now: datetime = FIXED_NOW,
    clock: Callable[[], datetime] | None = None,
) -> AsyncIterator:
    """The app on this workbook file, as `followup --db path` runs it, closed like run_app does; its clock
    at `now`, or `clock` when the test moves time on."""
    from tui.app import make_app
    from tui.store import Workbook

    book = Workbook.open(path, later=True)  # a pasted log's notes read once the first frame shows, as the command does
    app = make_app(book, clock=clock or (fixed_clock if now == FIXED_NOW else lambda: now))
    try:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            yield pilot
            app.finish_work()
    finally:
        app.finish_work()
        app.keep_list_order()
        book.close()
