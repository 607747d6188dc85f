"""`followup script`: the app's drafts on stdout, the missing parts on stderr."""

from __future__ import annotations

from verbs_support import NOW, followup, seed

from tui.domain.models import Profile
from tui.domain.scripts import draft
from tui.domain.speaking import spoken_seconds
from tui.domain.templates import ScriptKind


def test_voicemail_is_the_domain_draft_with_every_part(tmp_path):
    db = tmp_path / "wb.json"
    due = seed(db)["due"]
    result = followup(db, "script", due.id[:4], "--kind", "voicemail")
    assert result.returncode == 0, result.stderr
    profile = Profile("Sam Lee", "+14155550199", "sam@example.com", "America/New_York", "I ship calm UIs.")
    assert result.stdout.rstrip("\n") == draft(ScriptKind.VOICEMAIL, due, profile, NOW).text.rstrip("\n")
    for part in ("Sam Lee", "Product Designer", "yesterday", "Thank you", "(415) 555-0199"):
        assert part in result.stdout
    seconds = spoken_seconds(result.stdout)
    assert result.stderr == f"Said aloud: about {seconds} seconds. A good length for a voicemail.\n"


def test_missing_parts_go_to_stderr_and_show_as_markers(tmp_path):
    db = tmp_path / "wb.json"
    added = followup(db, "add", "--company", "Acme", "--role", "Designer")
    assert added.returncode == 0, added.stderr
    short = added.stdout.strip()
    voicemail = followup(db, "script", short, "--kind", "voicemail")
    assert voicemail.returncode == 0
    assert "[your name]" in voicemail.stdout and "[your phone number]" in voicemail.stdout
    assert "Your name is missing" in voicemail.stderr and "When you interviewed is missing" in voicemail.stderr
    thanks = followup(db, "script", short, "--kind", "thank-you")
    assert thanks.returncode == 0
    lines = thanks.stdout.splitlines()
    assert lines[0] == "To: [their email]" and lines[1].startswith("Subject: ") and "Designer" in lines[1]
    assert "No email address for the interviewer" in thanks.stderr


def test_talking_points_and_a_full_thank_you(tmp_path):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    points = followup(db, "script", seeded["due"].id, "--kind", "talking-points")
    assert points.returncode == 0
    assert "No key qualifications yet" in points.stderr
    thanks = followup(db, "script", seeded["due"].id, "--kind", "thank-you")
    assert thanks.stdout.startswith("To: dana@acme.example\nSubject: ")
    unknown = followup(db, "script", "zzzz", "--kind", "voicemail")
    assert unknown.returncode == 2 and "zzzz" in unknown.stderr
