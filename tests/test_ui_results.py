"""The result key in the app: one key, a result and a day; next round opens round 2 with the history of rounds."""

from __future__ import annotations

import pytest
from test_ui_flows import acme
from ui_support import running, seed, settle, stored

from tui.domain.models import Reference
from tui.widgets.call_history import CallHistory
from tui.widgets.interview_list import InterviewList

pytestmark = pytest.mark.asyncio


def _titles(pilot) -> list[str]:
    return [row.interview.title for row in pilot.app.screen.query_one(InterviewList).rows]


async def test_next_round_opens_round_two_carried_over_and_the_history_shows_both(tmp_path):
    db = tmp_path / "wb.json"
    first = acme(references=(Reference("Jo Kim", "former manager"),))
    seed(db, [first])
    async with running(db) as pilot:
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("n")  # next round
        await settle(pilot)
        await pilot.press("enter")  # word came today
        await settle(pilot)
        screen = pilot.app.screen
        assert "Acme – Product Designer (round 2)" in _titles(pilot)
        later = screen.current
        assert later is not None and later.round == 2 and later.previous_round == first.id
        options = screen.query_one(CallHistory)
        history = " ".join(str(options.get_option_at_index(n).prompt) for n in range(options.option_count))
        assert "Round 1" in history and "Next round, today" in history and "Round 2" in history
    docs = {doc["id"]: doc for doc in stored(db)["interviews"]}
    assert docs[first.id]["result"] == "next_round" and docs[first.id]["result_on"] == "2026-11-25"
    (second,) = [d for d in docs.values() if d["previous_round"] == first.id]
    assert second["references"] == [{"name": "Jo Kim", "relation": "former manager", "contact": ""}]
    assert second["interviewer"]["name"] == "Dana Reyes" and second["checks"] == {}


async def test_an_offer_closes_the_follow_up_and_the_row_says_so(tmp_path):
    db = tmp_path / "wb.json"
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("o", "o")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        (row,) = pilot.app.screen.query_one(InterviewList).rows
        assert row.next_step == "Offer" and row.urgency == ""
        assert "Offer, word came today" in str(pilot.app.screen.query_one("#guidance").render())
    (doc,) = stored(db)["interviews"]
    assert doc["result"] == "offer"


async def test_escape_leaves_the_result_as_it_was(tmp_path):
    db = tmp_path / "wb.json"
    seed(db, [acme()])
    async with running(db) as pilot:
        await pilot.press("o", "escape")
        await settle(pilot)
    (doc,) = stored(db)["interviews"]
    assert doc.get("result", "waiting") == "waiting"
