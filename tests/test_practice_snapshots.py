"""What rehearsing the call looks like (D6), at 80x24 and 120x36, on a fixed clock."""

from __future__ import annotations

import pytest
from test_ui_snapshots import app_on, ready, ready_main, sample  # noqa: F401  (the fixture)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


class TestPractice:
    @pytest.mark.parametrize("size", SIZES)
    def test_they_picked_up(self, snap_compare, app_on, size):  # noqa: F811
        async def go(pilot):
            await ready_main(pilot)
            await pilot.press("h")
            await ready(pilot)
            await pilot.press("f6")
            await ready(pilot)

        assert snap_compare(app_on(*sample()), terminal_size=size, run_before=go)

    @pytest.mark.parametrize("size", SIZES)
    def test_voicemail(self, snap_compare, app_on, size):  # noqa: F811
        async def go(pilot):
            await ready_main(pilot)
            await pilot.press("h")
            await ready(pilot)
            await pilot.press("f5")
            await ready(pilot)

        assert snap_compare(app_on(*sample()), terminal_size=size, run_before=go)

    def test_self_check(self, snap_compare, app_on):  # noqa: F811
        async def go(pilot):
            await ready_main(pilot)
            await pilot.press("h")
            await ready(pilot)
            await pilot.press("f5", "ctrl+e")
            await ready(pilot)

        assert snap_compare(app_on(*sample()), terminal_size=(120, 36), run_before=go)

    def test_card_for_a_friend(self, snap_compare, app_on):  # noqa: F811
        async def go(pilot):
            await ready_main(pilot)
            await pilot.press("f")
            await ready(pilot)

        assert snap_compare(app_on(*sample()), terminal_size=(120, 36), run_before=go)
