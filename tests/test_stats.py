"""What worked: figures on a hand-made record with known answers, too little data said plainly, the view and verb."""

from __future__ import annotations

import json

import pytest
from stats_support import NY, known_record
from ui_support import running, seed, settle
from verbs_support import followup

from tui.domain.records import Records
from tui.domain.stats import Rate, work_out
from tui.formats.report import render_stats


def test_the_known_record_gives_the_known_figures():
    stats = work_out(known_record(), NY)
    assert (stats.calls, stats.results) == (10, 3)
    assert stats.by_window == (Rate("Early window", 3, 5), Rate("Late window", 1, 4), Rate("Other times", 0, 1))
    assert stats.by_weekday == (Rate("Mon", 1, 2), Rate("Tue", 0, 2), Rate("Wed", 1, 1), Rate("Thu", 1, 2),
                                Rate("Fri", 1, 3))  # fmt: skip
    assert (stats.voicemails, stats.called_back, stats.callback_days) == (2, 1, 2)
    assert stats.followed_up == Rate("Followed up by phone", 2, 3)
    assert stats.days_to_result == 14
    assert stats.by_channel == (Rate("Email", 1, 2), Rate("Handwritten note", 1, 1))


def test_the_bars_are_drawn_to_scale():
    text = render_stats(work_out(known_record(), NY))
    assert "  Early window         ██████████████░░░░░░░░░░  3 of 5 (60%)" in text
    assert "1 of 2 got a call back, after 2 days (median)." in text
    assert "From interview to result: 14 days (median)." in text


def test_too_little_data_says_how_much_more_it_needs():
    record = known_record()
    few = Records(interviews=record.interviews[:1], calls={k: v for k, v in list(record.calls.items())[:1]})
    stats = work_out(few, NY)
    assert stats.by_window == () and stats.followed_up is None
    text = render_stats(stats)
    assert "Log 7 more calls to see which times get answers." in text
    assert "Record 2 more results (o in the app) to see what they led to." in text
    assert "█" not in text


def test_the_stats_verb_prints_bars_and_json(tmp_path):
    db = tmp_path / "wb.json"
    record = known_record()
    seed(db, record.interviews, record.all_calls(), thank_yous=record.all_thank_yous())
    shown = followup(db, "stats")
    assert shown.returncode == 0, shown.stderr
    assert "3 of 5 (60%)" in shown.stdout
    data = json.loads(followup(db, "stats", "--json").stdout)
    assert data["days_to_result_median"] == 14 and data["calls_needed"] == 0


@pytest.mark.asyncio
async def test_i_shows_what_worked(tmp_path):
    from textual.widgets import Static

    db = tmp_path / "wb.json"
    record = known_record()
    seed(db, record.interviews, record.all_calls(), thank_yous=record.all_thank_yous())
    async with running(db) as pilot:
        await pilot.press("i")
        await settle(pilot)
        text = " ".join(str(s.render()) for s in pilot.app.screen.query(Static))
        assert "What the follow-ups led to" in text and "3 of 5 (60%)" in text
        await pilot.press("escape")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "MainScreen"
