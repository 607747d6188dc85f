"""How help and the palette look: help at 80x24, the palette finding an interview at 120x36."""

from __future__ import annotations

from datetime import timedelta

from ui_support import FIXED_NOW, fixed_clock, seed, settle

from tui.domain.models import Interview, Interviewer


def build(db):
    from tui.app import make_app
    from tui.store import Workbook

    seed(
        db,
        [
            Interview(
                company="Acme",
                role="Product Designer",
                interviewed_at=FIXED_NOW - timedelta(days=1),
                interviewer=Interviewer(name="Dana Reyes", phone="+12025550123"),
            ),
            Interview(
                company="Globex",
                role="Data Analyst",
                interviewed_at=FIXED_NOW - timedelta(days=3),
                interviewer=Interviewer(name="Hank Scorpio"),
            ),
            Interview(
                company="Initech",
                role="Business Analyst",
                interviewed_at=FIXED_NOW - timedelta(days=20),
                interviewer=Interviewer(name="Bill Lumbergh"),
                archived=True,
            ),
        ],
    )
    book = Workbook.open(db)
    return book, make_app(book, clock=fixed_clock)


async def ready(pilot) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()


def test_help_at_80x24(snap_compare, db):
    book, app = build(db)
    try:
        assert snap_compare(app, press=["f1"], terminal_size=(80, 24), run_before=ready)
    finally:
        app.finish_work()
        book.close()


def test_palette_finds_interviews_at_120x36(snap_compare, db):
    book, app = build(db)

    async def search(pilot) -> None:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        for char in "analyst":
            await pilot.press(char)
        await pilot.pause(0.3)
        await settle(pilot)

    try:
        assert snap_compare(app, terminal_size=(120, 36), run_before=search)
    finally:
        app.finish_work()
        book.close()
