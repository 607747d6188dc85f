"""What the workbook looks like in its main states, at 80x24 and 120x36, on a fixed clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from ui_support import FIXED_NOW, fixed_clock, seed, settle

from tui.app import make_app
from tui.domain.models import (
    CallAttempt,
    ChecklistItem,
    Interview,
    Interviewer,
    Outcome,
    Profile,
    Qualification,
    Reference,
)
from tui.domain.workdays import WorkCalendar
from tui.store import Workbook

SIZES = [(80, 24), (120, 36)]
SIZE_IDS = [f"{width}x{height}" for width, height in SIZES]


def sample() -> tuple[list[Interview], list[CallAttempt]]:
    acme = Interview(
        company="Acme",
        role="Product Designer",
        interviewed_at=FIXED_NOW - timedelta(hours=19),
        interviewer=Interviewer(name="Dana Reyes", title="Head of Design", phone="+12025550123"),
        references=(Reference("Pat Kim", "former manager", "pat@example.com"),),
        qualifications=(Qualification("8 years of UX research", "someone who can run studies alone"),),
        checks={"D1": True, "D3": True},
        custom_items=(ChecklistItem("Charge the phone", id="c1"),),
        id="a1",
    )
    globex = Interview(
        company="Globex",
        role="Staff Engineer",
        interviewed_at=FIXED_NOW - timedelta(days=6),
        interviewer=Interviewer(name="Hank Scorpio"),
        id="g1",
    )
    initech = Interview(
        company="Initech",
        role="Analyst",
        interviewed_at=FIXED_NOW - timedelta(days=12),
        interviewer=Interviewer(name="Bill Lumbergh"),
        id="i1",
    )
    left = FIXED_NOW - timedelta(days=10)
    calls = [
        CallAttempt("i1", left, left + timedelta(minutes=3), Outcome.VOICEMAIL_LEFT, notes="Left a message", id="k1")
    ]
    return [acme, globex, initech], calls


@pytest.fixture
def app_on(db):
    """Build the app on a seeded file; the workbook is closed after the snapshot."""
    books = []

    def build(interviews=(), calls=(), **kwargs):
        # The holiday tables load once per process; loaded here, the first frame is timed as in a full run.
        WorkCalendar("US").holiday(FIXED_NOW.date())
        kwargs.setdefault("profile", Profile(name="Sam Lee", phone="+12025550199"))
        seed(db, interviews, calls, **kwargs)
        book = Workbook.open(db)
        books.append(book)
        return make_app(book, clock=fixed_clock)

    yield build
    for book in books:
        book.close()


async def ready(pilot) -> None:
    await settle(pilot)
    pilot.app.workbook.flush()
    pilot.app.screen._poll_save_state() if hasattr(pilot.app.screen, "_poll_save_state") else None
    pilot.app.clear_notifications()
    await pilot.pause()


async def ready_main(pilot) -> None:
    await ready(pilot)
    screen = pilot.app.main
    screen._poll_save_state()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_empty_workbook_welcomes(snap_compare, app_on, size):
    assert snap_compare(app_on(), terminal_size=size, run_before=ready_main)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_list_checklist_and_notes(snap_compare, app_on, size):
    assert snap_compare(app_on(*sample()), terminal_size=size, run_before=ready_main)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_checklist_pane(snap_compare, app_on, size):
    async def go(pilot):
        await ready_main(pilot)
        await pilot.press("down", "down", "2")
        await ready_main(pilot)

    assert snap_compare(app_on(*sample()), terminal_size=size, run_before=go)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_during_a_call(snap_compare, app_on, size):
    async def go(pilot):
        await ready_main(pilot)
        await pilot.press("down", "down", "c", "H", "i")
        await ready_main(pilot)

    assert snap_compare(app_on(*sample()), terminal_size=size, run_before=go)


def test_outcome_dialog(snap_compare, app_on):
    async def go(pilot):
        await ready_main(pilot)
        await pilot.press("c", "ctrl+e")
        await ready_main(pilot)

    assert snap_compare(app_on(*sample()), terminal_size=(120, 36), run_before=go)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_form_with_bad_input(snap_compare, app_on, size):
    async def go(pilot):
        await ready_main(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#f-role").value = "Designer"
        form.query_one("#f-interviewed_at").value = "31 Feb 3pm"
        form.query_one("#f-interviewer_phone").value = "12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        form.query_one("#f-company").focus()
        await pilot.pause()

    assert snap_compare(app_on(*sample()), terminal_size=size, run_before=go)


def test_first_run_profile(snap_compare, app_on):
    assert snap_compare(app_on(profile_asked=False, profile=None), terminal_size=(80, 24), run_before=settle)
