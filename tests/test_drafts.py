"""Drafts for the call and after it (D6, D7, D14, D16, D20) and the opening line of a call."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.domain.models import Interview, Interviewer, Profile, Qualification
from tui.domain.scripts import (
    VOICEMAIL_SECONDS,
    opening_line,
    said_slowly,
    spoken_seconds,
    talking_points,
    thank_you_email,
    voicemail,
)
from tui.domain.templates import VoicemailPart, voicemail_template_gaps

LA = ZoneInfo("America/Los_Angeles")
HELD = datetime(2026, 11, 24, 14, 0, tzinfo=LA)
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=LA)
SAM = Profile(name="Sam Lee", phone="+14155550134", email="sam@example.com", timezone="America/Los_Angeles")


def make(**kw) -> Interview:
    base = {
        "interviewed_at": HELD,
        "interviewer": Interviewer("Dana Reyes", email="dana@acme.example", greet_as="Ms. Reyes"),
        "interviewer_tz": "America/Los_Angeles",
        "qualifications": [
            Qualification("Grew a design team from 2 to 9", "Scaling the team"),
            Qualification("Ten years of UX research", "user research"),
        ],
    }
    return Interview("Acme", "Product Designer", **{**base, **kw})


def test_d14_drafts_greet_the_interviewer_as_the_user_does():
    assert voicemail(make(), SAM, NOW).text.startswith("Hello Ms. Reyes, this is Sam Lee.")
    first_name = make(interviewer=Interviewer("Dana Reyes"))
    assert thank_you_email(first_name, SAM, NOW).text.startswith("Hello Dana,\n")
    assert "Dana Reyes" not in voicemail(first_name, SAM, NOW).text


def test_d14_the_number_is_said_twice_the_second_time_slowly_in_groups():
    text = voicemail(make(), SAM, NOW).text
    assert "call me back at (415) 555-0134. That's 415, 555, 0134." in text
    assert said_slowly("+442079460000", "GB") == "020, 7946, 0000"
    assert said_slowly("+442079460000") == "+44, 20, 7946, 0000"
    london = Profile(name="Sam Lee", phone="+442079460000", timezone="Europe/London")
    assert "at 020 7946 0000. That's 020, 7946, 0000." in voicemail(make(), london, NOW).text


def test_d6_the_default_voicemail_takes_20_to_30_seconds_said_aloud():
    text = voicemail(make(), SAM, NOW).text
    assert VOICEMAIL_SECONDS[0] <= spoken_seconds(text) <= VOICEMAIL_SECONDS[1]


def test_d6_a_long_own_voicemail_is_said_to_take_too_long():
    own = (
        "$greeting, this is $my_name about the $job_title role; we met $interviewed_when. Thank you. "
        + "I wanted to say a great deal more about my background and my experience and my plans. " * 4
        + "Please call me back at $my_phone."
    )
    found = voicemail(make(), SAM, NOW, {"voicemail": own})
    assert any(note.startswith("Said aloud this takes about") for note in found.missing)


def test_d7_a_reason_to_call_thanks_them_and_offers_more_information():
    for draft in (voicemail(make(), SAM, NOW), talking_points(make(), SAM, NOW)):
        assert "Thank you" in draft.text
        assert "background or experience" in draft.text


def test_d14_an_interview_still_to_come_is_not_drafted_as_past():
    tomorrow = make(interviewed_at=NOW + timedelta(days=1))
    found = voicemail(tomorrow, SAM, NOW)
    assert "interviewed with you tomorrow" not in found.text
    assert "[when you interviewed]" in found.text
    assert "The interview is still to come (tomorrow); this is for after it." in found.missing
    assert "still to come" in thank_you_email(tomorrow, SAM, NOW).missing[0]


def test_d14_six_weeks_ago_is_about_a_month_ago():
    found = voicemail(make(), SAM, HELD + timedelta(weeks=6))
    assert "I interviewed with you about a month ago for" in found.text


GOOD = "Hi, $my_name here about the $job_title role from $interviewed_when. At $my_phone."


@pytest.mark.parametrize(
    ("words", "gaps"),
    [
        ("Thank you! Please call me back.", ()),
        ("Many thanks. Please don't hesitate to get in touch.", ()),
        ("I appreciate your time. Feel free to call me.", ()),
        ("Thanks again. I'd be happy to answer any questions.", ()),
        ("Thank you. Don't call me back.", (VoicemailPart.INVITATION,)),
        ("Thank you. No need to call me back.", (VoicemailPart.INVITATION,)),
        ("Thank you. You do not need to get back to me.", (VoicemailPart.INVITATION,)),
        ("Please call me back.", (VoicemailPart.THANKS,)),
    ],
)
def test_d14_the_voicemail_check_knows_natural_phrasings_and_negations(words, gaps):
    assert voicemail_template_gaps(f"{GOOD} {words}") == gaps


def test_d14_the_slow_number_alone_says_the_number():
    assert VoicemailPart.PHONE not in voicemail_template_gaps("$my_name $job_title $interviewed_when $my_phone_slowly")


def test_d20_the_email_ties_each_qualification_to_the_need_in_prose():
    text = thank_you_email(make(), SAM, NOW).text
    assert (
        "You mentioned scaling the team, and I grew a design team from 2 to 9. "
        "On user research, I bring ten years of UX research." in text
    )
    assert "Scaling the team:" not in text and "  – " not in text


def test_d20_a_qualification_without_a_need_still_reads_as_a_sentence():
    iv = make(qualifications=(Qualification("Shipped iOS apps"),))
    assert "I shipped iOS apps." in thank_you_email(iv, SAM, NOW).text


@pytest.mark.parametrize(
    ("kwargs", "now", "line"),
    [
        ({}, NOW, "Hi Ms. Reyes, it's Sam Lee — we met yesterday about the Product Designer role"),
        ({"interviewer": Interviewer("Dana Reyes")}, NOW, "Hi Dana, it's Sam Lee — we met yesterday about the Product Designer role"),
        ({"interviewer": Interviewer()}, NOW, "Hi, it's Sam Lee — we met yesterday about the Product Designer role"),
        ({"interviewed_at": None}, NOW, "Hi Ms. Reyes, it's Sam Lee — we met about the Product Designer role"),
        ({}, HELD + timedelta(weeks=6), "Hi Ms. Reyes, it's Sam Lee — we met about a month ago about the Product Designer role"),
        ({"interviewed_at": NOW + timedelta(days=1)}, NOW,
         "Hi Ms. Reyes, it's Sam Lee — we are meeting tomorrow about the Product Designer role"),
    ],
)  # fmt: skip
def test_d16_the_opening_line_of_a_call(kwargs, now, line):
    assert opening_line(make(**kwargs), SAM, now) == line


def test_d16_the_opening_line_marks_a_missing_name():
    assert opening_line(make(), Profile(), NOW).startswith("Hi Ms. Reyes, it's [your name] — ")
