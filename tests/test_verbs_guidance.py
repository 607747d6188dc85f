"""The guidance from the shell: unreadable decisions (D17, D19), day first, numbers abroad, the thank-you reminder (D21)."""

from __future__ import annotations

import json

from verbs_support import followup, seed, tables


def _calls(db) -> list[dict]:
    return tables(db)["calls"]


def test_d17_d19_log_call_keeps_unreadable_words_and_names_the_follow_up_day_it_takes(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    result = followup(db, "log-call", due.id[:8], "--outcome", "spoke", "--decision", "when the board meets")
    assert result.returncode == 0, result.stderr
    assert "kept “when the board meets” as written" in result.stderr
    assert "following up on Thu 3 Dec, a week after this call; give --follow-up to choose another day." in result.stderr
    assert "a week" not in result.stdout.replace("Give them a week", "")
    (call,) = [c for c in _calls(db) if c["interview_id"] == due.id]
    assert call["follow_up_on"] == "2026-12-03"
    (doc,) = [i for i in tables(db)["interviews"] if i["id"] == due.id]
    assert doc["decision_text"] == "when the board meets" and doc["decision_expected"] is None


def test_d19_log_call_with_a_follow_up_day_takes_it_and_says_nothing_more(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    result = followup(
        db, "log-call", due.id[:8], "--outcome", "spoke", "--decision", "after the offsite", "--follow-up", "Dec 10"
    )
    assert result.returncode == 0, result.stderr
    assert "following up on" not in result.stderr
    (call,) = [c for c in _calls(db) if c["interview_id"] == due.id]
    assert call["follow_up_on"] == "2026-12-10"


def test_d17_log_call_reads_ranges_on_the_interviewers_calendar(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    result = followup(db, "log-call", due.id[:8], "--outcome", "spoke", "--decision", "7-10 business days")
    assert result.returncode == 0, result.stderr
    assert "They expect to decide by Thu 10 Dec." in result.stdout  # today is Thanksgiving, no working day
    assert "follow up on Fri 11 Dec" in result.stdout
    assert result.stderr == ""


def test_d10_add_reads_short_dates_in_the_profiles_order(tmp_path):
    db = tmp_path / "wb.json"
    assert followup(db, "profile", "--day-first").returncode == 0
    result = followup(db, "add", "--company", "Acme", "--role", "Designer", "--when", "24/11 2pm")
    assert result.returncode == 0, result.stderr
    result = followup(db, "add", "--company", "Borealis", "--role", "Designer", "--when", "3/11 2pm")
    assert result.returncode == 0, result.stderr
    when = {doc["company"]: doc["interviewed_at"] for doc in tables(db)["interviews"]}
    assert when == {"Acme": "2026-11-24T14:00:00-05:00", "Borealis": "2026-11-03T14:00:00-05:00"}


def test_numbers_without_a_country_code_are_read_in_the_profiles_region(tmp_path):
    db = tmp_path / "wb.json"
    assert followup(db, "profile", "--tz", "London", "--phone", "07700 900123").returncode == 0
    result = followup(db, "add", "--company", "Acme", "--role", "Designer", "--phone", "020 7946 0000")
    assert result.returncode == 0, result.stderr
    assert "Their time zone: Europe/London, from their number" in result.stderr
    (doc,) = tables(db)["interviews"]
    assert doc["interviewer"]["phone"] == "+442079460000" and doc["interviewer_tz"] == "Europe/London"
    assert tables(db)["profile"][0]["phone"] == "+447700900123"


def test_zone_names_people_type_are_taken(tmp_path):
    db = tmp_path / "wb.json"
    result = followup(db, "add", "--company", "Acme", "--role", "Designer", "--tz", "Chicago")
    assert result.returncode == 0, result.stderr
    assert tables(db)["interviews"][0]["interviewer_tz"] == "America/Chicago"
    refused = followup(db, "add", "--company", "Acme", "--role", "Designer", "--tz", "IST")
    assert refused.returncode == 2 and "India, Ireland or Israel" in refused.stderr


def test_d21_list_says_which_interviews_have_no_thank_you_yet(tmp_path):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    result = followup(db, "list")
    assert result.returncode == 0, result.stderr
    assert "No thank-you yet: Acme. An email or a handwritten note is best." in result.stdout
    rows = {row["company"]: row for row in json.loads(followup(db, "list", "--json").stdout)}
    assert rows["Acme"]["thanked"] is False
    assert rows["Acme"]["next_step"] == "say_thank_you"  # the call moved past Thanksgiving: thanks come first
    assert rows["Borealis"]["thanked"] is True and rows["Borealis"]["also"] == []
    assert seeded["waiting"].id == rows["Borealis"]["id"]
