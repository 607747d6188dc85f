"""`followup practice-card`: the role-play card for a friend (D6), as Markdown or plain text, to stdout or a file."""

from __future__ import annotations

import stat

from verbs_support import NOW, followup, seed

from tui.domain.card import practice_card
from tui.domain.models import Profile
from tui.formats.cardfile import card_markdown, card_text

SAM = Profile("Sam Lee", "+14155550199", "sam@example.com", "America/New_York", "I ship calm UIs.")


def test_the_card_on_stdout_is_the_domain_card_in_markdown(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    result = followup(db, "practice-card", due.id[:4])
    assert result.returncode == 0, result.stderr
    assert result.stdout == card_markdown(practice_card(due, SAM, NOW))
    assert "You are Dana Reyes, Design Lead, at Acme." in result.stdout
    assert result.stderr == ""


def test_plain_text_by_flag_or_by_the_file_name(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    plain = followup(db, "practice-card", due.id[:4], "--plain")
    assert plain.stdout == card_text(practice_card(due, SAM, NOW))
    target = tmp_path / "card.txt"
    written = followup(db, "practice-card", due.id[:4], "-o", str(target))
    assert written.returncode == 0, written.stderr
    assert written.stderr == f"Wrote {target}\n"
    assert target.read_text(encoding="utf-8") == plain.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_markdown_file_and_refusals(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    target = tmp_path / "card.md"
    assert followup(db, "practice-card", due.id[:4], "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# Role-play card: Acme – Product Designer")
    unknown = followup(db, "practice-card", "zzzz")
    assert unknown.returncode == 2 and "No interview has an id starting with" in unknown.stderr
    into_workbook = followup(db, "practice-card", due.id[:4], "-o", str(db))
    assert into_workbook.returncode == 2 and "the workbook itself" in into_workbook.stderr
