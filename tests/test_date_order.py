"""Short dates follow the user's own order: 3/12 is March 12 unless they write day first."""

from __future__ import annotations

import pytest
import tinydb
from ui_support import running, settle
from ui_support import seed as seed_ui
from verbs_support import followup, seed


def decision_of(db, company: str) -> str | None:
    table = tinydb.TinyDB(db).table("interviews")
    (doc,) = [d for d in table.all() if d["company"] == company]
    return doc["decision_expected"]


@pytest.mark.parametrize(("order", "expected"), [("--month-first", "2027-03-12"), ("--day-first", "2026-12-03")])
def test_log_call_reads_3_12_in_the_profiles_order(tmp_path, order, expected):
    db = tmp_path / "wb.json"
    ids = seed(db)
    assert followup(db, "profile", order).returncode == 0
    result = followup(db, "log-call", ids["due"].id[:8], "--outcome", "spoke", "--decision", "3/12")
    assert result.returncode == 0, result.stderr
    assert decision_of(db, "Acme") == expected


def test_profile_shows_and_keeps_the_order(tmp_path):
    db = tmp_path / "wb.json"
    shown = followup(db, "profile", "--day-first").stdout
    assert "day first (3/12 is 3 December)" in shown
    assert tinydb.TinyDB(db).table("profile").all()[0]["day_first"] is True
    assert "month first" in followup(db, "profile", "--month-first").stdout


async def test_the_profile_dialog_sets_day_first(db):
    seed_ui(db)
    async with running(db) as pilot:
        await pilot.press("p")
        await settle(pilot)
        pilot.app.screen.query_one("#profile-name").value = "Robin Castellano"
        pilot.app.screen.query_one("#profile-day_first").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
    (profile,) = tinydb.TinyDB(db).table("profile").all()
    assert profile["day_first"] is True and profile["name"] == "Robin Castellano"
