"""Drafts to copy (D14, D16, D20), thank-yous recorded (D20, D21), and the next call window (D11)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from ui_support import FIXED_NOW, running, seed, settle, stored

from tui.domain.models import Channel, Interview, Interviewer, Profile, ThankYou

pytestmark = pytest.mark.asyncio

ROBIN = Profile("Robin Castellano", "+12125550147", "robin@example.com", "America/New_York")


def acme() -> Interview:
    return Interview(
        "Acme",
        "Product Designer",
        interviewed_at=FIXED_NOW - timedelta(days=1),
        interviewer=Interviewer(name="Dana Reyes", phone="+12025550123", email="dana@acme.example"),
        interviewer_tz="America/Los_Angeles",
    )


def text_of(pilot, selector: str) -> str:
    widget = pilot.app.screen.query_one(selector)
    if hasattr(widget, "options"):  # a list of lines (the call history)
        return "\n".join(str(option.prompt) for option in widget.options)
    return str(widget.render())


async def test_drafts_show_each_script_and_copy_it(db):
    seed(db, [acme()], profile=ROBIN)
    async with running(db) as pilot:
        await pilot.press("s")
        await settle(pilot)
        voicemail = text_of(pilot, "#draft-text")
        assert "Robin Castellano" in voicemail and "Product Designer" in voicemail and "(212) 555-0147" in voicemail
        await pilot.press("m")
        await settle(pilot)
        email = text_of(pilot, "#draft-text")
        assert "Subject:" in email and "dana@acme.example" in email
        await pilot.press("y")
        await settle(pilot)
        assert pilot.app.clipboard.startswith("Subject:") and "Robin Castellano" in pilot.app.clipboard
        await pilot.press("t")
        await settle(pilot)
        assert "Thanks:" in text_of(pilot, "#draft-text")
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen.id != "drafts-dialog" and not pilot.app.screen.query("#draft-text")


async def test_drafts_say_what_is_missing_instead_of_a_blank(db):
    seed(db, [acme()], profile=Profile(name="Robin Castellano"))
    async with running(db) as pilot:
        await pilot.press("s")
        await settle(pilot)
        assert "[your phone number]" in text_of(pilot, "#draft-text")
        assert "phone number is missing" in text_of(pilot, "#draft-missing")


async def test_d21_a_thank_you_by_email_is_recorded_with_its_time(db):
    seed(db, [acme()], profile=ROBIN)
    async with running(db) as pilot:
        assert "Say thank you" in text_of(pilot, "#guidance")
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        field = pilot.app.screen.query_one("#prompt-input")
        field.value = "yesterday 5pm"
        await pilot.press("enter")
        await settle(pilot)
        assert "Say thank you" not in text_of(pilot, "#guidance")
        assert "Tue 24 Nov 17:00  Email" in text_of(pilot, "#history")
    (thanks,) = stored(db)["thank_yous"]
    assert thanks["channel"] == "email"
    assert thanks["sent_at"] == "2026-11-24T17:00:00-05:00"


async def test_d20_a_text_message_is_warned_about_once_then_recorded(db):
    seed(db, [acme()], profile=ROBIN)
    async with running(db) as pilot:
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert "rarely how interviewers like" in text_of(pilot, "#channel-warning")
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter")  # "now"
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("s")  # said once already: recorded at once this time
        await settle(pilot)
        assert pilot.app.screen.query("#prompt-input")
        await pilot.press("escape")
        await settle(pilot)
    (thanks,) = stored(db)["thank_yous"]
    assert thanks["channel"] == "text_message"
    assert thanks["sent_at"] == FIXED_NOW.isoformat()


async def test_a_thank_you_in_the_future_is_refused_in_place(db):
    seed(db, [acme()], profile=ROBIN)
    async with running(db) as pilot:
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        pilot.app.screen.query_one("#prompt-input").value = "tomorrow 9am"
        await pilot.press("enter")
        await settle(pilot)
        assert "still to come" in text_of(pilot, "#prompt-error")
        await pilot.press("escape")
        await settle(pilot)
    assert stored(db).get("thank_yous", []) == []


async def test_d11_the_guidance_names_the_next_good_time_in_both_zones(db):
    interview = acme()
    sent = ThankYou(interview.id, Channel.EMAIL, FIXED_NOW - timedelta(hours=16))
    seed(db, [interview], profile=ROBIN, thank_yous=[sent])
    async with running(db) as pilot:
        guidance = text_of(pilot, "#guidance")
    # 9:15 in New York is 6:15 in Los Angeles: the morning window there is still to come.
    assert "Next: Prepare — today 11:30 your time." in guidance  # the day is said once, in the step
    assert "Good time to call: 8:30–10:00 their time (11:30–13:00 your time)." in guidance


async def test_a_template_in_your_own_words_is_checked_then_kept_in_the_workbook(db):
    seed(db, [acme()], profile=ROBIN)
    mine = "Hi $interviewer_name, $my_name here about the $job_title role ($interviewed_when). Thanks! Call me back on $my_phone."
    async with running(db) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        editor = pilot.app.screen.query_one("#template-text")
        editor.text = "Hello from $my_nam"
        await settle(pilot)
        assert "did you mean $my_name?" in text_of(pilot, "#template-problems")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen.query("#template-text"), "a template with errors is not saved"
        editor.text = mine
        await settle(pilot)
        assert "Robin Castellano here about the Product Designer role (yesterday)" in text_of(
            pilot, "#template-preview"
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Robin Castellano here" in text_of(pilot, "#draft-text")  # back in the drafts, in your words
    (settings,) = stored(db)["settings"]
    assert settings["templates"] == {"voicemail": mine}


async def test_the_palette_offers_the_scripts_and_the_thank_you(db):
    seed(db, [acme()], profile=ROBIN)
    async with running(db) as pilot:
        from tui.screens.commands import app_commands

        titles = [command.title for command in app_commands(pilot.app, pilot.app.screen)]
    assert "Scripts: voicemail, talking points, thank-you email" in titles
    assert "Record a thank-you" in titles
