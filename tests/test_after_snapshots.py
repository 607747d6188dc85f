"""How the week's agenda and the record of what worked look, on the demo workbook, at 80x24 and 120x36."""

from __future__ import annotations

import pytest
from ui_support import FIXED_NOW, fixed_clock, settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


def build(tmp_path):
    from tui.app import make_app
    from tui.demo import make_demo_copy
    from tui.store import Workbook

    book = Workbook.open(make_demo_copy(tmp_path, today=FIXED_NOW.date()))
    return book, make_app(book, clock=fixed_clock)


async def ready(pilot) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()


def _snap(snap_compare, tmp_path, key: str, size: tuple[int, int]) -> bool:
    book, app = build(tmp_path)

    async def opened(pilot) -> None:
        await ready(pilot)
        await pilot.press(key)
        await settle(pilot)

    try:
        return bool(snap_compare(app, terminal_size=size, run_before=opened))
    finally:
        app.finish_work()
        book.close()


class TestAgenda:
    @pytest.mark.parametrize("size", SIZES)
    def test_the_week(self, snap_compare, tmp_path, size):
        assert _snap(snap_compare, tmp_path, "w", size)


class TestStats:
    @pytest.mark.parametrize("size", SIZES)
    def test_what_worked(self, snap_compare, tmp_path, size):
        from stats_support import known_record
        from ui_support import seed

        from tui.app import make_app
        from tui.store import Workbook

        record = known_record()
        db = tmp_path / "wb.json"
        seed(db, record.interviews, record.all_calls(), thank_yous=record.all_thank_yous())
        book = Workbook.open(db)
        app = make_app(book, clock=fixed_clock)

        async def opened(pilot) -> None:
            await ready(pilot)
            await pilot.press("i")
            await settle(pilot)

        try:
            assert snap_compare(app, terminal_size=size, run_before=opened)
        finally:
            app.finish_work()
            book.close()
