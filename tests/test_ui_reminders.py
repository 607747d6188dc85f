"""Reminders while the app is open: a window opening re-sorts the list and says so, once."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from ui_support import seed, settle

from tui.domain.models import REQUIRED_RULES, Channel, Interview, Interviewer, Profile, ThankYou
from tui.widgets.interview_list import InterviewList

pytestmark = pytest.mark.asyncio
NY = ZoneInfo("America/New_York")
#: Tuesday 24 November 2026: the working day after Monday's interview; the early window opens at 8:30.
OPENS = datetime(2026, 11, 24, 8, 30, tzinfo=NY)


def records() -> tuple[list[Interview], list[ThankYou]]:
    acme = Interview(
        "Acme",
        "Product Designer",
        interviewed_at=datetime(2026, 11, 23, 14, 0, tzinfo=NY),
        interviewer=Interviewer("Dana Reyes", phone="+12125550100"),
        interviewer_tz="America/New_York",
        checks={rule: True for rule in REQUIRED_RULES},
    )
    borealis = Interview("Borealis", "UX Researcher")  # no date yet: prepare, listed before an upcoming call
    return [acme, borealis], [ThankYou(acme.id, Channel.EMAIL, datetime(2026, 11, 23, 18, 0, tzinfo=NY))]


def seeded(path) -> None:
    interviews, thanks = records()
    seed(path, interviews, thank_yous=thanks, profile=Profile("Sam Lee", timezone="America/New_York"))


def _order(pilot) -> list[str]:
    return [row.interview.company for row in pilot.app.screen.query_one(InterviewList).rows]


def _said(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_the_window_opening_moves_the_row_up_and_says_so_once(tmp_path):
    from tui.app import make_app
    from tui.store import Workbook

    db = tmp_path / "wb.json"
    seeded(db)
    began, start = time.monotonic(), OPENS - timedelta(seconds=8)
    book = Workbook.open(db)
    app = make_app(book, clock=lambda: start + timedelta(seconds=time.monotonic() - began))
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert _order(pilot) == ["Borealis", "Acme"]
            assert not any("good time to call" in said for said in _said(app))
            deadline = time.monotonic() + 15
            while _order(pilot) != ["Acme", "Borealis"] and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            assert _order(pilot) == ["Acme", "Borealis"], "the timer set for the window's start worked it out again"
            notices = [said for said in _said(app) if "good time to call has begun" in said]
            assert notices == ["Acme – Product Designer: Call; a good time to call has begun."]
            app.screen.reminders.check()
            await settle(pilot)
            assert len([said for said in _said(app) if "good time to call" in said]) == 1, "said once"
            app.finish_work()
    finally:
        book.close()


async def test_what_is_due_at_opening_is_not_announced(tmp_path):
    from ui_support import running

    db = tmp_path / "wb.json"
    seeded(db)
    async with running(db, now=OPENS + timedelta(minutes=5)) as pilot:
        assert _order(pilot) == ["Acme", "Borealis"]
        pilot.app.screen.reminders.check()
        await settle(pilot)
        assert not any("good time to call" in said for said in _said(pilot.app))


async def test_a_check_off_the_ui_thread_never_waits_on_the_ui(tmp_path):
    """Quitting the moment a check ends must not leave its thread waiting on a UI that has stopped:
    the thread hands its answer back and ends at once, and the screen shows it when it can."""
    import threading

    from ui_support import running

    db = tmp_path / "wb.json"
    seeded(db)
    async with running(db, now=OPENS + timedelta(minutes=1)) as pilot:
        reminders = pilot.app.screen.reminders
        reminders._said.clear()  # as though the window opened since the rows were shown
        worker = threading.Thread(target=reminders._work_out)
        worker.start()
        worker.join(timeout=5)  # the UI's loop is held here, as it is while the app shuts down
        assert not worker.is_alive(), "the check's thread waited on the UI"
        await settle(pilot)
        assert [said for said in _said(pilot.app) if "good time to call has begun" in said]
