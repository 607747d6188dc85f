"""The filter finds words in the notes and the calls' notes too, and the list marks where."""

from __future__ import annotations

from datetime import timedelta

import pytest
from ui_support import FIXED_NOW, running, seed, settle

from tui.domain.models import CallAttempt, Interview, Interviewer, Outcome
from tui.domain.search import found_in
from tui.widgets.interview_list import InterviewList

ACME = Interview("Acme", "Product Designer", interviewer=Interviewer("Dana Reyes"),
                 notes="They asked about the onboarding redesign and the team of six.")  # fmt: skip
CALL = CallAttempt(ACME.id, FIXED_NOW - timedelta(hours=2), FIXED_NOW - timedelta(hours=1), Outcome.SPOKE,
                   notes="Dana mentioned a budget freeze until January")  # fmt: skip


@pytest.mark.parametrize(
    ("words", "where", "snippet"),
    [
        (["acme"], "", ""),
        (["dana", "onboarding"], "notes", "…about the onboarding redesign and…"),
        (["FREEZE"], "call notes", "…a budget freeze until January"),
    ],
)
def test_words_are_found_in_names_notes_and_call_notes(words, where, snippet):
    found = found_in(ACME, [CALL], words)
    assert found is not None and (found.where, found.snippet) == (where, snippet)


def test_every_word_must_be_found_somewhere():
    assert found_in(ACME, [CALL], ["onboarding", "salary"]) is None
    assert found_in(ACME, [], ["freeze"]) is None


@pytest.mark.asyncio
async def test_slash_finds_a_word_in_the_call_notes_and_marks_it(tmp_path):
    db = tmp_path / "wb.json"
    seed(db, [ACME, Interview("Borealis", "UX Researcher")], [CALL])
    async with running(db) as pilot:
        await pilot.press("slash")
        for key in "freeze":
            await pilot.press(key)
        await pilot.pause(0.3)
        await settle(pilot)
        rows = pilot.app.screen.query_one(InterviewList).rows
        assert [row.interview.company for row in rows] == ["Acme"]
        assert rows[0].found == "call notes: …a budget freeze until January"
        lines = [pilot.app.screen.query_one(InterviewList).render_line(y).text for y in range(2)]
        assert "call notes:" in lines[1]
